"""/api/v1/cases/{uuid}/shares (issue 19): a case shared with a partner and revoked as the Share and
Revoke pages do it; the partner's token then reads only what the share's scope opens."""

import pytest

from tackle.accounts.tests.signing_in import token_client
from tackle.audit.models import AuditAction, AuditEvent
from tackle.cases.models import Case
from tackle.cases.services.share import shares_of

pytestmark = pytest.mark.django_db

SUMMARY = {"uuid", "reference", "organisation", "stage", "status", "age_group", "exploitation_types"}


@pytest.fixture
def case(frontline_a, record_concern):
    return record_concern(frontline_a, person_name="Ana Example", age=34)


def url(case: Case, rest: str = "") -> str:
    return f"/api/v1/cases/{case.uuid}/shares{rest}"


def share_body(**more: object) -> dict[str, object]:
    body = {"organisation": "POL-1", "scope": "summary", "purpose": "Joint visit", "lawful_basis": "public_task"}
    return {**body, "consent": "not_asked", "consent_note": "Police must act first", **more}


def test_the_lead_shares_lists_and_revokes_and_the_partner_sees_only_the_scope(case, lead_a, police_partner):
    client = token_client(lead_a, scope="write", modules=("cases",))
    made = client.post(url(case), share_body(expires_on="2099-12-31"), format="json")
    assert made.status_code == 201, made.json()
    assert made.json()["scope"] == "summary" and made.json()["expires_at"].startswith("2100-01-01")
    assert [row["organisation"] for row in client.get(url(case)).json()["results"]] == ["POL-1"]
    assert client.get(url(case), {"organisation": "E09000002"}).json()["count"] == 0
    assert set(client.get(url(case), {"sort": "colour"}).json()) == {"sort"}
    assert AuditEvent.objects.filter(action=AuditAction.SHARE, actor=lead_a, note="Shared with POL-1 (summary)")
    partner = token_client(police_partner, scope="read", modules=("cases",))
    assert set(partner.get(f"/api/v1/cases/{case.uuid}").json()) == SUMMARY
    assert "person_name" not in partner.get("/api/v1/cases/").json()["results"][0]
    assert partner.get(f"/api/v1/cases/{case.uuid}/referrals").status_code == 403
    assert partner.get(url(case)).status_code == 403  # who else it is shared with is not the partner's
    share_id = made.json()["id"]
    unconfirmed = client.post(url(case, f"/{share_id}/revoke"), {}, format="json")
    assert unconfirmed.status_code == 400 and set(unconfirmed.json()) == {"confirm"}
    revoked = client.post(url(case, f"/{share_id}/revoke"), {"confirm": "revoke"}, format="json")
    assert revoked.status_code == 200 and revoked.json()["revoked_at"]
    assert partner.get(f"/api/v1/cases/{case.uuid}").status_code == 404


def test_a_share_missing_a_reason_or_to_the_councils_own_is_refused_naming_the_field(case, lead_a, police):
    client = token_client(lead_a)
    assert set(client.post(url(case), share_body(consent_note=""), format="json").json()) == {"consent_note"}
    on_consent = client.post(url(case), share_body(lawful_basis="consent"), format="json")
    assert on_consent.status_code == 400 and set(on_consent.json()) == {"lawful_basis"}
    own = client.post(url(case), share_body(organisation=lead_a.organisation.code), format="json")
    assert own.status_code == 400 and set(own.json()) == {"organisation"}
    assert set(client.post(url(case), share_body(scope="everything"), format="json").json()) == {"scope"}
    assert set(client.post(url(case), share_body(expires_on="2020-01-01"), format="json").json()) == {"expires_on"}
    assert not shares_of(case).exists()


def test_who_may_not_change_the_case_may_not_share_it(case, lead_a, lead_b, frontline_a, police):
    body = share_body()
    assert token_client(lead_b).post(url(case), body, format="json").status_code == 404
    assert token_client(frontline_a).post(url(case), body, format="json").status_code == 403
    assert token_client(frontline_a).get(url(case)).status_code == 403
    assert token_client(lead_a, scope="read").post(url(case), body, format="json").status_code == 403
    assert token_client(lead_a, modules=("reporting",)).get(url(case)).status_code == 403
    assert not shares_of(case).exists()
