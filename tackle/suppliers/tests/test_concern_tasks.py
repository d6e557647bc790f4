"""A concern passed from casework, as a task on the supplier's record."""

import uuid

from django.urls import reverse

from tackle.audit.models import AuditAction, AuditEvent
from tackle.suppliers.models import SupplierConcernTask
from tackle.suppliers.services import supplier_concern_task_create
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
