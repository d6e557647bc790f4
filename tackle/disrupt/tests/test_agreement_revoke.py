"""Check before a sharing agreement is revoked (issue 18, item 1): the page says what stops being
shared and with whom; only its own button revokes, any other POST changes nothing."""

import pytest
from django.urls import reverse

from tackle.disrupt import selectors
from tackle.disrupt.selectors import AgreementStatus
from tackle.disrupt.tests.factories import make_agreement

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_force(safety_a, council_b):
    return make_agreement(safety_a, council_b, ["intelligence", "premises"], accepted=True)


def _url(name, agreement):
    return reverse(f"disrupt:{name}", args=[agreement.uuid])


def _status(agreement):
    agreement.refresh_from_db()
    return selectors.agreement_status(agreement)


def test_the_detail_page_leads_to_the_check_page_which_says_what_will_happen(client_for, safety_b, in_force):
    client = client_for(safety_b)
    detail = client.get(_url("agreement-detail", in_force)).content.decode()
    assert f'href="{_url("agreement-revoke", in_force)}"' in detail
    response = client.get(_url("agreement-revoke", in_force))
    page = response.content.decode()
    assert response.status_code == 200 and "Revoke this sharing agreement" in page
    assert "govuk-summary-list" in page and in_force.organisation.name in page and "You cannot undo this" in page
    assert _status(in_force) == AgreementStatus.IN_FORCE


def test_a_post_without_the_confirmation_revokes_nothing(client_for, safety_b, in_force):
    response = client_for(safety_b).post(_url("agreement-revoke", in_force))
    assert response.status_code == 200 and "Revoke this sharing agreement" in response.content.decode()
    assert _status(in_force) == AgreementStatus.IN_FORCE


def test_the_confirmation_revokes(client_for, safety_a, in_force):
    response = client_for(safety_a).post(_url("agreement-revoke", in_force), {"confirm": "revoke"})
    assert response["Location"] == _url("agreement-detail", in_force)
    assert _status(in_force) == AgreementStatus.REVOKED


def test_a_proposal_has_nothing_to_revoke(client_for, safety_a, council_b):
    proposal = make_agreement(safety_a, council_b, accepted=False)
    page = client_for(safety_a).get(_url("agreement-revoke", proposal)).content.decode()
    assert "there is nothing to revoke" in page and 'name="confirm"' not in page


def test_wrong_role_403_and_outsider_404(client_for, make_user, council_b, police, in_force):
    frontline_b = make_user("frontline_officer", council_b, username="frontline-b")
    outsider = make_user("community_safety_manager", police, username="police-csm")
    assert client_for(frontline_b).get(_url("agreement-revoke", in_force)).status_code == 403
    assert client_for(outsider).get(_url("agreement-revoke", in_force)).status_code == 404
    assert client_for(outsider).post(_url("agreement-revoke", in_force), {"confirm": "revoke"}).status_code == 404
    assert _status(in_force) == AgreementStatus.IN_FORCE
