import pytest
from hypothesis import given
from hypothesis import strategies as st

from tackle.core.identifiers import is_uprn, normalise_company_number, normalise_postcode


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("b66 1aa", "B66 1AA"),
        ("B661AA", "B66 1AA"),
        (" sw1a  2aa ", "SW1A 2AA"),
        (" SW1A-1AA ", "SW1A 1AA"),
        ("M1 1AE", "M1 1AE"),
        ("EC1A1BB", "EC1A 1BB"),
        ("B66 1CA", None),  # C is never a unit letter
        ("NOTAPOSTCODE", None),
        ("12345", None),
        ("B66", None),
        ("", None),
        (None, None),
    ],
)
def test_postcodes_are_normalised_or_refused(text, expected):
    assert normalise_postcode(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1234567", "01234567"),
        ("123456", "00123456"),
        ("123 4567", "01234567"),
        ("12-345-678", "12345678"),
        ("sc123456", "SC123456"),
        ("sc 12345", "SC012345"),
        ("NI1234", "NI001234"),
        ("R0123456", "R0123456"),
        ("XX123456", "XX123456"),  # imports accept any two letters
        ("123456789", None),
        ("SC1234567", None),
        ("ABC", None),
        ("not a number", None),
        ("", None),
        (None, None),
    ],
)
def test_company_numbers_are_padded_to_eight_characters_or_refused(text, expected):
    assert normalise_company_number(text) == expected


def test_a_form_accepts_only_the_prefixes_companies_house_uses():
    assert normalise_company_number("sc123456", known_prefixes_only=True) == "SC123456"
    assert normalise_company_number("XX123456", known_prefixes_only=True) is None
    assert normalise_company_number("123456", known_prefixes_only=True) == "00123456"


@given(st.text(max_size=20))
def test_a_normalised_identifier_reads_the_same_again(text):
    for normalise in (normalise_postcode, normalise_company_number):
        once = normalise(text)
        assert once is None or normalise(once) == once
    number = normalise_company_number(text)
    assert number is None or len(number) == 8


def test_uprns_are_up_to_twelve_digits():
    assert is_uprn("100070000001")
    assert not is_uprn("1000700000012")
    assert not is_uprn("12A")
    assert not is_uprn(None)
