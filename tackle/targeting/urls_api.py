"""API routes of this module, included under /api/v1/."""

from django.urls import path

from tackle.targeting import api

urlpatterns: list = [
    path("regulator-lists/", api.regulator_list_list, name="regulator-list-list"),
    path("regulator-lists/<uuid:list_uuid>", api.regulator_list_detail, name="regulator-list-detail"),
    path("targeting-outcomes/", api.outcome_list, name="targeting-outcome-list"),
]
