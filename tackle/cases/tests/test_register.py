import itertools
import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from tackle.cases.models import AgeGroup, Case, CaseStatus, ExploitationType, NrmEvent, NrmEventKind, NrmOutcome
from tackle.cases.register import (
    AGE_GROUP_KEYS,
    STAGE_KEYS,
    cases_open_on,
    register_counts,
    stage_on,
)
from tackle.cases.rules.nrm_stage import stage_from_events
from tackle.core.disclosure import WITHHELD, Audience, Disclosure, default_disclosure, protect_breakdowns

LONDON = ZoneInfo("Europe/London")
E, OUT, T = NrmEventKind, NrmOutcome, ExploitationType
_numbers = itertools.count(1)


def make_case(
    officer,
    *,
    seen=date(2024, 1, 10),
    seen_at: datetime | None = None,
    events=(),
    closed_at: datetime | None = None,
    age_group=AgeGroup.ADULT,
    exploitation_types=(),
    **fields,
):
    """A case as the services would leave it: its stage is where its own events lead."""
    steps = [(kind, outcome, on) for kind, outcome, on in events]
    case = Case.objects.create(
        reference=f"T-{next(_numbers):06d}",
        organisation=fields.pop("organisation", officer.organisation),
        recorded_by=officer,
        encountered_at=seen_at or datetime.combine(seen, time(10), tzinfo=LONDON),
        what_was_seen="Seen at a car wash",
        location="1 Test Street",
        age_group=age_group,
        treated_as_child=age_group == AgeGroup.CHILD,
        exploitation_types=list(exploitation_types),
        stage=stage_from_events((kind, outcome) for kind, outcome, _ in steps),
        status=CaseStatus.CLOSED if closed_at else CaseStatus.OPEN,
        closed_at=closed_at,
        **fields,
    )
    for kind, outcome, on in steps:
        NrmEvent.objects.create(case=case, kind=kind, outcome=outcome, occurred_on=on, recorded_by=officer)
    return case


def stage_counts(counts):
    return {stage: n for stage, n in counts["by_stage"].items() if n}


@pytest.fixture
def journey(frontline_a):
    """Concern on 10 Jan, referred 12 Jan, positive RG 1 Feb, positive CG 1 Sep 2024."""
    return make_case(
        frontline_a,
        events=[
            (E.REFERRAL_SENT, "", date(2024, 1, 12)),
            (E.RG_DECISION, OUT.POSITIVE, date(2024, 2, 1)),
            (E.CG_DECISION, OUT.TRAFFICKING, date(2024, 9, 1)),
        ],
    )


@pytest.mark.parametrize(
    ("as_of", "stage"),
    [
        (date(2024, 1, 10), "concern"),
        (date(2024, 1, 11), "concern"),
        (date(2024, 1, 12), "nrm_referred"),
        (date(2024, 1, 31), "nrm_referred"),
        (date(2024, 2, 1), "positive_rg"),
        (date(2024, 8, 31), "positive_rg"),
        (date(2024, 9, 1), "positive_cg"),
        (date(2026, 1, 1), "positive_cg"),
    ],
)
def test_a_case_counts_once_in_the_stage_it_had_reached_on_the_date(journey, as_of, stage):
    counts = register_counts(organisation_id=journey.organisation_id, as_of=as_of)
    assert counts["total"] == 1
    assert stage_counts(counts) == {stage: 1}
    assert sum(counts["by_age_group"].values()) == 1


def test_a_case_is_not_counted_before_it_was_first_seen(journey):
    counts = register_counts(organisation_id=journey.organisation_id, as_of=date(2024, 1, 9))
    assert counts["total"] == 0 and stage_counts(counts) == {}


def test_the_answer_has_every_key_even_when_empty(council_a):
    counts = register_counts(organisation_id=council_a.pk, as_of=date(2024, 1, 1))
    assert counts == {
        "as_of": "2024-01-01",
        "total": 0,
        "by_stage": {
            "concern": 0,
            "nrm_referred": 0,
            "positive_rg": 0,
            "negative_rg": 0,
            "positive_cg": 0,
            "negative_cg": 0,
            "duty_to_notify": 0,
        },
        "by_age_group": {"adult": 0, "child": 0, "unknown": 0},
        "by_exploitation_type": {},
        "children_by_stage": dict.fromkeys(STAGE_KEYS, 0),
    }
    assert tuple(counts["by_stage"]) == STAGE_KEYS and tuple(counts["by_age_group"]) == AGE_GROUP_KEYS
    assert all(type(key) is str for key in [*counts["by_stage"], *counts["by_age_group"]])


