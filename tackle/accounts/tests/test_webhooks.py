"""Signed webhooks (issue 19, item 5), delivered to a real HTTP server this test starts on
loopback: the signature checks out, the body names the case and never the person, failures are
tried again later and then given up, and only the organisation's administrator manages them."""

import hashlib
import hmac
import json
import threading
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.urls import reverse
from django.utils import timezone

from tackle.accounts.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint, WebhookEvent
from tackle.accounts.tasks import deliver_webhook
from tackle.accounts.webhook_secrets import SecretUnreadable, signing_secret
from tackle.accounts.webhooks import RETRY_AFTER_MINUTES, endpoint_register, webhook_deliver
from tackle.audit.models import AuditEvent
from tackle.cases.models import NrmEventKind, ReferralStatus
from tackle.cases.services.nrm import nrm_event_record
from tackle.cases.services.reminders import cases_remind
from tackle.core.roles import Role


class Receiver:
    """A council's system: keeps what it was sent and answers each post with the next status."""

    def __init__(self) -> None:
        self.received: list[tuple[dict[str, str], bytes]] = []
        self.answers: list[int] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append((dict(self.headers), body))
                self.send_response(receiver.answers.pop(0) if receiver.answers else 204)
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/tackle-events"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def receiver(settings):
    settings.STATEMENT_FETCH_ALLOW_PRIVATE = True  # the receiver is on loopback
    running = Receiver()
    yield running
    running.server.shutdown()
    running.server.server_close()


@pytest.fixture
def admin_endpoint(admin_a, receiver):
    return endpoint_register(
        actor=admin_a,
        organisation=admin_a.organisation,
        name="Case management system",
        url=receiver.url,
        events=[WebhookEvent.CONCERN_RECORDED, WebhookEvent.DECISION_RECORDED],
    )


def test_a_new_concern_is_delivered_signed_with_the_case_and_not_the_person(
    admin_endpoint, receiver, frontline_a, record_concern
):
    case = record_concern(frontline_a, person_name="Ana Pop", person_contact="07700 900123")
    delivery = WebhookDelivery.objects.get()

    assert deliver_webhook.call(delivery_id=delivery.pk) == DeliveryStatus.DELIVERED

    headers, body = receiver.received[0]
    expected = hmac.new(
        admin_endpoint.shown_secret.encode(), headers["Tackle-Timestamp"].encode() + b"." + body, hashlib.sha256
    ).hexdigest()
    assert headers["Tackle-Signature"] == f"v1={expected}"
    assert headers["Tackle-Event"] == "concern.recorded"
    sent = json.loads(body)
    assert sent["case"] == {"reference": case.reference, "uuid": str(case.uuid)}
    assert sent["delivery"] == str(delivery.uuid)
    assert b"Ana" not in body and b"07700" not in body
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.response_status) == (DeliveryStatus.DELIVERED, 1, 204)


def test_a_refused_delivery_is_tried_again_with_backoff_then_given_up(
    admin_endpoint, receiver, frontline_a, record_concern
):
    record_concern(frontline_a)
    delivery = WebhookDelivery.objects.get()
    receiver.answers = [500] * 5
    now = timezone.now()

    webhook_deliver(delivery.pk, now=now)
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.PENDING
    assert delivery.next_attempt_at == now + timedelta(minutes=1)
    assert delivery.last_error == "The server answered 500"

    for minutes in RETRY_AFTER_MINUTES:
        now += timedelta(minutes=minutes)
        webhook_deliver(delivery.pk, now=now)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.next_attempt_at) == (DeliveryStatus.FAILED, 5, None)
    assert len(receiver.received) == 5
    webhook_deliver(delivery.pk)  # a failed delivery is not sent again
    assert len(receiver.received) == 5


def test_an_unreachable_address_is_logged_and_tried_again(admin_endpoint, receiver, frontline_a, record_concern):
    record_concern(frontline_a)
    receiver.server.shutdown()
    receiver.server.server_close()
    delivery = webhook_deliver(WebhookDelivery.objects.get().pk)
    assert delivery is not None
    assert delivery.status == DeliveryStatus.PENDING
    assert delivery.response_status is None
    assert "could not be reached" in delivery.last_error


