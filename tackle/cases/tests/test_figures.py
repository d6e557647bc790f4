"""Cases' published figures: each counts its period, [1 April, next 1 April), and nothing twice."""

from datetime import date, datetime

import pytest

from tackle.cases.figures import case_figures, case_figures_by_period, organisation_has_cases
from tackle.cases.models import NrmEventKind, NrmOutcome
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
