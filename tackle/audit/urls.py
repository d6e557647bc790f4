from django.urls import path

from tackle.audit import views

app_name = "audit"

urlpatterns = [
    path("", views.event_list, name="event-list"),
    path("verify", views.verify, name="verify"),
]
