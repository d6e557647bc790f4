"""The accessibility statement, privacy notice, cookies and contact pages: public, each organisation's
own text or the default, changed by the administrator only, shown as plain text."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tackle.accounts.models import OrganisationSettings
from tackle.audit.models import AuditEvent
from tackle.core.roles import Role
from tackle.home.models import ServicePage, ServicePageKind
from tackle.home.service_pages import Block, blocks

PAGES = [(kind.value, kind.label) for kind in ServicePageKind]


@pytest.mark.parametrize(("kind", "title"), PAGES)
def test_each_page_is_public_and_named_for_the_only_council(db, council_a, kind, title):
    response = Client().get(reverse(f"home:{kind}"))
    assert response.status_code == 200
    page = response.content.decode()
    assert f'<h1 class="govuk-heading-l">{title}</h1>' in page
    assert "Change this page" not in page


def test_the_default_privacy_notice_covers_special_category_data_bases_retention_and_rights(db, council_a):
    page = Client().get(reverse("home:privacy")).content.decode()
    for heading in (
        "Special category and criminal offence data",
        "Our lawful bases",
        "How long we keep",
        "Your rights",
    ):
        assert heading in page
    assert "Council A is the controller" in page


def test_the_cookies_page_names_only_the_essential_cookies(db):
    page = Client().get(reverse("home:cookies")).content.decode()
    assert "sessionid" in page and "csrftoken" in page


def test_every_page_is_linked_from_the_footer(db):
    page = Client().get(reverse("accounts:sign-in")).content.decode()
    for kind, _ in PAGES:
        assert f'href="{reverse(f"home:{kind}")}"' in page


def test_the_administrator_changes_a_page_and_it_is_audited(client_for, admin_a):
    client = client_for(admin_a)
    edit = reverse("home:service-page-contact-edit")
    assert "Help using Tackle" in client.get(edit).content.decode()  # the default text to start from
    response = client.post(edit, {"body": "## Call us\n\nRing {organisation} on 020 7946 0000."})
    assert response.status_code == 302 and response.url == reverse("home:contact")
    assert ServicePage.objects.get(organisation=admin_a.organisation, kind="contact").updated_by == admin_a
    page = Client().get(reverse("home:contact")).content.decode()
    assert '<h2 class="govuk-heading-m">Call us</h2>' in page and "Ring Council A on 020 7946 0000." in page
    event = AuditEvent.objects.filter(object_type="home.servicepage").latest("id")
    assert event.actor == admin_a and "Contact" in event.note


def test_saving_the_same_text_again_writes_nothing(client_for, admin_a):
    client = client_for(admin_a)
    edit = reverse("home:service-page-cookies-edit")
    client.post(edit, {"body": "Only essential cookies."})
    entries = AuditEvent.objects.count()
    client.post(edit, {"body": "Only essential cookies."})
    assert AuditEvent.objects.count() == entries


def test_stored_text_is_shown_as_text_never_as_html(client_for, admin_a):
    client_for(admin_a).post(
        reverse("home:service-page-privacy-edit"), {"body": '<script>alert("x")</script>\n\n<b>bold</b>'}
    )
    page = Client().get(reverse("home:privacy")).content.decode()
    assert "<script>alert" not in page and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "&lt;b&gt;bold&lt;/b&gt;" in page


def test_an_empty_text_is_refused_with_a_message_naming_the_field(client_for, admin_a):
    response = client_for(admin_a).post(reverse("home:service-page-privacy-edit"), {"body": "  "})
    assert response.status_code == 200
    assert "Enter the text of the page" in response.content.decode()
    assert not ServicePage.objects.exists()


@pytest.mark.parametrize("role", [role for role in Role.values if role != Role.ADMINISTRATOR])
def test_only_the_administrator_may_change_the_pages(client_for, make_user, council_a, role):
    client = client_for(make_user(role, council_a))
    assert client.get(reverse("home:service-page-list")).status_code == 403
    assert client.post(reverse("home:service-page-privacy-edit"), {"body": "Mine now"}).status_code == 403
    assert not ServicePage.objects.exists()


def test_a_signed_in_person_reads_their_own_organisations_text(client_for, admin_a, lead_b):
    client_for(admin_a).post(reverse("home:service-page-contact-edit"), {"body": "Ring Council A on 020 7946 0001."})
    assert "Ring Council A on 020 7946 0001." not in client_for(lead_b).get(reverse("home:contact")).content.decode()
    assert "Council B" in client_for(lead_b).get(reverse("home:contact")).content.decode()


def test_with_two_councils_a_visitor_reads_the_organisation_the_setting_names(client_for, admin_a, council_b, settings):
    client_for(admin_a).post(reverse("home:service-page-contact-edit"), {"body": "Ring Council A on 020 7946 0001."})
    assert "the council" in Client().get(reverse("home:contact")).content.decode()  # no one organisation: default
    settings.TACKLE_SERVICE_ORGANISATION = admin_a.organisation.code
    assert "Ring Council A on 020 7946 0001." in Client().get(reverse("home:contact")).content.decode()


def test_the_administrator_sees_which_pages_have_their_own_text(client_for, admin_a):
    client = client_for(admin_a)
    client.post(reverse("home:service-page-cookies-edit"), {"body": "Only essential cookies."})
    page = client.get(reverse("home:service-page-list")).content.decode()
    assert "Your text, last changed by" in page and "default text" in page


def test_plain_text_becomes_headings_paragraphs_and_lists():
    assert blocks("## Who we are\nWe are a council.\n\n- one\n- two\n\nLast line\nwith a break") == [
        Block("heading", "Who we are"),
        Block("paragraph", "We are a council."),
        Block("list", "", ("one", "two")),
        Block("paragraph", "Last line\nwith a break"),
    ]


def test_a_welsh_reader_gets_the_default_pages_in_welsh_and_an_organisations_own_text_as_written(
    client_for, council_a, lead_a
):
    OrganisationSettings.objects.create(organisation=council_a, welsh_language_service=True)
    lead_a.language = "cy"
    lead_a.save(update_fields=["language"])
    client = client_for(lead_a)
    page = client.get(reverse("home:privacy")).content.decode()
    assert "Eich hawliau" in page and "Council A yw rheolydd" in page and "Your rights" not in page
    assert "django_language" in client.get(reverse("home:cookies")).content.decode()
    ServicePage.objects.create(
        organisation=council_a, kind=ServicePageKind.CONTACT, body="Ffoniwch 029 2087 2087.", updated_by=lead_a
    )
    assert "Ffoniwch 029 2087 2087." in client.get(reverse("home:contact")).content.decode()
    translation.activate(settings.LANGUAGE_CODE)  # a request leaves its language active in the thread
