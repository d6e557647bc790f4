"""The case's own pages in Welsh (issue 21): a lead who reads Cymraeg sees the case list, the case,
its details and its timeline in Welsh; what people typed (the place, the account) stays as typed."""

from datetime import timedelta
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from tackle.accounts.models import OrganisationSettings
from tackle.cases.services.nrm import nrm_event_record
from tackle.core.periods import today_in_london


@pytest.fixture
def welsh_lead(council_a, lead_a):
    OrganisationSettings.objects.create(organisation=council_a, welsh_language_service=True)
    lead_a.language = "cy"
    lead_a.save(update_fields=["language"])
    return lead_a


@pytest.fixture
def case(record_concern, frontline_a, welsh_lead):
    case = record_concern(frontline_a, age=30)
    nrm_event_record(case=case, actor=welsh_lead, kind="referral_sent", occurred_on=today_in_london())
    return case


def _page(client, url):
    return unescape(client.get(url).content.decode())


def test_the_case_page_and_its_details_are_in_welsh(client_for, welsh_lead, case):
    page = _page(client_for(welsh_lead), reverse("cases:case-detail", args=[case.uuid]))
    assert '<html lang="cy"' in page
    assert "Taith NRM" in page and "Beth a gofnodwyd" in page
    assert "Manylion yr unigolyn" in page and "Angen cyfieithydd" in page  # a details card and its row
    assert "Wedi\u2019i atgyfeirio i\u2019r NRM" in page  # the stage, a lazy choice label
    for english in ("NRM journey", "What was recorded", "The person's details", "Needs an interpreter"):
        assert english not in page
    assert case.location in page  # what was typed stays as typed
    reason = case.referrals.first().reason  # stored in English, shown in the reader's language
    with translation.override("cy"):
        welsh_reason = gettext(reason)
    assert welsh_reason != reason and welsh_reason in page and reason not in page


def test_the_queue_and_the_timeline_are_in_welsh(client_for, welsh_lead, case):
    client = client_for(welsh_lead)
    queue = _page(client, reverse("cases:queue"))
    assert "Cofnodi pryder" in queue and "1 achos agored." in queue and "Open cases" not in queue
    timeline = _page(client, reverse("cases:case-timeline", args=[case.uuid]))
    assert "Llinell amser" in timeline and "Cam NRM:" in timeline and "NRM step:" not in timeline
    assert "Pryder wedi\u2019i gofnodi" in timeline and "Concern recorded" not in timeline  # the audit note's words


def test_the_share_form_names_what_a_partner_will_see_in_welsh(client_for, welsh_lead, case):
    page = _page(client_for(welsh_lead), reverse("cases:share-new", args=[case.uuid]))
    assert "Crynodeb: cyfeirnod, cam" in page and "Summary: reference, stage" not in page


def test_a_referral_updated_says_so_in_welsh(client_for, welsh_lead, case):
    referral = case.referrals.first()
    sent = (timezone.localtime() - timedelta(minutes=20)).strftime("%Y-%m-%dT%H:%M")
    url = reverse("cases:referral-edit", args=[case.uuid, referral.uuid])
    response = client_for(welsh_lead).post(url, {"status": "sent", "sent_at": sent}, follow=True)
    page = unescape(response.content.decode())
    with translation.override("cy"):
        name = str(referral.get_code_display())
    assert f"Diweddarwyd {name}" in page and " updated" not in page
