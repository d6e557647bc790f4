"""Agreement pages: the partner opens, accepts, declines and revokes what was proposed to it; the
proposer cannot accept for it; every opening through an agreement is in both organisations' logs."""

import pytest
from django.urls import reverse

from tackle.audit.models import AuditAction, AuditEvent
from tackle.audit.selectors import audit_events_visible_to
from tackle.audit.verify import audit_chain_verify
from tackle.disrupt import selectors
from tackle.disrupt.selectors import AgreementStatus
from tackle.disrupt.tests.factories import make_agreement, make_intelligence, make_operation, make_premises

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal(safety_a, council_b):
    return make_agreement(safety_a, council_b, ["intelligence", "premises", "operations"], accepted=False)


def _url(name, agreement):
    return reverse(f"disrupt:{name}", args=[agreement.uuid])


def test_the_partner_opens_a_proposal_and_accepts_it(client_for, safety_b, proposal):
    client = client_for(safety_b)
    page = client.get(_url("agreement-detail", proposal)).content.decode()
    assert "Accept this agreement" in page and "Decline this proposal" in page
    assert client.post(_url("agreement-accept", proposal)).status_code == 302
    proposal.refresh_from_db()
    assert proposal.accepted_by == safety_b
    assert selectors.agreement_status(proposal) == AgreementStatus.IN_FORCE


def test_the_proposer_is_not_offered_acceptance_and_cannot_accept_by_post(client_for, safety_a, proposal):
    client = client_for(safety_a)
    page = client.get(_url("agreement-detail", proposal)).content.decode()
    assert "Accept this agreement" not in page and "Withdraw this proposal" in page
    response = client.post(_url("agreement-accept", proposal), follow=True)
    assert "Only the organisation the agreement was proposed to can accept it" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.accepted_at is None


@pytest.mark.parametrize("name", ["agreement-decline", "agreement-revoke"])
def test_the_partner_can_end_what_was_proposed_to_it(client_for, safety_a, safety_b, council_b, name):
    agreement = make_agreement(safety_a, council_b, accepted=name == "agreement-revoke")
    confirmed = {"confirm": "revoke"} if name == "agreement-revoke" else {}  # revoking is checked first
    assert client_for(safety_b).post(_url(name, agreement), confirmed).status_code == 302
    agreement.refresh_from_db()
    assert selectors.agreement_status(agreement) in {AgreementStatus.DECLINED, AgreementStatus.REVOKED}


@pytest.mark.parametrize("name", ["agreement-accept", "agreement-decline", "agreement-revoke"])
def test_a_role_without_agreements_is_refused(client_for, make_user, council_b, proposal, name):
    frontline_b = make_user("frontline_officer", council_b, username="frontline-b")
    assert client_for(frontline_b).post(_url(name, proposal)).status_code == 403


@pytest.mark.parametrize("name", ["agreement-detail", "agreement-accept", "agreement-decline", "agreement-revoke"])
def test_an_organisation_not_party_to_the_agreement_gets_not_found(client_for, make_user, police, proposal, name):
    outsider = make_user("community_safety_manager", police, username="police-csm")
    client = client_for(outsider)
    response = client.get(_url(name, proposal)) if name == "agreement-detail" else client.post(_url(name, proposal))
    assert response.status_code == 404
    proposal.refresh_from_db()
    assert proposal.accepted_at is None and proposal.declined_at is None


def test_each_side_lists_the_agreement_where_it_stands(client_for, safety_a, safety_b, proposal):
    theirs = client_for(safety_b).get(reverse("disrupt:agreement-list")).content.decode()
    ours = client_for(safety_a).get(reverse("disrupt:agreement-list")).content.decode()
    proposed_to = theirs.split('data-testid="agreements-proposed-to-us"')[1].split("</table>")[0]
    proposed_by = ours.split('data-testid="agreements-proposed-by-us"')[1].split("</table>")[0]
    assert proposal.title in proposed_to and proposal.title in proposed_by


def test_nothing_opens_through_a_proposal_until_it_is_accepted(client_for, safety_a, safety_b, proposal):
    records = [
        reverse("disrupt:intelligence-detail", args=[make_intelligence(safety_a).uuid]),
        reverse("disrupt:premises-detail", args=[make_premises(safety_a).uuid]),
        reverse("disrupt:operation-detail", args=[make_operation(safety_a).uuid]),
    ]
    reader = client_for(safety_b)
    assert [reader.get(url).status_code for url in records] == [404, 404, 404]
    client_for(safety_b).post(_url("agreement-accept", proposal))
    assert [reader.get(url).status_code for url in records] == [200, 200, 200]


def test_an_opening_through_an_agreement_is_in_both_organisations_logs(
    client_for, safety_a, safety_b, lead_a, lead_b, make_user, police, proposal
):
    client_for(safety_b).post(_url("agreement-accept", proposal))
    record = make_intelligence(safety_a)
    client_for(safety_b).get(reverse("disrupt:intelligence-detail", args=[record.uuid]))

    entry = AuditEvent.objects.get(action=AuditAction.VIEW, object_id=str(record.uuid))
    assert entry.actor == safety_b
    assert entry.note == f"Through sharing agreement {proposal.uuid}: {proposal.title}"
    assert entry.organisation_id == safety_a.organisation_id
    assert entry.actor_organisation_id == safety_b.organisation_id
    assert audit_events_visible_to(lead_a).filter(pk=entry.pk).exists()
    assert audit_events_visible_to(lead_b).filter(pk=entry.pk).exists()
    outsider = make_user("auditor", police, username="police-auditor")
    assert not audit_events_visible_to(outsider).filter(pk=entry.pk).exists()
    assert audit_chain_verify().ok


def test_an_opening_of_the_users_own_record_names_no_agreement(client_for, safety_a, safety_b, proposal):
    client_for(safety_b).post(_url("agreement-accept", proposal))
    record = make_premises(safety_a)
    client_for(safety_a).get(reverse("disrupt:premises-detail", args=[record.uuid]))
    entry = AuditEvent.objects.get(action=AuditAction.VIEW, object_id=str(record.uuid))
    assert entry.note == "" and entry.actor_organisation_id is None


def test_the_agreements_download_as_the_page_lists_them_and_the_export_is_audited(
    client_for, safety_a, safety_b, proposal, councillor_a
):
    make_agreement(safety_b, safety_a.organisation, ["premises"], title="@Their proposal")
    url = reverse("disrupt:agreement-list")
    client = client_for(safety_a)
    assert "download=csv" in client.get(url).content.decode()

    response = client.get(url, {"download": "csv"})

    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0] == "Agreement,Proposed by,Proposed to,What each party shares,Starts,Expires,Status"
    assert len(lines) == 3
    assert lines[1].startswith("Modern slavery partnership agreement,")  # ours, waiting: before the one in force
    assert lines[2].startswith("'@Their proposal,")
    assert AuditEvent.objects.filter(
        action=AuditAction.EXPORT, object_type="export.agreements", actor=safety_a
    ).exists()
    assert client.get(url, {"download": "xlsx"})["Content-Type"].startswith("application/vnd.openxmlformats")
    assert client_for(councillor_a).get(url, {"download": "csv"}).status_code == 403
