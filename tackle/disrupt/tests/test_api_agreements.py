"""/api/v1/agreements and revoking a share of intelligence (issue 19, item 1): as the pages, a
coordinator proposes, the partner accepts, either party declines or revokes; another organisation's
agreement is not found, a wrong role or a read token or a token for another module is refused, and
a refused body names its field and changes nothing."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tackle.accounts.tests.signing_in import token_client
from tackle.audit.models import AuditAction, AuditEvent
from tackle.core.models import RecordShare
from tackle.disrupt.models import SharingAgreement
from tackle.disrupt.services import record_share
from tackle.disrupt.tests.factories import make_agreement, make_intelligence


def _proposal(council_b):
    today = timezone.localdate()
    return {
        "partner": council_b.code,
        "title": "Borough partnership",
        "purpose": "Joint disruption",
        "legal_basis": "cda_1998_s115",
        "categories": ["intelligence", "premises"],
        "starts_on": today.isoformat(),
        "expires_on": (today + timedelta(days=365)).isoformat(),
    }


@pytest.fixture
def proposal(council_b):
    return _proposal(council_b)


def test_a_coordinator_proposes_and_the_partner_accepts(safety_a, safety_b, proposal):
    proposed = token_client(safety_a).post("/api/v1/agreements/", proposal, format="json")
    assert proposed.status_code == 201 and proposed.json()["status"] == "Proposed"
    agreement = SharingAgreement.objects.get(uuid=proposed.json()["uuid"])
    assert agreement.organisation == safety_a.organisation and agreement.created_by == safety_a
    path = f"/api/v1/agreements/{agreement.uuid}"
    own_side = token_client(safety_a).post(f"{path}/accept")
    assert own_side.status_code == 400 and "proposed to" in own_side.json()["detail"]
    accepted = token_client(safety_b).post(f"{path}/accept")
    assert accepted.status_code == 200 and accepted.json()["status"] == "In force"
    agreement.refresh_from_db()
    assert agreement.accepted_by == safety_b


def test_either_party_lists_and_reads_filtered_and_sorted_and_it_is_audited(safety_a, safety_b, police):
    make_agreement(safety_a, police, title="Zed agreement")
    make_agreement(safety_b, safety_a.organisation, title="Alpha agreement", accepted=False)
    client = token_client(safety_a)
    body = client.get("/api/v1/agreements/?sort=title").json()
    assert [row["title"] for row in body["results"]] == ["Alpha agreement", "Zed agreement"]
    assert [row["title"] for row in client.get("/api/v1/agreements/?status=Proposed").json()["results"]] == [
        "Alpha agreement"
    ]
    assert client.get(f"/api/v1/agreements/?partner={police.code}").json()["count"] == 1
    assert set(client.get("/api/v1/agreements/?status=Lost").json()) == {"status"}
    assert AuditEvent.objects.filter(action=AuditAction.LIST, object_type="disrupt.sharingagreement").exists()
    agreement = SharingAgreement.objects.get(title="Zed agreement")
    assert client.get(f"/api/v1/agreements/{agreement.uuid}").json()["partner"] == police.code
    assert AuditEvent.objects.filter(action=AuditAction.VIEW, object_id=str(agreement.uuid)).exists()


def test_a_bad_proposal_names_its_field_and_adds_nothing(safety_a, safety_b, proposal):
    client = token_client(safety_a)
    backwards = {**proposal, "expires_on": (timezone.localdate() - timedelta(days=1)).isoformat()}
    assert "expires_on" in client.post("/api/v1/agreements/", backwards, format="json").json()
    ourselves = client.post("/api/v1/agreements/", {**proposal, "partner": safety_a.organisation.code}, format="json")
    assert ourselves.status_code == 400 and "partner" in ourselves.json()
    nothing = client.post("/api/v1/agreements/", {**proposal, "categories": []}, format="json")
    assert nothing.status_code == 400 and "categories" in nothing.json()
    assert not SharingAgreement.objects.exists()


def test_agreements_are_refused_to_wrong_roles_tokens_and_other_organisations(
    safety_a, safety_b, councillor_a, police_partner, police, proposal
):
    agreement = make_agreement(safety_a, police)
    path = f"/api/v1/agreements/{agreement.uuid}"
    assert token_client(safety_b).get(path).status_code == 404
    assert token_client(safety_b).post(f"{path}/revoke", {"confirm": "revoke"}, format="json").status_code == 404
    assert token_client(councillor_a).get("/api/v1/agreements/").status_code == 403
    assert token_client(police_partner).get(path).status_code == 200  # a party, not a coordinator
    assert token_client(police_partner).post(f"{path}/revoke", {"confirm": "revoke"}).status_code == 403
    assert token_client(police_partner).post("/api/v1/agreements/", proposal, format="json").status_code == 403
    reader = token_client(safety_a, scope="read")
    assert reader.get(path).status_code == 200
    assert reader.post("/api/v1/agreements/", proposal, format="json").status_code == 403
    assert reader.post(f"{path}/revoke", {"confirm": "revoke"}, format="json").status_code == 403
    assert token_client(safety_a, modules=("reporting",)).get("/api/v1/agreements/").status_code == 403
    assert SharingAgreement.objects.count() == 1
    agreement.refresh_from_db()
    assert agreement.revoked_at is None


def test_revoking_needs_the_confirmation_and_then_ends_the_agreement(safety_a, police):
    agreement = make_agreement(safety_a, police)
    path = f"/api/v1/agreements/{agreement.uuid}/revoke"
    client = token_client(safety_a)
    unconfirmed = client.post(path, {"confirm": "yes"}, format="json")
    assert unconfirmed.status_code == 400 and "confirm" in unconfirmed.json()
    agreement.refresh_from_db()
    assert agreement.revoked_at is None
    revoked = client.post(path, {"confirm": "revoke"}, format="json")
    assert revoked.status_code == 200 and revoked.json()["status"] == "Revoked"
    assert client.post(path, {"confirm": "revoke"}, format="json").status_code == 400  # already revoked


def test_a_proposal_is_declined_once_and_an_accepted_one_cannot_be(safety_a, safety_b):
    proposal = make_agreement(safety_a, safety_b.organisation, accepted=False)
    declined = token_client(safety_b).post(f"/api/v1/agreements/{proposal.uuid}/decline")
    assert declined.status_code == 200 and declined.json()["status"] == "Declined"
    accepted = make_agreement(safety_a, safety_b.organisation)
    refused = token_client(safety_b).post(f"/api/v1/agreements/{accepted.uuid}/decline")
    assert refused.status_code == 400 and "already accepted" in refused.json()["detail"]
    accepted.refresh_from_db()
    assert accepted.declined_at is None


# Revoking a share of intelligence -----------------------------------------------------------------


@pytest.fixture
def share(safety_a, police):
    record = make_intelligence(safety_a)
    return record, record_share(actor=safety_a, record=record, organisation=police, reason="Operation Lantern")


def test_the_owner_revokes_a_share_once_confirmed_and_the_partner_stops_seeing_it(share, safety_a, police_partner):
    record, given = share
    path = f"/api/v1/intelligence/{record.uuid}/shares/{given.pk}/revoke"
    client = token_client(safety_a)
    unconfirmed = client.post(path, {}, format="json")
    assert unconfirmed.status_code == 400 and "confirm" in unconfirmed.json()
    assert token_client(police_partner).get(f"/api/v1/intelligence/{record.uuid}").status_code == 200
    revoked = client.post(path, {"confirm": "revoke"}, format="json")
    assert revoked.status_code == 200 and revoked.json()["revoked_at"] is not None
    assert token_client(police_partner).get(f"/api/v1/intelligence/{record.uuid}").status_code == 404
    assert client.post(path, {"confirm": "revoke"}, format="json").status_code == 400


def test_a_share_is_revoked_by_its_owner_only(share, safety_a, safety_b, police_partner, councillor_a):
    record, given = share
    path = f"/api/v1/intelligence/{record.uuid}/shares/{given.pk}/revoke"
    confirmed = {"confirm": "revoke"}
    assert token_client(safety_b).post(path, confirmed, format="json").status_code == 404
    assert token_client(police_partner).post(path, confirmed, format="json").status_code == 404  # not theirs to change
    assert token_client(councillor_a).post(path, confirmed, format="json").status_code == 403
    assert token_client(safety_a, scope="read").post(path, confirmed, format="json").status_code == 403
    assert token_client(safety_a, modules=("reporting",)).post(path, confirmed, format="json").status_code == 403
    other = make_intelligence(safety_a)
    wrong_record = f"/api/v1/intelligence/{other.uuid}/shares/{given.pk}/revoke"
    assert token_client(safety_a).post(wrong_record, confirmed, format="json").status_code == 404
    assert RecordShare.objects.get().revoked_at is None
