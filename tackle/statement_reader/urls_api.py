"""API routes of this module, included under /api/v1/."""

from django.urls import path

from tackle.statement_reader import api

urlpatterns: list = [
    path("statement-readings", api.readings, name="statement-reading-list"),
    path("statement-readings/<uuid:reading_uuid>", api.reading_detail, name="statement-reading-detail"),
    path("statement-readings/<uuid:reading_uuid>/overrides", api.reading_override, name="statement-reading-override"),
    path(
        "statement-reading-requests/<uuid:request_uuid>", api.reading_request_detail, name="statement-reading-request"
    ),
]
