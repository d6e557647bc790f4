"""Commitments: adopting the charter, linking actions, evidence, the lead's judgement and progress."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from tackle.audit.models import AuditEvent
from tackle.core.errors import ApplicationError
from tackle.statements.charter import COOP_CHARTER, COOP_CHARTER_SOURCE
from tackle.statements.models import ActionStatus, Commitment, CommitmentStatus
from tackle.statements.selectors.commitments import (
    commitment_rows,
    commitment_status,
    organisation_commitment_progress,
)
from tackle.statements.services.commitments import (
    charter_adopt,
    commitment_create,
    commitment_evidence_add,
    commitment_judge,
    commitment_link_actions,
    commitment_update,
)
from tackle.statements.services.statement import action_create, action_update_status, period_close

ADOPTED = date(2024, 7, 18)


@pytest.fixture
def commitment_a(council_a, lead_a) -> Commitment:
    return commitment_create(
        organisation=council_a,
        actor=lead_a,
        source="Council motion, July 2024",
        title="Pay the real living wage on care contracts",
        adopted_on=ADOPTED,
        adopted_by="Full Council",
    )


def _progress(organisation, today=None):  # type: ignore[no-untyped-def]
    return {row.commitment.pk: row for row in organisation_commitment_progress(organisation.pk, today)}


def test_the_charter_gives_ten_commitments_with_whistleblowing_as_two(council_a, lead_a) -> None:
    created = charter_adopt(organisation=council_a, actor=lead_a, adopted_on=ADOPTED, adopted_by="Full Council")
    assert len(created) == 10 == len(COOP_CHARTER)
    titles = [c.title for c in created]
    assert "Publicise whistleblowing" in titles and "Require whistleblowing of contractors" in titles
    assert all(c.source == COOP_CHARTER_SOURCE and c.meaning and c.adopted_by == "Full Council" for c in created)
    assert AuditEvent.objects.filter(object_type="statements.commitment", action="create").count() == 10


def test_adopting_the_charter_twice_adds_nothing_and_keeps_local_changes(council_a, lead_a) -> None:
    first = charter_adopt(organisation=council_a, actor=lead_a, adopted_on=ADOPTED, adopted_by="Full Council")
    commitment_update(commitment=first[0], actor=lead_a, details={"title": "Train every buyer"})
    first[9].delete()
    again = charter_adopt(organisation=council_a, actor=lead_a, adopted_on=ADOPTED, adopted_by="Cabinet")
    assert [c.charter_key for c in again] == [COOP_CHARTER[9].key]
    assert Commitment.objects.filter(organisation=council_a).count() == 10
    assert Commitment.objects.filter(title="Train every buyer").exists()


def test_each_council_adopts_the_charter_for_itself(council_a, council_b, lead_a, lead_b) -> None:
    charter_adopt(organisation=council_a, actor=lead_a, adopted_on=ADOPTED, adopted_by="Full Council")
    assert len(charter_adopt(organisation=council_b, actor=lead_b, adopted_on=ADOPTED, adopted_by="Council")) == 10


def test_an_adoption_date_in_the_future_is_refused(council_a, lead_a) -> None:
    tomorrow = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ApplicationError, match="today or in the past"):
        charter_adopt(organisation=council_a, actor=lead_a, adopted_on=tomorrow, adopted_by="Full Council")
    assert not Commitment.objects.exists()


@pytest.mark.parametrize(
    "judged_met, evidence, done, started, expected",
    [
        (False, 0, 0, 0, CommitmentStatus.NOT_STARTED),
        (True, 0, 0, 0, CommitmentStatus.NOT_STARTED),
        (True, 0, 3, 0, CommitmentStatus.IN_PROGRESS),
        (False, 0, 0, 1, CommitmentStatus.IN_PROGRESS),
        (False, 0, 1, 0, CommitmentStatus.IN_PROGRESS),
        (False, 2, 0, 0, CommitmentStatus.IN_PROGRESS),
        (False, 2, 5, 0, CommitmentStatus.IN_PROGRESS),
        (True, 1, 0, 0, CommitmentStatus.MET),
        (True, 1, 2, 3, CommitmentStatus.MET),
    ],
)
def test_met_needs_the_leads_judgement_and_evidence(judged_met, evidence, done, started, expected) -> None:
    status = commitment_status(
        judged_met=judged_met, evidence_count=evidence, actions_done=done, actions_started=started
    )
    assert status == expected


def test_progress_counts_done_overdue_and_leaves_out_dropped_actions(commitment_a, period_a, lead_a) -> None:
    today = date(2026, 1, 15)
    make = lambda title, due: action_create(  # noqa: E731
        period=period_a, actor=lead_a, area="prevention", title=title, due_on=due
    )
    done, late, dropped, later = (
        make("Done", date(2025, 9, 1)),
        make("Late", date(2025, 12, 1)),
        make("Dropped", date(2025, 10, 1)),
        make("Later", date(2026, 3, 1)),
    )
    action_update_status(action=done, actor=lead_a, status=ActionStatus.DONE)
    action_update_status(action=dropped, actor=lead_a, status=ActionStatus.DROPPED)
    commitment_link_actions(commitment=commitment_a, actor=lead_a, actions=[done, late, dropped, later])
    row = _progress(commitment_a.organisation, today)[commitment_a.pk]
    assert (row.actions_done, row.actions_total, row.actions_overdue) == (1, 3, 1)
    assert row.status == CommitmentStatus.IN_PROGRESS
    assert row.summary == "In progress. 1 of 3 linked actions done, 1 overdue."


def test_only_actions_of_the_same_council_can_be_linked(commitment_a, council_b, lead_b) -> None:
    from tackle.statements.services.statement import period_create

    period_b = period_create(
        organisation=council_b, label="2025-2026", starts_on=date(2025, 4, 1), ends_on=date(2026, 3, 31), actor=lead_b
    )
    other = action_create(period=period_b, actor=lead_b, area="response", title="B's", due_on=date(2025, 9, 1))
    with pytest.raises(ApplicationError, match="your own action plan"):
        commitment_link_actions(commitment=commitment_a, actor=lead_b, actions=[other])
    assert not commitment_a.actions.exists()


def test_a_carried_over_action_keeps_its_commitment(commitment_a, action_a, next_period_a, period_a, lead_a) -> None:
    commitment_link_actions(commitment=commitment_a, actor=lead_a, actions=[action_a])
    (copy,) = period_close(period=period_a, next_period=next_period_a, actor=lead_a)
    assert set(commitment_a.actions.all()) == {action_a, copy}
    row = _progress(commitment_a.organisation)[commitment_a.pk]
    assert row.actions_total == 1  # the carried-over original no longer counts


def test_judging_met_needs_evidence_and_a_reason(commitment_a, lead_a) -> None:
    with pytest.raises(ApplicationError, match="Record evidence"):
        commitment_judge(commitment=commitment_a, actor=lead_a, met=True, note="Done")
    commitment_evidence_add(commitment=commitment_a, actor=lead_a, text="Contracts renewed", recorded_on=ADOPTED)
    with pytest.raises(ApplicationError, match="Say why"):
        commitment_judge(commitment=commitment_a, actor=lead_a, met=True, note=" ")
    commitment_judge(commitment=commitment_a, actor=lead_a, met=True, note="All care contracts renewed")
    commitment_a.refresh_from_db()
    assert commitment_a.met_by == lead_a and commitment_a.met_on == timezone.localdate()
    assert _progress(commitment_a.organisation)[commitment_a.pk].status == CommitmentStatus.MET
    commitment_judge(commitment=commitment_a, actor=lead_a, met=False, note="A contract lapsed")
    commitment_a.refresh_from_db()
    assert commitment_a.met_on is None and commitment_a.met_note == "A contract lapsed"
    assert _progress(commitment_a.organisation)[commitment_a.pk].status == CommitmentStatus.IN_PROGRESS


def test_evidence_must_say_something_and_not_be_dated_ahead(commitment_a, lead_a) -> None:
    with pytest.raises(ApplicationError):
        commitment_evidence_add(commitment=commitment_a, actor=lead_a, text="  ", recorded_on=ADOPTED)
    with pytest.raises(ApplicationError, match="today or in the past"):
        commitment_evidence_add(
            commitment=commitment_a, actor=lead_a, text="x", recorded_on=timezone.localdate() + timedelta(days=2)
        )
    assert not commitment_a.evidence.exists()


def test_the_statement_row_shows_the_latest_evidence_first_and_counts_the_rest(commitment_a, lead_a) -> None:
    for month in range(1, 6):
        commitment_evidence_add(
            commitment=commitment_a, actor=lead_a, text=f"Step {month}", recorded_on=date(2025, month, 1)
        )
    (row,) = commitment_rows(commitment_a.organisation_id)
    assert row.evidence == "Step 5 (May 2025); Step 4 (April 2025); Step 3 (March 2025); and 2 more"
    assert row.progress == "In progress. No actions linked."


def test_every_change_is_audited(commitment_a, action_a, lead_a) -> None:
    commitment_update(commitment=commitment_a, actor=lead_a, details={"adopted_by": "Cabinet"})
    commitment_link_actions(commitment=commitment_a, actor=lead_a, actions=[action_a])
    commitment_evidence_add(commitment=commitment_a, actor=lead_a, text="Minutes", recorded_on=ADOPTED)
    events = AuditEvent.objects.filter(object_id=str(commitment_a.uuid)).order_by("sequence")
    assert [e.action for e in events] == ["create", "update", "update", "update"]
    assert events[1].changed_fields == ["adopted_by"]
