"""API routes of this module, included under /api/v1/."""

from django.urls import path

from tackle.accounts.api import me, webhooks

urlpatterns: list = [
    path("me", me.me, name="me"),
    path("webhooks/", webhooks.webhook_list, name="webhook-list"),
    path("webhooks/<uuid:webhook_uuid>", webhooks.webhook_detail, name="webhook-detail"),
    path("webhooks/<uuid:webhook_uuid>/secret", webhooks.webhook_secret, name="webhook-secret"),
    path("webhooks/<uuid:webhook_uuid>/deliveries/", webhooks.webhook_delivery_list, name="webhook-delivery-list"),
    path(
        "webhooks/<uuid:webhook_uuid>/deliveries/<uuid:delivery_uuid>",
        webhooks.webhook_delivery_detail,
        name="webhook-delivery-detail",
    ),
    path(
        "webhooks/<uuid:webhook_uuid>/deliveries/<uuid:delivery_uuid>/send-again",
        webhooks.webhook_delivery_send_again,
        name="webhook-delivery-send-again",
    ),
]
