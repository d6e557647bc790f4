"""django-tasks-db's worker, made to outlive a locked database.

Its loop already skips a lock met while claiming a task, but not one met when the claiming
transaction begins or when a result is saved: the OperationalError ends the process and the queue
stops for good. Here the loop is re-entered after a back-off, saying why in the log.
"""

import logging
import time
from typing import Any

from django.db import connections
from django.db.utils import OperationalError
from django_tasks_db.management.commands import db_worker
from django_tasks_db.utils import is_locked_database_exception

logger = logging.getLogger("django_tasks_db")

LONGEST_BACK_OFF_SECONDS = 30.0


class Worker(db_worker.Worker):
    def run(self) -> None:
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
