"""Guessing columns from headers: known names, close spellings and tell-tale words, one column a field."""

from tackle.core.columns import KNOWN_SCORE, TELL_SCORE, Vocabulary, fold_header

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
