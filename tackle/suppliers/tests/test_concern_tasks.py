"""A concern passed from casework, as a task on the supplier's record."""

import uuid

from django.urls import reverse
from django.utils import timezone

from tackle.audit.models import AuditAction, AuditEvent
from tackle.core.roles import Role
from tackle.suppliers.models import SupplierConcernTask
from tackle.suppliers.services import supplier_concern_task_close, supplier_concern_task_create
from tackle.suppliers.tests.factories import make_supplier


def test_one_task_for_each_case_audited_and_shown_on_the_supplier(client_for, council_a, procurement_a):
    supplier = make_supplier(council_a, "Sparkle Cleaning Ltd")
    case_uuid = uuid.uuid4()
    made = [
        supplier_concern_task_create(
            organisation_id=council_a.pk,
            supplier_name=" SPARKLE cleaning ltd ",
            case_reference="C-1234ABCD",
            case_uuid=case_uuid,
            actor=procurement_a,
        )
        for _ in range(2)
    ]
    assert made[0] == made[1] and SupplierConcernTask.objects.count() == 1
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_id=str(made[0].uuid)).count() == 1
    page = client_for(procurement_a).get(reverse("suppliers:supplier-detail", args=[supplier.uuid])).content.decode()
    assert "C-1234ABCD" in page and "Concerns passed from casework" in page


def test_no_task_when_no_supplier_of_the_organisation_has_the_name(council_a, council_b):
    make_supplier(council_b, "Sparkle Cleaning Ltd")
    task = supplier_concern_task_create(
        organisation_id=council_a.pk,
        supplier_name="Sparkle Cleaning Ltd",
        case_reference="C-1",
        case_uuid=uuid.uuid4(),
        actor=None,
    )
    assert task is None and not SupplierConcernTask.objects.exists()


def _task(organisation, supplier_name="Sparkle Cleaning Ltd"):
    return supplier_concern_task_create(
        organisation_id=organisation.pk,
        supplier_name=supplier_name,
        case_reference="C-1234ABCD",
        case_uuid=uuid.uuid4(),
        actor=None,
    )


def _close_url(task):
    return reverse("suppliers:concern-task-close", args=[task.uuid])


def test_procurement_closes_a_concern_with_what_it_did_audited_and_listed_as_closed(
    client_for, council_a, procurement_a
):
    supplier = make_supplier(council_a)
    task = _task(council_a)
    client = client_for(procurement_a)
    detail = reverse("suppliers:supplier-detail", args=[supplier.uuid])
    assert _close_url(task) in client.get(detail).content.decode()
    assert client.get(_close_url(task)).status_code == 200
    response = client.post(_close_url(task), {"outcome": "Site visited; payslips checked"})
    assert response.status_code == 302 and response.url == detail
    task.refresh_from_db()
    assert (task.closed_on, task.closed_by, task.outcome) == (
        timezone.localdate(),
        procurement_a,
        "Site visited; payslips checked",
    )
    event = AuditEvent.objects.get(action=AuditAction.UPDATE, object_id=str(task.uuid))
    assert event.actor == procurement_a and event.changed_fields == ["closed_on", "outcome"]
    page = client.get(detail).content.decode()
    assert "Closed" in page and "Site visited; payslips checked" in page and _close_url(task) not in page


def test_an_empty_outcome_is_refused_naming_the_field_and_a_closed_task_stays_closed(
    client_for, council_a, procurement_a
):
    make_supplier(council_a)
    task = _task(council_a)
    client = client_for(procurement_a)
    refused = client.post(_close_url(task), {"outcome": "  "})
    assert refused.status_code == 200 and "Enter what procurement did about the contract" in refused.content.decode()
    task.refresh_from_db()
    assert task.closed_on is None
    supplier_concern_task_close(actor=procurement_a, task=task, closed_on=timezone.localdate(), outcome="Done")
    again = client.post(_close_url(task), {"outcome": "Again"})
    assert "already closed" in again.content.decode()
    task.refresh_from_db()
    assert task.outcome == "Done"


def test_who_may_close_a_concern(client_for, make_user, council_a, council_b, lead_a, frontline_a):
    make_supplier(council_a)
    task = _task(council_a)
    assert client_for(lead_a).get(_close_url(task)).status_code == 200  # the lead keeps the register too
    assert client_for(make_user(Role.PROCUREMENT_OFFICER, council_b)).get(_close_url(task)).status_code == 404
    assert client_for(frontline_a).post(_close_url(task), {"outcome": "x"}).status_code == 403
    task.refresh_from_db()
    assert task.closed_on is None
