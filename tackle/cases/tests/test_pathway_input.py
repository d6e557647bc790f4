"""Reading the pathway input: every refusal names the field at fault."""

import json
from datetime import timedelta, timezone

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from tackle.cases.rules.pathway import PathwayFacts, PathwayInputError, parse_pathway_input

SEEN = "2025-03-01T14:30:00+01:00"


def test_minimal_input_gets_the_defaults():
    facts = parse_pathway_input({"encountered_at": SEEN})
    assert facts.encountered_at.utcoffset() == timedelta(hours=1)
    assert facts == PathwayFacts(encountered_at=facts.encountered_at)


def test_full_input_is_read():
    facts = parse_pathway_input(
        {
            "encountered_at": "2025-03-01T14:30:00Z",
            "age": None,
            "appears_under_18": True,
            "age_disputed": True,
            "consent_to_nrm": None,
            "immediate_danger": True,
            "care_and_support_needs": False,
            "destitute": True,
            "concern_about": "supplier",
            "indicators": ["debt", "documents held by the boss"],
            "exploitation_types": ["labour", "criminal", "labour"],
        }
    )
    assert facts.encountered_at.utcoffset() == timedelta(0)
    assert facts.appears_under_18 is True and facts.age is None and facts.destitute is True
    assert facts.indicators == ("debt", "documents held by the boss")
    assert facts.exploitation_types == ("labour", "criminal")


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({}, "encountered_at"),
        ({"encountered_at": None}, "encountered_at"),
        ({"encountered_at": 20250301}, "encountered_at"),
        ({"encountered_at": "yesterday"}, "encountered_at"),
        ({"encountered_at": "2025-03-01T14:30:00"}, "encountered_at"),  # no offset
        ({"encountered_at": "2025-03-01"}, "encountered_at"),
        ({"encountered_at": "1066-10-14T09:00:00Z"}, "encountered_at"),
        ({"age": "17"}, "age"),
        ({"age": 17.5}, "age"),
        ({"age": True}, "age"),  # a bool is not an age
        ({"age": -1}, "age"),
        ({"age": 131}, "age"),
        ({"appears_under_18": "yes"}, "appears_under_18"),
        ({"appears_under_18": 1}, "appears_under_18"),
        ({"age_disputed": None}, "age_disputed"),
        ({"consent_to_nrm": "no"}, "consent_to_nrm"),
        ({"consent_to_nrm": 0}, "consent_to_nrm"),  # an int is not a bool
        ({"immediate_danger": "true"}, "immediate_danger"),
        ({"care_and_support_needs": None}, "care_and_support_needs"),
        ({"destitute": 1}, "destitute"),
        ({"concern_about": "landlord"}, "concern_about"),
        ({"concern_about": None}, "concern_about"),
        ({"indicators": "debt"}, "indicators"),
        ({"indicators": [1]}, "indicators"),
        ({"indicators": [" "]}, "indicators"),
        ({"exploitation_types": ["forced_marriage"]}, "exploitation_types"),
        ({"exploitation_types": "labour"}, "exploitation_types"),
        ({"name": "Ana"}, "name"),  # unknown keys are refused, not ignored
    ],
)
def test_bad_input_names_the_field(data, field):
    data = {"encountered_at": SEEN, **data} if field != "encountered_at" else data
    with pytest.raises(PathwayInputError) as caught:
        parse_pathway_input(data)
    assert caught.value.field == field
    assert field in caught.value.message


@pytest.mark.parametrize("data", [None, [], "text", 3])
def test_input_that_is_not_an_object_is_refused(data):
    with pytest.raises(PathwayInputError, match="JSON object") as caught:
        parse_pathway_input(data)
    assert caught.value.field == ""


@pytest.mark.parametrize(
    ("data", "welsh"),
    [
        ({"encountered_at": SEEN, "age": -1}, "age: rhowch nifer cyfan o flynyddoedd o 0 i "),
        ({"encountered_at": "2025-03-01T14:30:00"}, "encountered_at: ychwanegwch wrthbwyso UTC fel +00:00 neu Z"),
        ({"encountered_at": SEEN, "destitute": "yes"}, "destitute: rhaid iddo fod yn true neu false"),
        ({"encountered_at": SEEN, "zeta": 1}, "zeta: nid yw"),
    ],
)
def test_refusals_read_in_the_readers_language_and_still_name_the_field(data, welsh):
    """Issue 21: the API's 400 and the pages show these; field names and values stay as the JSON has them."""
    with translation.override("cy"), pytest.raises(PathwayInputError) as caught:
        parse_pathway_input(data)
    assert caught.value.message.startswith(welsh)


def test_the_first_unknown_key_is_named_in_order():
    with pytest.raises(PathwayInputError) as caught:
        parse_pathway_input({"encountered_at": SEEN, "zeta": 1, "alpha": 2})
    assert caught.value.field == "alpha"


offsets = st.integers(min_value=-12 * 60, max_value=14 * 60).map(lambda minutes: timezone(timedelta(minutes=minutes)))


@given(
    moment=st.datetimes(timezones=offsets).filter(lambda moment: 1900 <= moment.year <= 2999),
    age=st.none() | st.integers(min_value=0, max_value=130),
    consent=st.none() | st.booleans(),
)
def test_valid_json_round_trips(moment, age, consent):
    text = json.dumps({"encountered_at": moment.isoformat(), "age": age, "consent_to_nrm": consent})
    facts = parse_pathway_input(json.loads(text))
    assert facts.encountered_at == moment and facts.encountered_at.utcoffset() == moment.utcoffset()
    assert facts.age == age and facts.consent_to_nrm is consent


@given(st.dictionaries(st.text(max_size=8), st.none() | st.booleans() | st.integers() | st.text(max_size=8)))
def test_any_object_is_read_or_refused_with_a_field_never_crashes(data):
    try:
        parse_pathway_input(data)
    except PathwayInputError as error:
        assert error.field in data or error.field == "encountered_at"
