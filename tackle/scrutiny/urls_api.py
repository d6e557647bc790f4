"""API routes of this module, included under /api/v1/."""

from django.urls import path

from tackle.scrutiny import api

urlpatterns: list = [
    path("foi-answer", api.foi_answer, name="foi-answer"),
]
