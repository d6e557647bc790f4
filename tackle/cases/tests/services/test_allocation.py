import pytest

from tackle.audit.models import AuditAction, AuditEvent
from tackle.cases.models import CaseStatus
from tackle.cases.services.allocation import case_allocate
from tackle.cases.tests.factories import make_case
from tackle.core.errors import ApplicationError
from tackle.core.roles import Role


@pytest.fixture
def case(lead_a, frontline_a):
    return make_case(lead_a.organisation, frontline_a, person_name="Sam")


@pytest.fixture
def manager_a(make_user, council_a):
    return make_user(Role.SAFEGUARDING_MANAGER, council_a)


def test_a_case_is_allocated_to_a_worker_and_the_change_is_audited(case, lead_a, manager_a):
    case = case_allocate(case=case, actor=lead_a, worker=manager_a)
    case.refresh_from_db()
    assert case.allocated_to == manager_a and case.version == 2
    (allocation,) = case.allocations.all()
    assert allocation.allocated_by == lead_a and allocation.handover_note == ""
    event = AuditEvent.objects.get(action=AuditAction.UPDATE, object_id=str(case.uuid))
    assert event.changed_fields == ["allocated_to"] and event.actor == lead_a


def test_handing_over_needs_a_note_and_keeps_the_history(case, lead_a, manager_a):
    case_allocate(case=case, actor=lead_a, worker=manager_a)
    with pytest.raises(ApplicationError, match="handover note") as refused:
        case_allocate(case=case, actor=manager_a, worker=lead_a)
    assert refused.value.field == "handover_note"
    case_allocate(case=case, actor=manager_a, worker=lead_a, handover_note="Next visit Tuesday; interpreter booked")
    case.refresh_from_db()
    assert case.allocated_to == lead_a
    assert [a.allocated_to for a in case.allocations.all()] == [lead_a, manager_a]
    assert case.allocations.first().handover_note == "Next visit Tuesday; interpreter booked"


@pytest.mark.parametrize("role", [Role.FRONTLINE_OFFICER, Role.COUNCILLOR, Role.AUDITOR, Role.ADMINISTRATOR])
def test_only_a_case_working_role_can_have_a_case(case, lead_a, make_user, council_a, role):
    with pytest.raises(ApplicationError, match="case worker") as refused:
        case_allocate(case=case, actor=lead_a, worker=make_user(role, council_a))
    assert refused.value.field == "worker"
    assert case.allocations.count() == 0


def test_a_worker_of_another_organisation_cannot_have_the_case(case, lead_a, lead_b):
    with pytest.raises(ApplicationError, match="case worker"):
        case_allocate(case=case, actor=lead_a, worker=lead_b)


def test_a_worker_who_has_left_cannot_be_given_a_case(case, lead_a, manager_a):
    manager_a.is_active = False
    manager_a.save()
    with pytest.raises(ApplicationError, match="case worker"):
        case_allocate(case=case, actor=lead_a, worker=manager_a)


def test_a_closed_case_is_reopened_before_it_is_allocated(lead_a, frontline_a, manager_a):
    from django.utils import timezone

    closed = make_case(lead_a.organisation, frontline_a, status=CaseStatus.CLOSED, closed_at=timezone.now())
    with pytest.raises(ApplicationError, match="Reopen"):
        case_allocate(case=closed, actor=lead_a, worker=manager_a)


def test_allocating_to_the_same_worker_again_is_refused(case, lead_a):
    case_allocate(case=case, actor=lead_a, worker=lead_a)
    with pytest.raises(ApplicationError, match="already allocated"):
        case_allocate(case=case, actor=lead_a, worker=lead_a, handover_note="again")
