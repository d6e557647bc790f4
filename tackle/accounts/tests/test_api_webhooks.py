"""/api/v1/webhooks (issue 19): the administrator registers, reads, changes, revokes and remakes the
secret of endpoints and reads and resends deliveries through the pages' services; the secret is
answered only on create and on a new secret; another council's endpoint is not found; a lead, a
read token and a token without the users module are refused and change nothing."""

import pytest

from tackle.accounts.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint, WebhookEvent
from tackle.accounts.tests.signing_in import token_client
from tackle.accounts.webhook_secrets import signing_secret
from tackle.accounts.webhooks import endpoint_register
from tackle.audit.models import AuditAction, AuditEvent
from tackle.core.roles import Role

ADDRESS = "http://127.0.0.1:9/tackle-events"
NEW = {"name": "Case management system", "url": ADDRESS, "events": ["concern.recorded"]}


@pytest.fixture(autouse=True)
def loopback_allowed(settings):
    settings.STATEMENT_FETCH_ALLOW_PRIVATE = True  # addresses on loopback, which no test posts to


@pytest.fixture
def admin(admin_a):
    return token_client(admin_a, scope="write")


@pytest.fixture
def endpoint(admin_a):
    return endpoint_register(
        actor=admin_a, organisation=admin_a.organisation, name="CMS", url=ADDRESS, events=["decision.recorded"]
    )


@pytest.fixture
def delivery(endpoint):
    return WebhookDelivery.objects.create(
        endpoint=endpoint,
        event=WebhookEvent.DECISION_RECORDED,
        payload={"event": "decision.recorded", "case": {"reference": "MS-1", "uuid": "x"}},
        status=DeliveryStatus.FAILED,
        attempts=5,
        last_error="The server answered 500",
    )


def test_the_administrator_registers_an_endpoint_and_is_shown_its_secret_once(admin):
    created = admin.post("/api/v1/webhooks/", NEW, format="json")
    assert created.status_code == 201
    body = created.json()
    stored = WebhookEndpoint.objects.get(uuid=body["uuid"])
    assert body["secret"] == signing_secret(stored.secret) and body["active"] is True
    assert "secret" not in admin.get(f"/api/v1/webhooks/{stored.uuid}").json()
    listed = admin.get("/api/v1/webhooks/?active=true").json()
    assert [row["name"] for row in listed["results"]] == [NEW["name"]] and "secret" not in listed["results"][0]
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_type="accounts.webhookendpoint").exists()
    assert AuditEvent.objects.filter(action=AuditAction.LIST, object_type="accounts.webhookendpoint").exists()
    assert AuditEvent.objects.filter(action=AuditAction.VIEW, object_id=str(stored.uuid)).exists()


def test_a_refused_endpoint_names_its_field_and_registers_nothing(admin, settings):
    assert set(admin.post("/api/v1/webhooks/", {**NEW, "name": ""}, format="json").json()) == {"name"}
    assert set(admin.post("/api/v1/webhooks/", {**NEW, "events": []}, format="json").json()) == {"events"}
    assert set(admin.post("/api/v1/webhooks/", {**NEW, "events": ["nonsense"]}, format="json").json()) == {"events"}
    assert set(admin.post("/api/v1/webhooks/", {**NEW, "url": "not an address"}, format="json").json()) == {"url"}
    settings.STATEMENT_FETCH_ALLOW_PRIVATE = False
    private = admin.post("/api/v1/webhooks/", NEW, format="json")
    assert private.status_code == 400 and set(private.json()) == {"url"}
    assert set(admin.get("/api/v1/webhooks/?sort=secret").json()) == {"sort"}
    assert not WebhookEndpoint.objects.exists()


def test_the_administrator_changes_the_events_and_address_then_revokes(admin, endpoint):
    path = f"/api/v1/webhooks/{endpoint.uuid}"
    changed = admin.patch(path, {"events": ["concern.recorded", "referral.due"], "url": ADDRESS + "2"}, format="json")
    assert changed.status_code == 200 and changed.json()["events"] == ["concern.recorded", "referral.due"]
    endpoint.refresh_from_db()
    assert endpoint.url == ADDRESS + "2" and endpoint.name == "CMS"
    assert AuditEvent.objects.filter(action=AuditAction.UPDATE, object_id=str(endpoint.uuid)).count() == 1
    revoked = admin.patch(path, {"active": False}, format="json")
    assert revoked.status_code == 200 and revoked.json()["active"] is False
    endpoint.refresh_from_db()
    assert endpoint.revoked_at is not None
    assert admin.patch(path, {"active": True}, format="json").status_code == 400
    assert admin.patch(path, {"name": "Another"}, format="json").status_code == 400
    assert admin.get("/api/v1/webhooks/?active=false").json()["count"] == 1


def test_a_refused_change_names_its_field_and_changes_nothing(admin, endpoint):
    path = f"/api/v1/webhooks/{endpoint.uuid}"
    assert set(admin.patch(path, {"events": []}, format="json").json()) == {"events"}
    assert set(admin.patch(path, {"url": "nowhere"}, format="json").json()) == {"url"}
    assert set(admin.patch(path, {"active": "maybe"}, format="json").json()) == {"active"}
    # Revoking with a refused address revokes nothing: the change is one.
    assert set(admin.patch(path, {"url": "nowhere", "active": False}, format="json").json()) == {"url"}
    endpoint.refresh_from_db()
    assert endpoint.events == ["decision.recorded"] and endpoint.url == ADDRESS and endpoint.revoked_at is None


