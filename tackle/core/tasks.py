"""Background tasks that report progress a person can watch on a page."""

from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.tasks import Task
from django.utils import timezone

from tackle.core.models import TaskRun, TaskStatus


def task_run_start(*, task: Task[..., Any], user: Any, name: str, **kwargs: Any) -> TaskRun:
    """Record a TaskRun and enqueue the task once the record is committed."""
    run = TaskRun.objects.create(name=name, organisation_id=user.organisation_id, started_by=user)

    def enqueue() -> None:
        result = task.enqueue(run_uuid=str(run.uuid), **kwargs)
        TaskRun.objects.filter(pk=run.pk).update(task_result_id=str(result.id))

    transaction.on_commit(enqueue)
    return run


def task_run_progress(run_uuid: str, *, done: int, total: int, message: str = "") -> None:
    TaskRun.objects.filter(uuid=run_uuid).update(
        status=TaskStatus.RUNNING, done=done, total=total, message=message[:300], updated_at=timezone.now()
    )


def task_run_finish(run_uuid: str, *, succeeded: bool, message: str, result_url: str = "") -> None:
    TaskRun.objects.filter(uuid=run_uuid).update(
        status=TaskStatus.SUCCEEDED if succeeded else TaskStatus.FAILED,
        message=message[:300],
        result_url=result_url,
        updated_at=timezone.now(),
    )


def progress_reporter(run_uuid: str) -> Callable[[int, int], None]:
    def report(done: int, total: int) -> None:
        task_run_progress(run_uuid, done=done, total=total, message=f"{done:,} of {total:,} checked")

    return report
