from dataclasses import dataclass

import pytest

from tackle.spend.screening.matching import Register, is_redacted, normalise_name


@dataclass(frozen=True)
class Entry:
    supplier_id: int
    name: str
    other_names: tuple[str, ...] = ()
    company_number: str = ""
    sectors: tuple[str, ...] = ()
    has_statement: bool = False


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Veolia ES (UK) Ltd", "VEOLIA ES (UK) LIMITED"),
        ("Harrison Catering Services Ltd", "Harrison Catering"),
        ("Mulalley & Co Ltd", "Mulalley and Co"),
        ("The Hesley Group Ltd", "Hesley Group"),
        ("A.N.D Projects LLP", "A N D Projects"),
    ],
)
def test_names_that_differ_only_in_form_normalise_alike(one, other):
    assert normalise_name(one) == normalise_name(other)


@pytest.mark.parametrize("name", ["REDACTED", "Redacted - personal data", "*****", "Private Individual", "xxxx", " "])
def test_withheld_names_are_recognised(name):
    assert is_redacted(name)


def test_ordinary_names_are_not_taken_for_redactions():
    assert not is_redacted("Lambeth Living Ltd")


REGISTER = Register(
    [
        Entry(1, "Bright Care Homes Limited", other_names=("Bright Homes",), company_number="01234567"),
        Entry(2, "Secure Guarding Services Ltd", company_number="SC123456"),
    ]
)


def test_a_payee_matches_by_company_number_first():
    match = REGISTER.match("Some Other Name", "1234567")
    assert match is not None and match.entry.supplier_id == 1 and match.how == "company number"


def test_company_numbers_match_however_the_spend_file_writes_them():
    """Spreadsheets drop leading zeros and add spaces; a cell that is no number matches nothing."""
    assert REGISTER.match("Someone Else", "1234567").entry.supplier_id == 1  # type: ignore[union-attr]
    assert REGISTER.match("Someone Else", "sc 123456").entry.supplier_id == 2  # type: ignore[union-attr]
    assert REGISTER.match("Nobody At All", "not a number") is None


def test_a_payee_matches_by_name_or_other_name():
    assert REGISTER.match("BRIGHT CARE HOMES LTD").entry.supplier_id == 1  # type: ignore[union-attr]
    assert REGISTER.match("Bright Homes").how == "name"  # type: ignore[union-attr]


def test_a_misspelt_payee_matches_fuzzily_and_says_so():
    match = REGISTER.match("Secure Gaurding Ltd")
    assert match is not None and match.entry.supplier_id == 2
    assert match.how.startswith("fuzzy name (score ")


def test_an_unrelated_payee_does_not_match():
    assert REGISTER.match("Thames Water Utilities Ltd") is None
    assert REGISTER.match("") is None