def test_a_new_secret_is_answered_once_and_signs_from_now(admin, endpoint):
    made = admin.post(f"/api/v1/webhooks/{endpoint.uuid}/secret")
    assert made.status_code == 200
    endpoint.refresh_from_db()
    assert made.json()["secret"] == signing_secret(endpoint.secret) != endpoint.shown_secret
    assert AuditEvent.objects.filter(action=AuditAction.UPDATE, changed_fields=["secret"]).exists()


def test_the_delivery_log_is_read_and_a_delivery_sent_again(admin, endpoint, delivery):
    log = admin.get(f"/api/v1/webhooks/{endpoint.uuid}/deliveries/?status=failed").json()
    assert [row["uuid"] for row in log["results"]] == [str(delivery.uuid)]
    assert admin.get(f"/api/v1/webhooks/{endpoint.uuid}/deliveries/?status=delivered").json()["count"] == 0
    assert set(admin.get(f"/api/v1/webhooks/{endpoint.uuid}/deliveries/?status=lost").json()) == {"status"}
    path = f"/api/v1/webhooks/{endpoint.uuid}/deliveries/{delivery.uuid}"
    assert admin.get(path).json()["last_error"] == "The server answered 500"
    again = admin.post(f"{path}/send-again")
    assert again.status_code == 201 and again.json()["status"] == "pending" and again.json()["attempts"] == 0
    assert WebhookDelivery.objects.count() == 2
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.FAILED  # the one sent again stays as it was


def test_a_revoked_endpoint_is_sent_nothing_again(admin, admin_a, endpoint, delivery):
    admin.patch(f"/api/v1/webhooks/{endpoint.uuid}", {"active": False}, format="json")
    again = admin.post(f"/api/v1/webhooks/{endpoint.uuid}/deliveries/{delivery.uuid}/send-again")
    assert again.status_code == 400 and "revoked" in again.json()["detail"]
    assert admin.post(f"/api/v1/webhooks/{endpoint.uuid}/secret").status_code == 400
    assert WebhookDelivery.objects.count() == 1


def test_only_the_administrator_of_the_organisation_with_a_write_token_for_users(
    endpoint, delivery, admin_a, lead_a, make_user, council_b
):
    paths = [
        "/api/v1/webhooks/",
        f"/api/v1/webhooks/{endpoint.uuid}",
        f"/api/v1/webhooks/{endpoint.uuid}/deliveries/",
        f"/api/v1/webhooks/{endpoint.uuid}/deliveries/{delivery.uuid}",
    ]
    other_admin = token_client(make_user(Role.ADMINISTRATOR, council_b))
    lead, training_only = token_client(lead_a), token_client(admin_a, modules=("training",))
    for path in paths:
        assert lead.get(path).status_code == 403
        assert training_only.get(path).status_code == 403
    for path in paths[1:]:
        assert other_admin.get(path).status_code == 404
    assert other_admin.get("/api/v1/webhooks/").json()["count"] == 0
    reader = token_client(admin_a, scope="read")
    assert reader.get(paths[1]).status_code == 200
    assert reader.post("/api/v1/webhooks/", NEW, format="json").status_code == 403
    assert reader.patch(paths[1], {"active": False}, format="json").status_code == 403
    assert reader.post(f"{paths[1]}/secret").status_code == 403
    assert other_admin.post(f"{paths[1]}/secret").status_code == 404
    assert other_admin.patch(paths[1], {"active": False}, format="json").status_code == 404
    assert other_admin.post(f"{paths[3]}/send-again").status_code == 404
    assert lead.post(f"{paths[3]}/send-again").status_code == 403
    assert training_only.post("/api/v1/webhooks/", NEW, format="json").status_code == 403
    endpoint.refresh_from_db()
    assert endpoint.revoked_at is None and WebhookEndpoint.objects.count() == 1 and WebhookDelivery.objects.count() == 1


def test_the_schema_documents_the_webhook_operations():
    from drf_spectacular.generators import SchemaGenerator

    paths = SchemaGenerator().get_schema(request=None, public=True)["paths"]
    assert set(paths["/api/v1/webhooks/"]) == {"get", "post"}
    created = paths["/api/v1/webhooks/"]["post"]["responses"]["201"]["content"]["application/json"]["schema"]
    assert created == {"$ref": "#/components/schemas/WebhookEndpointWithSecret"}
    assert set(paths["/api/v1/webhooks/{webhook_uuid}"]) == {"get", "patch"}
    assert "/api/v1/webhooks/{webhook_uuid}/deliveries/{delivery_uuid}/send-again" in paths


def test_the_api_documentation_page_lists_the_webhook_operations(db, client):
    page = client.get("/api/docs/").content.decode()
    for path in ("/api/v1/webhooks/{webhook_uuid}/secret", "/api/v1/webhooks/{webhook_uuid}/deliveries/"):
        assert f"<code>{path}</code>" in page
    assert "Make a new secret for a webhook endpoint" in page
