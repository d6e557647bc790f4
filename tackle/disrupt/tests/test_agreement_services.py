"""Sharing agreements: proposed by one organisation, in force only once the other accepts, ended
by either. Nothing is shared before acceptance or after it ends."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tackle.core.errors import ApplicationError
from tackle.disrupt import selectors, services
from tackle.disrupt.choices import LegalBasis, SharingCategory
from tackle.disrupt.models import SharingAgreement
from tackle.disrupt.selectors import AgreementStatus
from tackle.disrupt.tests.factories import make_intelligence, make_operation, make_premises

pytestmark = pytest.mark.django_db

EVERYTHING = [SharingCategory.INTELLIGENCE, SharingCategory.PREMISES, SharingCategory.OPERATIONS]


def _propose(proposer, partner_organisation, categories=EVERYTHING, **dates):
    today = timezone.localdate()
    agreement = SharingAgreement(
        partner=partner_organisation,
        title="Neighbouring councils",
        purpose="Joint disruption",
        legal_basis=LegalBasis.CRIME_AND_DISORDER,
        starts_on=dates.get("starts_on", today),
        expires_on=dates.get("expires_on", today + timedelta(days=365)),
    )
    return services.agreement_propose(actor=proposer, agreement=agreement, categories=categories)


def _sees_each_others_records(safety_a, safety_b) -> tuple[bool, bool]:
    a_records = (make_intelligence(safety_a), make_premises(safety_a), make_operation(safety_a))
    b_records = (make_intelligence(safety_b), make_premises(safety_b), make_operation(safety_b))
    readers = (selectors.intelligence_visible_to, selectors.premises_visible_to, selectors.operations_visible_to)

    def sees(user, records) -> bool:
        found = [read(user).filter(pk=record.pk).exists() for read, record in zip(readers, records, strict=True)]
        assert len(set(found)) == 1, found  # all three categories alike
        return found[0]

    return sees(safety_b, a_records), sees(safety_a, b_records)


def test_a_proposal_shares_nothing_either_way(safety_a, safety_b, council_b):
    agreement = _propose(safety_a, council_b)
    assert agreement.organisation_id == safety_a.organisation_id and agreement.created_by == safety_a
    assert selectors.agreement_status(agreement) == AgreementStatus.PROPOSED
    assert _sees_each_others_records(safety_a, safety_b) == (False, False)


def test_once_the_partner_accepts_each_side_sees_the_others_records(safety_a, safety_b, council_b):
    agreement = services.agreement_accept(actor=safety_b, agreement=_propose(safety_a, council_b))
    assert agreement.accepted_by == safety_b
    assert selectors.agreement_status(agreement) == AgreementStatus.IN_FORCE
    assert _sees_each_others_records(safety_a, safety_b) == (True, True)


def test_an_organisation_cannot_accept_its_own_proposal(safety_a, lead_a, council_b):
    agreement = _propose(safety_a, council_b)
    for own in (safety_a, lead_a):
        with pytest.raises(ApplicationError, match="proposed to can accept"):
            services.agreement_accept(actor=own, agreement=agreement)
    agreement.refresh_from_db()
    assert agreement.accepted_at is None


def test_a_third_organisation_can_neither_accept_decline_nor_revoke(safety_a, council_b, make_user, police):
    outsider = make_user("community_safety_manager", police, username="police-csm")
    agreement = _propose(safety_a, council_b)
    with pytest.raises(ApplicationError):
        services.agreement_accept(actor=outsider, agreement=agreement)
    with pytest.raises(ApplicationError):
        services.agreement_decline(actor=outsider, agreement=agreement)


@pytest.mark.parametrize("side", ["safety_a", "safety_b"])
def test_either_side_can_decline_a_proposal_and_it_can_no_longer_be_accepted(
    request, side, safety_a, safety_b, council_b
):
    agreement = _propose(safety_a, council_b)
    services.agreement_decline(actor=request.getfixturevalue(side), agreement=agreement)
    assert selectors.agreement_status(agreement) == AgreementStatus.DECLINED
    with pytest.raises(ApplicationError, match="declined"):
        services.agreement_accept(actor=safety_b, agreement=agreement)
    assert _sees_each_others_records(safety_a, safety_b) == (False, False)


@pytest.mark.parametrize("side", ["safety_a", "safety_b"])
def test_either_side_can_revoke_and_sharing_stops_at_once(request, side, safety_a, safety_b, council_b):
    agreement = services.agreement_accept(actor=safety_b, agreement=_propose(safety_a, council_b))
    actor = request.getfixturevalue(side)
    services.agreement_revoke(actor=actor, agreement=agreement)
    assert agreement.revoked_by == actor
    assert selectors.agreement_status(agreement) == AgreementStatus.REVOKED
    assert _sees_each_others_records(safety_a, safety_b) == (False, False)
    with pytest.raises(ApplicationError, match="already revoked"):
        services.agreement_revoke(actor=actor, agreement=agreement)


def test_a_proposal_is_declined_not_revoked(safety_a, council_b):
    agreement = _propose(safety_a, council_b)
    with pytest.raises(ApplicationError, match="decline the proposal instead"):
        services.agreement_revoke(actor=safety_a, agreement=agreement)


def test_an_agreement_accepted_before_its_start_shares_only_from_its_start(safety_a, safety_b, council_b):
    tomorrow = timezone.localdate() + timedelta(days=1)
    agreement = _propose(safety_a, council_b, starts_on=tomorrow, expires_on=tomorrow + timedelta(days=30))
    services.agreement_accept(actor=safety_b, agreement=agreement)
    assert selectors.agreement_status(agreement) == AgreementStatus.NOT_STARTED
    assert _sees_each_others_records(safety_a, safety_b) == (False, False)
    assert not selectors.agreements_in_force().exists()
    assert selectors.agreements_in_force(today=tomorrow).get() == agreement


def test_a_proposal_past_its_expiry_cannot_be_accepted(safety_a, safety_b, council_b):
    agreement = _propose(safety_a, council_b)
    SharingAgreement.objects.filter(pk=agreement.pk).update(
        starts_on=timezone.localdate() - timedelta(days=30), expires_on=timezone.localdate() - timedelta(days=1)
    )
    with pytest.raises(ApplicationError, match="expired"):
        services.agreement_accept(actor=safety_b, agreement=agreement)


def test_each_side_lists_what_is_proposed_accepted_and_ended(safety_a, safety_b, council_b, make_user, police):
    proposed = _propose(safety_a, council_b)
    accepted = services.agreement_accept(actor=safety_b, agreement=_propose(safety_a, council_b))
    declined = services.agreement_decline(actor=safety_b, agreement=_propose(safety_b, safety_a.organisation))
    from_police = _propose(make_user("community_safety_manager", police, username="police-csm"), council_b)

    ours = selectors.agreements_by_state(safety_a)
    assert [a for a, _ in ours.proposed_by_us] == [proposed]
    assert ours.proposed_to_us == []
    assert [a for a, _ in ours.accepted] == [accepted]
    assert ours.ended == [(declined, AgreementStatus.DECLINED)]

    theirs = selectors.agreements_by_state(safety_b)
    assert {a for a, _ in theirs.proposed_to_us} == {proposed, from_police}
    assert [a for a, _ in theirs.accepted] == [accepted]
