"""/api/v1/cases/{uuid}/referrals (issue 19): the case's referral actions as the case page lists them,
one updated as its Update page does; a partner's token sees them only where the share reaches them."""

import pytest

from tackle.accounts.tests.signing_in import token_client
from tackle.cases.models import Case, Referral, ReferralStatus
from tackle.cases.services.share import case_share_revoke, shares_of
from tackle.cases.tests.views.test_who_sees_what import _share  # the same share as the pages' tests
from tackle.core.access import ShareScope

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(frontline_a, record_concern):
    return record_concern(frontline_a, person_name="Ana Example", age=34)


def listed(case: Case) -> str:
    return f"/api/v1/cases/{case.uuid}/referrals"


def one(referral: Referral) -> str:
    return f"/api/v1/cases/{referral.case.uuid}/referrals/{referral.uuid}"


def test_the_lead_lists_and_updates_an_action_as_the_page(case, lead_a):
    client = token_client(lead_a, scope="write", modules=("cases",))
    rows = client.get(listed(case)).json()["results"]
    assert {row["code"] for row in rows} == set(case.referrals.values_list("code", flat=True))
    referral = case.referrals.exclude(code="duty_to_notify").first()
    sent = {"status": "sent", "sent_at": "2026-03-02T09:40:00Z", "outcome": "Strategy meeting booked"}
    answer = client.patch(one(referral), sent, format="json")
    assert answer.status_code == 200 and answer.json()["status"] == "sent"
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.SENT and referral.updated_by == lead_a
    assert referral.outcome == "Strategy meeting booked"
    assert [row["status"] for row in client.get(listed(case), {"status": "sent"}).json()["results"]] == ["sent"]


def test_sent_without_when_or_a_bad_filter_is_refused_naming_the_field(case, lead_a):
    client = token_client(lead_a)
    referral = case.referrals.first()
    refused = client.patch(one(referral), {"status": "done"}, format="json")
    assert refused.status_code == 400 and set(refused.json()) == {"sent_at"}
    assert set(client.patch(one(referral), {"status": "lost"}, format="json").json()) == {"status"}
    assert set(client.get(listed(case), {"sort": "colour"}).json()) == {"sort"}
    assert Referral.objects.get(pk=referral.pk).status == ReferralStatus.TO_DO


def test_the_frontline_officer_sees_the_actions_but_may_not_update_them(case, frontline_a, councillor_a):
    client = token_client(frontline_a)
    assert client.get(listed(case)).status_code == 200
    referral = case.referrals.first()
    assert client.patch(one(referral), {"outcome": "Done"}, format="json").status_code == 403
    assert token_client(councillor_a).get(listed(case)).status_code == 403


def test_tokens_and_councils_that_may_not_are_refused(case, lead_a, lead_b):
    referral = case.referrals.first()
    assert token_client(lead_b).get(listed(case)).status_code == 404
    assert token_client(lead_b).patch(one(referral), {"outcome": "x"}, format="json").status_code == 404
    assert token_client(lead_a, scope="read").patch(one(referral), {"outcome": "x"}, format="json").status_code == 403
    assert token_client(lead_a, modules=("reporting",)).get(listed(case)).status_code == 403
    assert Referral.objects.get(pk=referral.pk).outcome == ""


def test_a_partner_token_sees_the_actions_only_where_the_share_reaches_the_referral(case, lead_a, police_partner):
    client = token_client(police_partner, scope="write", modules=("cases",))
    assert client.get(listed(case)).status_code == 404  # not shared
    _share(case, lead_a, police_partner, ShareScope.SUMMARY)
    assert client.get(listed(case)).status_code == 403
    case_share_revoke(case=case, share=shares_of(case).get(), actor=lead_a)
    _share(case, lead_a, police_partner, ShareScope.REFERRAL)
    assert client.get(listed(case)).json()["count"] == case.referrals.count()
    referral = case.referrals.first()
    assert client.patch(one(referral), {"outcome": "Seen"}, format="json").status_code == 403  # a partner reads
    assert client.get(f"/api/v1/cases/{case.uuid}/consent").status_code == 403  # the council's conversation
    assert client.get(f"/api/v1/cases/{case.uuid}/shares").status_code == 403  # who else sees it is not theirs
