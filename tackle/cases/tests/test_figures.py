"""Cases' published figures: each counts its period, [1 April, next 1 April), and nothing twice."""

from datetime import date, datetime

import pytest

from tackle.cases.figures import DESCRIBES_A_PERSON, case_figures, case_figures_by_period, organisation_has_cases
from tackle.cases.models import ConcernAbout, NrmEventKind, NrmOutcome
from tackle.cases.rules.pathway import PathwayFacts, _describes_a_person
from tackle.cases.services.case import ConcernDetails
from tackle.cases.services.encounter import encounter_record
from tackle.cases.services.nrm import nrm_event_record
from tackle.core.periods import LONDON, financial_year

pytestmark = pytest.mark.django_db


def late_on(day: date) -> datetime:
    """Five to midnight in London: still that day, whatever the clocks."""
    return datetime(day.year, day.month, day.day, 23, 55, tzinfo=LONDON)


@pytest.fixture
def at_the_boundary(record_concern, frontline_a, lead_a):
    """A concern, a referral, a Duty to Notify and decisions on 31 March 2026, and the same on 1 April."""
    for day, age, nationality in ((date(2026, 3, 31), 30, "Albanian"), (date(2026, 4, 1), 15, "Vietnamese")):
        case = record_concern(
            frontline_a, encountered_at=late_on(day), age=age, nationality=nationality, exploitation_types=["labour"]
        )
        for kind, outcome in (
            (NrmEventKind.REFERRAL_SENT, ""),
            (NrmEventKind.RG_DECISION, NrmOutcome.POSITIVE),
            (NrmEventKind.CG_DECISION, NrmOutcome.TRAFFICKING),
        ):
            nrm_event_record(case=case, actor=lead_a, kind=kind, occurred_on=day, outcome=outcome)
        dtn = record_concern(frontline_a, encountered_at=late_on(day), age=40)
        nrm_event_record(case=dtn, actor=lead_a, kind=NrmEventKind.DUTY_TO_NOTIFY_SENT, occurred_on=day)
    return lead_a.organisation_id


def test_31_march_counts_in_the_year_ending_and_1_april_in_the_next_never_both(at_the_boundary) -> None:
    ending, starting = case_figures_by_period(at_the_boundary, [financial_year(2025), financial_year(2026)])
    assert (ending.concerns, starting.concerns) == (2, 2)
    assert (ending.potential_victims, starting.potential_victims) == (2, 2)
    assert (ending.referrals_adult, ending.referrals_child) == (1, 0)
    assert (starting.referrals_adult, starting.referrals_child) == (0, 1)
    assert (ending.cases_referred, starting.cases_referred) == (1, 1)
    assert (ending.duty_to_notify, starting.duty_to_notify) == (1, 1)
    assert (ending.rg_positive, starting.rg_positive) == (1, 1)
    assert (ending.cg_trafficking, starting.cg_trafficking) == (1, 1)
    assert dict(ending.exploitation)["Labour"] == 1 and dict(starting.exploitation)["Labour"] == 1
    assert dict(ending.nationalities) == {"Albanian": 1, "Not recorded": 1}
    assert dict(starting.nationalities) == {"Vietnamese": 1, "Not recorded": 1}


def test_one_period_reads_the_same_as_many(at_the_boundary) -> None:
    both = case_figures_by_period(at_the_boundary, [financial_year(2025), financial_year(2026)])
    assert [case_figures(at_the_boundary, year.period) for year in both] == both


def test_another_organisation_counts_none_of_them(at_the_boundary, council_b) -> None:
    assert case_figures(council_b.pk, financial_year(2025)).concerns == 0
    assert organisation_has_cases(at_the_boundary) and not organisation_has_cases(council_b.pk)


def test_just_after_midnight_on_1_april_in_london_is_the_new_year_though_utc_is_still_31_march(
    record_concern, frontline_a
) -> None:
    record_concern(frontline_a, encountered_at=datetime(2026, 4, 1, 0, 30, tzinfo=LONDON))  # 23:30 UTC on 31 March
    ending, starting = case_figures_by_period(frontline_a.organisation_id, [financial_year(2025), financial_year(2026)])
    assert (ending.potential_victims, starting.potential_victims) == (0, 1)
    assert (ending.concerns, starting.concerns) == (0, 1)


def test_an_encounter_with_four_people_is_four_potential_victims(frontline_a) -> None:
    when = datetime(2025, 6, 1, 10, tzinfo=LONDON)
    people = [ConcernDetails(encountered_at=when, what_was_seen="", location="", age=30) for _ in range(4)]
    encounter_record(
        organisation=frontline_a.organisation,
        recorded_by=frontline_a,
        encountered_at=when,
        location="Hand car wash, 1 High Street",
        what_was_seen="Four workers sleeping on site",
        people=people,
    )
    found = case_figures(frontline_a.organisation_id, financial_year(2025))
    assert (found.concerns, found.potential_victims) == (4, 4)


def test_a_concern_about_a_supplier_or_the_council_counts_as_a_person_only_when_it_describes_one(
    record_concern, frontline_a
) -> None:
    when = datetime(2025, 6, 1, 10, tzinfo=LONDON)
    record_concern(frontline_a, encountered_at=when, concern_about=ConcernAbout.SUPPLIER, supplier_name="Shine Ltd")
    record_concern(frontline_a, encountered_at=when, concern_about=ConcernAbout.COUNCIL)
    record_concern(frontline_a, encountered_at=when, concern_about=ConcernAbout.SUPPLIER, age=24)  # a worker there
    record_concern(frontline_a, encountered_at=when)  # a person
    found = case_figures(frontline_a.organisation_id, financial_year(2025))
    assert (found.concerns, found.potential_victims) == (4, 2)


@pytest.mark.parametrize("about", list(ConcernAbout.values))
@pytest.mark.parametrize(
    "fact",
    [
        {},
        {"age": 40},
        {"appears_under_18": False},
        {"age_disputed": True},
        {"consent_to_nrm": False},
        {"immediate_danger": True},
        {"care_and_support_needs": True},
        {"destitute": True},
    ],
)
def test_the_count_of_people_follows_the_pathway_rule_for_a_person(about, fact) -> None:
    """DESCRIBES_A_PERSON is the pathway's _describes_a_person as SQL: they must agree on every fact."""
    facts = PathwayFacts(encountered_at=datetime(2025, 6, 1, tzinfo=LONDON), concern_about=about, **fact)
    in_sql = _matches(DESCRIBES_A_PERSON, {"concern_about": about, **fact})
    assert in_sql == _describes_a_person(facts)


def _matches(condition, values: dict) -> bool:
    """Evaluate a Q of equality and isnull lookups on plain values (defaults as a new Case has them)."""
    row = {
        "concern_about": ConcernAbout.PERSON,
        "age": None,
        "appears_under_18": None,
        "age_disputed": False,
        "consent_to_nrm": None,
        "immediate_danger": False,
        "care_and_support_needs": False,
        "destitute": False,
        **values,
    }

    def holds(node) -> bool:
        if isinstance(node, tuple):
            lookup, wanted = node
            field, _, op = lookup.partition("__")
            return (row[field] is None) == wanted if op == "isnull" else row[field] == wanted
        results = [holds(child) for child in node.children]
        found = any(results) if node.connector == "OR" else all(results)
        return not found if node.negated else found

    return holds(condition)
