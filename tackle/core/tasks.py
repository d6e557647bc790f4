"""Background tasks that report progress a person can watch on a page.

A run's name and messages are stored in English (the worker runs outside any request, and they are
records), each made from a template marked with gettext_noop; `task_run_text` shows them in the
reader's language (issue 21). Apps whose tasks store their own sentences register their wording in
`task_wordings` from their AppConfig.ready().
"""

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.tasks import Task
from django.utils import timezone
from django.utils.translation import gettext_noop

from tackle.core.models import TaskRun, TaskStatus, WorkerHeartbeat
from tackle.core.slots import Slot
from tackle.core.stored_wording import StoredWording

STARTING = gettext_noop("Starting")
CHECKED = gettext_noop("%(done)s of %(total)s checked")
WORKER_STOPPED = gettext_noop("The worker stopped while this was running; start it again.")

task_wordings = Slot("a task's stored name or message in the active language, None when not its own")
_WORDING = StoredWording((STARTING, CHECKED, WORKER_STOPPED))


def task_run_text(stored: str) -> str:
    """A run's stored name or message in the active language; text no template made, as stored."""
    found = _WORDING.recognised(stored)
    if found is None:
        found = task_wordings.first(stored)
    return stored if found is None else found


def task_run_start(*, task: Task[..., Any], user: Any, name: str, **kwargs: Any) -> TaskRun:
    """Record a TaskRun and enqueue the task once the record is committed."""
    run = TaskRun.objects.create(name=name, organisation_id=user.organisation_id, started_by=user)

    def enqueue() -> None:
        result = task.enqueue(run_uuid=str(run.uuid), **kwargs)
        TaskRun.objects.filter(pk=run.pk).update(task_result_id=str(result.id))

    transaction.on_commit(enqueue)
    return run


def _lease_from(now: datetime) -> datetime:
    return now + timedelta(seconds=settings.TASK_RUN_LEASE_SECONDS)


def task_run_progress(run_uuid: str, *, done: int, total: int, message: str = "") -> None:
    now = timezone.now()
    TaskRun.objects.filter(uuid=run_uuid).update(
        status=TaskStatus.RUNNING,
        done=done,
        total=total,
        message=message[:300],
        updated_at=now,
        lease_expires_at=_lease_from(now),
    )


def worker_heartbeat(*, worker_id: str, started_at: datetime, task_result_id: str | None) -> None:
    """The worker is alive: say so, and renew the lease of the run it is working on."""
    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(worker_id=worker_id, defaults={"started_at": started_at, "seen_at": now})
    if task_result_id:
        TaskRun.objects.filter(task_result_id=task_result_id, status=TaskStatus.RUNNING).update(
            lease_expires_at=_lease_from(now)
        )


def task_runs_fail_lost() -> int:
    """Runs still "running" after their lease lost their worker (killed, crashed, host gone):
    mark them failed so that the page stops showing progress that will never move. Heartbeats
    not renewed for a day are forgotten."""
    now = timezone.now()
    WorkerHeartbeat.objects.filter(seen_at__lt=now - timedelta(days=1)).delete()
    lease = timedelta(seconds=settings.TASK_RUN_LEASE_SECONDS)
    # Runs from before leases existed have none: their last progress report stands in.
    expired = Q(lease_expires_at__lt=now) | Q(lease_expires_at__isnull=True, updated_at__lt=now - lease)
    return TaskRun.objects.filter(expired, status=TaskStatus.RUNNING).update(
        status=TaskStatus.FAILED, message=WORKER_STOPPED, updated_at=now
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
        task_run_progress(
            run_uuid, done=done, total=total, message=CHECKED % {"done": f"{done:,}", "total": f"{total:,}"}
        )

    return report
