"""/api/v1/webhooks (issue 19): the administrator's endpoints and their delivery log, as on the
Users > Webhooks pages. A secret is answered once, when the endpoint is registered or its secret
remade, never on a read; every change goes through the pages' services (accounts/webhooks.py),
which audit it, and every endpoint opened is audited as the pages' are (WEBHOOKS is audited)."""

from typing import Any

from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.api_auth import api_user
from tackle.accounts.door import open_for_user, open_page_for_user
from tackle.accounts.forms import WebhookEndpointForm
from tackle.accounts.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint, WebhookEvent
from tackle.accounts.selectors import webhook_deliveries_of, webhook_endpoints_visible_to
from tackle.accounts.webhooks import (
    delivery_send_again,
    endpoint_register,
    endpoint_revoke,
    endpoint_rotate_secret,
    endpoint_update,
)
from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.core.access import WEBHOOKS, Action
from tackle.core.api_lists import body_or_400, checked_by_form, merged, one_page, query_or_400, sort_choice, sorted_by
from tackle.core.api_schema import PAGE_PARAMETER, paginated
from tackle.core.errors import ApplicationError

ENDPOINT_FIELDS = ["name", "url", "events"]


class WebhookEndpointSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    name = serializers.CharField()
    url = serializers.CharField(help_text="Where each delivery is posted")
    events = serializers.ListField(child=serializers.ChoiceField(WebhookEvent.choices))
    active = serializers.SerializerMethodField(help_text="false once revoked: nothing more is sent")
    created_by = serializers.CharField(source="created_by.username")
    created_at = serializers.DateTimeField()
    revoked_at = serializers.DateTimeField(allow_null=True)

    @extend_schema_field(serializers.BooleanField())
    def get_active(self, endpoint: WebhookEndpoint) -> bool:
        return endpoint.revoked_at is None


class WebhookEndpointWithSecretSerializer(WebhookEndpointSerializer):
    secret = serializers.CharField(
        source="shown_secret", help_text="Shown this once: give it to the system at the address"
    )


class WebhookSecretSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    secret = serializers.CharField(help_text="Shown this once; the old secret no longer signs")


class WebhookEndpointFilters(serializers.Serializer):
    active = serializers.BooleanField(required=False, allow_null=True, default=None, help_text="Leave out for all")
    sort = sort_choice("name", "created_at", default="name")


class WebhookEndpointWriteSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=100)
    url = serializers.CharField(max_length=500, help_text="https://, on the internet")
    events = serializers.ListField(child=serializers.ChoiceField(WebhookEvent.choices), help_text="One or more")


class WebhookEndpointUpdateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=100, required=False)
    url = serializers.CharField(max_length=500, required=False)
    events = serializers.ListField(child=serializers.ChoiceField(WebhookEvent.choices), required=False)
    active = serializers.BooleanField(
        required=False, help_text="false revokes the endpoint, which cannot be undone; true only keeps it live"
    )


class WebhookDeliverySerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    event = serializers.ChoiceField(WebhookEvent.choices)
    payload = serializers.JSONField(help_text="What is sent: the event, when, and the case's reference and uuid")
    status = serializers.ChoiceField(DeliveryStatus.choices)
    attempts = serializers.IntegerField()
    last_attempt_at = serializers.DateTimeField(allow_null=True)
    next_attempt_at = serializers.DateTimeField(allow_null=True)
    response_status = serializers.IntegerField(allow_null=True, help_text="The address's last answer")
    last_error = serializers.CharField()
    created_at = serializers.DateTimeField()


class WebhookDeliveryFilters(serializers.Serializer):
    status = serializers.ChoiceField(DeliveryStatus.choices, required=False)
    event = serializers.ChoiceField(WebhookEvent.choices, required=False)
    sort = sort_choice("created_at", default="-created_at")


ENDPOINT_EXAMPLE = OpenApiExample(
    "A case management system",
    value={
        "name": "Case management system",
        "url": "https://cms.example.gov.uk/tackle",
        "events": ["concern.recorded", "decision.recorded"],
    },
    request_only=True,
)


def _endpoint(request: Request, webhook_uuid: Any, action: Action = Action.VIEW) -> WebhookEndpoint:
    user = api_user(request)
    visible = webhook_endpoints_visible_to(user).select_related("created_by")
    return open_for_user(user, visible, resource=WEBHOOKS, action=action, request=request._request, uuid=webhook_uuid)


def _delivery(endpoint: WebhookEndpoint, delivery_uuid: Any) -> WebhookDelivery:
    return get_object_or_404(webhook_deliveries_of(endpoint), uuid=delivery_uuid)


