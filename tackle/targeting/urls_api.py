"""API routes of this module, included under /api/v1/."""

from django.urls import path

from tackle.targeting.api import lists, outcomes, premises

urlpatterns: list = [
    path("regulator-lists/", lists.regulator_list_list, name="regulator-list-list"),
    path("regulator-lists/<uuid:list_uuid>", lists.regulator_list_detail, name="regulator-list-detail"),
    path("targeting-premises/", premises.premises_list, name="targeting-premises-list"),
    path("targeting-outcomes/", outcomes.outcome_list, name="targeting-outcome-list"),
]