def test_a_closed_case_counts_up_to_the_day_before_it_closed(frontline_a):
    closed = datetime(2024, 3, 5, 14, 0, tzinfo=LONDON)
    case = make_case(frontline_a, closed_at=closed)
    assert register_counts(organisation_id=case.organisation_id, as_of=date(2024, 3, 4))["total"] == 1
    assert register_counts(organisation_id=case.organisation_id, as_of=date(2024, 3, 5))["total"] == 0
    assert register_counts(organisation_id=case.organisation_id, as_of=date(2025, 1, 1))["total"] == 0


def test_days_are_london_days(frontline_a):
    # 23:30 in London on 10 June (British Summer Time) is 22:30 UTC on the same day...
    late = make_case(frontline_a, seen_at=datetime(2024, 6, 10, 23, 30, tzinfo=LONDON))
    # ...and 00:30 in London on 11 June is still 10 June in UTC: it belongs to the 11th.
    early = make_case(frontline_a, seen_at=datetime(2024, 6, 11, 0, 30, tzinfo=LONDON))
    # Closed at 00:15 London time on 20 June: open on the 19th, closed on the 20th.
    make_case(frontline_a, seen=date(2024, 6, 1), closed_at=datetime(2024, 6, 20, 0, 15, tzinfo=LONDON))
    organisation_id = late.organisation_id
    assert register_counts(organisation_id=organisation_id, as_of=date(2024, 6, 10))["total"] == 2
    assert register_counts(organisation_id=organisation_id, as_of=date(2024, 6, 11))["total"] == 3
    assert register_counts(organisation_id=organisation_id, as_of=date(2024, 6, 19))["total"] == 3
    assert register_counts(organisation_id=organisation_id, as_of=date(2024, 6, 20))["total"] == 2
    assert early.pk


def test_another_organisations_cases_are_not_counted(frontline_a, make_user, council_b):
    make_case(frontline_a)
    officer_b = make_user("frontline_officer", council_b)
    make_case(officer_b)
    make_case(officer_b)
    assert register_counts(organisation_id=frontline_a.organisation_id, as_of=date(2024, 2, 1))["total"] == 1
    assert register_counts(organisation_id=council_b.pk, as_of=date(2024, 2, 1))["total"] == 2


def test_every_stage_is_derived_from_the_events_on_or_before_the_date(frontline_a):
    day = date(2024, 1, 11)
    make_case(frontline_a)  # concern
    make_case(frontline_a, events=[(E.DUTY_TO_NOTIFY_SENT, "", day)])
    make_case(frontline_a, events=[(E.REFERRAL_SENT, "", day)])
    make_case(frontline_a, events=[(E.REFERRAL_SENT, "", day), (E.RG_DECISION, OUT.NEGATIVE, day + timedelta(9))])
    make_case(frontline_a, events=[(E.REFERRAL_SENT, "", day), (E.RG_DECISION, OUT.POSITIVE, day + timedelta(9))])
    for outcome in (OUT.TRAFFICKING, OUT.SLAVERY, OUT.NEGATIVE):
        make_case(
            frontline_a,
            events=[
                (E.REFERRAL_SENT, "", day),
                (E.RG_DECISION, OUT.POSITIVE, day + timedelta(9)),
                (E.CG_DECISION, outcome, day + timedelta(100)),
            ],
        )
    counts = register_counts(organisation_id=frontline_a.organisation_id, as_of=day + timedelta(200))
    assert counts["by_stage"] == {
        "concern": 1,
        "nrm_referred": 1,
        "positive_rg": 1,
        "negative_rg": 1,
        "positive_cg": 2,
        "negative_cg": 1,
        "duty_to_notify": 1,
    }
    assert counts["total"] == 8
    # Events after the date do not count yet.
    earlier = register_counts(organisation_id=frontline_a.organisation_id, as_of=day + timedelta(5))
    assert stage_counts(earlier) == {"concern": 1, "nrm_referred": 6, "duty_to_notify": 1}


