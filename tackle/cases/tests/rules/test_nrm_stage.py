"""The NRM stage rule, and the register's SQL for it held to the rule over generated event histories."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tackle.cases.models import Case, NrmEvent, NrmEventKind, NrmOutcome, Stage
from tackle.cases.register import stage_on
from tackle.cases.rules.nrm_stage import stage_after_event, stage_from_events
from tackle.cases.tests.factories import make_case

E, OUT = NrmEventKind, NrmOutcome


@pytest.mark.parametrize(
    ("kind", "outcome", "current", "expected"),
    [
        (E.REFERRAL_SENT, "", Stage.CONCERN, Stage.NRM_REFERRED),
        (E.DUTY_TO_NOTIFY_SENT, "", Stage.CONCERN, Stage.DUTY_TO_NOTIFY),
        (E.RG_DECISION, OUT.NEGATIVE, Stage.NRM_REFERRED, Stage.NEGATIVE_RG),
        (E.CG_DECISION, OUT.SLAVERY, Stage.POSITIVE_RG, Stage.POSITIVE_CG),
        (E.CG_DECISION, OUT.NEGATIVE, Stage.POSITIVE_RG, Stage.NEGATIVE_CG),
        (E.RECONSIDERATION_OUTCOME, OUT.POSITIVE, Stage.NEGATIVE_RG, Stage.POSITIVE_RG),
        (E.RECONSIDERATION_OUTCOME, OUT.POSITIVE, Stage.NEGATIVE_CG, Stage.POSITIVE_CG),
        (E.RECONSIDERATION_OUTCOME, OUT.NEGATIVE, Stage.DUTY_TO_NOTIFY, Stage.NEGATIVE_RG),
        (E.RECONSIDERATION_OUTCOME, "", Stage.NEGATIVE_RG, Stage.NEGATIVE_RG),
        (E.WITHDRAWN, "", Stage.POSITIVE_RG, Stage.POSITIVE_RG),
        (E.DISQUALIFIED, "", Stage.NRM_REFERRED, Stage.NRM_REFERRED),
    ],
)
def test_stage_after_each_event(kind, outcome, current, expected):
    assert stage_after_event(kind, outcome, current) == expected


def test_a_case_without_events_is_a_concern():
    assert stage_from_events([]) == Stage.CONCERN


# The register's SQL against the rule --------------------------------------------------------------

FIRST_DAY = date(2024, 3, 30)
DAYS = 4  # few days and few recording times, so that ties are common
RECORDED = datetime(2024, 4, 5, 9, tzinfo=ZoneInfo("Europe/London"))
# Outcomes the database accepts for each kind (its constraints); the rule is asked about all of them.
_OUTCOMES = {
    E.RG_DECISION: (OUT.POSITIVE, OUT.NEGATIVE),
    E.CG_DECISION: (OUT.TRAFFICKING, OUT.SLAVERY, OUT.NEGATIVE),
}
_ANY_OUTCOME = ("", OUT.POSITIVE, OUT.NEGATIVE)


@st.composite
def events(draw):
    # Reconsideration outcomes drawn more often: their level depends on what came before.
    kind = draw(st.one_of(st.sampled_from(E.values), st.just(E.RECONSIDERATION_OUTCOME)))
    outcome = draw(st.sampled_from(_OUTCOMES.get(kind, _ANY_OUTCOME)))
    occurred_on = FIRST_DAY + timedelta(days=draw(st.integers(0, DAYS - 1)))
    recorded_at = RECORDED + timedelta(minutes=draw(st.integers(0, 2)))
    return kind, outcome, occurred_on, recorded_at


histories = st.lists(st.lists(events(), max_size=8), min_size=1, max_size=4)


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(histories=histories)
def test_the_register_sql_stage_is_the_rule_stage_on_every_date(frontline_a, histories):
    with transaction.atomic():
        expected_by_day: dict[date, dict[int, str]] = {}
        for history in histories:
            case = make_case(frontline_a.organisation, frontline_a)
            stored = []
            for kind, outcome, occurred_on, recorded_at in history:
                event = NrmEvent.objects.create(
                    case=case, kind=kind, outcome=outcome, occurred_on=occurred_on, recorded_by=frontline_a
                )
                NrmEvent.objects.filter(pk=event.pk).update(recorded_at=recorded_at)
                stored.append((occurred_on, recorded_at, event.pk, kind, outcome))
            stored.sort()  # the order the register reads events in: date, time recorded, then id
            for offset in range(-1, DAYS + 1):
                day = FIRST_DAY + timedelta(days=offset)
                seen = ((kind, outcome) for on, _, _, kind, outcome in stored if on <= day)
                expected_by_day.setdefault(day, {})[case.pk] = stage_from_events(seen)
        for day, expected in expected_by_day.items():
            derived = dict(Case.objects.filter(pk__in=expected).annotate(s=stage_on(day)).values_list("pk", "s"))
            assert derived == expected, day
        transaction.set_rollback(True)
