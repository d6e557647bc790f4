"""The English | Cymraeg switch (issue 21): offered where the organisation runs a Welsh language
service, remembered on the account, and never a way to send someone to another site."""

from datetime import UTC, datetime

import pytest
from django.conf import settings
from django.urls import reverse

from tackle.accounts.models import Notification, OrganisationSettings
from tackle.accounts.services import notify
from tackle.accounts.tests.signing_in import two_factor_set_up

PASSWORD = "correct-horse-battery"


@pytest.fixture
def welsh_council(council_a):
    OrganisationSettings.objects.create(organisation=council_a, welsh_language_service=True)
    return council_a


def _choose(client, code, next_url="/"):
    return client.get(reverse("accounts:choose-language", args=[code]), {"next": next_url})


def test_choosing_cymraeg_shows_the_page_in_welsh_and_remembers_it(client_for, councillor_a, welsh_council):
    client = client_for(councillor_a)
    page = client.get("/").content.decode()
    assert '<html lang="en-gb"' in page and 'data-testid="language-switch"' in page
    assert '<span aria-current="true" lang="en-gb">English</span>' in page
    assert 'lang="cy" hreflang="cy"' in page

    response = _choose(client, "cy", "/")
    assert response.status_code == 302 and response["Location"] == "/"
    page = client.get("/").content.decode()
    assert '<html lang="cy"' in page
    assert '<span aria-current="true" lang="cy">Cymraeg</span>' in page
    assert ">Hysbysiadau<" in page and ">Allgofnodi<" in page  # Notifications, Sign out
    councillor_a.refresh_from_db()
    assert councillor_a.language == "cy"


def test_the_choice_follows_the_person_to_another_browser_and_past_signing_out(client, councillor_a, welsh_council):
    councillor_a.language = "cy"
    councillor_a.save()
    response = client.post(reverse("accounts:sign-in"), {"username": councillor_a.username, "password": PASSWORD})
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "cy"
    assert '<html lang="cy"' in client.get("/").content.decode()
    client.post(reverse("accounts:sign-out"))
    page = client.get(reverse("accounts:sign-in")).content.decode()
    assert '<html lang="cy"' in page and 'data-testid="language-switch"' in page


def test_signed_out_pages_offer_the_switch_and_choosing_there_sets_the_browser(client, welsh_council):
    page = client.get(reverse("accounts:sign-in")).content.decode()
    assert 'data-testid="language-switch"' in page
    response = _choose(client, "cy", reverse("accounts:sign-in"))
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "cy"
    assert '<html lang="cy"' in client.get(reverse("accounts:sign-in")).content.decode()


def test_without_a_welsh_language_service_there_is_no_switch_and_pages_stay_english(client_for, councillor_a):
    client = client_for(councillor_a)
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="cy").content.decode()
    assert 'data-testid="language-switch"' not in page and '<html lang="en-gb"' in page
    assert _choose(client, "cy").status_code == 404
    councillor_a.refresh_from_db()
    assert councillor_a.language == ""


def test_a_choice_made_where_welsh_was_offered_is_not_shown_where_it_is_not(client_for, councillor_a):
    councillor_a.language = "cy"
    councillor_a.save()
    assert '<html lang="en-gb"' in client_for(councillor_a).get("/").content.decode()


@pytest.mark.parametrize(
    "unsafe", ["https://evil.example/", "//evil.example/", "javascript:alert(1)", "http://testserver.evil/"]
)
def test_an_unsafe_next_address_is_ignored(client_for, councillor_a, welsh_council, unsafe):
    response = _choose(client_for(councillor_a), "cy", unsafe)
    assert response.status_code == 302 and response["Location"] == reverse(settings.LOGIN_REDIRECT_URL)


def test_an_unknown_language_is_not_found(client_for, councillor_a, welsh_council):
    assert _choose(client_for(councillor_a), "fr").status_code == 404


def test_the_administrator_turns_the_welsh_language_service_on(client_for, admin_a):
    client = client_for(admin_a)
    page = client.get(reverse("accounts:organisation-settings")).content.decode()
    assert 'name="welsh_language_service"' in page and 'data-testid="language-switch"' not in page
    thresholds = {"figures_threshold_internal": 0, "figures_threshold_councillors": 5, "figures_threshold_public": 10}
    response = client.post(reverse("accounts:organisation-settings"), {**thresholds, "welsh_language_service": "on"})
    assert response.status_code == 302
    assert OrganisationSettings.objects.get(organisation=admin_a.organisation).welsh_language_service
    assert 'data-testid="language-switch"' in client.get("/").content.decode()


def test_dates_on_a_welsh_page_name_the_month_in_welsh(client_for, councillor_a, welsh_council):
    notification = notify(user=councillor_a, subject="Case CA-1 allocated to you", key="test-welsh-date")
    Notification.objects.filter(pk=notification.pk).update(created_at=datetime(2026, 3, 5, 12, 0, tzinfo=UTC))
    client = client_for(councillor_a)
    assert "5 March 2026" in client.get(reverse("accounts:notification-list")).content.decode()
    _choose(client, "cy")
    assert "5 Mawrth 2026" in client.get(reverse("accounts:notification-list")).content.decode()


def test_form_errors_in_welsh_name_the_field_in_welsh(client_for, frontline_a, welsh_council):
    two_factor_set_up(frontline_a)
    client = client_for(frontline_a)
    _choose(client, "cy")
    answer = {"name": "", "scope": "read", "expires_on-day": "1"}
    page = client.post(reverse("accounts:token-list"), answer).content.decode()
    assert "Mae problem" in page and "Rhowch enw ar gyfer y tocyn" in page  # the form's own message
    # A message made from the label quotes it as it stands, since Welsh mutates words in a sentence.
    assert (
        "Rhaid i \N{LEFT SINGLE QUOTATION MARK}Yn dod i ben ar\N{RIGHT SINGLE QUOTATION MARK} gynnwys mis a blwyddyn"
        in page
    )
