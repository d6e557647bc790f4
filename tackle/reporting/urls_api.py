"""API routes of this module, included under /api/v1/."""

from django.urls import path

from tackle.reporting import api

urlpatterns: list = [
    path("figures", api.figures_api, name="figures"),
    path("figures/home-office-tables", api.home_office_tables_api, name="figures-home-office-tables"),
]
