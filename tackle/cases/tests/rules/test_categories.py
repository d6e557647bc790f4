from itertools import combinations, permutations

import pytest

from tackle.cases.models import AgeGroup, ExploitationLocation, ExploitationType, Gender
from tackle.cases.rules.categories import (
    NOT_SPECIFIED,
    age_group_label,
    exploitation_categories,
    exploitation_category,
    first_responder_type,
    gender_label,
    location_label,
    yes_no,
)
from tackle.core.roles import OrganisationKind

T = ExploitationType
HOME_OFFICE_ORDER = [
    (T.SEXUAL, "Sexual"),
    (T.LABOUR, "Labour"),
    (T.DOMESTIC_SERVITUDE, "Domestic"),
    (T.CRIMINAL, "Criminal"),
    (T.ORGAN_HARVESTING, "Organ Harvesting"),
]
ALL_COMBINATIONS = [chosen for size in range(1, 6) for chosen in combinations(HOME_OFFICE_ORDER, size)]


def test_there_are_31_flag_combinations_and_the_empty_one():
    assert len(ALL_COMBINATIONS) == 31
    assert len(exploitation_categories()) == 32
    assert len(set(exploitation_categories())) == 32


@pytest.mark.parametrize("chosen", ALL_COMBINATIONS, ids=lambda chosen: "+".join(code for code, _ in chosen))
def test_every_combination_joins_its_labels_in_home_office_order(chosen):
    expected = " & ".join(label for _, label in chosen)
    codes = [code for code, _ in chosen]
    # Whatever order the flags were stored in, the name follows the Home Office order.
    for ordering in permutations(codes):
        assert exploitation_category(list(ordering)) == expected
    assert expected in exploitation_categories()


def test_no_flag_is_not_specified_or_unknown():
    assert exploitation_category([]) == "Not specified or unknown"
    assert exploitation_category(None) == NOT_SPECIFIED
    assert exploitation_categories()[-1] == NOT_SPECIFIED


def test_examples_read_as_the_home_office_publishes_them():
    assert exploitation_category([T.CRIMINAL, T.LABOUR]) == "Labour & Criminal"
    assert exploitation_category([T.DOMESTIC_SERVITUDE]) == "Domestic"
    assert exploitation_category([T.ORGAN_HARVESTING, T.SEXUAL]) == "Sexual & Organ Harvesting"
    assert exploitation_category(list(T.values)) == "Sexual & Labour & Domestic & Criminal & Organ Harvesting"


def test_unknown_codes_and_repeats_are_ignored():
    assert exploitation_category(["labour", "labour", "made_up"]) == "Labour"
    assert exploitation_category(["made_up"]) == NOT_SPECIFIED


def test_categories_are_listed_singles_first_then_pairs():
    categories = exploitation_categories()
    assert categories[:5] == ["Sexual", "Labour", "Domestic", "Criminal", "Organ Harvesting"]
    assert categories[5] == "Sexual & Labour"


def test_age_group_labels():
    assert age_group_label(AgeGroup.ADULT) == "Adult (18 or over)"
    assert age_group_label(AgeGroup.CHILD) == "Child (17 or under)"
    assert age_group_label(AgeGroup.UNKNOWN) == "Not specified or unknown"
    assert age_group_label("") == "Not specified or unknown"


def test_gender_labels_are_the_three_home_office_ones():
    assert gender_label(Gender.FEMALE) == "Female"
    assert gender_label(Gender.MALE) == "Male"
    assert gender_label(Gender.OTHER) == "Other"
    assert gender_label(Gender.UNKNOWN) == "Other"
    assert {gender_label(value) for value in Gender.values} == {"Female", "Male", "Other"}


def test_location_labels():
    assert location_label(ExploitationLocation.UK) == "UK"
    assert location_label(ExploitationLocation.OVERSEAS) == "Overseas"
    assert location_label(ExploitationLocation.UK_AND_OVERSEAS) == "UK and Overseas"
    assert location_label(ExploitationLocation.UNKNOWN) == "Not specified or unknown"


@pytest.mark.parametrize(
    ("kind", "label"),
    [
        (OrganisationKind.COUNCIL, "Local Authority"),
        (OrganisationKind.POLICE, "Police"),
        (OrganisationKind.NGO, "NGO and third sector"),
        (OrganisationKind.HEALTH, "Government agency"),
        (OrganisationKind.FIRE, "Government agency"),
        (OrganisationKind.OTHER_AGENCY, "Government agency"),
    ],
)
def test_first_responder_type_follows_the_organisation_kind(kind, label):
    assert first_responder_type(kind) == label


def test_every_organisation_kind_has_a_first_responder_type():
    labels = {"Local Authority", "Police", "NGO and third sector", "Government agency"}
    assert {first_responder_type(kind) for kind in OrganisationKind.values} == labels


def test_yes_no():
    assert (yes_no(True), yes_no(False)) == ("Yes", "No")
