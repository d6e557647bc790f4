from datetime import date, timedelta

import pytest
from django.utils import timezone

from tackle.cases.models import NrmEventKind, NrmOutcome, ReferralCode, ReferralStatus, Stage
from tackle.cases.selectors import case_periods
from tackle.cases.services.case import nrm_event_record, referral_update
from tackle.core.errors import ApplicationError


@pytest.fixture
def referred_case(frontline_a, lead_a, record_concern):
    case = record_concern(
        frontline_a,
        age=30,
        consent_to_nrm=True,
        encountered_at=timezone.now() - timedelta(days=200),
    )
    referral = case.referrals.get(code=ReferralCode.NRM_REFERRAL)
    referral_update(
        referral=referral, actor=lead_a, status=ReferralStatus.SENT, sent_at=timezone.now() - timedelta(days=199)
    )
    case.refresh_from_db()
    return case


def test_sending_the_nrm_referral_moves_the_case_on(referred_case):
    assert referred_case.stage == Stage.NRM_REFERRED
    assert referred_case.nrm_events.filter(kind=NrmEventKind.REFERRAL_SENT).exists()


def test_the_whole_journey_computes_its_periods(referred_case, lead_a):
    today = timezone.localdate()
    rg_on, cg_on = today - timedelta(days=190), today - timedelta(days=20)
    rg = nrm_event_record(
        case=referred_case, actor=lead_a, kind=NrmEventKind.RG_DECISION, occurred_on=rg_on, outcome=NrmOutcome.POSITIVE
    )
    assert rg.rg_test == "reasonable grounds to believe"
    referred_case.refresh_from_db()
    assert referred_case.stage == Stage.POSITIVE_RG
    assert case_periods(referred_case)["recovery_period_ends_on"] == rg_on + timedelta(days=30)
    nrm_event_record(
        case=referred_case,
        actor=lead_a,
        kind=NrmEventKind.CG_DECISION,
        occurred_on=cg_on,
        outcome=NrmOutcome.TRAFFICKING,
    )
    referred_case.refresh_from_db()
    periods = case_periods(referred_case)
    assert referred_case.stage == Stage.POSITIVE_CG
    assert periods["recovery_period_ends_on"] == cg_on  # the CG came after the 30-day minimum
    assert periods["move_on_support_ends_on"] == cg_on + timedelta(days=45)


def test_a_decision_needs_a_referral_first(frontline_a, lead_a, record_concern):
    case = record_concern(frontline_a, age=30, consent_to_nrm=True)
    with pytest.raises(ApplicationError, match="Record the NRM referral"):
        nrm_event_record(
            case=case,
            actor=lead_a,
            kind=NrmEventKind.RG_DECISION,
            occurred_on=timezone.localdate(),
            outcome=NrmOutcome.POSITIVE,
        )


def test_conclusive_grounds_needs_a_positive_rg(referred_case, lead_a):
    with pytest.raises(ApplicationError, match="follows a positive reasonable grounds"):
        nrm_event_record(
            case=referred_case,
            actor=lead_a,
            kind=NrmEventKind.CG_DECISION,
            occurred_on=timezone.localdate(),
            outcome=NrmOutcome.SLAVERY,
        )


def test_dates_cannot_go_backwards_or_into_the_future(referred_case, lead_a):
    with pytest.raises(ApplicationError, match="future"):
        nrm_event_record(
            case=referred_case,
            actor=lead_a,
            kind=NrmEventKind.RG_DECISION,
            occurred_on=timezone.localdate() + timedelta(days=1),
            outcome=NrmOutcome.POSITIVE,
        )
    with pytest.raises(ApplicationError, match="before"):
        nrm_event_record(
            case=referred_case,
            actor=lead_a,
            kind=NrmEventKind.RG_DECISION,
            occurred_on=timezone.localdate() - timedelta(days=250),
            outcome=NrmOutcome.POSITIVE,
        )


def test_a_rg_outcome_must_be_positive_or_negative(referred_case, lead_a):
    with pytest.raises(ApplicationError, match="positive or negative"):
        nrm_event_record(
            case=referred_case,
            actor=lead_a,
            kind=NrmEventKind.RG_DECISION,
            occurred_on=timezone.localdate(),
            outcome=NrmOutcome.TRAFFICKING,
        )


