"""The task worker as a real process: it survives a locked database and recovers runs it lost."""

import sqlite3
import time

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
    time.sleep(2)
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
