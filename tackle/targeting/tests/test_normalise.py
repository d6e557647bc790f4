"""The normalisers: two ways of writing the same business come out the same, different ones do not."""

from datetime import date

import pytest

from tackle.targeting.normalise import (
    address_numbers,
    name_key,
    normalise_address,
    normalise_name,
    parse_date,
    postcode_sector,
    premises_type,
)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Sparkle Hand Car Wash Ltd", "SPARKLE HAND CAR WASH LIMITED"),
        ("A & B Nails", "A and B Nails"),
        ("Joe's Nails.", "Joes Nails"),
        ("Smith Bros (UK) Ltd", "Smith Brothers UK Limited"),
        ("Sparkle Carwash", "Sparkle Car Wash"),
        ("The Golden Dragon Co.", "Golden Dragon Company"),
        ("Kebab Centre T/A", "Kebab Center"),
    ],
)
def test_two_spellings_of_a_business_name_have_the_same_key(first, second):
    assert name_key(first) == name_key(second)


def test_a_name_keeps_its_legal_words_when_normalised_but_not_in_its_key():
    assert normalise_name("Sparkle & Co Ltd") == "sparkle and company limited"
    assert name_key("Sparkle & Co Ltd") == "sparkle"


def test_different_businesses_keep_different_keys():
    assert name_key("Sparkle Car Wash") != name_key("Sparkle Nails")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("12 High St", "12 High Street"),
        ("4 Mill Rd.", "4 MILL ROAD"),
        ("Flat 2, 10 Park Ave", "Unit 2 10 Park Avenue"),
        ("No. 5 Church Ln", "5 Church Lane"),
    ],
)
def test_two_spellings_of_an_address_normalise_alike(first, second):
    assert normalise_address(first) == normalise_address(second)


def test_address_numbers_are_the_house_and_flat_numbers():
    assert address_numbers(normalise_address("Flat 2a, 10 Park Ave")) == {"2a", "10"}
    assert address_numbers(normalise_address("Long Lane")) == frozenset()


def test_the_postcode_sector_is_the_outward_code_and_first_inward_digit():
    assert postcode_sector("B70 6AB") == "B70 6"
    assert postcode_sector("SW1A 1AA") == "SW1A 1"


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (("Car wash", "Anything"), "hand_car_wash"),
        (("", "Sparkle Hand Carwash Ltd"), "hand_car_wash"),
        (("", "Lovely Nails"), "nail_bar"),
        (("House in multiple occupation",), "hmo"),
        (("HMO licence",), "hmo"),
        (("", "Golden Dragon Takeaway"), "takeaway"),
        (("Fish & chips",), "takeaway"),
        (("", "Green Acres Farm"), "farm"),
        (("Nursing home",), "care_home"),
        (("Retail", "Corner Shop"), "other"),
    ],
)
def test_the_premises_type_comes_from_the_type_column_then_the_name(texts, expected):
    assert premises_type(*texts) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2026-03-27", date(2026, 3, 27)),
        ("27/03/2026", date(2026, 3, 27)),
        ("27-03-2026", date(2026, 3, 27)),
        ("27 March 2026", date(2026, 3, 27)),
        ("2026-03-27T10:00:00", date(2026, 3, 27)),
        ("31/02/2026", None),
        ("soon", None),
    ],
)
def test_dates_in_the_shapes_regulators_export(raw, expected):
    assert parse_date(raw) == expected