@pytest.mark.parametrize(
    ("steps", "stage"),
    [
        # A reconsideration outcome reads at the level it reconsiders.
        ([(E.RG_DECISION, OUT.NEGATIVE), (E.RECONSIDERATION_OUTCOME, OUT.POSITIVE)], "positive_rg"),
        ([(E.RG_DECISION, OUT.NEGATIVE), (E.RECONSIDERATION_OUTCOME, OUT.NEGATIVE)], "negative_rg"),
        (
            [(E.RG_DECISION, OUT.POSITIVE), (E.CG_DECISION, OUT.NEGATIVE), (E.RECONSIDERATION_OUTCOME, OUT.POSITIVE)],
            "positive_cg",
        ),
        (
            [(E.RG_DECISION, OUT.POSITIVE), (E.CG_DECISION, OUT.NEGATIVE), (E.RECONSIDERATION_OUTCOME, OUT.NEGATIVE)],
            "negative_cg",
        ),
        (
            [
                (E.RG_DECISION, OUT.POSITIVE),
                (E.CG_DECISION, OUT.NEGATIVE),
                (E.RECONSIDERATION_OUTCOME, OUT.NEGATIVE),
                (E.RECONSIDERATION_OUTCOME, OUT.POSITIVE),
            ],
            "positive_cg",
        ),
        # A further RG decision after a CG brings reconsiderations back to the RG level.
        (
            [
                (E.RG_DECISION, OUT.POSITIVE),
                (E.CG_DECISION, OUT.NEGATIVE),
                (E.RG_DECISION, OUT.NEGATIVE),
                (E.RECONSIDERATION_OUTCOME, OUT.POSITIVE),
            ],
            "positive_rg",
        ),
        # Requests, disqualification, withdrawal and an outcome with no result do not move the stage.
        ([(E.RG_DECISION, OUT.NEGATIVE), (E.RECONSIDERATION_REQUESTED, "")], "negative_rg"),
        ([(E.RG_DECISION, OUT.POSITIVE), (E.DISQUALIFIED, "")], "positive_rg"),
        ([(E.RG_DECISION, OUT.POSITIVE), (E.WITHDRAWN, "")], "positive_rg"),
        ([(E.RG_DECISION, OUT.NEGATIVE), (E.RECONSIDERATION_OUTCOME, "")], "negative_rg"),
    ],
)
def test_reconsiderations_and_other_events(frontline_a, steps, stage):
    referred = date(2024, 1, 11)
    events = [(E.REFERRAL_SENT, "", referred)]
    events += [(kind, outcome, referred + timedelta(days=10 * (n + 1))) for n, (kind, outcome) in enumerate(steps)]
    case = make_case(frontline_a, events=events)
    assert case.stage == stage  # the pure rule
    counts = register_counts(organisation_id=case.organisation_id, as_of=date(2025, 1, 1))
    assert stage_counts(counts) == {stage: 1}  # the SQL agrees


def test_on_the_same_day_the_event_recorded_last_wins(frontline_a):
    day = date(2024, 2, 1)
    case = make_case(
        frontline_a,
        events=[(E.REFERRAL_SENT, "", date(2024, 1, 11)), (E.RG_DECISION, OUT.NEGATIVE, day)],
    )
    NrmEvent.objects.create(
        case=case, kind=E.RECONSIDERATION_OUTCOME, outcome=OUT.POSITIVE, occurred_on=day, recorded_by=frontline_a
    )
    counts = register_counts(organisation_id=case.organisation_id, as_of=day)
    assert stage_counts(counts) == {"positive_rg": 1}


def test_counts_by_age_group_and_home_office_exploitation_category(frontline_a):
    make_case(frontline_a, age_group=AgeGroup.CHILD, exploitation_types=[T.CRIMINAL, T.LABOUR])
    make_case(frontline_a, age_group=AgeGroup.CHILD, exploitation_types=[T.LABOUR, T.CRIMINAL])
    make_case(frontline_a, age_group=AgeGroup.ADULT, exploitation_types=[T.SEXUAL])
    make_case(frontline_a, age_group=AgeGroup.UNKNOWN)
    counts = register_counts(organisation_id=frontline_a.organisation_id, as_of=date(2024, 2, 1))
    assert counts["by_age_group"] == {"adult": 1, "child": 2, "unknown": 1}
    assert counts["by_exploitation_type"] == {"Sexual": 1, "Labour & Criminal": 2, "Not specified or unknown": 1}
    assert list(counts["by_exploitation_type"]) == ["Sexual", "Labour & Criminal", "Not specified or unknown"]


def test_the_register_is_one_query(frontline_a):
    make_case(frontline_a, events=[(E.REFERRAL_SENT, "", date(2024, 1, 11))])
    with CaptureQueriesContext(connection) as context:
        register_counts(organisation_id=frontline_a.organisation_id, as_of=date(2024, 2, 1))
    selects = [query["sql"] for query in context.captured_queries if query["sql"].startswith("SELECT")]
    assert len(selects) == 1
    # On PostgreSQL, just-in-time compilation is switched off for it (it cost more than it saved).
    assert any("SET LOCAL jit = off" in query["sql"] for query in context.captured_queries) == (
        connection.vendor == "postgresql"
    )


