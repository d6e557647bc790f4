"""A statement follow-up marked as done: who may, what it needs, that it is audited and done once."""

import uuid
from datetime import timedelta

import pytest

from tackle.audit.models import AuditAction, AuditEvent
from tackle.core.errors import ApplicationError
from tackle.core.periods import today_in_london
from tackle.core.roles import Role
from tackle.suppliers.models import StatementFollowUp
from tackle.suppliers.services import FollowUpAlreadyDone, statement_follow_up_close, statement_follow_up_raise


@pytest.fixture
def follow_up(procurement_a, contract_manager_a):
    return statement_follow_up_raise(
        actor=procurement_a,
        reading_uuid=uuid.uuid4(),
        supplier=None,
        description="Ask how buyers are trained",
        owner=contract_manager_a,
        due_on=today_in_london() + timedelta(days=7),
        today=today_in_london(),
    )


def test_the_owner_marks_it_done_with_what_was_done_and_it_is_audited(follow_up, contract_manager_a):
    done = statement_follow_up_close(actor=contract_manager_a, follow_up=follow_up, outcome="  Training plan sent ")
    done.refresh_from_db()
    assert (done.closed_by, done.outcome) == (contract_manager_a, "Training plan sent")
    assert done.closed_at is not None
    event = AuditEvent.objects.get(object_id=str(follow_up.uuid), action=AuditAction.UPDATE)
    assert event.actor == contract_manager_a and "closed_at" in event.changed_fields


def test_an_owner_outside_the_statement_roles_and_the_lead_may_close_it(
    make_user, council_a, procurement_a, lead_a, follow_up
):
    frontline_owner = make_user(Role.FRONTLINE_OFFICER, council_a)
    follow_up.owner = frontline_owner
    follow_up.save()
    statement_follow_up_close(actor=frontline_owner, follow_up=follow_up, outcome="Asked")
    second = statement_follow_up_raise(
        actor=procurement_a,
        reading_uuid=uuid.uuid4(),
        supplier=None,
        description="Check the promise was kept",
        owner=procurement_a,
        due_on=today_in_london(),
        today=today_in_london(),
    )
    statement_follow_up_close(actor=lead_a, follow_up=second, outcome="Checked")
    assert StatementFollowUp.objects.filter(closed_at__isnull=False).count() == 2


def test_a_done_action_is_refused_again_and_keeps_its_first_outcome(follow_up, contract_manager_a, lead_a):
    statement_follow_up_close(actor=contract_manager_a, follow_up=follow_up, outcome="First")
    with pytest.raises(FollowUpAlreadyDone, match="already done"):
        statement_follow_up_close(actor=lead_a, follow_up=follow_up, outcome="Second")
    follow_up.refresh_from_db()
    assert (follow_up.outcome, follow_up.closed_by) == ("First", contract_manager_a)
    assert AuditEvent.objects.filter(object_id=str(follow_up.uuid), action=AuditAction.UPDATE).count() == 1


@pytest.mark.parametrize("outcome", ["", "   ", "x" * 5001])
def test_what_was_done_is_needed(follow_up, contract_manager_a, outcome):
    with pytest.raises(ApplicationError) as refused:
        statement_follow_up_close(actor=contract_manager_a, follow_up=follow_up, outcome=outcome)
    assert refused.value.field == "outcome"
    follow_up.refresh_from_db()
    assert follow_up.closed_at is None


def test_someone_not_its_owner_without_the_statements_roles_or_of_another_council_is_refused(
    make_user, council_a, lead_b, follow_up
):
    for actor in (make_user(Role.FRONTLINE_OFFICER, council_a), make_user(Role.COUNCILLOR, council_a), lead_b):
        with pytest.raises(ApplicationError, match="Only its owner, the lead or a reviewer"):
            statement_follow_up_close(actor=actor, follow_up=follow_up, outcome="Done")
    follow_up.refresh_from_db()
    assert follow_up.closed_at is None
    assert not AuditEvent.objects.filter(object_id=str(follow_up.uuid), action=AuditAction.UPDATE).exists()
