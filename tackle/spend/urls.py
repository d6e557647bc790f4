from django.urls import path

from tackle.spend import views

app_name = "spend"

urlpatterns: list = [
    path("", views.index, name="index"),
    path("imports/new", views.import_new, name="import-new"),
    path("imports/<uuid:import_uuid>/", views.import_detail, name="import-detail"),
    path("imports/<uuid:import_uuid>/results", views.import_results, name="import-results"),
    path("files/<uuid:file_uuid>/columns", views.file_columns, name="file-columns"),
]
