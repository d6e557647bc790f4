"""/api/v1/subject-access and /api/v1/cases/{uuid}/subject-access/export (issue 19): the case a
request names found by its reference, and its archive downloaded as the page does, audited as an
export; the lead and the administrator only."""

import io
import zipfile

import pytest

from tackle.accounts.tests.signing_in import token_client
from tackle.audit.models import AuditAction, AuditEvent
from tackle.cases.tests.factories import make_case

pytestmark = pytest.mark.django_db
FIND = "/api/v1/subject-access"


@pytest.fixture
def case(lead_a):
    return make_case(lead_a.organisation, lead_a, person_name="Ana Petrova")


def _export(case):
    return f"/api/v1/cases/{case.uuid}/subject-access/export"


def test_the_reference_finds_the_case_and_its_archive_downloads_audited(lead_a, admin_a, case):
    found = token_client(lead_a, scope="read", modules=("cases",)).get(f"{FIND}/{case.reference.lower()}")
    assert found.status_code == 200 and found.json() == {"case": str(case.uuid), "reference": case.reference}
    response = token_client(admin_a, scope="read").get(_export(case))
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert "index.txt" in names and "person.json" in names
    exported = AuditEvent.objects.get(action=AuditAction.EXPORT, object_id=str(case.uuid))
    assert exported.actor == admin_a and exported.note == "subject access export"


def test_a_reference_of_no_case_of_yours_is_not_found(lead_a, lead_b, case):
    assert token_client(lead_b).get(f"{FIND}/{case.reference}").status_code == 404
    assert token_client(lead_a).get(f"{FIND}/C-NOTHING").status_code == 404


def test_roles_councils_and_tokens_that_may_not_are_refused(lead_a, lead_b, frontline_a, councillor_a, case):
    assert token_client(lead_b).get(_export(case)).status_code == 404
    assert token_client(frontline_a).get(_export(case)).status_code == 403
    assert token_client(councillor_a).get(f"{FIND}/{case.reference}").status_code == 403
    assert token_client(lead_a, modules=("training",)).get(_export(case)).status_code == 403
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()