def test_the_sql_stage_agrees_with_the_pure_rule_on_generated_histories(frontline_a):
    from tackle.cases.demo import national_story

    rng = random.Random(7)
    today = date(2026, 6, 30)
    cases = []
    for number in range(150):
        story = national_story(rng, number, today)
        cases.append(
            (
                make_case(
                    frontline_a,
                    seen=story.encountered_on,
                    events=story.events,
                    age_group=story.age_group,
                    closed_at=datetime.combine(story.closed_on, time(16), tzinfo=LONDON) if story.closed_on else None,
                ),
                story,
            )
        )
    for as_of in (date(2022, 6, 1), date(2023, 7, 1), date(2024, 12, 31), today):
        derived = dict(
            cases_open_on(organisation_id=frontline_a.organisation_id, as_of=as_of)
            .annotate(stage_then=stage_on(as_of))
            .values_list("pk", "stage_then")
        )
        expected = {
            case.pk: stage_from_events((kind, outcome) for kind, outcome, on in story.events if on <= as_of)
            for case, story in cases
            if story.encountered_on <= as_of and (story.closed_on is None or story.closed_on > as_of)
        }
        assert derived == expected, as_of
    # Today, each open case's derived stage is the stage it holds.
    assert not Case.objects.filter(status=CaseStatus.OPEN).annotate(s=stage_on(today)).exclude(s=F("stage")).exists()


def test_from_today_the_register_reads_the_stored_stage_and_agrees_with_the_events(frontline_a):
    from tackle.cases.demo import national_story
    from tackle.cases.register import stage_expression
    from tackle.core.periods import today_in_london

    today = today_in_london()
    rng = random.Random(11)
    for number in range(120):
        story = national_story(rng, number, today)
        closed_at = datetime.combine(story.closed_on, time(16), tzinfo=LONDON) if story.closed_on else None
        make_case(frontline_a, seen=story.encountered_on, events=story.events, closed_at=closed_at)
    open_today = cases_open_on(organisation_id=frontline_a.organisation_id, as_of=today)
    assert open_today.exists()
    by_events = dict(open_today.annotate(s=stage_on(today)).values_list("pk", "s"))
    by_stored = dict(open_today.annotate(s=stage_expression(today)).values_list("pk", "s"))
    assert by_stored == by_events
    assert stage_expression(today - timedelta(days=1)) != stage_expression(today)  # earlier dates use the events
    counts = register_counts(organisation_id=frontline_a.organisation_id, as_of=today)
    assert counts["total"] == len(by_events)
    assert counts["by_stage"] == {key: list(by_events.values()).count(key) for key in STAGE_KEYS}


# Suppression -------------------------------------------------------------------------------------


def _counts(total, stages, ages, types):
    return {
        "as_of": "2025-01-01",
        "total": total,
        "by_stage": dict(zip(STAGE_KEYS, stages, strict=True)),
        "by_age_group": dict(zip(AGE_GROUP_KEYS, ages, strict=True)),
        "by_exploitation_type": types,
    }


COUNCILLORS = default_disclosure(Audience.COUNCILLORS)


def test_counts_from_one_to_four_read_fewer_than_5_and_a_lone_one_takes_another_with_it():
    counts = _counts(12, [0, 1, 4, 5, 2, 0, 0], [7, 4, 1], {"Labour": 11, "Sexual": 1})
    masked = protect_breakdowns(counts, COUNCILLORS)
    f, w = "fewer than 5", WITHHELD
    # Sexual alone would be 12 - 11: Labour is withheld with it.
    assert masked == _counts(12, [0, f, f, 5, f, 0, 0], [7, f, f], {"Labour": w, "Sexual": f})
    assert counts["by_stage"]["nrm_referred"] == 1  # the original is left alone


def test_a_total_under_5_is_suppressed_too():
    masked = protect_breakdowns(_counts(3, [3, 0, 0, 0, 0, 0, 0], [3, 0, 0], {"Labour": 3}), COUNCILLORS)
    assert masked["total"] == "fewer than 5"
    assert masked["as_of"] == "2025-01-01"


def test_zero_and_five_or_more_are_shown():
    masked = protect_breakdowns(_counts(0, [0] * 7, [0, 0, 0], {}), COUNCILLORS)
    assert masked["total"] == 0 and set(masked["by_stage"].values()) == {0}
    assert protect_breakdowns(_counts(5, [5, 0, 0, 0, 0, 0, 0], [5, 0, 0], {}), COUNCILLORS)["total"] == 5


def test_another_threshold_changes_the_words():
    eleven = Disclosure(Audience.PUBLIC, 11)
    masked = protect_breakdowns(_counts(10, [10, 0, 0, 0, 0, 0, 0], [10, 0, 0], {"Labour": 10}), eleven)
    assert masked["total"] == "fewer than 11" and masked["by_stage"]["concern"] == "fewer than 11"
