from django.urls import path

from tackle.core import views

app_name = "core"

urlpatterns = [
    path("tasks/<uuid:run_uuid>/", views.task_run_detail, name="task-run-detail"),
    path("tasks/<uuid:run_uuid>/status", views.task_run_status, name="task-run-status"),
]
