"""`tackle flush` erases every table, the audit log included. The log's triggers refuse every other
DELETE (SQLite) and TRUNCATE (PostgreSQL), so this is Django's flush with them stood aside for its
one statement list. Django's transactional tests flush between tests through here. Afterwards
`tackle audit verify` reports the log as deleted against the last checkpoint, as it should."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.core.management.commands.flush import Command as DjangoFlush
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper

# As created by migrations/0005_no_delete_or_truncate.py.
_SQLITE_NO_DELETE = """CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_auditevent
       BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END"""


@contextmanager
def _audit_log_erasable(connection: BaseDatabaseWrapper) -> Iterator[None]:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = 'audit_event_no_delete'")
            had_trigger = cursor.fetchone() is not None
            cursor.execute("DROP TRIGGER IF EXISTS audit_event_no_delete")
            try:
                yield
            finally:
                if had_trigger:
                    cursor.execute(_SQLITE_NO_DELETE)
        elif connection.vendor == "postgresql":
            cursor.execute("SET tackle.audit_log_erase = 'on'")
            try:
                yield
            finally:
                cursor.execute("RESET tackle.audit_log_erase")
        else:
            yield


class Command(DjangoFlush):
    help = DjangoFlush.help + " The audit log is erased too: verify then reports it against the last checkpoint."

    def handle(self, **options: Any) -> None:
        with _audit_log_erasable(connections[options["database"]]):
            super().handle(**options)
