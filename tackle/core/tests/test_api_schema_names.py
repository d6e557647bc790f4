"""The OpenAPI schema generates cleanly (issue 19): clients generated from it get one named type per choice
set and one name per operation, so a generator warning, a hashed enum name or a doubled one fails here."""

import re

import pytest
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator

# What drf-spectacular falls back to when ENUM_NAME_OVERRIDES does not name a choice set: the field's name
# and three characters of the choices' hash (StatusD4bEnum), or the component's name before the field's
# (KindKindEnum, RankedPremisesPremisesTypeEnum).
HASHED = re.compile(r"[0-9A-F][0-9a-f]{2}Enum$")
DOUBLED = re.compile(r"([A-Z][a-z]+)\1")


@pytest.fixture(scope="module")
def generated() -> tuple[dict, list[str]]:
    """The schema and what the generator warned of or refused while making it."""
    GENERATOR_STATS.reset()  # it keeps what earlier generations in this process reported
    with GENERATOR_STATS.silence():
        schema = SchemaGenerator().get_schema(request=None, public=True)
    complaints = [*GENERATOR_STATS._warn_cache, *GENERATOR_STATS._error_cache]
    GENERATOR_STATS.reset()
    return schema, complaints


def test_the_schema_generates_without_a_warning_or_an_error(generated):
    _schema, complaints = generated
    assert complaints == []


def test_every_enum_has_a_name_that_says_what_it_is(generated):
    schema, _complaints = generated
    enums = [name for name, component in schema["components"]["schemas"].items() if "enum" in component]
    assert "ReferralStatusEnum" in enums  # the overrides are read: a choice set named after its model enum
    assert [name for name in enums if HASHED.search(name) or DOUBLED.search(name)] == []


def test_each_operation_has_its_own_id_and_a_list_is_named_as_one(generated):
    schema, _complaints = generated
    ids = [operation["operationId"] for path in schema["paths"].values() for operation in path.values()]
    assert len(ids) == len(set(ids))
    assert schema["paths"]["/api/v1/cases/"]["get"]["operationId"] == "v1_cases_list"
    assert schema["paths"]["/api/v1/cases/{case_uuid}"]["get"]["operationId"] == "v1_cases_retrieve"


def test_the_name_patterns_catch_the_fallback_names():
    """The patterns above are what the tests rely on: they must match what the generator falls back to
    and leave ordinary names alone."""
    assert HASHED.search("StatusD4bEnum") and HASHED.search("Language358Enum")
    assert DOUBLED.search("KindKindEnum") and DOUBLED.search("RankedPremisesPremisesTypeEnum")
    assert not any(HASHED.search(n) or DOUBLED.search(n) for n in ("SectorEnum", "NrmOutcomeEnum", "ActionAreaEnum"))
