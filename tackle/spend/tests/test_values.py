from datetime import date
from decimal import Decimal

import pytest

from tackle.spend.screening.values import AmountError, DateError, parse_amount, parse_date


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
