from datetime import date

import pytest
from django.utils import translation

from tackle.core.errors import ApplicationError
from tackle.statements.models import (
    Action,
    ActionStatus,
    DecisionMaker,
    Statement,
    StatementPeriod,
    StatementStatus,
)
from tackle.statements.selectors.statement import live_figures, overdue_actions, publish_checklist, section_diff
from tackle.statements.services.statement import (
    action_create,
    action_progress_add,
    action_update_status,
    period_close,
    period_delete,
    period_update,
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


def test_an_approved_statement_is_frozen_and_an_edit_makes_a_new_version(statement_a, lead_a, approve) -> None:
    approve(statement_a, lead_a)
    assert statement_a.frozen and statement_a.approved_by == lead_a and statement_a.approved_at

    newer = statement_section_update(statement=statement_a, key="policies", text="Updated policies.", actor=lead_a)

    assert newer.version == 2 and newer.status == StatementStatus.DRAFT and not newer.frozen
    assert newer.approval_date is None and newer.decision_maker == ""  # the decision approved version 1 only
    assert statement_a.sections.get(key="policies").text == "Our policies say what to do."
    assert newer.sections.count() == statement_a.sections.count()
    assert section_diff(statement_a, newer) == [("Policies", ["-Our policies say what to do.", "+Updated policies."])]
    with pytest.raises(ApplicationError):  # the old version again: edit the newer draft instead
        statement_section_update(statement=statement_a, key="policies", text="Again", actor=lead_a)


def _submitted(statement, lead) -> Statement:
    signatory_add(statement=statement, name="A Leader", role="Leader of the council", actor=lead)
    return statement_submit(statement=statement, actor=lead)


def test_recording_the_decision_approves_and_freezes_this_version_without_a_new_draft(statement_a, lead_a) -> None:
    _submitted(statement_a, lead_a)
    statement_approve(
        statement=statement_a,
        actor=lead_a,
        decision_maker=DecisionMaker.DELEGATED,
        delegated_to="Director of Communities",
        approval_date=date(2026, 5, 1),
        minute_reference="DD 2026/14",
        review_date=date(2027, 5, 1),
    )
    statement_a.refresh_from_db()
    assert statement_a.status == StatementStatus.APPROVED and statement_a.frozen
    assert statement_a.approval_body == "Director of Communities (delegated decision)"
    assert (statement_a.approval_date, statement_a.minute_reference) == (date(2026, 5, 1), "DD 2026/14")
    assert Statement.objects.count() == 1

    statement_publish(statement=statement_a, published_url="https://example.org/s", actor=lead_a)

    assert Statement.objects.get().status == StatementStatus.PUBLISHED
    assert all(item.done for item in publish_checklist(statement_a))


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"review_date": date(2026, 4, 30)}, "review_date"),
        ({"review_date": date(2026, 5, 1)}, "review_date"),
        ({"decision_maker": DecisionMaker.DELEGATED}, "delegated_to"),
        ({"approval_date": date(2027, 1, 1), "review_date": date(2028, 1, 1)}, "approval_date"),
        ({"minute_reference": "  "}, "minute_reference"),
    ],
)
def test_a_decision_that_does_not_add_up_is_refused_on_its_field(statement_a, lead_a, change, field) -> None:
    _submitted(statement_a, lead_a)
    decision = {
        "decision_maker": DecisionMaker.CABINET,
        "approval_date": date(2026, 5, 1),
        "minute_reference": "CAB 45/26",
        "review_date": date(2027, 5, 1),
    }
    with pytest.raises(ApplicationError) as refused:
        statement_approve(statement=statement_a, actor=lead_a, today=date(2026, 6, 1), **{**decision, **change})
    assert refused.value.field == field
    assert Statement.objects.get().status == StatementStatus.SUBMITTED


