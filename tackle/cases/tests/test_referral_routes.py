"""Referrals by route and time to refer: each referral counts in the period of the day it was sent,
in the band of whole London days since the person was encountered."""

from datetime import date, datetime

import pytest

from tackle.cases.figures import referral_routes, referral_routes_by_period
from tackle.cases.models import ConcernAbout, NrmEventKind
from tackle.cases.services.nrm import nrm_event_record
from tackle.core.periods import LONDON, Period, financial_year

pytestmark = pytest.mark.django_db

NRM, DTN = NrmEventKind.REFERRAL_SENT, NrmEventKind.DUTY_TO_NOTIFY_SENT


def late_on(day: date) -> datetime:
    """Five to midnight in London: still that day, whatever the clocks."""
    return datetime(day.year, day.month, day.day, 23, 55, tzinfo=LONDON)


@pytest.fixture
def refer(record_concern, frontline_a, lead_a):
    def refer(encountered_on: date, sent_on: date, kind: str = NRM, **facts) -> None:
        case = record_concern(frontline_a, encountered_at=late_on(encountered_on), age=30, **facts)
        nrm_event_record(case=case, actor=lead_a, kind=kind, occurred_on=sent_on)

    return refer


def test_a_referral_on_31_march_counts_in_the_year_ending_and_1_april_in_the_next(refer, lead_a) -> None:
    refer(date(2026, 3, 31), date(2026, 3, 31))
    refer(date(2026, 3, 31), date(2026, 4, 1))  # encountered in one year, referred in the next
    ending, starting = referral_routes_by_period(
        lead_a.organisation_id, [financial_year(2025), financial_year(2026)], NRM
    )
    assert (ending.sent, starting.sent) == (1, 1)
    assert dict(ending.by_days)["Same day"] == 1 and dict(starting.by_days)["1 to 7 days"] == 1


def test_a_referral_sent_after_the_period_ends_is_not_counted(refer, lead_a) -> None:
    refer(date(2026, 3, 20), date(2026, 4, 1))
    found = referral_routes(lead_a.organisation_id, financial_year(2025), NRM)
    assert (found.sent, found.median_days) == (0, None)
    assert sum(count for _, count in found.by_days) == 0


def test_the_bands_meet_at_0_7_8_28_and_29_days_and_the_median_is_their_middle(refer, lead_a) -> None:
    seen = date(2025, 5, 1)
    for sent_on in (date(2025, 5, 1), date(2025, 5, 8), date(2025, 5, 9), date(2025, 5, 29), date(2025, 5, 30)):
        refer(seen, sent_on)
    found = referral_routes(lead_a.organisation_id, financial_year(2025), NRM)
    assert dict(found.by_days) == {"Same day": 1, "1 to 7 days": 1, "8 to 28 days": 2, "Over 28 days": 1}
    assert found.median_days == 8
    refer(seen, date(2025, 6, 30))  # 60 days: an even count, the mean of the middle two
    assert referral_routes(lead_a.organisation_id, financial_year(2025), NRM).median_days == 18  # (8 + 28) / 2


def test_same_day_is_the_london_day_of_the_encounter_not_the_utc_one(record_concern, frontline_a, lead_a) -> None:
    case = record_concern(frontline_a, encountered_at=datetime(2025, 7, 2, 0, 30, tzinfo=LONDON), age=30)  # 1 July UTC
    nrm_event_record(case=case, actor=lead_a, kind=NRM, occurred_on=date(2025, 7, 2))
    assert dict(referral_routes(lead_a.organisation_id, financial_year(2025), NRM).by_days)["Same day"] == 1


def test_routes_and_kinds_are_counted_apart(refer, lead_a, council_b) -> None:
    day = date(2025, 6, 1)
    refer(day, day)
    refer(day, day, concern_about=ConcernAbout.SUPPLIER, supplier_name="Shine Ltd")
    refer(day, day, kind=DTN)
    nrm = referral_routes(lead_a.organisation_id, financial_year(2025), NRM)
    dtn = referral_routes(lead_a.organisation_id, financial_year(2025), DTN)
    assert (nrm.sent, dtn.sent) == (2, 1)
    assert dict(nrm.by_route) == {
        "Concern about a person": 1,
        "Concern about a supplier or contractor": 1,
        "Concern about the council's own staff or activity": 0,
    }
    assert dict(dtn.by_route)["Concern about a person"] == 1
    assert referral_routes(council_b.pk, financial_year(2025), NRM).sent == 0


def test_overlapping_periods_each_count_what_falls_in_them(refer, lead_a) -> None:
    refer(date(2025, 6, 1), date(2025, 6, 3))
    june = Period("June 2025", date(2025, 6, 1), date(2025, 7, 1))
    year, month = referral_routes_by_period(lead_a.organisation_id, [financial_year(2025), june], NRM)
    assert (year.sent, month.sent) == (1, 1)


def test_a_decision_is_not_a_kind_of_referral(lead_a) -> None:
    with pytest.raises(ValueError):
        referral_routes(lead_a.organisation_id, financial_year(2025), NrmEventKind.RG_DECISION)
