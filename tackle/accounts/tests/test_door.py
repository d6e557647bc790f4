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
