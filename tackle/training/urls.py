from django.urls import path

from tackle.training import views

app_name = "training"

urlpatterns: list = [
    path("", views.index, name="index"),
    path("courses/", views.course_list, name="course-list"),
    path("courses/new", views.course_new, name="course-new"),
    path("requirements/new", views.requirement_new, name="requirement-new"),
    path("teams/", views.team_list, name="team-list"),
    path("teams/new", views.team_new, name="team-new"),
    path("teams/<uuid:team_uuid>", views.team_detail, name="team-detail"),
    path("completions/new", views.completion_new, name="completion-new"),
    path("completions/import", views.completion_import, name="completion-import"),
    path("sessions/", views.session_list, name="session-list"),
    path("sessions/new", views.session_new, name="session-new"),
    path("awareness/", views.campaign_list, name="campaign-list"),
    path("awareness/new", views.campaign_new, name="campaign-new"),
    path("awareness/<uuid:campaign_uuid>", views.campaign_detail, name="campaign-detail"),
    path("awareness/<uuid:campaign_uuid>/materials/new", views.material_new, name="material-new"),
    path("materials/<uuid:material_uuid>/distributions/new", views.distribution_new, name="distribution-new"),
    path("directory/", views.service_list, name="service-list"),
    path("directory/new", views.service_new, name="service-new"),
    path("partnerships/", views.group_list, name="group-list"),
    path("partnerships/new", views.group_new, name="group-new"),
    path("partnerships/<uuid:group_uuid>", views.group_detail, name="group-detail"),
    path("partnerships/<uuid:group_uuid>/meetings/new", views.meeting_new, name="meeting-new"),
    path("meetings/<uuid:meeting_uuid>", views.meeting_detail, name="meeting-detail"),
    path("meetings/<uuid:meeting_uuid>/actions/new", views.action_new, name="action-new"),
    path("actions/<uuid:action_uuid>/close", views.action_close, name="action-close"),
]