def test_only_chosen_events_of_live_endpoints_of_the_organisation_are_queued(
    admin_endpoint, receiver, make_user, council_b, frontline_a, lead_a, record_concern
):
    other_admin = make_user(Role.ADMINISTRATOR, council_b)
    endpoint_register(
        actor=other_admin, organisation=council_b, name="B", url=receiver.url, events=[WebhookEvent.CONCERN_RECORDED]
    )
    case = record_concern(frontline_a)
    assert list(WebhookDelivery.objects.values_list("endpoint", "event")) == [(admin_endpoint.pk, "concern.recorded")]
    nrm_event_record(case=case, actor=lead_a, kind=NrmEventKind.REFERRAL_SENT, occurred_on=date.today())
    assert WebhookDelivery.objects.count() == 1  # a referral sent is not a decision
    nrm_event_record(
        case=case, actor=lead_a, kind=NrmEventKind.RG_DECISION, occurred_on=date.today(), outcome="positive"
    )
    assert WebhookDelivery.objects.filter(event="decision.recorded", endpoint=admin_endpoint).count() == 1
    admin_endpoint.revoked_at = timezone.now()
    admin_endpoint.save()
    record_concern(frontline_a)
    assert WebhookDelivery.objects.count() == 2


def test_the_administrator_registers_an_endpoint_and_sees_its_secret_once(admin_a, receiver, client_for):
    client = client_for(admin_a)
    url = reverse("accounts:webhook-list")
    response = client.post(url, {"name": "CMS", "url": receiver.url, "events": ["referral.due"]})

    endpoint = WebhookEndpoint.objects.get()
    shown = signing_secret(endpoint.secret)
    assert response.status_code == 200
    assert shown in response.content.decode()
    assert endpoint.events == ["referral.due"]
    assert shown not in client.get(url).content.decode()
    assert shown not in endpoint.secret  # kept sealed


def test_an_address_on_the_servers_own_network_is_refused_on_the_url_field(admin_a, client_for):
    response = client_for(admin_a).post(
        reverse("accounts:webhook-list"),
        {"name": "CMS", "url": "http://127.0.0.1:9/hook", "events": ["concern.recorded"]},
    )
    assert response.status_code == 400
    assert "private network" in response.content.decode()
    assert not WebhookEndpoint.objects.exists()
    response = client_for(admin_a).post(reverse("accounts:webhook-list"), {"name": "CMS", "url": "https://x.org"})
    assert "Select at least one event" in response.content.decode()


def test_the_log_and_the_revoke_page_are_the_administrators_of_the_organisation(
    admin_endpoint, admin_a, lead_a, make_user, council_b, client_for, frontline_a, record_concern
):
    record_concern(frontline_a)
    log = reverse("accounts:webhook-deliveries", args=[admin_endpoint.uuid])
    revoke = reverse("accounts:webhook-revoke", args=[admin_endpoint.uuid])
    admin = client_for(admin_a)
    page = admin.get(log)
    assert page.status_code == 200
    assert "A new concern is recorded" in page.content.decode()
    assert client_for(lead_a).get(log).status_code == 403
    assert client_for(make_user(Role.ADMINISTRATOR, council_b)).get(log).status_code == 404

    assert admin.post(revoke, {}).status_code == 200  # not the page's own form: nothing revoked
    admin_endpoint.refresh_from_db()
    assert admin_endpoint.revoked_at is None
    admin.post(revoke, {"confirm": "revoke"})
    admin_endpoint.refresh_from_db()
    assert admin_endpoint.revoked_at is not None
    assert WebhookDelivery.objects.get().status == DeliveryStatus.FAILED  # the waiting one is dropped


def test_a_referral_action_falling_due_is_sent_once(admin_a, lead_a, receiver, frontline_a, record_concern):
    endpoint_register(
        actor=admin_a, organisation=admin_a.organisation, name="CMS", url=receiver.url, events=["referral.due"]
    )
    case = record_concern(frontline_a)
    action = case.referrals.filter(status=ReferralStatus.TO_DO).first()
    action.due_by = timezone.now() - timedelta(days=1)
    action.save(update_fields=["due_by"])

    cases_remind()
    cases_remind()  # the next day's run: already told

    sent = WebhookDelivery.objects.get(event="referral.due")
    assert sent.payload["case"]["reference"] == case.reference


def _signed_with(secret: str, headers: dict[str, str], body: bytes) -> bool:
    expected = hmac.new(secret.encode(), headers["Tackle-Timestamp"].encode() + b"." + body, hashlib.sha256)
    return headers["Tackle-Signature"] == f"v1={expected.hexdigest()}"


def test_the_secret_is_sealed_at_rest_and_opened_under_a_previous_key(admin_endpoint, settings):
    stored = WebhookEndpoint.objects.get().secret
    assert admin_endpoint.shown_secret.startswith("whsec_")
    assert admin_endpoint.shown_secret.removeprefix("whsec_") not in stored
    assert len(stored) <= WebhookEndpoint._meta.get_field("secret").max_length

    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-key-" + "x" * 50
    assert signing_secret(stored) == admin_endpoint.shown_secret
    settings.SECRET_KEY_FALLBACKS = []
    with pytest.raises(SecretUnreadable):
        signing_secret(stored)


