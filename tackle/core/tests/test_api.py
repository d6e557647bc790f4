from datetime import datetime, timedelta

import pytest
from django.db import connection, connections
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from rest_framework.test import APIClient

from tackle.accounts.services import api_token_create, api_token_revoke
from tackle.accounts.tests.signing_in import token_client, two_factor_set_up
from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.audit.tasks import verify_audit_chain
from tackle.core.api import exception_handler
from tackle.core.errors import ApplicationError, ConflictError
from tackle.core.models import WorkerHeartbeat


def _token_client(user) -> APIClient:
    return token_client(user, scope="read")


def _worker_seen(ago: timedelta) -> datetime:
    seen = timezone.now() - ago
    WorkerHeartbeat.objects.create(worker_id="worker-1", started_at=seen, seen_at=seen)
    return seen


@pytest.mark.django_db
def test_health_answers_without_authentication():
    seen = _worker_seen(timedelta(seconds=1))
    response = APIClient().get("/api/v1/health")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "worker": "ok",
        "worker_last_heartbeat": seen.isoformat(),
        "queue": "ok",
        "queue_oldest_waiting_since": None,
    }


@pytest.mark.django_db
def test_health_is_degraded_when_no_worker_has_beaten_for_three_heartbeats(settings):
    settings.TASK_WORKER_HEARTBEAT_SECONDS = 10
    _worker_seen(timedelta(seconds=31))
    response = APIClient().get("/api/v1/health")
    assert response.status_code == 503
    assert response.json()["status"] == "degraded"
    assert response.json()["worker"] == "error"


@pytest.mark.django_db
def test_health_is_degraded_when_a_task_has_waited_too_long(settings):
    settings.TASK_QUEUE_STALE_SECONDS = 300
    _worker_seen(timedelta(seconds=1))
    result = verify_audit_chain.enqueue(run_uuid="00000000-0000-0000-0000-000000000000")
    waiting_since = timezone.now() - timedelta(minutes=6)
    DBTaskResult.objects.filter(id=result.id).update(enqueued_at=waiting_since)
    response = APIClient().get("/api/v1/health")
    assert response.status_code == 503
    body = response.json()
    assert (body["status"], body["worker"], body["queue"]) == ("degraded", "ok", "error")
    assert body["queue_oldest_waiting_since"] == waiting_since.isoformat()


@pytest.mark.django_db
def test_health_for_a_load_balancer_checks_only_the_databases():
    response = APIClient().get("/api/v1/health?check=databases")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


@pytest.mark.django_db(transaction=True)
def test_health_answers_503_naming_the_database_when_it_is_unreachable(tmp_path):
    original = dict(connection.settings_dict)
    connection.close()
    if connection.vendor == "sqlite":
        connection.settings_dict["NAME"] = str(tmp_path / "missing-folder" / "db.sqlite3")
    else:
        connection.settings_dict["HOST"] = str(tmp_path)  # no server socket here
    try:
        response = APIClient().get("/api/v1/health")
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(original)
    assert response.status_code == 503
    assert response.status_code == 503
    body = response.json()
    assert (body["status"], body["database"], body["worker"], body["queue"]) == ("degraded", "error", "error", "error")


def test_token_authenticates_as_its_owner(lead_a):
    response = _token_client(lead_a).get("/api/v1/me")
    assert response.status_code == 200
    body = response.json()
    assert body["username"] == lead_a.username
    assert body["organisation_code"] == lead_a.organisation.code
    assert "audit" in body["modules"]


def test_revoked_token_is_refused(lead_a):
    two_factor_set_up(lead_a)
    token, raw = api_token_create(user=lead_a, name="old")
    api_token_revoke(token=token, actor=lead_a)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert client.get("/api/v1/me").status_code == 401


def test_made_up_token_is_refused(db):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Bearer tk_not-a-real-token")
    assert client.get("/api/v1/me").status_code == 401


def test_no_credentials_is_refused(db):
    assert APIClient().get("/api/v1/me").status_code in {401, 403}


def test_tokens_obey_the_same_roles(frontline_a, auditor_a):
    assert _token_client(frontline_a).get("/api/v1/audit-events").status_code == 403
    assert _token_client(auditor_a).get("/api/v1/audit-events").status_code == 200


def test_audit_api_shows_own_organisation_only(auditor_a, lead_a, lead_b):
    audit_record(action=AuditAction.VIEW, actor=lead_a, object_type="cases.case", object_id="ours")
    audit_record(action=AuditAction.VIEW, actor=lead_b, object_type="cases.case", object_id="theirs")
    results = _token_client(auditor_a).get("/api/v1/audit-events", {"action": "view"}).json()["results"]
    object_ids = {row["object_id"] for row in results}
    assert "ours" in object_ids and "theirs" not in object_ids


@pytest.mark.django_db
def test_openapi_schema_lists_the_endpoints():
    response = APIClient().get(reverse("api-schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert {"/api/v1/health", "/api/v1/me", "/api/v1/audit-events"} <= set(schema["paths"])
    assert "bearerAuth" in schema["components"]["securitySchemes"]


@pytest.mark.django_db
def test_api_docs_page_is_readable_html(client):
    response = client.get(reverse("api-docs"))
    assert response.status_code == 200
    assert "/api/v1/health" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")
def test_health_names_an_unreachable_replica(settings, tmp_path):
    broken = {**connections.settings["default"], "ENGINE": "django.db.backends.sqlite3"}
    broken.update(NAME=str(tmp_path / "no-such-folder" / "replica.sqlite3"), OPTIONS={}, TEST={})
    connections.settings["replica"] = broken
    settings.DATABASES = {**settings.DATABASES, "replica": broken}
    try:
        response = APIClient().get("/api/v1/health")
    finally:
        connections["replica"].close()
        del connections["replica"]
        del connections.settings["replica"]
    assert response.status_code == 503
    assert {key: response.json()[key] for key in ("status", "database", "replica")} == {
        "status": "degraded",
        "database": "ok",
        "replica": "error",
    }


def test_a_conflict_answers_409_and_any_other_refusal_400_naming_its_field():
    conflict = exception_handler(ConflictError("This case is already closed"), {})
    assert conflict is not None and conflict.status_code == 409
    assert conflict.data == {"detail": "This case is already closed"}
    refused = exception_handler(ApplicationError("Enter a reason", field="reason"), {})
    assert refused is not None and refused.status_code == 400 and refused.data == {"reason": ["Enter a reason"]}
