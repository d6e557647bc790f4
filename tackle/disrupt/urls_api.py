"""API routes of this module, included under /api/v1/."""

from django.urls import path

from tackle.disrupt import api

urlpatterns: list = [
    path("premises/", api.premises_list, name="premises-list"),
    path("premises/<uuid:premises_uuid>", api.premises_detail, name="premises-detail"),
    path("intelligence/", api.intelligence_list, name="intelligence-list"),
    path("intelligence/<uuid:intelligence_uuid>", api.intelligence_detail, name="intelligence-detail"),
    path("intelligence/<uuid:intelligence_uuid>/shares", api.intelligence_share, name="intelligence-share"),
    path("operations/", api.operation_list, name="operation-list"),
    path("operations/<uuid:operation_uuid>", api.operation_detail, name="operation-detail"),
]
