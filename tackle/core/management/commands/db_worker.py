"""django-tasks-db's worker, made to outlive a locked database and to say it is alive.

Its loop already skips a lock met while claiming a task, but not one met when the claiming
transaction begins or when a result is saved: the OperationalError ends the process and the queue
stops for good. Here the loop is re-entered after a back-off, saying why in the log.

A thread beside the loop writes the worker's heartbeat, renews the lease of the run it is working
on, and marks failed the runs whose worker died (at start, then at every heartbeat).
"""

import logging
import threading
import time
from typing import Any

from django.conf import settings
from django.db import connection, connections
from django.db.utils import DatabaseError, OperationalError
from django.utils import timezone
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import is_locked_database_exception

from tackle.core.tasks import task_runs_fail_lost, worker_heartbeat

logger = logging.getLogger("django_tasks_db")

LONGEST_BACK_OFF_SECONDS = 30.0


class Worker(db_worker.Worker):
    current_result_id: str | None = None
    # Set when run() returns, so the heartbeat stops with the loop (a batch run in the same
    # process, as the tests make, must not leave a thread writing to the database).
    stopped: threading.Event

    def run_task(self, db_task_result: DBTaskResult) -> None:
        self.current_result_id = str(db_task_result.id)
        try:
            super().run_task(db_task_result)
        finally:
            self.current_result_id = None

    def beat(self) -> None:
        started_at = timezone.now()
        while not self.stopped.is_set():
            try:
                worker_heartbeat(worker_id=self.worker_id, started_at=started_at, task_result_id=self.current_result_id)
                lost = task_runs_fail_lost()
                if lost:
                    logger.warning("%d task run(s) lost their worker and were marked failed.", lost)
            except DatabaseError as error:
                logger.warning("The worker could not write its heartbeat (%s).", error)
            finally:
                connection.close()  # this thread's own connection; never hold one between beats
            self.stopped.wait(settings.TASK_WORKER_HEARTBEAT_SECONDS)

    def run(self) -> None:
        self.stopped = threading.Event()
        heartbeat = threading.Thread(target=self.beat, name="heartbeat", daemon=True)
        heartbeat.start()
        try:
            self._run_through_locks()
        finally:
            self.stopped.set()
            heartbeat.join(timeout=10)

    def _run_through_locks(self) -> None:
        back_off = 1.0
        while True:
            try:
                return super().run()
            except OperationalError as error:
                if not is_locked_database_exception(error):
                    raise
                logger.warning("The database is locked (%s); the worker tries again in %.0f s.", error, back_off)
            # A connection that failed to begin its transaction is not reused.
            connections.close_all()
            time.sleep(back_off)
            back_off = min(back_off * 2, LONGEST_BACK_OFF_SECONDS)
            if not self.running:
                return None


class Command(db_worker.Command):
    help = "Run the background task worker (it waits out a locked database rather than stopping)"

    def handle(self, *args: Any, **options: Any) -> None:
        db_worker.Worker = Worker  # type: ignore[misc]  # the parent's handle builds db_worker.Worker
        super().handle(*args, **options)
