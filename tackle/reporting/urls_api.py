"""API routes of this module, included under /api/v1/."""

from django.urls import path

from tackle.reporting import api, api_releases

urlpatterns: list = [
    path("figures", api.figures_api, name="figures"),
    path("figures/releases", api_releases.release_list, name="figures-release-list"),
    path("figures/releases/<uuid:release_uuid>", api_releases.release_detail, name="figures-release-detail"),
    path("figures/home-office-tables", api.home_office_tables_api, name="figures-home-office-tables"),
    path(
        "figures/home-office-tables/releases",
        api_releases.home_office_publish,
        name="figures-home-office-release-create",
    ),
]
