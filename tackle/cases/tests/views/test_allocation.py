"""Allocating a case on its page: right role works, other organisation's case 404, wrong role 403."""

import pytest
from django.urls import reverse

from tackle.audit.models import AuditAction, AuditEvent
from tackle.cases.tests.factories import make_case
from tackle.core.roles import Role


@pytest.fixture
def case(lead_a, frontline_a):
    return make_case(lead_a.organisation, frontline_a, person_name="Sam")


@pytest.fixture
def manager_a(make_user, council_a):
    return make_user(Role.SAFEGUARDING_MANAGER, council_a, first_name="Maya", last_name="Patel")


def _url(case):
    return reverse("cases:allocation-edit", args=[case.uuid])


def test_the_lead_allocates_then_hands_over_and_the_case_page_shows_both(client_for, lead_a, manager_a, case):
    client = client_for(lead_a)
    assert client.get(_url(case)).status_code == 200
    response = client.post(_url(case), {"worker": str(manager_a.uuid)})
    assert response.status_code == 302
    refused = client.post(_url(case), {"worker": str(lead_a.uuid)})
    assert "Write a handover note for the new worker" in refused.content.decode()
    client.post(_url(case), {"worker": str(lead_a.uuid), "handover_note": "Interpreter booked for Tuesday"})
    page = client.get(reverse("cases:case-detail", args=[case.uuid])).content.decode()
    assert f"Allocated to {lead_a.display_name}" in page
    assert 'data-testid="allocation-history"' in page and "Interpreter booked for Tuesday" in page
    assert AuditEvent.objects.filter(action=AuditAction.UPDATE, changed_fields=["allocated_to"]).count() == 2


def test_only_case_workers_of_the_organisation_are_offered(client_for, lead_a, manager_a, lead_b, case, councillor_a):
    offered = dict(client_for(lead_a).get(_url(case)).context["form"].fields["worker"].choices)
    assert offered == {"": "Choose a worker", str(lead_a.uuid): lead_a.display_name, str(manager_a.uuid): "Maya Patel"}
    response = client_for(lead_a).post(_url(case), {"worker": str(lead_b.uuid)})
    assert "Choose a worker from the list" in response.content.decode()


def test_a_safeguarding_manager_may_allocate(client_for, manager_a, case):
    assert client_for(manager_a).post(_url(case), {"worker": str(manager_a.uuid)}).status_code == 302


def test_the_frontline_officer_who_recorded_it_gets_403(client_for, frontline_a, manager_a, case):
    client = client_for(frontline_a)
    assert client.get(_url(case)).status_code == 403
    assert client.post(_url(case), {"worker": str(manager_a.uuid)}).status_code == 403


def test_another_organisation_gets_404(client_for, lead_b, case):
    assert client_for(lead_b).get(_url(case)).status_code == 404
