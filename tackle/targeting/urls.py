from django.urls import path

from tackle.targeting import views

app_name = "targeting"

urlpatterns: list = [
    path("", views.index, name="index"),
    path("import", views.list_import, name="list-import"),
    path("lists/", views.list_list, name="list-list"),
    path("lists/<uuid:list_uuid>", views.list_detail, name="list-detail"),
    path("lists/<uuid:list_uuid>/delete", views.list_delete, name="list-delete"),
    path("outcomes", views.outcome_list, name="outcome-list"),
]
