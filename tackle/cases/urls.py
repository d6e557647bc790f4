from django.urls import path

from tackle.cases.views import queue

app_name = "cases"

# Each module of the cases app adds its own pages below, in its own block.
urlpatterns: list = [
    path("", queue.queue, name="queue"),
]
