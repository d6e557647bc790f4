"""GET /api/v1/disruption-report and its .pdf (issue 19): the annual disruption report page's
contents and its PDF through a token: the year asked, the public's counts of people, the reader's own
council's operations only, coordinators only, audited as the page is."""

import pytest
from django.utils import timezone

from tackle.accounts.tests.signing_in import token_client
from tackle.audit.models import AuditAction, AuditEvent
from tackle.core.periods import financial_year_label, financial_year_of
from tackle.disrupt.tests.factories import add_agency, make_operation, make_outcome

pytestmark = pytest.mark.django_db
REPORT = "/api/v1/disruption-report"
THIS_YEAR = financial_year_label(financial_year_of(timezone.localdate()))


def test_the_coordinator_reads_this_years_report_with_the_publics_counts(safety_a, lead_b):
    operation = make_operation(safety_a)
    add_agency(operation, "GLAA", interventions=3)
    make_outcome(operation, safety_a)  # 11 people, 5 adult and 1 child victim, labour exploitation
    make_outcome(make_operation(lead_b), lead_b, people_encountered=30)  # another council's
    response = token_client(safety_a, scope="read", modules=("disruption",)).get(REPORT)
    assert response.status_code == 200
    body = response.json()
    assert body["year"] == THIS_YEAR and body["operations"] == 1 and body["interventions"] == 3
    assert body["people"]["encountered"] == {"count": 11, "shown": "11"}
    assert body["people"]["potential_victims_adult"] == {"count": None, "shown": "fewer than 10"}
    assert body["agencies"] == [{"name": "GLAA", "operations": 1, "interventions": 3}]
    assert [row["exploitation_type"] for row in body["by_exploitation"]] == ["Labour"]
    assert "1 to 9" in body["small_numbers"]
    assert AuditEvent.objects.filter(actor=safety_a, object_type="disrupt.report", object_id=THIS_YEAR).exists()


def test_an_earlier_year_is_read_and_a_bad_year_refused_by_name(safety_a):
    make_outcome(make_operation(safety_a), safety_a)
    client = token_client(safety_a)
    earlier = client.get(REPORT, {"year": "2019-20"}).json()
    assert earlier["year"] == "2019-20" and earlier["operations"] == 0 and earlier["starts_on"] == "2019-04-01"
    refused = client.get(REPORT, {"year": "2019"})
    assert refused.status_code == 400 and set(refused.json()) == {"year"}
    assert client.get(f"{REPORT}.pdf", {"year": "twenty"}).status_code == 400


def test_the_pdf_is_the_pages_document_and_its_download_audited(safety_a):
    response = token_client(safety_a, scope="read").get(f"{REPORT}.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert f"disruption-report-{THIS_YEAR}.pdf" in response["Content-Disposition"]
    assert AuditEvent.objects.filter(actor=safety_a, action=AuditAction.EXPORT, object_type="disrupt.report").exists()


def test_other_roles_and_tokens_without_the_module_are_refused(frontline_a, councillor_a, safety_a):
    for user in (frontline_a, councillor_a):
        assert token_client(user).get(REPORT).status_code == 403
        assert token_client(user).get(f"{REPORT}.pdf").status_code == 403
    assert token_client(safety_a, modules=("reporting",)).get(REPORT).status_code == 403
    assert token_client(safety_a, modules=("reporting",)).get(f"{REPORT}.pdf").status_code == 403
