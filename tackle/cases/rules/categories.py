"""Home Office statistics categories: how our own codes read in the NRM statistics and in exports.

Pure functions over plain values, no database, so the register, exports and tests agree on one
wording. The Home Office publishes its NRM figures in these categories; an export that a council
sends on, or compares with the national figures, must use them exactly.
"""

from collections.abc import Iterable
from itertools import combinations

from tackle.cases.models.choices import AgeGroup, ExploitationLocation, ExploitationType, Gender
from tackle.core.roles import OrganisationKind

NOT_SPECIFIED = "Not specified or unknown"

# The Home Office's fixed order of the five exploitation flags; a combination is named by joining
# the labels of the flags it has, in this order, with " & ".
EXPLOITATION_ORDER: tuple[tuple[str, str], ...] = (
    (ExploitationType.SEXUAL, "Sexual"),
    (ExploitationType.LABOUR, "Labour"),
    (ExploitationType.DOMESTIC_SERVITUDE, "Domestic"),
    (ExploitationType.CRIMINAL, "Criminal"),
    (ExploitationType.ORGAN_HARVESTING, "Organ Harvesting"),
)

AGE_GROUP_LABELS: dict[str, str] = {
    AgeGroup.ADULT: "Adult (18 or over)",
    AgeGroup.CHILD: "Child (17 or under)",
    AgeGroup.UNKNOWN: NOT_SPECIFIED,
}

# The Home Office publishes three genders. "Not known" has no category of its own there and is
# counted as Other.
GENDER_LABELS: dict[str, str] = {
    Gender.FEMALE: "Female",
    Gender.MALE: "Male",
    Gender.OTHER: "Other",
    Gender.UNKNOWN: "Other",
}

LOCATION_LABELS: dict[str, str] = {
    ExploitationLocation.UK: "UK",
    ExploitationLocation.OVERSEAS: "Overseas",
    ExploitationLocation.UK_AND_OVERSEAS: "UK and Overseas",
    ExploitationLocation.UNKNOWN: NOT_SPECIFIED,
}

FIRST_RESPONDER_LABELS: dict[str, str] = {
    OrganisationKind.COUNCIL: "Local Authority",
    OrganisationKind.POLICE: "Police",
    OrganisationKind.NGO: "NGO and third sector",
}
GOVERNMENT_AGENCY = "Government agency"


def exploitation_category(types: Iterable[str] | None) -> str:
    """The Home Office category for a case's exploitation flags: labour and criminal read
    "Labour & Criminal"; no flag reads "Not specified or unknown". Codes we do not know are ignored."""
    present = set(types or ())
    labels = [label for code, label in EXPLOITATION_ORDER if code in present]
    return " & ".join(labels) if labels else NOT_SPECIFIED


def exploitation_categories() -> list[str]:
    """Every category, in publication order: single flags first, then pairs, and so on, each in
    the Home Office order of the flags; "Not specified or unknown" last. 32 in all."""
    codes = [code for code, _ in EXPLOITATION_ORDER]
    named = [exploitation_category(chosen) for size in range(1, len(codes) + 1) for chosen in combinations(codes, size)]
    return [*named, NOT_SPECIFIED]


def age_group_label(age_group: str) -> str:
    return AGE_GROUP_LABELS.get(age_group, NOT_SPECIFIED)


def gender_label(gender: str) -> str:
    return GENDER_LABELS.get(gender, "Other")


def location_label(location: str) -> str:
    return LOCATION_LABELS.get(location, NOT_SPECIFIED)


def first_responder_type(organisation_kind: str) -> str:
    """Councils are Local Authority first responders; police and NGOs have their own categories;
    every other agency (health, fire, GLAA, HMRC, immigration) is a Government agency."""
    return FIRST_RESPONDER_LABELS.get(organisation_kind, GOVERNMENT_AGENCY)


def yes_no(value: bool) -> str:
    return "Yes" if value else "No"
