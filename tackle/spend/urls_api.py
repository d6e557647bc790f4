"""API routes of this module, included under /api/v1/."""

from django.urls import path

from tackle.spend import api

urlpatterns: list = [
    path("spend-imports/", api.spend_import_list, name="spend-import-list"),
    path("spend-imports/<uuid:import_uuid>", api.spend_import_detail, name="spend-import-detail"),
    path("spend-files/<uuid:file_uuid>/columns", api.spend_file_columns, name="spend-file-columns"),
    path("spend-imports/<uuid:import_uuid>/rejects", api.spend_import_rejects, name="spend-import-rejects"),
]
