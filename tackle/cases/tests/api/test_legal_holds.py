"""/api/v1/retention/holds (issue 19): legal holds on cases and on other records listed, placed and
lifted as the retention pages do, through their forms and services, audited; the lead and the
administrator only; another organisation's hold is not found."""

import pytest

from tackle.accounts.tests.signing_in import token_client
from tackle.audit.models import AuditAction, AuditEvent
from tackle.cases.models import LegalHold, RecordLegalHold
from tackle.cases.tests.factories import make_case
from tackle.suppliers.models import SupplierContact
from tackle.suppliers.tests.factories import make_supplier

pytestmark = pytest.mark.django_db
HOLDS = "/api/v1/retention/holds"


@pytest.fixture
def case(lead_a):
    return make_case(lead_a.organisation, lead_a)


@pytest.fixture
def contact_reference(council_a):
    contact = SupplierContact.objects.create(supplier=make_supplier(council_a), name="Jo Bloggs", email="jo@x.org")
    return f"SC-{contact.uuid.hex[:8].upper()}"


def _lift(uuid):
    return f"{HOLDS}/{uuid}/lift"


def test_holds_are_placed_on_a_case_and_another_record_listed_and_lifted(lead_a, admin_a, case, contact_reference):
    client = token_client(lead_a, scope="write", modules=("cases",))
    on_case = client.post(HOLDS, {"record_type": "case", "reference": case.reference.lower(), "reason": "Tribunal"})
    assert on_case.status_code == 201 and on_case.json()["reference"] == case.reference
    body = {"record_type": "supplier_contact", "reference": contact_reference, "reason": "A claim"}
    on_contact = client.post(HOLDS, body, format="json")
    assert on_contact.status_code == 201 and on_contact.json()["record_type"] == "supplier_contact"
    live = client.get(HOLDS).json()
    assert live["count"] == 2 and {row["reason"] for row in live["results"]} == {"Tribunal", "A claim"}
    assert [row["record_type"] for row in client.get(HOLDS, {"record_type": "case"}).json()["results"]] == ["case"]
    lifted = token_client(admin_a).post(_lift(on_case.json()["uuid"]), {"reason": "Settled"}, format="json")
    assert lifted.status_code == 200 and lifted.json()["lift_reason"] == "Settled" and lifted.json()["lifted_at"]
    other = client.post(_lift(on_contact.json()["uuid"]), {"reason": "Over"}, format="json")
    assert other.status_code == 200 and RecordLegalHold.objects.get().lifted_at is not None
    assert client.get(HOLDS).json()["count"] == 0 and client.get(HOLDS, {"state": "lifted"}).json()["count"] == 2
    assert AuditEvent.objects.filter(action=AuditAction.VIEW, object_type="cases.legalhold").exists()


def test_bad_bodies_and_filters_are_refused_naming_the_field(lead_a, lead_b, case):
    client = token_client(lead_a)
    unknown = client.post(HOLDS, {"record_type": "case", "reference": "C-NOPE", "reason": "x"}, format="json")
    assert unknown.status_code == 400 and set(unknown.json()) == {"reference"}
    theirs = token_client(lead_b).post(HOLDS, {"record_type": "case", "reference": case.reference, "reason": "x"})
    assert theirs.status_code == 400 and set(theirs.json()) == {"reference"}
    blank = client.post(HOLDS, {"record_type": "case", "reference": case.reference, "reason": " "}, format="json")
    assert blank.status_code == 400 and set(blank.json()) == {"reason"}
    assert set(client.post(HOLDS, {"record_type": "box"}, format="json").json()) >= {"record_type"}
    assert set(client.get(HOLDS, {"state": "maybe"}).json()) == {"state"}
    assert not LegalHold.objects.exists()


def test_lifting_needs_a_reason_and_another_councils_hold_is_not_found(lead_a, lead_b, case):
    client = token_client(lead_a)
    hold = client.post(HOLDS, {"record_type": "case", "reference": case.reference, "reason": "Tribunal"}).json()
    assert set(client.post(_lift(hold["uuid"]), {}, format="json").json()) == {"reason"}
    assert token_client(lead_b).post(_lift(hold["uuid"]), {"reason": "x"}, format="json").status_code == 404
    assert token_client(lead_b).get(HOLDS).json()["count"] == 0
    assert LegalHold.objects.get().lifted_at is None


def test_roles_and_tokens_that_may_not_are_refused(lead_a, frontline_a, councillor_a, case):
    hold = token_client(lead_a).post(HOLDS, {"record_type": "case", "reference": case.reference, "reason": "T"})
    body = {"record_type": "case", "reference": case.reference, "reason": "T"}
    assert token_client(frontline_a).get(HOLDS).status_code == 403
    assert token_client(councillor_a).post(HOLDS, body, format="json").status_code == 403
    assert token_client(frontline_a).post(_lift(hold.json()["uuid"]), {"reason": "x"}).status_code == 403
    assert token_client(lead_a, scope="read").post(_lift(hold.json()["uuid"]), {"reason": "x"}).status_code == 403
    assert token_client(lead_a, modules=("training",)).get(HOLDS).status_code == 403
    assert LegalHold.objects.get().lifted_at is None
