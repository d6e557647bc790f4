"""Checks on a reading: whose statement it is, and whether it is out of date."""

from datetime import date

import pytest

from tackle.statement_reader.rules.checks import name_key, organisations_named, other_organisation, out_of_date

OTHER = (
    "This statement is made on behalf of Acme Holdings Limited and its subsidiaries. "
    "The Company trains its staff. We work with Westbury Borough Council."
)


def test_organisations_are_found_by_their_legal_or_corporate_word():
    assert organisations_named(OTHER + " Signed for Smith & Sons Ltd.") == [
        "Acme Holdings Limited",
        "Westbury Borough Council",
        "Smith & Sons Ltd",
    ]


def test_names_compare_without_the_words_that_only_say_what_kind_of_body_it_is():
    assert name_key("The Acme Cleaning Co. Ltd") == name_key("ACME CLEANING LIMITED") == "acme cleaning"


def test_a_statement_naming_another_organisation_and_not_the_supplier_is_warned_about():
    warning = other_organisation([OTHER], ["Bright Care Homes Ltd"])
    assert warning is not None and warning.kind == "other_organisation"
    assert warning.message.startswith(
        "The statement names Acme Holdings Limited, Westbury Borough Council but not Bright Care Homes Ltd"
    )


@pytest.mark.parametrize(
    "expected",
    [
        ["Acme Holdings Ltd"],  # the same company, written another way
        ["Acme Holdings PLC"],
        ["Bright Care", "Acme Holdings"],  # one of its other names
    ],
)
def test_a_statement_naming_the_supplier_by_any_of_its_names_is_not_warned_about(expected):
    assert other_organisation([OTHER], expected) is None


def test_a_statement_naming_no_organisation_at_all_is_not_warned_about():
    assert other_organisation(["The Company trains all its staff."], ["Bright Care Homes Ltd"]) is None


@pytest.mark.parametrize(
    ("today", "stale"),
    [(date(2020, 9, 30), False), (date(2020, 10, 1), True), (date(2026, 12, 5), True), (date(2019, 6, 1), False)],
)
def test_a_statement_is_out_of_date_once_the_next_years_was_due(today, stale):
    warning = out_of_date(date(2018, 4, 1), date(2019, 3, 31), today)
    assert (warning is not None) is stale
    if warning:
        assert warning.message == (
            "The statement covers 1 April 2018 to 31 March 2019: it is out of date. A statement is due each "
            "financial year, within six months of its end, so the next one was due by 30 September 2020."
        )


def test_a_statement_with_no_period_found_is_not_called_out_of_date():
    assert out_of_date(None, None, date(2030, 1, 1)) is None
