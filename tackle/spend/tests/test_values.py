from datetime import date
from decimal import Decimal

import pytest

from tackle.spend.screening.values import (
    AmountError,
    DateError,
    is_time_only,
    parse_amount,
    parse_date,
    period_in_text,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1234.56", "1234.56"),
        ("1,234.56", "1234.56"),
        ("£1,234.56", "1234.56"),
        (" £ 500 ", "500"),
        ("GBP 12.5", "12.5"),
        ("(500.00)", "-500.00"),
        ("(£1,000)", "-1000"),
        ("500.00-", "-500.00"),
        ("-£20.00", "-20.00"),
        ("250.00 CR", "-250.00"),
        ('"1,000.10"', "1000.10"),
        ("+75", "75"),
        (".5", "0.5"),
    ],
)
def test_amounts_are_read_the_ways_councils_write_them(text, expected):
    assert parse_amount(text) == Decimal(expected)
    assert str(parse_amount(text)) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "amount is missing"),
        ("  ", "amount is missing"),
        ("n/a", "not a number"),
        ("NaN", "not a number"),
        ("Infinity", "not a number"),
        ("1e5", "not a number"),
        ("1_000", "not a number"),
        ("12.3.4", "not a number"),
        ("1234567890123.00", "not a number"),  # over a trillion: a shifted column, not a payment
        ("0.0000001", "not a number"),
        ("--5", "not a number"),
    ],
)
def test_text_that_is_not_an_amount_is_refused_with_a_reason(text, reason):
    with pytest.raises(AmountError, match=reason):
        parse_amount(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("08/06/2012", date(2012, 6, 8)),
        ("8/6/12", date(2012, 6, 8)),
        ("08-06-2012", date(2012, 6, 8)),
        ("08.06.2012", date(2012, 6, 8)),
        ("2012-06-08", date(2012, 6, 8)),
        ("2012-06-08 00:00:00", date(2012, 6, 8)),
        ("2012-06-08T13:45", date(2012, 6, 8)),
        ("01-JUN-2012", date(2012, 6, 1)),
        ("1 June 2012", date(2012, 6, 1)),
        ("1st Sept 2012", date(2012, 9, 1)),
        ("41068", date(2012, 6, 8)),  # a spreadsheet serial number
        ("  ", None),
    ],
)
def test_dates_are_read_day_first_in_many_formats(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["31/02/2012", "2012-13-01", "next tuesday", "01-Foo-2012", "1/1/1850", "12345"])
def test_impossible_or_unreadable_dates_are_refused(text):
    with pytest.raises(DateError, match="date not recognised"):
        parse_date(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2011-06-payments.csv", date(2011, 6, 1)),
        ("Payments over £500 July 2024.csv", date(2024, 7, 1)),
        ("spend_july_2024.xlsx", date(2024, 7, 1)),
        ("Q2 2023-24.csv", date(2023, 7, 1)),
        ("Spend Q4 2023/2024", date(2024, 1, 1)),
        ("spend 2023-24 Q3.csv", date(2023, 10, 1)),
        ("Transparency spend 2023-24.csv", date(2023, 4, 1)),
        ("Invoice Approval Date From: 01-JUN-2012", date(2012, 6, 1)),
        ("payments.csv", None),
        ("Q2 2023-25.csv", None),  # not one financial year
        ("Report date 02/07/2012", None),  # a day the report was run, not a period
        ("mayor's spend 2024", None),
    ],
)
def test_the_period_a_files_name_or_title_names_is_found(text, expected):
    assert period_in_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("09:30:00", True), ("9:30 am", True), ("0.395833", True), ("25/06/2012", False), ("12", False), ("", False)],
)
def test_a_time_of_day_without_a_date_is_told_apart(text, expected):
    assert is_time_only(text) is expected
