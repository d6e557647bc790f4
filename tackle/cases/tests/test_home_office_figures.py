"""The Home Office's NRM statistics tables from cases' figures: people, each once per table, by the
period their concern was first seen (London time), every table adding up to the total."""

from datetime import date, datetime

import pytest

from tackle.cases.figures import HOME_OFFICE_NATIONALITIES, HOME_OFFICE_TABLES, home_office_counts
from tackle.cases.models import ConcernAbout
from tackle.cases.services.case import ConcernDetails
from tackle.cases.services.encounter import encounter_record
from tackle.core.periods import LONDON, financial_year, quarters

pytestmark = pytest.mark.django_db


def late_on(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 23, 55, tzinfo=LONDON)


def rows(found, key, i=0):
    return {category: counts[i] for category, counts in found.tables[key]}


def test_31_march_and_1_april_london_time_fall_in_their_own_years(record_concern, frontline_a) -> None:
    record_concern(frontline_a, encountered_at=late_on(date(2025, 3, 31)), age=30)
    record_concern(frontline_a, encountered_at=datetime(2025, 4, 1, 0, 30, tzinfo=LONDON), age=30)  # UTC: 31 March
    record_concern(frontline_a, encountered_at=late_on(date(2026, 3, 31)), age=30)
    found = home_office_counts(frontline_a.organisation_id, [financial_year(2024), financial_year(2025)])
    assert found.total == (1, 2)
    assert rows(found, "adult_or_child", 1)["Adult (18 or over)"] == 2


def test_four_people_met_together_are_four_each_counted_once_in_every_table(frontline_a) -> None:
    when = datetime(2025, 6, 1, 10, tzinfo=LONDON)
    people = [
        ConcernDetails(
            encountered_at=when, what_was_seen="", location="", age=30, gender="male", nationality="Albanian"
        )
        for _ in range(3)
    ] + [ConcernDetails(encountered_at=when, what_was_seen="", location="", age=16, gender="female")]
    encounter_record(
        organisation=frontline_a.organisation,
        recorded_by=frontline_a,
        encountered_at=when,
        location="Hand car wash",
        what_was_seen="Four workers sleeping on site",
        people=people,
    )
    found = home_office_counts(frontline_a.organisation_id, quarters(2025))
    assert found.total == (4, 0, 0, 0)
    for key, _ in HOME_OFFICE_TABLES:
        assert sum(counts[0] for _, counts in found.tables[key]) == 4, key
    assert rows(found, "gender") == {"Female": 1, "Male": 3, "Other": 0}
    assert rows(found, "adult_or_child")["Child (17 or under)"] == 1
    assert rows(found, "nationality")["Albanian"] == 3
    assert rows(found, "nationality")["Not specified or unknown"] == 1
    assert rows(found, "referring_organisation") == {
        "Government agency": 0,
        "Local Authority": 4,
        "NGO and third sector": 0,
        "Police": 0,
    }


def test_categories_follow_the_home_office(record_concern, frontline_a) -> None:
    when = datetime(2025, 6, 1, 10, tzinfo=LONDON)
    record_concern(frontline_a, encountered_at=when, age=19, age_at_exploitation=15, exploitation_types=["labour"])
    record_concern(frontline_a, encountered_at=when, exploitation_types=["labour", "criminal"])
    record_concern(frontline_a, encountered_at=when, concern_about=ConcernAbout.SUPPLIER)  # no one described
    found = home_office_counts(frontline_a.organisation_id, [financial_year(2025)])
    assert found.total == (2,)
    assert rows(found, "age_at_exploitation") == {
        "Adult (18 or over)": 0,
        "Child (17 or under)": 1,
        "Not specified or unknown": 1,
    }
    assert rows(found, "adult_or_child")["Adult (18 or over)"] == 1
    exploitation = rows(found, "exploitation_type")
    assert exploitation["Labour"] == 1 and exploitation["Labour & Criminal"] == 1
    assert exploitation["Sexual"] == 0 and "Sexual & Labour" not in exploitation
    assert rows(found, "gender") == {"Female": 0, "Male": 0, "Other": 2}


def test_nationalities_beyond_the_most_common_are_other(record_concern, frontline_a) -> None:
    when = datetime(2025, 6, 1, 10, tzinfo=LONDON)
    for n in range(HOME_OFFICE_NATIONALITIES + 2):
        for _ in range(2 if n < HOME_OFFICE_NATIONALITIES else 1):
            record_concern(frontline_a, encountered_at=when, age=30, nationality=f"Country {n:02d}")
    found = home_office_counts(frontline_a.organisation_id, [financial_year(2025)])
    nationality = rows(found, "nationality")
    assert len(nationality) == HOME_OFFICE_NATIONALITIES + 2
    assert nationality["Other"] == 2 and nationality["Country 00"] == 2


def test_another_organisation_counts_none(record_concern, frontline_a, lead_b) -> None:
    record_concern(lead_b, encountered_at=datetime(2025, 6, 1, 10, tzinfo=LONDON), age=30)
    assert home_office_counts(frontline_a.organisation_id, [financial_year(2025)]).total == (0,)
