"""The administrator changes a webhook endpoint's name, address or events on a page, as the API's
PATCH does (issue 19): the same service, audited, the address checked as a new one's, the secret
kept; other roles are refused and another council's endpoint is not found."""

import pytest
from django.urls import reverse

from tackle.accounts.models import WebhookEndpoint, WebhookEvent
from tackle.accounts.webhook_secrets import signing_secret
from tackle.accounts.webhooks import endpoint_register, endpoint_revoke
from tackle.audit.models import AuditAction, AuditEvent
from tackle.core.roles import Role

NEW = {"name": "Data warehouse", "url": "http://127.0.0.1:8/warehouse", "events": ["referral.due"]}


@pytest.fixture(autouse=True)
def loopback_allowed(settings):
    settings.STATEMENT_FETCH_ALLOW_PRIVATE = True  # addresses on loopback, which no test posts to


@pytest.fixture
def endpoint(admin_a):
    return endpoint_register(
        actor=admin_a,
        organisation=admin_a.organisation,
        name="Case management system",
        url="http://127.0.0.1:9/tackle-events",
        events=[WebhookEvent.CONCERN_RECORDED],
    )


def _url(endpoint) -> str:
    return reverse("accounts:webhook-edit", args=[endpoint.uuid])


def test_the_administrator_changes_an_endpoint_and_its_secret_stays(admin_a, client_for, endpoint):
    client = client_for(admin_a)
    listed = client.get(reverse("accounts:webhook-list")).content.decode()
    assert f'href="{_url(endpoint)}"' in listed
    form = client.get(_url(endpoint)).content.decode()
    assert 'value="Case management system"' in form and 'value="concern.recorded" checked' in form
    secret = signing_secret(endpoint.secret)

    response = client.post(_url(endpoint), NEW, follow=True)

    assert "The endpoint &#x27;Data warehouse&#x27; was changed" in response.content.decode()
    endpoint.refresh_from_db()
    assert (endpoint.name, endpoint.url, endpoint.events) == (NEW["name"], NEW["url"], NEW["events"])
    assert signing_secret(endpoint.secret) == secret
    change = AuditEvent.objects.get(action=AuditAction.UPDATE, object_id=str(endpoint.uuid))
    assert set(change.changed_fields) == {"name", "url", "events"}


def test_bad_input_is_named_on_its_field_and_nothing_changes(admin_a, client_for, endpoint, settings):
    settings.STATEMENT_FETCH_ALLOW_PRIVATE = False
    client = client_for(admin_a)
    local = client.post(_url(endpoint), {**NEW, "url": "http://127.0.0.1:9/hook"})
    assert local.status_code == 200 and "private network" in local.content.decode()
    assert 'value="Data warehouse"' in local.content.decode()  # what was typed is kept
    no_events = client.post(_url(endpoint), {"name": "CMS", "url": "https://x.org"})
    assert "Select at least one event" in no_events.content.decode()
    endpoint.refresh_from_db()
    assert endpoint.name == "Case management system" and endpoint.events == ["concern.recorded"]


def test_a_revoked_endpoint_cannot_be_changed(admin_a, client_for, endpoint):
    endpoint_revoke(actor=admin_a, endpoint=endpoint)
    client = client_for(admin_a)
    assert f'href="{_url(endpoint)}"' not in client.get(reverse("accounts:webhook-list")).content.decode()
    response = client.post(_url(endpoint), NEW)
    assert "This endpoint is revoked: register the address anew." in response.content.decode()
    assert WebhookEndpoint.objects.get().name == "Case management system"


def test_only_the_administrator_of_the_endpoints_council_opens_the_page(
    client_for, endpoint, lead_a, make_user, council_b
):
    assert client_for(lead_a).get(_url(endpoint)).status_code == 403
    assert client_for(lead_a).post(_url(endpoint), NEW).status_code == 403
    other_admin = client_for(make_user(Role.ADMINISTRATOR, council_b))
    assert other_admin.get(_url(endpoint)).status_code == 404
    assert other_admin.post(_url(endpoint), NEW).status_code == 404
    assert WebhookEndpoint.objects.get().name == "Case management system"