@extend_schema(
    methods=["GET"],
    operation_id="v1_webhooks_list",
    summary="Webhook endpoints",
    description="The administrator; live and revoked, never with their secrets. Every listing is audited.",
    parameters=[WebhookEndpointFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedWebhookEndpointList", WebhookEndpointSerializer),
)
@extend_schema(
    methods=["POST"],
    summary="Register a webhook endpoint",
    description="The administrator, as the Webhooks page: the address must be one Tackle may post to. The "
    "answer holds the new signing secret, shown this once.",
    request=WebhookEndpointWriteSerializer,
    responses={201: WebhookEndpointWithSecretSerializer},
    examples=[ENDPOINT_EXAMPLE],
)
@api_view(["GET", "POST"])
def webhook_list(request: Request) -> Response:
    user = api_user(request)
    if request.method == "POST":
        open_page_for_user(user, resource=WEBHOOKS, action=Action.RECORD, object_type="accounts.webhookendpoint")
        form = checked_by_form(
            WebhookEndpointForm(merged({}, body_or_400(WebhookEndpointWriteSerializer, request), ENDPOINT_FIELDS))
        )
        assert user.organisation is not None  # the door opened: the user belongs to one
        endpoint = endpoint_register(
            actor=user, organisation=user.organisation, request=request._request, **form.cleaned_data
        )
        return Response(WebhookEndpointWithSecretSerializer(endpoint).data, status=status.HTTP_201_CREATED)
    open_page_for_user(user, resource=WEBHOOKS, object_type="accounts.webhookendpoint")
    filters = query_or_400(WebhookEndpointFilters, request)
    endpoints = webhook_endpoints_visible_to(user).select_related("created_by")
    if filters["active"] is not None:
        endpoints = endpoints.filter(revoked_at__isnull=filters["active"])
    response, count = one_page(
        request, sorted_by(endpoints, filters["sort"]), lambda page: WebhookEndpointSerializer(page, many=True).data
    )
    audit_record(
        action=AuditAction.LIST, request=request._request, object_type="accounts.webhookendpoint", note=f"API, {count}"
    )
    return response


@extend_schema(
    methods=["GET"],
    summary="A webhook endpoint",
    description="The administrator; without its secret. Audited.",
    responses=WebhookEndpointSerializer,
)
@extend_schema(
    methods=["PATCH"],
    summary="Change a webhook endpoint",
    description="The administrator: its name, address or events (checked as a new endpoint's), or "
    '`"active": false` to revoke it: nothing more is sent and waiting deliveries are dropped. A revoked '
    "endpoint cannot be changed or made active again (400): register the address anew.",
    request=WebhookEndpointUpdateSerializer,
    responses=WebhookEndpointSerializer,
    examples=[OpenApiExample("Revoke", value={"active": False}, request_only=True)],
)
@api_view(["GET", "PATCH"])
def webhook_detail(request: Request, webhook_uuid: str) -> Response:
    if request.method == "GET":
        return Response(WebhookEndpointSerializer(_endpoint(request, webhook_uuid)).data)
    user = api_user(request)
    endpoint = _endpoint(request, webhook_uuid, Action.CHANGE)
    incoming = body_or_400(WebhookEndpointUpdateSerializer, request, partial=True)
    if endpoint.revoked_at is not None and incoming:
        raise ApplicationError(gettext("This endpoint is revoked: register the address anew."))
    edits = {name: incoming[name] for name in ENDPOINT_FIELDS if name in incoming}
    with transaction.atomic():
        if edits:
            recorded = {"name": endpoint.name, "url": endpoint.url, "events": endpoint.events}
            form = checked_by_form(WebhookEndpointForm(merged(recorded, edits, ENDPOINT_FIELDS)))
            endpoint_update(actor=user, endpoint=endpoint, request=request._request, **form.cleaned_data)
        if incoming.get("active") is False:
            endpoint_revoke(actor=user, endpoint=endpoint, request=request._request)
    return Response(WebhookEndpointSerializer(endpoint).data)


@extend_schema(
    summary="Make a new secret for a webhook endpoint",
    description="The administrator, as the Make a new secret page: the old secret stops signing at once, "
    "including deliveries waiting to be tried again. The answer holds the new secret, shown this once.",
    request=None,
    responses=WebhookSecretSerializer,
)
@api_view(["POST"])
def webhook_secret(request: Request, webhook_uuid: str) -> Response:
    endpoint = _endpoint(request, webhook_uuid, Action.CHANGE)
    secret = endpoint_rotate_secret(actor=api_user(request), endpoint=endpoint, request=request._request)
    return Response(WebhookSecretSerializer({"uuid": endpoint.uuid, "secret": secret}).data)


@extend_schema(
    operation_id="v1_webhooks_deliveries_list",
    summary="A webhook endpoint's deliveries",
    description="The administrator: what was sent, each attempt's answer and the next attempt, as the delivery "
    "log page. Opening the endpoint is audited.",
    parameters=[WebhookDeliveryFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedWebhookDeliveryList", WebhookDeliverySerializer),
)
@api_view(["GET"])
def webhook_delivery_list(request: Request, webhook_uuid: str) -> Response:
    endpoint = _endpoint(request, webhook_uuid)
    filters = query_or_400(WebhookDeliveryFilters, request)
    deliveries = webhook_deliveries_of(endpoint)
    for name in ("status", "event"):
        if filters.get(name):
            deliveries = deliveries.filter(**{name: filters[name]})
    response, _count = one_page(
        request, sorted_by(deliveries, filters["sort"]), lambda page: WebhookDeliverySerializer(page, many=True).data
    )
    return response


@extend_schema(
    summary="One delivery of a webhook endpoint",
    description="The administrator. Opening the endpoint is audited.",
    responses=WebhookDeliverySerializer,
)
@api_view(["GET"])
def webhook_delivery_detail(request: Request, webhook_uuid: str, delivery_uuid: str) -> Response:
    endpoint = _endpoint(request, webhook_uuid)
    return Response(WebhookDeliverySerializer(_delivery(endpoint, delivery_uuid)).data)


@extend_schema(
    summary="Send a delivery again",
    description="The administrator, as the delivery log's Send again button: the same event, as a new delivery "
    "with its own attempts; the one sent again stays in the log as it was. A revoked endpoint is sent nothing "
    "(400).",
    request=None,
    responses={201: WebhookDeliverySerializer},
)
@api_view(["POST"])
def webhook_delivery_send_again(request: Request, webhook_uuid: str, delivery_uuid: str) -> Response:
    endpoint = _endpoint(request, webhook_uuid, Action.CHANGE)
    again = delivery_send_again(
        actor=api_user(request), delivery=_delivery(endpoint, delivery_uuid), request=request._request
    )
    return Response(WebhookDeliverySerializer(again).data, status=status.HTTP_201_CREATED)
