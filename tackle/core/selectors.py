from typing import Any

from django.db import models

from tackle.core.models import TaskRun


def task_runs_visible_to(user: Any) -> models.QuerySet[TaskRun]:
    """A task's progress is for the person who started it."""
    if not user.is_authenticated:
        return TaskRun.objects.none()
    return TaskRun.objects.filter(started_by=user, organisation_id=user.organisation_id)