def test_a_slip_in_the_approval_record_is_corrected_before_publishing_without_a_new_version(
    statement_a, lead_a, approve
) -> None:
    approve(statement_a, lead_a, on=date(2025, 7, 1))
    statement_approve(
        statement=statement_a,
        actor=lead_a,
        decision_maker=DecisionMaker.FULL_COUNCIL,
        approval_date=date(2025, 7, 2),
        minute_reference="FC 7/25",
        review_date=date(2026, 7, 1),
    )
    statement_a.refresh_from_db()
    assert (statement_a.approval_body, statement_a.minute_reference) == ("Full Council", "FC 7/25")
    assert statement_a.status == StatementStatus.APPROVED and Statement.objects.count() == 1
    statement_publish(statement=statement_a, published_url="https://example.org/s", actor=lead_a)
    with pytest.raises(ApplicationError, match="not yet published"):
        statement_approve(
            statement=statement_a,
            actor=lead_a,
            decision_maker=DecisionMaker.CABINET,
            approval_date=date(2025, 7, 2),
            minute_reference="CAB 1",
            review_date=date(2026, 7, 1),
        )


def test_submitting_needs_a_signatory_so_approval_is_not_undone_by_signing(statement_a, lead_a) -> None:
    with pytest.raises(ApplicationError, match="signatory"):
        statement_submit(statement=statement_a, actor=lead_a)


def test_a_review_date_before_the_decision_is_refused_on_a_later_change(statement_a, lead_a, approve) -> None:
    approve(statement_a, lead_a, on=date(2025, 7, 1))
    with pytest.raises(ApplicationError) as refused:
        statement_details_update(statement=statement_a, actor=lead_a, details={"review_date": date(2025, 6, 1)})
    assert refused.value.field == "review_date"


def test_publishing_needs_the_approval_recorded(statement_a, lead_a) -> None:
    _submitted(statement_a, lead_a)
    with pytest.raises(ApplicationError):
        statement_publish(statement=statement_a, published_url="https://example.org/s", actor=lead_a)
    assert Statement.objects.get().status == StatementStatus.SUBMITTED


def test_workflow_steps_must_come_in_order(statement_a, lead_a) -> None:
    with pytest.raises(ApplicationError):
        statement_approve(
            statement=statement_a,
            actor=lead_a,
            decision_maker=DecisionMaker.CABINET,
            approval_date=date(2025, 7, 1),
            minute_reference="CAB 1",
            review_date=date(2026, 7, 1),
        )


def test_a_period_is_corrected_and_one_with_nothing_in_it_deleted(period_a, next_period_a, action_a, lead_a) -> None:
    period_update(
        period=next_period_a, label="2026/27", starts_on=date(2026, 4, 1), ends_on=date(2027, 3, 31), actor=lead_a
    )
    assert StatementPeriod.objects.get(pk=next_period_a.pk).label == "2026/27"
    with pytest.raises(ApplicationError) as refused:
        period_update(
            period=next_period_a, label="2025-2026", starts_on=date(2026, 4, 1), ends_on=date(2027, 3, 31), actor=lead_a
        )
    assert refused.value.field == "label"

    period_delete(period=next_period_a, actor=lead_a)
    with pytest.raises(ApplicationError, match="1 action"):
        period_delete(period=period_a, actor=lead_a)
    assert list(StatementPeriod.objects.all()) == [period_a]


def test_live_figures_count_nrm_referrals_in_the_period(statement_a, lead_a, record_concern) -> None:
    from tackle.cases.models import NrmEvent, NrmEventKind

    case = record_concern(lead_a)
    NrmEvent.objects.create(
        case=case, kind=NrmEventKind.REFERRAL_SENT, occurred_on=date(2025, 7, 1), recorded_by=lead_a
    )
    figures = {figure.label: figure for figure in live_figures(statement_a)}
    assert figures["NRM referrals made"].value == "fewer than 10"  # a statement is published: public figures
    with translation.override("cy"):  # issue 21: a Welsh statement says it in Welsh
        assert live_figures(statement_a)[0].value == "llai na 10"
    assert figures["NRM referrals made"].source == "Tackle case records"
    assert "People trained" in figures
