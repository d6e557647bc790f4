from django.urls import path

from tackle.statement_reader import views

app_name = "statement_reader"

urlpatterns: list = [
    path("", views.index, name="index"),
    path("new", views.reading_new, name="reading-new"),
    path("waiting/<uuid:request_uuid>", views.reading_request, name="reading-request"),
    path("<uuid:reading_uuid>/", views.reading_detail, name="reading-detail"),
    path("<uuid:reading_uuid>/override/<str:judgement>", views.override_new, name="override-new"),
    path("<uuid:reading_uuid>/follow-up/new", views.follow_up_new, name="follow-up-new"),
    path("<uuid:reading_uuid>/follow-up/<uuid:follow_up_uuid>/done", views.follow_up_close, name="follow-up-close"),
    path("suppliers/<uuid:supplier_uuid>/registry", views.supplier_registry, name="supplier-registry"),
]
