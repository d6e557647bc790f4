from django.urls import path

from tackle.home import views

app_name = "home"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("tasks/<uuid:run_uuid>/", views.task_run_detail, name="task-run-detail"),
    path("tasks/<uuid:run_uuid>/status", views.task_run_status, name="task-run-status"),
]
