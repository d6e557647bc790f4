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


def _scored(case, actor, on: date, **scores) -> None:
    from tackle.cases.services.support import outcome_scores_record

    outcome_scores_record(case=case, actor=actor, assessed_on=on, scores=scores)


def test_support_outcomes_count_people_by_domain_and_the_phase_they_were_in(record_concern, frontline_a, lead_a):
    """Merton's matrix. Ana: scored 2 before any phase (2025-26's baseline is outside the year asked),
    then 3 in the immediate phase and 4 in the short term. Ben: 3 then 2 in the immediate phase."""
    from tackle.cases.figures import ALL_PHASES, NO_PHASE, support_outcomes
    from tackle.cases.services.support import support_phase_start

    ana = record_concern(frontline_a, encountered_at=datetime(2025, 3, 1, 10, tzinfo=LONDON), age=30)
    ben = record_concern(frontline_a, encountered_at=datetime(2025, 3, 1, 10, tzinfo=LONDON), age=40)
    _scored(ana, lead_a, date(2025, 3, 2), risk_of_harm=2)
    support_phase_start(case=ana, actor=lead_a, phase="immediate", started_on=date(2025, 4, 1))
    _scored(ana, lead_a, date(2025, 4, 2), risk_of_harm=3)
    support_phase_start(case=ana, actor=lead_a, phase="short_term", started_on=date(2025, 5, 1))
    _scored(ana, lead_a, date(2025, 5, 1), risk_of_harm=4, stable_accommodation=1)
    support_phase_start(case=ben, actor=lead_a, phase="immediate", started_on=date(2025, 4, 1))
    _scored(ben, lead_a, date(2025, 4, 5), risk_of_harm=3)
    _scored(ben, lead_a, date(2025, 6, 5), risk_of_harm=2)

    found = support_outcomes(frontline_a.organisation_id, financial_year(2025))
    columns = list(found.columns)
    assert columns == ["Immediate", "Short term", "Medium term", "Long term", NO_PHASE, ALL_PHASES]
    scored, improved = dict(found.scored), dict(found.improved)
    assert list(scored) == ["Risk of harm", "Stable accommodation"]  # domains nobody was scored on are left out
    assert scored["Risk of harm"] == (2, 1, 0, 0, 0, 2)  # Ana and Ben in immediate, Ana in short term; 2 people
    assert improved["Risk of harm"] == (1, 1, 0, 0, 0, 1)  # Ana above her baseline of 2 in both; Ben fell
    assert scored["Stable accommodation"] == (0, 1, 0, 0, 0, 1) and improved["Stable accommodation"] == (0,) * 6
    before = support_outcomes(frontline_a.organisation_id, financial_year(2024))
    assert dict(before.scored)["Risk of harm"] == (0, 0, 0, 0, 1, 1)  # Ana on 2 March 2025, no phase yet


def test_a_score_on_1_april_counts_in_the_year_it_starts_only(record_concern, frontline_a, lead_a):
    from tackle.cases.figures import support_outcomes

    case = record_concern(frontline_a, encountered_at=datetime(2026, 3, 1, 10, tzinfo=LONDON), age=30)
    _scored(case, lead_a, date(2026, 3, 31), risk_of_harm=2)
    _scored(case, lead_a, date(2026, 4, 1), trusting_relationships=3)
    ending, starting = (support_outcomes(case.organisation_id, financial_year(year)) for year in (2025, 2026))
    assert [label for label, _ in ending.scored] == ["Risk of harm"]
    assert [label for label, _ in starting.scored] == ["Trusting relationships"]
