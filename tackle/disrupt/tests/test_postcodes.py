import pytest

from tackle.disrupt.postcodes import is_uprn, normalise_company_number, normalise_postcode


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("b66 1aa", "B66 1AA"),
        ("B661AA", "B66 1AA"),
        (" sw1a  2aa ", "SW1A 2AA"),
        ("M1 1AE", "M1 1AE"),
        ("EC1A 1BB", "EC1A 1BB"),
        ("B66 1CA", None),  # C is never a unit letter
        ("12345", None),
        ("", None),
        ("B66", None),
    ],
)
def test_postcodes_are_normalised_or_refused(text, expected):
    assert normalise_postcode(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("123456", "00123456"),
        ("sc123456", "SC123456"),
        ("12345678", "12345678"),
        ("XX123456", None),
        ("1234567890", None),
    ],
)
def test_company_numbers_are_normalised_or_refused(text, expected):
    assert normalise_company_number(text) == expected


def test_a_uprn_is_up_to_twelve_digits():
    assert is_uprn("100070000001")
    assert not is_uprn("1000700000012")
    assert not is_uprn("12A")
