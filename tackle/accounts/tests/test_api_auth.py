"""API tokens at the door (issue 15, defect 13; issue 19, item 2): a token acts as its owner,
narrowed by its scope and modules, and only while it is unexpired, unrevoked, and its owner has set
up two-factor sign-in; it never reaches more than the owner could."""

from datetime import timedelta

from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.test import APIClient

from tackle.accounts.models import ApiToken
from tackle.accounts.services import api_token_create
from tackle.accounts.tests.signing_in import token_client, two_factor_set_up
from tackle.cases.tests.factories import make_case
from tackle.core.roles import Role

PATHWAY_FACTS = {"encountered_at": "2025-03-01T14:30:00+01:00", "age": 30, "consent_to_nrm": True}


def _client(raw: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    return client


def _token(user, **choices):
    two_factor_set_up(user)
    return api_token_create(user=user, name="script", **choices)


def test_an_expired_token_answers_401_saying_so(lead_a):
    token, raw = _token(lead_a)
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    response = _client(raw).get("/api/v1/me")
    assert response.status_code == 401
    assert "expired" in response.json()["detail"]


def test_a_token_works_until_it_expires(lead_a):
    token, raw = _token(lead_a)
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() + timedelta(minutes=1))
    assert _client(raw).get("/api/v1/me").status_code == 200


def test_a_revoked_token_answers_401(lead_a):
    token, raw = _token(lead_a)
    ApiToken.objects.filter(pk=token.pk).update(revoked_at=timezone.now())
    response = _client(raw).get("/api/v1/me")
    assert response.status_code == 401
    assert "revoked" in response.json()["detail"]


def test_a_token_stops_when_its_owner_no_longer_has_two_factor(lead_a):
    # Defect 13: tokens worked for users who never set up two-factor sign-in.
    _token_row, raw = _token(lead_a)
    TOTPDevice.objects.filter(user=lead_a).delete()  # as the administrator's reset does
    response = _client(raw).get("/api/v1/me")
    assert response.status_code == 401
    assert "two-factor" in response.json()["detail"]


def test_a_read_token_gets_403_on_a_write_and_a_write_token_does_not(lead_a):
    reader = token_client(lead_a, scope="read")
    assert reader.get("/api/v1/cases/").status_code == 200
    refused = reader.post("/api/v1/pathway", PATHWAY_FACTS, format="json")
    assert refused.status_code == 403
    assert "may only read" in refused.json()["detail"]
    assert token_client(lead_a, scope="write").post("/api/v1/pathway", PATHWAY_FACTS, format="json").status_code == 200


def test_a_read_token_cannot_record_a_case(frontline_a):
    concern = {"encountered_at": "2025-03-01T14:30:00+01:00", "what_was_seen": "x", "location": "y"}
    assert token_client(frontline_a, scope="read").post("/api/v1/cases/", concern, format="json").status_code == 403


def test_a_token_limited_to_a_module_reaches_only_that_module(lead_a):
    figures_only = token_client(lead_a, scope="read", modules=("reporting",))
    assert figures_only.get("/api/v1/register").status_code == 200
    assert figures_only.get("/api/v1/cases/").status_code == 403
    assert figures_only.get("/api/v1/audit-events").status_code == 403
    assert figures_only.get("/api/v1/me").json()["modules"] == ["home", "reporting"]  # who the token is, always


def test_a_token_never_reaches_more_than_its_owners_role(lead_a):
    client = token_client(lead_a, scope="write")
    assert client.get("/api/v1/cases/").status_code == 200
    lead_a.role = Role.PROCUREMENT_OFFICER
    lead_a.save()
    assert client.get("/api/v1/cases/").status_code == 403


def test_another_organisations_case_stays_out_of_reach_of_a_write_token(lead_a, lead_b):
    theirs = make_case(lead_b.organisation, lead_b)
    assert token_client(lead_a, scope="write").get(f"/api/v1/cases/{theirs.uuid}").status_code == 404


def test_using_a_token_records_when(lead_a):
    token, raw = _token(lead_a)
    assert token.last_used_at is None
    _client(raw).get("/api/v1/me")
    token.refresh_from_db()
    assert token.last_used_at is not None
