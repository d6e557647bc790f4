"""API routes of this module, included under /api/v1/."""

from django.urls import path

from tackle.statement_reader.api import follow_ups, readings, registry

urlpatterns: list = [
    path("statement-readings", readings.readings, name="statement-reading-list"),
    path("statement-readings/<uuid:reading_uuid>", readings.reading_detail, name="statement-reading-detail"),
    path(
        "statement-readings/<uuid:reading_uuid>/overrides", readings.reading_override, name="statement-reading-override"
    ),
    path(
        "statement-readings/<uuid:reading_uuid>/follow-ups", follow_ups.follow_ups, name="statement-reading-follow-ups"
    ),
    path(
        "statement-readings/<uuid:reading_uuid>/follow-ups/<uuid:follow_up_uuid>/close",
        follow_ups.follow_up_close,
        name="statement-reading-follow-up-close",
    ),
    path(
        "statement-reading-requests/<uuid:request_uuid>",
        readings.reading_request_detail,
        name="statement-reading-request",
    ),
    path(
        "suppliers/<uuid:supplier_uuid>/statement-registry",
        registry.supplier_registry,
        name="statement-reading-registry",
    ),
]
