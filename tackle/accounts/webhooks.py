"""Signed webhooks (issue 19, item 5): an organisation's systems are told when a concern is
recorded, a referral action falls due, or an NRM decision is recorded.

Each event becomes one delivery per live endpoint that chose it, sent by the background worker
(accounts/tasks.py) after the change commits. The body is JSON naming the event, the case's
reference and uuid and when it happened, never the person. Two headers sign it:
`Tackle-Timestamp` (Unix seconds) and `Tackle-Signature: v1=<hex>`, the HMAC-SHA256 with the
endpoint's secret of `<timestamp>.<body>`; a receiver recomputes it and refuses an old timestamp.
A failed attempt (no answer, or not 2xx) is tried again after 1, 5, 30 and 120 minutes, then the
delivery is marked failed. Addresses are checked by the kernel's fetcher (core/fetch.py): not on
the server's own network, unless STATEMENT_FETCH_ALLOW_PRIVATE says this is a closed network.
The secret is sealed at rest (accounts/webhook_secrets.py), shown once when the endpoint is
registered or its secret rotated. Any delivery can be sent again from the delivery log: a new
delivery of the same event, so the log keeps what happened to the first.
"""

import hashlib
import hmac
import json
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from tackle.accounts.models import DeliveryStatus, Organisation, User, WebhookDelivery, WebhookEndpoint, WebhookEvent
from tackle.accounts.webhook_secrets import SecretUnreadable, new_secret, signing_secret
from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.core.errors import ApplicationError
from tackle.core.fetch import FetchError, check_address, post

RETRY_AFTER_MINUTES = (1, 5, 30, 120)  # then the delivery is failed: five attempts in all
TIMEOUT_SECONDS = 10


def endpoint_register(
    *, actor: User, organisation: Organisation, name: str, url: str, events: list[str], request: Any = None
) -> WebhookEndpoint:
    """A new endpoint with a new secret, in clear on the returned object only (`shown_secret`, for
    the caller to show once; the database keeps it sealed). The address must be one Tackle may
    post to."""
    try:
        check_address(url)
    except FetchError as error:
        raise ApplicationError(error.message, field="url") from None
    chosen = [event for event in WebhookEvent.values if event in events]
    if not chosen:
        raise ApplicationError(gettext("Select at least one event"), field="events")
    shown, sealed = new_secret()
    endpoint = WebhookEndpoint.objects.create(
        organisation=organisation, name=name.strip(), url=url.strip(), secret=sealed, events=chosen, created_by=actor
    )
    endpoint.shown_secret = shown  # type: ignore[attr-defined]
    audit_record(
        action=AuditAction.CREATE, actor=actor, request=request, obj=endpoint, changed_fields=["name", "url", "events"]
    )
    return endpoint


def endpoint_update(
    *, actor: User, endpoint: WebhookEndpoint, name: str, url: str, events: list[str], request: Any = None
) -> WebhookEndpoint:
    """A live endpoint's name, address or events corrected; its secret stays. The address is checked
    as a new one is; deliveries waiting to be tried again go to the new address."""
    if endpoint.revoked_at is not None:
        raise ApplicationError(gettext("This endpoint is revoked: register the address anew."))
    try:
        check_address(url)
    except FetchError as error:
        raise ApplicationError(error.message, field="url") from None
    chosen = [event for event in WebhookEvent.values if event in events]
    if not chosen:
        raise ApplicationError(gettext("Select at least one event"), field="events")
    values = {"name": name.strip(), "url": url.strip(), "events": chosen}
    changed = [field for field, value in values.items() if getattr(endpoint, field) != value]
    if changed:
        for field in changed:
            setattr(endpoint, field, values[field])
        endpoint.save(update_fields=changed)
        audit_record(action=AuditAction.UPDATE, actor=actor, request=request, obj=endpoint, changed_fields=changed)
    return endpoint


def endpoint_revoke(*, actor: User, endpoint: WebhookEndpoint, request: Any = None) -> WebhookEndpoint:
    if endpoint.revoked_at is not None:
        raise ApplicationError(gettext("This endpoint is already revoked."))
    with transaction.atomic():
        endpoint.revoked_at = timezone.now()
        endpoint.save(update_fields=["revoked_at"])
        endpoint.deliveries.filter(status=DeliveryStatus.PENDING).update(
            status=DeliveryStatus.FAILED, last_error="The endpoint was revoked", next_attempt_at=None
        )
        audit_record(action=AuditAction.UPDATE, actor=actor, request=request, obj=endpoint, changed_fields=["revoked"])
    return endpoint


def endpoint_rotate_secret(*, actor: User, endpoint: WebhookEndpoint, request: Any = None) -> str:
    """A new secret for a live endpoint, returned in clear for the caller to show once; deliveries
    from now on are signed with it, including those waiting to be tried again."""
    if endpoint.revoked_at is not None:
        raise ApplicationError(gettext("This endpoint is revoked: register the address anew."))
    shown, endpoint.secret = new_secret()
    endpoint.save(update_fields=["secret"])
    audit_record(action=AuditAction.UPDATE, actor=actor, request=request, obj=endpoint, changed_fields=["secret"])
    return shown


