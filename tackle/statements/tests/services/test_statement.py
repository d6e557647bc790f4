from datetime import date

import pytest

from tackle.core.errors import ApplicationError
from tackle.statements.models import Action, ActionStatus, Statement, StatementStatus
from tackle.statements.selectors.statement import live_figures, overdue_actions, publish_checklist, section_diff
from tackle.statements.services.statement import (
    action_create,
    action_progress_add,
    action_update_status,
    period_close,
    signatory_add,
    statement_approve,
    statement_details_update,
    statement_publish,
    statement_section_update,
    statement_submit,
)


def test_progress_moves_a_planned_action_into_progress(action_a, lead_a) -> None:
    action_progress_add(action=action_a, actor=lead_a, written_on=date(2025, 6, 1), what_was_done="Drafted clauses")
    action_a.refresh_from_db()
    assert action_a.status == ActionStatus.IN_PROGRESS
    assert action_a.updates.get().what_was_done == "Drafted clauses"


def test_closing_a_period_carries_open_actions_and_keeps_history(period_a, next_period_a, action_a, lead_a) -> None:
    done = action_create(
        period=period_a, actor=lead_a, area="detection", title="Brief officers", due_on=date(2025, 5, 1)
    )
    action_update_status(action=done, actor=lead_a, status=ActionStatus.DONE)
    action_progress_add(action=action_a, actor=lead_a, written_on=date(2025, 6, 1), what_was_done="Half done")

    carried = period_close(period=period_a, next_period=next_period_a, actor=lead_a)

    assert [copy.carried_from for copy in carried] == [action_a]
    action_a.refresh_from_db()
    assert action_a.status == ActionStatus.CARRIED_OVER
    assert action_a.updates.count() == 1
    assert carried[0].period == next_period_a and carried[0].due_on == next_period_a.starts_on
    assert Action.objects.get(pk=done.pk).status == ActionStatus.DONE
    with pytest.raises(ApplicationError):
        action_create(period=period_a, actor=lead_a, area="response", title="Late", due_on=date(2026, 1, 1))


def test_a_carried_over_action_cannot_change_status(period_a, next_period_a, action_a, lead_a) -> None:
    period_close(period=period_a, next_period=next_period_a, actor=lead_a)
    action_a.refresh_from_db()
    with pytest.raises(ApplicationError):
        action_update_status(action=action_a, actor=lead_a, status=ActionStatus.DONE)


def test_overdue_lists_open_actions_past_their_due_date(action_a) -> None:
    assert list(overdue_actions(Action.objects.all(), today=date(2026, 1, 1))) == [action_a]
    assert list(overdue_actions(Action.objects.all(), today=date(2025, 12, 31))) == []


def test_an_approved_statement_is_frozen_and_an_edit_makes_a_new_version(statement_a, lead_a) -> None:
    statement_submit(statement=statement_a, actor=lead_a)
    statement_approve(statement=statement_a, actor=lead_a)
    assert statement_a.frozen and statement_a.approved_by == lead_a and statement_a.approved_at

    newer = statement_section_update(statement=statement_a, key="policies", text="Updated policies.", actor=lead_a)

    assert newer.version == 2 and newer.status == StatementStatus.DRAFT and not newer.frozen
    assert statement_a.sections.get(key="policies").text == "Our policies say what to do."
    assert newer.sections.count() == statement_a.sections.count()
    assert section_diff(statement_a, newer) == [("Policies", ["-Our policies say what to do.", "+Updated policies."])]
    with pytest.raises(ApplicationError):  # the old version again: edit the newer draft instead
        statement_section_update(statement=statement_a, key="policies", text="Again", actor=lead_a)


def test_publishing_needs_the_checklist_complete(statement_a, lead_a) -> None:
    statement_submit(statement=statement_a, actor=lead_a)
    statement_approve(statement=statement_a, actor=lead_a)
    with pytest.raises(ApplicationError, match="signed"):
        statement_publish(statement=statement_a, published_url="https://example.org/s", actor=lead_a)

    statement_a = Statement.objects.get(pk=statement_a.pk)
    draft = signatory_add(statement=statement_a, name="A Leader", role="Leader of the council", actor=lead_a)
    draft = statement_details_update(statement=draft, actor=lead_a, details={"approval_date": date(2026, 5, 1)})
    statement_submit(statement=draft, actor=lead_a)
    statement_approve(statement=draft, actor=lead_a)
    statement_publish(statement=draft, published_url="https://example.org/s", actor=lead_a)

    assert draft.status == StatementStatus.PUBLISHED
    assert all(item.done for item in publish_checklist(draft))


def test_workflow_steps_must_come_in_order(statement_a, lead_a) -> None:
    with pytest.raises(ApplicationError):
        statement_approve(statement=statement_a, actor=lead_a)


def test_live_figures_count_nrm_referrals_in_the_period(statement_a, lead_a, record_concern) -> None:
    from tackle.cases.models import NrmEvent, NrmEventKind

    case = record_concern(lead_a)
    NrmEvent.objects.create(
        case=case, kind=NrmEventKind.REFERRAL_SENT, occurred_on=date(2025, 7, 1), recorded_by=lead_a
    )
    figures = {figure.label: figure for figure in live_figures(statement_a)}
    assert figures["NRM referrals made"].value == "1"
    assert figures["NRM referrals made"].source == "Tackle case records"
    assert "People trained" in figures