def test_a_child_can_never_have_a_duty_to_notify(frontline_a, lead_a, record_concern):
    case = record_concern(frontline_a, age=15)
    with pytest.raises(ApplicationError, match="never used for a child"):
        nrm_event_record(
            case=case, actor=lead_a, kind=NrmEventKind.DUTY_TO_NOTIFY_SENT, occurred_on=timezone.localdate()
        )


def test_decisions_before_2023_keep_the_old_test_and_45_days(frontline_a, lead_a, record_concern):
    case = record_concern(
        frontline_a, age=30, consent_to_nrm=True, encountered_at=timezone.now().replace(year=2022, month=12, day=1)
    )
    nrm_event_record(case=case, actor=lead_a, kind=NrmEventKind.REFERRAL_SENT, occurred_on=date(2022, 12, 2))
    rg = nrm_event_record(
        case=case,
        actor=lead_a,
        kind=NrmEventKind.RG_DECISION,
        occurred_on=date(2023, 1, 10),
        outcome=NrmOutcome.POSITIVE,
    )
    assert rg.rg_test == "suspect but cannot prove"
    assert case_periods(case)["recovery_period_ends_on"] == date(2023, 2, 24)


def test_recording_the_referral_as_an_nrm_step_marks_the_referral_action_sent(frontline_a, lead_a, record_concern):
    case = record_concern(frontline_a, age=30, consent_to_nrm=True)
    nrm_event_record(case=case, actor=lead_a, kind=NrmEventKind.REFERRAL_SENT, occurred_on=timezone.localdate())
    action = case.referrals.get(code=ReferralCode.NRM_REFERRAL)
    assert action.status == ReferralStatus.SENT and action.sent_at is not None
    assert not case.referrals.filter(code=ReferralCode.NRM_REFERRAL, status=ReferralStatus.TO_DO).exists()


def test_marking_the_action_sent_after_the_step_adds_no_second_step(frontline_a, lead_a, record_concern):
    case = record_concern(frontline_a, age=30, consent_to_nrm=True)
    nrm_event_record(case=case, actor=lead_a, kind=NrmEventKind.REFERRAL_SENT, occurred_on=timezone.localdate())
    action = case.referrals.get(code=ReferralCode.NRM_REFERRAL)
    referral_update(referral=action, actor=lead_a, status=ReferralStatus.DONE, sent_at=action.sent_at)
    assert case.nrm_events.filter(kind=NrmEventKind.REFERRAL_SENT).count() == 1


def test_a_step_sent_days_ago_dates_the_action_that_day(frontline_a, lead_a, record_concern):
    case = record_concern(frontline_a, age=30, consent_to_nrm=True, encountered_at=timezone.now() - timedelta(days=9))
    three_days_ago = timezone.localdate() - timedelta(days=3)
    nrm_event_record(case=case, actor=lead_a, kind=NrmEventKind.REFERRAL_SENT, occurred_on=three_days_ago)
    action = case.referrals.get(code=ReferralCode.NRM_REFERRAL)
    assert timezone.localdate(action.sent_at) == three_days_ago


@pytest.mark.parametrize(
    ("kind", "outcome"),
    [
        (NrmEventKind.REFERRAL_SENT, NrmOutcome.POSITIVE),
        (NrmEventKind.RECONSIDERATION_REQUESTED, NrmOutcome.NEGATIVE),
        (NrmEventKind.WITHDRAWN, NrmOutcome.TRAFFICKING),
        (NrmEventKind.RECONSIDERATION_OUTCOME, NrmOutcome.SLAVERY),
    ],
)
def test_each_step_takes_only_its_own_outcomes(referred_case, lead_a, kind, outcome):
    before = referred_case.nrm_events.count()
    with pytest.raises(ApplicationError) as refused:
        nrm_event_record(case=referred_case, actor=lead_a, kind=kind, occurred_on=timezone.localdate(), outcome=outcome)
    assert refused.value.field == "outcome"
    assert referred_case.nrm_events.count() == before
