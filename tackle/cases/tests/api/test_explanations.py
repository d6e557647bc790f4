"""/api/v1/explanations (issue 19): the organisation's explanation texts kept as their pages keep them:
a language added, a version written and approved, then offered on the consent conversation."""

import pytest

from tackle.accounts.tests.signing_in import token_client
from tackle.cases.models import ExplanationVersion

pytestmark = pytest.mark.django_db

URL = "/api/v1/explanations"


def test_the_lead_adds_a_language_writes_and_approves_a_text_that_is_then_offered(lead_a, frontline_a, record_concern):
    client = token_client(lead_a, scope="write", modules=("cases",))
    assert "english" in {row["slug"] for row in client.get(URL).json()}
    added = client.post(URL, {"language": "Romanian"}, format="json")
    assert added.status_code == 201 and added.json()["slug"] == "romanian"
    body = {"title": "Consimțământul dumneavoastră", "body": "Puteți spune da sau nu."}
    written = client.post(f"{URL}/romanian/consent", body, format="json")
    assert written.status_code == 201 and written.json()["approved_at"] is None
    number = written.json()["number"]
    approved = client.post(f"{URL}/romanian/consent/{number}/approve", format="json")
    assert approved.status_code == 200 and approved.json()["approved_by"] == lead_a.username
    assert client.get(f"{URL}/romanian/consent").json()[0]["number"] == number
    case = record_concern(frontline_a)
    offer = client.get(f"/api/v1/cases/{case.uuid}/consent", {"language": "Romanian"}).json()["offer"]
    assert offer["language"] == "Romanian" and [text["kind"] for text in offer["texts"]] == ["consent"]


def test_bad_bodies_and_unknown_texts_are_refused(lead_a):
    client = token_client(lead_a)
    assert set(client.post(URL, {"language": "Klingon"}, format="json").json()) == {"language"}
    client.post(URL, {"language": "Romanian"}, format="json")
    assert set(client.post(URL, {"language": "Romanian"}, format="json").json()) == {"language"}  # kept already
    assert set(client.post(f"{URL}/romanian/consent", {"title": "Da"}, format="json").json()) == {"body"}
    assert client.get(f"{URL}/latvian/consent").status_code == 404  # a language the council does not keep
    assert client.get(f"{URL}/romanian/poetry").status_code == 404
    assert client.post(f"{URL}/romanian/consent/9/approve", format="json").status_code == 404
    assert not ExplanationVersion.objects.filter(language__language="Romanian").exists()


def test_another_councils_texts_and_other_roles_are_refused(lead_a, lead_b, frontline_a, councillor_a):
    token_client(lead_a).post(URL, {"language": "Romanian"}, format="json")
    assert token_client(lead_b).get(f"{URL}/romanian/consent").status_code == 404
    assert token_client(frontline_a).get(URL).status_code == 403
    assert token_client(councillor_a).get(URL).status_code == 403
    reading = token_client(lead_a, scope="read")
    assert reading.get(f"{URL}/romanian/consent").status_code == 200
    assert reading.post(f"{URL}/romanian/consent", {"title": "Da", "body": "Da"}, format="json").status_code == 403
