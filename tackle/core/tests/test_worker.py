"""The task worker as a real process: it survives a locked database and recovers runs it lost."""

import signal
import sqlite3
import time
from datetime import timedelta

import pytest
from django.utils import timezone

from tackle.core.models import TaskRun, TaskStatus
from tackle.core.tasks import WORKER_STOPPED, task_runs_fail_lost
from tackle.core.tests.processes import database, log_of, migrated_database, query, started, tackle_shell, wait_for

__all__ = ["database", "migrated_database", "started"]

ENQUEUE = """
from tackle.accounts.models import Organisation, User
from tackle.core.tasks import task_run_start
from tackle.core.tests.worker_tasks import report_then_work
organisation = Organisation.objects.create(name="Council A", code="E09000001", kind="council")
user = User.objects.create(username="lead", organisation=organisation, role="modern_slavery_lead")
print(task_run_start(task=report_then_work, user=user, name="Slow check", seconds={seconds}).uuid)
"""


def worker_args() -> tuple[str, ...]:
    return ("db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.2")


def test_worker_survives_a_database_locked_for_longer_than_its_timeout(database, started):
    worker = started(database, *worker_args(), SQLITE_LOCK_TIMEOUT_SECONDS="1")
    wait_for(lambda: "Starting worker" in log_of(worker), seconds=30, what="the worker to start")
    locker = sqlite3.connect(database, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    time.sleep(4)  # four times the worker's lock timeout
    locker.execute("COMMIT")
    locker.close()
    assert worker.poll() is None, log_of(worker)

    run_uuid = tackle_shell(database, ENQUEUE.format(seconds=0)).replace("-", "")
    wait_for(
        lambda: query(database, "SELECT status FROM core_taskrun WHERE uuid = ?", run_uuid) == [("running",)],
        seconds=20,
        what="the worker to run a task after the lock",
    )
    assert "locked" in log_of(worker)


def run_status(database, run_uuid: str) -> tuple[str, str]:
    return query(database, "SELECT status, message FROM core_taskrun WHERE uuid = ?", run_uuid)[0]


def test_a_run_whose_worker_was_killed_ends_failed_with_a_reason_once_its_lease_expires(database, started):
    lease = {"TASK_RUN_LEASE_SECONDS": "2", "TASK_WORKER_HEARTBEAT_SECONDS": "1"}
    worker = started(database, *worker_args(), **lease)
    run_uuid = tackle_shell(database, ENQUEUE.format(seconds=120)).replace("-", "")
    wait_for(lambda: run_status(database, run_uuid)[0] == "running", seconds=30, what="the task to start")
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=10)
    assert run_status(database, run_uuid) == ("running", "21 of 100 checked")

    started(database, *worker_args(), **lease)
    _status, message = wait_for(
        lambda: run_status(database, run_uuid)[0] == "failed" and run_status(database, run_uuid),
        seconds=30,
        what="the lost run to be marked failed",
    )
    assert message == "The worker stopped while this was running; start it again."


@pytest.mark.django_db
def test_a_run_left_running_before_leases_existed_is_failed_once_it_has_been_quiet_for_a_lease(lead_a, settings):
    settings.TASK_RUN_LEASE_SECONDS = 60
    quiet = TaskRun.objects.create(name="Old", organisation=lead_a.organisation, started_by=lead_a, status="running")
    TaskRun.objects.filter(pk=quiet.pk).update(updated_at=timezone.now() - timedelta(minutes=5))
    recent = TaskRun.objects.create(name="New", organisation=lead_a.organisation, started_by=lead_a, status="running")

    assert task_runs_fail_lost() == 1
    quiet.refresh_from_db()
    recent.refresh_from_db()
    assert (quiet.status, quiet.message) == (TaskStatus.FAILED, WORKER_STOPPED)
    assert recent.status == TaskStatus.RUNNING
