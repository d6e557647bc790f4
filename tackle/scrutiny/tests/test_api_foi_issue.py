"""POST /api/v1/foi-answer/issue and the FOI API's language (issue 19): issuing an answer through a
token as the FOI page issues it (its counts kept as released, audited), each request on its own (the
same question asked again is issued again); the answer in Welsh where the organisation
offers the Welsh service, as the page's Answer in; officers with a write token only."""

from datetime import datetime

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from tackle.accounts.models import OrganisationSettings
from tackle.accounts.tests.signing_in import token_client
from tackle.audit.models import AuditAction, AuditEvent
from tackle.core.periods import LONDON
from tackle.reporting.models import Release, ReleaseKind

pytestmark = pytest.mark.django_db
ISSUE = "/api/v1/foi-answer/issue"
ASKED = {"questions": ["potential_victims", "lead"], "kind": "calendar", "first_year": 2025, "last_year": 2025}
PEOPLE = "Potential victims identified (people)"


@pytest.fixture
def three_in_2025(frontline_a, record_concern):
    for _ in range(3):  # "fewer than 10" to the public
        record_concern(frontline_a, encountered_at=datetime(2025, 5, 2, 10, tzinfo=LONDON), age=30)


def test_the_lead_issues_an_answer_and_its_counts_are_kept_as_released(three_in_2025, lead_a):
    response = token_client(lead_a, modules=("scrutiny",)).post(ISSUE, ASKED, format="json")
    assert response.status_code == 201
    body = response.json()
    release = Release.objects.get(uuid=body["release"]["uuid"])
    assert (release.kind, release.period_label, release.released_by) == (ReleaseKind.FOI, "2025", lead_a)
    assert release.cells[0][:4] == ["concerns", PEOPLE, "2025", "fewer than 10"]
    assert body["answer"]["periods"] == ["2025"] and body["answer"]["language"] == "en-gb"
    assert [item["number"] for item in body["answer"]["questions"]] == [1, 2]
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_id=str(release.uuid), actor=lead_a).exists()


def test_the_same_question_from_another_requester_is_issued_again_through_the_api_and_the_page(
    three_in_2025, lead_a, client_for
):
    client = token_client(lead_a)
    first = client.post(ISSUE, ASKED, format="json")
    again = client.post(ISSUE, ASKED, format="json")
    assert (first.status_code, again.status_code) == (201, 201)
    assert first.json()["release"]["uuid"] != again.json()["release"]["uuid"]
    page_request = {"kind": "calendar", "first_year": 2025, "last_year": 2025, "q1": "potential_victims",
                    "q2": "lead", "before_records": "not_held"}  # fmt: skip
    page = client_for(lead_a).post(reverse("scrutiny:foi-issue"), page_request)
    assert page.status_code == 302
    issued = Release.objects.filter(kind=ReleaseKind.FOI).order_by("released_at")
    assert issued.count() == 3
    assert len({str(release.cells) for release in issued}) == 1  # the same counts each time


def test_a_council_offering_welsh_answers_in_welsh_when_asked(three_in_2025, lead_a, council_a):
    client = token_client(lead_a)
    refused = client.get("/api/v1/foi-answer", {"language": "cy"})
    assert refused.status_code == 400 and set(refused.json()) == {"language"}
    assert client.post(ISSUE, {**ASKED, "language": "cy"}, format="json").status_code == 400
    OrganisationSettings.objects.create(organisation=council_a, welsh_language_service=True)
    body = client.get("/api/v1/foi-answer", {**ASKED, "language": "cy"}).json()
    with translation.override("cy"):
        no_lead = gettext("No, not at present.")
    assert body["language"] == "cy" and body["questions"][1]["answer"] == [no_lead]
    assert client.get("/api/v1/foi-answer", ASKED).json()["language"] == "en-gb"  # English unless asked
    issued = client.post(ISSUE, {**ASKED, "language": "cy"}, format="json").json()
    assert issued["answer"]["language"] == "cy"
    release = Release.objects.get(uuid=issued["release"]["uuid"])
    assert release.cells[0][:3] == ["concerns", PEOPLE, "2025"]  # released counts stay keyed in English


def test_a_bad_request_is_refused_by_field_and_nothing_is_issued(lead_a):
    client = token_client(lead_a)
    assert set(client.post(ISSUE, {"kind": "calendar"}, format="json").json()) == {"questions"}
    refused = client.post(ISSUE, {**ASKED, "last_year": None}, format="json")
    assert refused.status_code == 400 and "last_year" in refused.json()
    assert set(client.post(ISSUE, {**ASKED, "questions": ["lead", "lead"]}, format="json").json()) == {"questions"}
    assert set(client.post(ISSUE, {**ASKED, "language": "fr"}, format="json").json()) == {"language"}
    assert not Release.objects.exists()


def test_other_roles_read_tokens_and_tokens_without_scrutiny_are_refused(lead_a, councillor_a, frontline_a):
    assert token_client(councillor_a).post(ISSUE, ASKED, format="json").status_code == 403
    assert token_client(frontline_a).post(ISSUE, ASKED, format="json").status_code == 403
    assert token_client(lead_a, scope="read").post(ISSUE, ASKED, format="json").status_code == 403
    assert token_client(lead_a, modules=("cases",)).post(ISSUE, ASKED, format="json").status_code == 403
    assert not Release.objects.exists()


def test_another_councils_issued_answer_does_not_stop_this_one(three_in_2025, lead_a, lead_b):
    assert token_client(lead_b).post(ISSUE, ASKED, format="json").status_code == 201
    assert token_client(lead_a).post(ISSUE, ASKED, format="json").status_code == 201
    assert {release.organisation_id for release in Release.objects.all()} == {
        lead_a.organisation_id,
        lead_b.organisation_id,
    }