def test_a_delivery_whose_secret_no_key_opens_fails_at_once_saying_to_rotate(
    admin_endpoint, receiver, frontline_a, record_concern, settings
):
    record_concern(frontline_a)
    settings.SECRET_KEY = "a-new-key-" + "x" * 50  # and no fallback

    delivery = webhook_deliver(WebhookDelivery.objects.get().pk)

    assert (delivery.status, delivery.last_error) == (
        DeliveryStatus.FAILED,
        "The signing secret cannot be read: rotate it",
    )
    assert receiver.received == []


def test_an_endpoint_from_before_sealing_still_signs_with_its_secret(admin_a, receiver, frontline_a, record_concern):
    legacy = WebhookEndpoint.objects.create(
        organisation=admin_a.organisation,
        name="Old",
        url=receiver.url,
        secret=WebhookEndpoint.generate_secret(),  # as stored before sealing
        events=[WebhookEvent.CONCERN_RECORDED],
        created_by=admin_a,
    )
    record_concern(frontline_a)
    webhook_deliver(WebhookDelivery.objects.get().pk)
    headers, body = receiver.received[0]
    assert _signed_with(legacy.secret, headers, body)


def test_the_administrator_rotates_the_secret_and_sees_the_new_one_once(
    admin_endpoint, admin_a, lead_a, receiver, client_for, frontline_a, record_concern
):
    url = reverse("accounts:webhook-rotate", args=[admin_endpoint.uuid])
    admin = client_for(admin_a)
    assert admin.post(url, {}).status_code == 200  # not the page's own form: nothing changed
    assert signing_secret(WebhookEndpoint.objects.get().secret) == admin_endpoint.shown_secret
    assert client_for(lead_a).post(url, {"confirm": "rotate"}).status_code == 403

    page = admin.post(url, {"confirm": "rotate"}).content.decode()

    new = signing_secret(WebhookEndpoint.objects.get().secret)
    assert new != admin_endpoint.shown_secret
    assert new in page
    assert new not in admin.get(reverse("accounts:webhook-list")).content.decode()
    assert AuditEvent.objects.filter(object_type="accounts.webhookendpoint", changed_fields=["secret"]).exists()
    record_concern(frontline_a)
    webhook_deliver(WebhookDelivery.objects.get().pk)
    headers, body = receiver.received[0]
    assert _signed_with(new, headers, body)
    assert not _signed_with(admin_endpoint.shown_secret, headers, body)


def test_any_delivery_is_sent_again_as_a_new_one_from_the_log(
    admin_endpoint,
    admin_a,
    lead_a,
    make_user,
    council_b,
    receiver,
    client_for,
    frontline_a,
    record_concern,
    django_capture_on_commit_callbacks,
):
    record_concern(frontline_a)
    first = WebhookDelivery.objects.get()
    receiver.answers = [500] * 5
    for _ in range(5):
        webhook_deliver(first.pk)
    first.refresh_from_db()
    assert first.status == DeliveryStatus.FAILED
    url = reverse("accounts:webhook-send-again", args=[admin_endpoint.uuid])
    assert client_for(lead_a).post(url, {"delivery": str(first.uuid)}).status_code == 403
    assert (
        client_for(make_user(Role.ADMINISTRATOR, council_b)).post(url, {"delivery": str(first.uuid)}).status_code == 404
    )
    assert client_for(admin_a).get(url).status_code == 405

    with django_capture_on_commit_callbacks(execute=False) as queued:
        response = client_for(admin_a).post(url, {"delivery": str(first.uuid)})

    assert response.status_code == 302
    again = WebhookDelivery.objects.exclude(pk=first.pk).get()
    assert (again.event, again.payload, again.status, again.attempts) == (first.event, first.payload, "pending", 0)
    assert len(queued) == 1  # sent by the worker once the request commits
    first.refresh_from_db()
    assert first.status == DeliveryStatus.FAILED  # the log keeps what happened to the first
    assert AuditEvent.objects.filter(note__startswith=f"Sent again: delivery {first.uuid}").exists()
    webhook_deliver(again.pk)
    assert WebhookDelivery.objects.get(pk=again.pk).status == DeliveryStatus.DELIVERED
    refused = client_for(admin_a).post(url, {"delivery": "not-a-uuid"}, follow=True)
    assert "Choose a delivery from the log to send again" in refused.content.decode()
    assert WebhookDelivery.objects.count() == 2
