"""/api/v1/retention/* and /api/v1/cases/{uuid}/retention (issue 19): the retention review, the
schedule and a case's decision as the retention pages do them, through their selectors, forms and
services, audited; the lead and the administrator only, with a token that reaches case records."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tackle.accounts.tests.signing_in import token_client
from tackle.audit.models import AuditAction, AuditEvent
from tackle.cases.models import Case, RetentionDecision, RetentionPeriod
from tackle.cases.services.retention import legal_hold_place
from tackle.cases.tests.factories import make_case
from tackle.suppliers.models import SupplierContact
from tackle.suppliers.tests.factories import make_supplier

pytestmark = pytest.mark.django_db
DUE = "/api/v1/retention/due"
SCHEDULE = "/api/v1/retention/schedule"


@pytest.fixture
def old_case(lead_a):
    closed_at = timezone.now() - timedelta(days=365 * 30)
    return make_case(lead_a.organisation, lead_a, person_name="Ana Petrova", status="closed", closed_at=closed_at)


@pytest.fixture
def old_contact(council_a):
    contact = SupplierContact.objects.create(supplier=make_supplier(council_a), name="Jo Bloggs", email="jo@x.org")
    SupplierContact.objects.filter(pk=contact.pk).update(updated_at=timezone.now() - timedelta(days=365 * 3))
    return contact


def _decide(case):
    return f"/api/v1/cases/{case.uuid}/retention"


def test_the_due_list_has_cases_and_other_records_filtered_and_audited(lead_a, old_case, old_contact):
    client = token_client(lead_a, scope="read", modules=("cases",))
    body = client.get(DUE).json()
    rows = {row["reference"]: row for row in body["results"]}
    assert rows[old_case.reference]["case"] == str(old_case.uuid) and rows[old_case.reference]["kind"]
    assert any(row["record_type"] == "supplier_contact" and row["case"] is None for row in body["results"])
    only = client.get(DUE, {"record_type": "supplier_contact"}).json()["results"]
    assert only and {row["record_type"] for row in only} == {"supplier_contact"}
    assert AuditEvent.objects.filter(action=AuditAction.VIEW, object_type="cases.retention").exists()
    refused = client.get(DUE, {"record_type": "nothing", "sort": "colour"})
    assert refused.status_code == 400 and set(refused.json()) == {"record_type", "sort"}


def test_a_held_case_is_not_due_and_another_councils_are_left_out(lead_a, lead_b, old_case):
    legal_hold_place(case=old_case, reason="Tribunal", actor=lead_a)
    references = [row["reference"] for row in token_client(lead_a).get(DUE).json()["results"]]
    assert old_case.reference not in references
    assert token_client(lead_b).get(DUE).json()["results"] == []


def test_the_schedule_is_read_by_the_lead_and_changed_by_the_administrator(lead_a, admin_a):
    periods = {row["record_type"]: row for row in token_client(lead_a).get(SCHEDULE).json()["periods"]}
    assert periods["adult_case"]["months"] == 72 and "supplier_contact" in periods
    assert token_client(lead_a).patch(SCHEDULE, {"months": {"adult_case": 84}}, format="json").status_code == 403
    changed = token_client(admin_a).patch(SCHEDULE, {"months": {"adult_case": 84}}, format="json")
    assert changed.status_code == 200
    assert {row["record_type"]: row["months"] for row in changed.json()["periods"]}["adult_case"] == 84
    assert list(RetentionPeriod.objects.values_list("record_type", "months")) == [("adult_case", 84)]
    assert AuditEvent.objects.filter(object_type="cases.retentionperiod", action=AuditAction.UPDATE).count() == 1
    out = token_client(admin_a).patch(SCHEDULE, {"months": {"adult_case": 0, "ghosts": 3}}, format="json")
    assert out.status_code == 400 and set(out.json()) == {"ghosts"}
    zero = token_client(admin_a).patch(SCHEDULE, {"months": {"adult_case": 0}}, format="json")
    assert zero.status_code == 400 and set(zero.json()) == {"adult_case"}


def test_the_lead_keeps_a_case_longer_and_the_administrator_anonymises_one(lead_a, admin_a, old_case):
    client = token_client(lead_a, scope="write", modules=("cases",))
    seen = client.get(_decide(old_case)).json()
    assert seen["record_types"] == ["adult_case", "support_document"] and seen["hold"] is None
    no_date = client.post(_decide(old_case), {"decision": "keep", "reason": "Claim"}, format="json")
    assert no_date.status_code == 400 and set(no_date.json()) == {"keep_until"}
    later = (timezone.localdate() + timedelta(days=400)).isoformat()
    kept = client.post(_decide(old_case), {"decision": "keep", "keep_until": later, "reason": "Claim"}, format="json")
    assert kept.status_code == 201 and kept.json()["decision"] == "keep"
    assert RetentionDecision.objects.filter(case=old_case, outcome="extended").exists()
    gone = token_client(admin_a).post(_decide(old_case), {"decision": "anonymise", "reason": "Due"}, format="json")
    assert gone.status_code == 201 and Case.objects.get(pk=old_case.pk).person_name != "Ana Petrova"
    wrong = client.post(_decide(old_case), {"decision": "erase", "reason": "x", "record_type": "x"}, format="json")
    assert wrong.status_code == 400 and set(wrong.json()) == {"record_type"}


def test_a_held_case_is_refused_with_the_services_reason(lead_a, old_case):
    legal_hold_place(case=old_case, reason="Tribunal", actor=lead_a)
    client = token_client(lead_a)
    assert client.get(_decide(old_case)).json()["hold"]["reason"] == "Tribunal"
    refused = client.post(_decide(old_case), {"decision": "erase", "reason": "Due"}, format="json")
    assert refused.status_code == 400 and "legal hold" in refused.json()["detail"]
    assert Case.objects.filter(pk=old_case.pk).exists()


def test_roles_councils_and_tokens_that_may_not_are_refused(lead_a, lead_b, frontline_a, admin_a, old_case):
    body = {"decision": "erase", "reason": "Due"}
    assert token_client(frontline_a).get(DUE).status_code == 403
    assert token_client(frontline_a).post(_decide(old_case), body, format="json").status_code == 403
    assert token_client(lead_b).post(_decide(old_case), body, format="json").status_code == 404
    assert token_client(lead_a, scope="read").post(_decide(old_case), body, format="json").status_code == 403
    # Retention is in the home module every token reaches; a token limited to other modules does not.
    assert token_client(lead_a, modules=("training",)).get(DUE).status_code == 403
    assert token_client(admin_a, modules=("users",)).get(SCHEDULE).status_code == 403
    assert token_client(admin_a).get(DUE).status_code == 200
    assert Case.objects.filter(pk=old_case.pk).exists()


def _record(reference):
    return f"/api/v1/retention/records/supplier_contact/{reference}"


def test_another_record_is_kept_longer_or_erased_as_its_page_does(lead_a, lead_b, frontline_a, old_contact):
    reference = f"SC-{old_contact.uuid.hex[:8].upper()}"
    client = token_client(lead_a, scope="write", modules=("cases",))
    seen = client.get(_record(reference)).json()
    assert seen["decisions"] == ["keep", "anonymise", "erase"] and seen["hold"] is None
    no_date = client.post(_record(reference), {"decision": "keep", "reason": "Claim"}, format="json")
    assert no_date.status_code == 400 and set(no_date.json()) == {"keep_until"}
    erased = client.post(_record(reference), {"decision": "erase", "reason": "Left the firm"}, format="json")
    assert erased.status_code == 201 and not SupplierContact.objects.filter(pk=old_contact.pk).exists()
    assert client.get(_record(reference)).status_code == 404
    assert token_client(lead_a).get(_record("SC-NOTHING")).status_code == 404


def test_another_record_refuses_other_councils_roles_and_tokens(lead_a, lead_b, frontline_a, old_contact):
    reference = f"SC-{old_contact.uuid.hex[:8].upper()}"
    body = {"decision": "erase", "reason": "Due"}
    assert token_client(lead_b).post(_record(reference), body, format="json").status_code == 404
    assert token_client(frontline_a).post(_record(reference), body, format="json").status_code == 403
    assert token_client(lead_a, scope="read").post(_record(reference), body, format="json").status_code == 403
    assert token_client(lead_a, modules=("training",)).get(_record(reference)).status_code == 403
    assert SupplierContact.objects.filter(pk=old_contact.pk).exists()
