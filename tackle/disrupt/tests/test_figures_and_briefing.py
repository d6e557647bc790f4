"""The annual report's figures and the daily briefing pack."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from tackle.disrupt.briefing import briefing_pack
from tackle.disrupt.figures import NOT_RECORDED, annual_figures
from tackle.disrupt.models import Briefing
from tackle.disrupt.tests.factories import (
    add_agency,
    make_action,
    make_intelligence,
    make_operation,
    make_outcome,
)

pytestmark = pytest.mark.django_db


def test_annual_figures_count_operations_agencies_interventions_and_arrests(safety_a, safety_b):
    first = make_operation(safety_a, on=date(2025, 5, 1))
    second = make_operation(safety_a, on=date(2026, 3, 31), name="Op Two", kind="dynamic")
    make_operation(safety_a, on=date(2026, 4, 1), name="Next year")
    make_operation(safety_b, on=date(2025, 6, 1), name="Another council")
    unrecorded = make_operation(safety_a, on=date(2025, 9, 1), name="No outcome")
    add_agency(first, "GLAA", 3)
    add_agency(second, "glaa ", 2)
    add_agency(second, "Fire", 4)
    add_agency(unrecorded, "Police", 1)
    make_outcome(first, safety_a, exploitation_types=["labour", "sexual"], arrests_modern_slavery=2, arrests_other=1)
    make_outcome(second, safety_a, exploitation_types=["labour"], arrests_immigration=3, victims_child=0)

    figures = annual_figures(safety_a.organisation_id, 2025)

    assert (figures.operations, figures.planned, figures.dynamic, figures.with_outcomes) == (3, 2, 1, 2)
    assert dict(figures.by_exploitation) == {"Labour": 2, "Sexual": 1, NOT_RECORDED: 1}
    assert [(row.name, row.operations, row.interventions) for row in figures.agencies] == [
        ("GLAA", 2, 5),
        ("Fire", 1, 4),
        ("Police", 1, 1),
    ]
    assert figures.interventions == 10
    assert figures.arrests == {"Modern slavery offences": 2, "Immigration offences": 3, "Other offences": 1}
    assert figures.arrests_total == 6
    assert (figures.victims_adult, figures.victims_child) == (10, 1)


def test_the_briefing_covers_the_last_day_when_no_meeting_was_held(safety_a):
    now = timezone.now()
    pack = briefing_pack(safety_a, now=now)
    assert pack.since == now - timedelta(hours=24)
    assert pack.last_briefing is None


def test_the_briefing_starts_at_the_last_meeting_when_it_was_longer_ago(safety_a):
    now = timezone.now()
    held = Briefing.objects.create(
        organisation=safety_a.organisation, held_at=now - timedelta(days=3), covers_from=now, held_by=safety_a
    )
    assert briefing_pack(safety_a, now=now).since == held.held_at


def test_the_briefing_lists_new_intelligence_concerns_open_actions_and_upcoming_operations(
    safety_a, frontline_a, record_concern
):
    old = make_intelligence(safety_a)
    type(old).objects.filter(pk=old.pk).update(recorded_at=timezone.now() - timedelta(days=2))
    new = make_intelligence(safety_a, where="Station Road")
    concern = record_concern(frontline_a)
    open_action = make_action(safety_a)
    make_action(safety_a, title="Done", closed_at=timezone.now())
    soon = make_operation(safety_a, on=timezone.localdate() + timedelta(days=2))
    make_operation(safety_a, on=timezone.localdate() + timedelta(days=60), name="Far off")

    pack = briefing_pack(safety_a)

    assert pack.intelligence == [new]
    assert pack.concerns == [concern]
    assert pack.open_actions == [open_action]
    assert pack.upcoming == [soon]