def delivery_send_again(*, actor: User, delivery: WebhookDelivery, request: Any = None) -> WebhookDelivery:
    """The same event sent again to the same live endpoint, as a new delivery queued once this
    commits (its own attempts and retries); the one sent again stays in the log as it was."""
    endpoint = delivery.endpoint
    if endpoint.revoked_at is not None:
        raise ApplicationError(gettext("This endpoint is revoked: nothing more is sent to it."))
    with transaction.atomic():
        again = WebhookDelivery.objects.create(endpoint=endpoint, event=delivery.event, payload=delivery.payload)
        audit_record(
            action=AuditAction.CREATE,
            actor=actor,
            request=request,
            obj=again,
            note=f"Sent again: delivery {delivery.uuid} to {endpoint.name}",
        )
        transaction.on_commit(partial(_enqueue, again.pk))
    return again


def webhook_event(*, organisation_id: int, event: WebhookEvent, case_reference: str, case_uuid: Any) -> int:
    """Queue `event` about a case for every live endpoint of the organisation that chose it; sent
    once the caller's transaction commits. Returns how many deliveries were queued."""
    payload = {
        "event": str(event),
        "occurred_at": timezone.now().isoformat(timespec="seconds"),
        "case": {"reference": case_reference, "uuid": str(case_uuid)},
    }
    endpoints = WebhookEndpoint.objects.filter(organisation_id=organisation_id, revoked_at__isnull=True)
    queued = 0
    for endpoint in endpoints:
        if str(event) not in endpoint.events:  # SQLite cannot ask a JSON list what it contains
            continue
        delivery = WebhookDelivery.objects.create(endpoint=endpoint, event=str(event), payload=payload)
        transaction.on_commit(partial(_enqueue, delivery.pk))
        queued += 1
    return queued


def _enqueue(delivery_id: int, run_after: datetime | None = None) -> None:
    from tackle.accounts.tasks import deliver_webhook  # the task module imports this one

    task = deliver_webhook.using(run_after=run_after) if run_after else deliver_webhook
    task.enqueue(delivery_id=delivery_id)


def signature(secret: str, timestamp: str, body: bytes) -> str:
    """The `Tackle-Signature` header's value for a body sent at `timestamp`."""
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    return f"v1={digest}"


def webhook_deliver(delivery_id: int, *, now: datetime | None = None) -> WebhookDelivery | None:
    """One attempt at one delivery: signed, posted, logged; another attempt queued after a failure
    while any are left. A delivery already done, or whose endpoint was revoked, is left alone."""
    delivery = WebhookDelivery.objects.select_related("endpoint").filter(pk=delivery_id).first()
    if delivery is None or delivery.status != DeliveryStatus.PENDING or delivery.endpoint.revoked_at is not None:
        return delivery
    now = now or timezone.now()
    body = json.dumps({**delivery.payload, "delivery": str(delivery.uuid)}, sort_keys=True).encode()
    timestamp = str(int(now.timestamp()))
    try:
        secret = signing_secret(delivery.endpoint.secret)
    except SecretUnreadable:
        # Trying again cannot help: the server's key changed. The administrator rotates the secret.
        delivery.attempts, delivery.last_attempt_at, delivery.next_attempt_at = delivery.attempts + 1, now, None
        delivery.status, delivery.last_error = DeliveryStatus.FAILED, "The signing secret cannot be read: rotate it"
        delivery.save()
        return delivery
    headers = {
        "Content-Type": "application/json",
        "Tackle-Event": delivery.event,
        "Tackle-Delivery": str(delivery.uuid),
        "Tackle-Timestamp": timestamp,
        "Tackle-Signature": signature(secret, timestamp, body),
    }
    delivery.attempts += 1
    delivery.last_attempt_at = now
    try:
        answer = post(delivery.endpoint.url, body, headers=headers, timeout=TIMEOUT_SECONDS)
    except FetchError as error:
        delivery.response_status, delivery.last_error = None, error.message[:300]
    else:
        delivery.response_status = answer.status
        delivery.last_error = "" if 200 <= answer.status < 300 else f"The server answered {answer.status}"
    retry_after = None
    if not delivery.last_error:
        delivery.status, delivery.next_attempt_at = DeliveryStatus.DELIVERED, None
    elif delivery.attempts <= len(RETRY_AFTER_MINUTES):
        retry_after = now + timedelta(minutes=RETRY_AFTER_MINUTES[delivery.attempts - 1])
        delivery.next_attempt_at = retry_after
    else:
        delivery.status, delivery.next_attempt_at = DeliveryStatus.FAILED, None
    delivery.save()
    if retry_after is not None:
        _enqueue(delivery.pk, run_after=retry_after)
    return delivery
