"""The door: 403 for a role without the module or the action, 404 out of scope, and the view or
export audit entry written for resources that hold personal data or are audited."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import RequestFactory

from tackle.accounts.door import open_for_user, open_page_for_user
from tackle.accounts.models import Organisation
from tackle.audit.models import AuditAction, AuditEvent
from tackle.core import access
from tackle.core.access import Action


def _request(user):
    request = RequestFactory().get("/somewhere/")
    request.user = user
    return request


def test_a_page_of_figures_is_audited_with_what_it_showed(councillor_a):
    open_page_for_user(
        councillor_a, resource=access.FIGURES, request=_request(councillor_a), object_type="reporting.figures", note="n"
    )
    event = AuditEvent.objects.get()
    assert (event.action, event.object_type, event.note) == (AuditAction.VIEW, "reporting.figures", "n")


def test_a_page_refuses_a_role_without_the_action(councillor_a):
    with pytest.raises(PermissionDenied):
        open_page_for_user(councillor_a, resource=access.REGISTER, action=Action.EXPORT, object_type="cases.register")
    assert not AuditEvent.objects.exists()


def test_a_page_refuses_a_role_without_the_module(frontline_a):
    with pytest.raises(PermissionDenied):
        open_page_for_user(frontline_a, resource=access.FIGURES, object_type="reporting.figures")


def test_a_record_outside_the_selector_does_not_exist(lead_a, council_b):
    with pytest.raises(Http404):
        open_for_user(lead_a, Organisation.objects.none(), resource=access.CASES, pk=council_b.pk)


def test_an_unaudited_resource_writes_no_entry(lead_a):
    organisations = Organisation.objects.filter(pk=lead_a.organisation_id)
    open_for_user(lead_a, organisations, resource=access.SPEND, request=_request(lead_a), pk=lead_a.organisation_id)
    assert not AuditEvent.objects.exists()


# Refusals (issue 15, defect 10): reaching for a record that exists but is not the user's to open is
# audited, in the owner's log and the user's, naming the record but nothing it holds.


def _runs_of(user):
    from tackle.core.models import TaskRun

    return TaskRun.objects.filter(organisation_id=user.organisation_id)


@pytest.fixture
def run_of_b(lead_b):
    from tackle.core.models import TaskRun

    return TaskRun.objects.create(name="Council B's private job", organisation=lead_b.organisation, started_by=lead_b)


def test_reaching_for_another_organisations_record_is_refused_and_audited(lead_a, run_of_b):
    with pytest.raises(Http404):
        open_for_user(lead_a, _runs_of(lead_a), resource=access.CASES, request=_request(lead_a), uuid=run_of_b.uuid)
    event = AuditEvent.objects.get()
    assert (event.action, event.actor, event.object_type, event.object_id) == (
        AuditAction.REFUSED,
        lead_a,
        "core.taskrun",
        str(run_of_b.uuid),
    )
    assert (event.organisation_id, event.actor_organisation_id) == (run_of_b.organisation_id, lead_a.organisation_id)
    assert event.path == "/somewhere/"
    assert "private job" not in event.note


def test_a_record_that_does_not_exist_is_an_ordinary_404_with_no_entry(lead_a):
    with pytest.raises(Http404):
        open_for_user(lead_a, _runs_of(lead_a), resource=access.CASES, uuid="00000000-0000-0000-0000-000000000000")
    assert not AuditEvent.objects.exists()


def test_a_role_refused_an_action_on_a_record_is_audited(councillor_a, lead_a):
    from tackle.core.models import TaskRun

    own = TaskRun.objects.create(name="x", organisation=lead_a.organisation, started_by=lead_a)
    with pytest.raises(PermissionDenied):
        open_for_user(councillor_a, _runs_of(councillor_a), resource=access.CASES, action=Action.CHANGE, uuid=own.uuid)
    event = AuditEvent.objects.get()
    assert (event.action, event.actor, event.object_id) == (AuditAction.REFUSED, councillor_a, str(own.uuid))
    assert "change" in event.note


def test_a_caller_trying_a_narrower_door_next_can_leave_the_first_refusal_unaudited(lead_a, run_of_b):
    with pytest.raises(Http404):
        open_for_user(lead_a, _runs_of(lead_a), resource=access.CASES, audit_refusal=False, uuid=run_of_b.uuid)
    assert not AuditEvent.objects.exists()


def test_the_auditors_of_both_organisations_see_the_refusal(lead_a, run_of_b, auditor_a, make_user, lead_b):
    from tackle.audit.selectors import audit_events_visible_to
    from tackle.core.roles import Role

    with pytest.raises(Http404):
        open_for_user(lead_a, _runs_of(lead_a), resource=access.CASES, uuid=run_of_b.uuid)
    auditor_b = make_user(Role.AUDITOR, lead_b.organisation)
    for auditor in (auditor_a, auditor_b):
        assert audit_events_visible_to(auditor).filter(action=AuditAction.REFUSED).count() == 1
