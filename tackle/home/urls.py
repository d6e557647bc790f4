from django.urls import path

from tackle.home import views
from tackle.home.models import ServicePageKind

app_name = "home"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("more/", views.more, name="more"),
    path("tasks/<uuid:run_uuid>/", views.task_run_detail, name="task-run-detail"),
    path("tasks/<uuid:run_uuid>/status", views.task_run_status, name="task-run-status"),
    path("service-pages/", views.service_page_list, name="service-page-list"),
]
# One address per page, public (/privacy, /cookies ...), and its edit page for the administrator.
for _kind in ServicePageKind:
    urlpatterns += [
        path(_kind.value, views.service_page, {"kind": _kind.value}, name=_kind.value),
        path(
            f"service-pages/{_kind.value}/edit",
            views.service_page_edit,
            {"kind": _kind.value},
            name=f"service-page-{_kind.value}-edit",
        ),
    ]
