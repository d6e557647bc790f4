"""API routes of this module, included under /api/v1/."""

from django.urls import path

from tackle.training import api

urlpatterns: list = [
    path("training/courses/", api.course_list, name="training-course-list"),
    path("training/completions/", api.completion_list, name="training-completion-list"),
    path("training/sessions/", api.session_list, name="training-session-list"),
    path("training/sessions/<uuid:session_uuid>", api.session_detail, name="training-session-detail"),
]
