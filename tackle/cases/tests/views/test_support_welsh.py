"""NRM, support and retention in Welsh (issue 21): a lead who reads Cymraeg sees the support page,
a support form's errors, the referral pack's own words and a reminder in Welsh, while what goes to
the Home Office (the pack's questions and answers) stays English, and an English reader is untouched."""

from datetime import timedelta
from html import unescape

import pytest
from django.urls import reverse

from tackle.accounts.models import Notification, OrganisationSettings
from tackle.cases.services.allocation import case_allocate
from tackle.cases.services.reminders import cases_remind
from tackle.cases.services.support import safety_plan_create
from tackle.cases.tests.factories import make_case
from tackle.core.periods import today_in_london
from tackle.core.roles import Role


@pytest.fixture
def welsh_lead(council_a, lead_a):
    OrganisationSettings.objects.create(organisation=council_a, welsh_language_service=True)
    lead_a.language = "cy"
    lead_a.save(update_fields=["language"])
    return lead_a


@pytest.fixture
def case(frontline_a, lead_a):
    case = make_case(frontline_a.organisation, frontline_a, person_name="Sam Example")
    # Reviewed every 14 days, agreed 14 days ago: the review falls due today.
    safety_plan_create(case=case, actor=lead_a, summary="Plan", created_on=today_in_london() - timedelta(days=14))
    return case


def _page(client, url, data=None):
    response = client.post(url, data) if data is not None else client.get(url)
    return unescape(response.content.decode())


def test_the_support_page_is_in_welsh(client_for, welsh_lead, case):
    page = _page(client_for(welsh_lead), reverse("cases:support", args=[case.uuid]))
    assert '<html lang="cy"' in page
    assert "Cam cymorth" in page and "Cynllun diogelwch" in page and "Asesiadau o anghenion" in page
    assert "Phase of support" not in page and "Safety plan" not in page


def test_a_refused_support_form_names_the_problem_in_welsh(client_for, welsh_lead, case):
    page = _page(client_for(welsh_lead), reverse("cases:support-phase-add", args=[case.uuid]), {})
    assert "Dewiswch gam" in page and "Rhowch y dyddiad y dechreuodd y cam" in page
    assert not case.support_phases.exists()


def test_the_pack_page_is_welsh_around_the_home_offices_english(client_for, welsh_lead, record_concern, frontline_a):
    adult = record_concern(frontline_a, age=30, consent_to_nrm=True, person_name="Ana")
    page = _page(client_for(welsh_lead), reverse("cases:nrm-pack", args=[adult.uuid]))
    assert "Pecyn Atgyfeiriad NRM" in page and "Copïwch yr atebion hyn" in page
    assert '<dl class="govuk-summary-list" lang="en-GB">' in page  # the Home Office's questions stay English


def test_a_reminder_reaches_each_reader_in_their_own_language(welsh_lead, make_user, council_a, case, lead_a):
    worker = make_user(Role.SAFEGUARDING_MANAGER, council_a, email="worker@example.org")
    case_allocate(case=case, actor=lead_a, worker=worker)
    welsh_worker = make_user(Role.SAFEGUARDING_MANAGER, council_a, email="gweithiwr@example.org", language="cy")
    other = make_case(council_a, lead_a, person_name="Alex Example")
    safety_plan_create(case=other, actor=lead_a, summary="Plan", created_on=today_in_london() - timedelta(days=14))
    case_allocate(case=other, actor=lead_a, worker=welsh_worker)
    cases_remind()
    english = Notification.objects.get(user=worker, key__contains="safety-plan-review")
    welsh = Notification.objects.get(user=welsh_worker, key__contains="safety-plan-review")
    assert english.subject == f"{case.reference}: The safety plan review is due today ({today_in_london():%-d %B %Y})"
    assert welsh.subject.startswith(f"{other.reference}: Adolygiad y cynllun diogelwch: yn ddyledus heddiw")
    assert welsh.body.startswith(f"Achos {other.reference}.")


def test_the_retention_pages_and_the_home_office_task_list_are_in_welsh(
    client_for, welsh_lead, record_concern, frontline_a
):
    client = client_for(welsh_lead)
    due = _page(client, reverse("cases:retention-due"))
    assert "Cofnodion sydd wedi mynd heibio i\u2019w dyddiad cadw" in due and "Rhoi achos dan gadw cyfreithiol" in due
    adult = record_concern(frontline_a, age=30, consent_to_nrm=True, person_name="Ana")
    form = _page(client, reverse("cases:nrm-pack-form", args=[adult.uuid]))
    assert "Atgyfeiriad NRM: ffurflen y Swyddfa Gartref" in form and "Heb ddechrau eto" in form
    assert "Not yet started" not in form
