"""A real database failure for tests: a trigger that refuses every insert into one table, on
SQLite and PostgreSQL alike, so a service's clean-up after a failed save can be tested without
replacing any of its code."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection

MESSAGE = "insert refused by the test"


@contextmanager
def inserts_refused(table: str) -> Iterator[None]:
    trigger = f"tackle_test_refuse_{table}"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "CREATE OR REPLACE FUNCTION tackle_test_refuse() RETURNS trigger AS $$ "
                f"BEGIN RAISE EXCEPTION '{MESSAGE}'; END $$ LANGUAGE plpgsql"
            )
            cursor.execute(
                f"CREATE TRIGGER {trigger} BEFORE INSERT ON {table} FOR EACH ROW EXECUTE FUNCTION tackle_test_refuse()"
            )
        else:
            cursor.execute(
                f"CREATE TEMP TRIGGER {trigger} BEFORE INSERT ON {table} BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
            )
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TRIGGER {trigger}" + (f" ON {table}" if connection.vendor == "postgresql" else ""))
