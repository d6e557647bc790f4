"""Guessing columns from headers: known names, close spellings and tell-tale words, one column a field."""

import html

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from tackle.core.columns import (
    KNOWN_SCORE,
    TELL_SCORE,
    ColumnsToConfirm,
    Vocabulary,
    column_choices,
    confidence,
    confirmed_columns,
    fold_header,
    parse_map,
    with_corrections,
)

WORDS = Vocabulary(
    {"name": ["supplier name", "supplier", "name"], "amount": ["net amount", "amount", "gross amount"]},
    [(r"amount", "amount")],
)


def test_headers_fold_case_spaces_punctuation_and_pound_signs():
    assert fold_header("  Supplier_NAME ") == "supplier name"
    assert fold_header("Bid value (£)") == "bid value"


def test_a_known_name_a_close_spelling_and_a_tell_tale_word_each_say_how_sure_they_are():
    assert WORDS.guess("Supplier Name").score == KNOWN_SCORE
    close = WORDS.guess("Suplier nmae")
    assert close.field == "name" and TELL_SCORE < close.score < KNOWN_SCORE and close.how.startswith("close to")
    assert WORDS.guess("Amount due to be paid").score == TELL_SCORE
    assert WORDS.guess("Notes") is None


def test_each_field_gets_its_best_column_and_a_column_serves_one_field():
    chosen = WORDS.assign(["Gross amount", "Supplier", "Net amount", "Name"])
    assert {field: column for field, (column, _guess) in chosen.items()} == {"name": 1, "amount": 2}


def test_a_known_name_is_sure_and_a_close_spelling_less_so():
    names = Vocabulary({"supplier": ["supplier name"]}, [(r"vendor", "supplier")])
    assert [confidence(names.guess(h).score) for h in ("Supplier Name", "Suplier nmae", "Vendor ID")] == [
        1.0,
        confidence(names.guess("Suplier nmae").score),
        0.6,
    ]
    assert 0.6 < confidence(names.guess("Suplier nmae").score) < 1


def test_column_choices_show_the_first_values_and_which_were_guessed():
    names = Vocabulary({"supplier": ["supplier"], "amount": ["amount"]}, [(r"paid", "amount")])
    header = ["Supplier", "Paid £"]
    choices = column_choices(
        {"supplier": "Supplier", "amount": "Amount", "date": "Date"},
        {"supplier"},
        header,
        names.assign(header),
        [["Acme", "1"], ["", "2"], ["Bee", "3"], ["Cee", "4"], ["Dee", "5"]],
    )
    assert [(c.field, c.column, c.guessed, c.samples) for c in choices] == [
        ("supplier", 0, False, ("Acme", "Bee", "Cee")),
        ("amount", 1, True, ("1", "2", "3")),
        ("date", None, False, ()),
    ]


def test_map_options_name_columns_by_header_as_written_or_folded():
    header = ["Supplier", " Paid (£) ", "Notes"]
    assert parse_map(["supplier=Supplier", "amount=paid", "notes="], header, ["supplier", "amount", "notes"]) == {
        "supplier": 0,
        "amount": 1,
        "notes": None,
    }
    with pytest.raises(ValueError, match="FIELD one of supplier, amount"):
        parse_map(["colour=Notes"], header, ["supplier", "amount"])
    with pytest.raises(ValueError, match=r"no column is headed 'Price' \(the columns are 'Supplier', 'Paid \(£\)'"):
        parse_map(["amount=Price"], header, ["supplier", "amount"])


def test_a_correction_takes_its_column_from_any_other_field():
    names = Vocabulary({"supplier": ["supplier"], "amount": ["amount"]})
    chosen = with_corrections(names.assign(["supplier", "amount"]), {"amount": 0, "supplier": None})
    assert {name: (column, guess.how) for name, (column, guess) in chosen.items()} == {"amount": (0, "chosen by you")}


def test_every_importers_column_table_says_in_welsh_how_each_column_was_chosen():
    """Issue 21: the shared table shows the English `how` in the reader's language; it stays English."""
    names = Vocabulary({"supplier": ["supplier"], "amount": ["amount"]}, [(r"paid", "amount")])
    header = ["Suplier", "Paid"]
    choices = column_choices(
        {"supplier": "Supplier", "amount": "Amount"}, {"supplier"}, header, names.assign(header), []
    )
    assert [choice.how for choice in choices] == ["close to 'supplier'", "contains 'paid'"]
    with translation.override("cy"):
        table = html.unescape(render_to_string("core/includes/column_choices.html", {"choices": choices}))
    assert "(yn agos at 'supplier')" in table
    assert "(yn cynnwys 'paid')" in table


def test_the_request_to_confirm_columns_reads_in_welsh():
    with translation.override("cy"), pytest.raises(ColumnsToConfirm) as caught:
        confirmed_columns(WORDS, {"name": "Name", "amount": "Amount"}, {"name", "amount"}, ["Notes"], [])
    assert caught.value.message.startswith("Nid oes colofn yn dal y canlynol: ")
    with translation.override("cy"), pytest.raises(ColumnsToConfirm) as caught:
        confirmed_columns(WORDS, {"name": "Name", "amount": "Amount"}, {"name"}, ["Suplier nmae", "Paid"], [])
    assert caught.value.message.startswith("Gwiriwch y colofnau a ddyfalwyd")
