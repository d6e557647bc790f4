"""Deleting audit events is refused by the database on SQLite too, and emptying the table with
TRUNCATE on PostgreSQL (whose row triggers TRUNCATE skips), except inside `tackle flush`
(tackle/audit/management/commands/flush.py), which erases the whole database and which Django's
transactional tests use between tests. A database owner can still drop the triggers: the keyed
chain and the checkpoints outside the database are what catch that."""

from django.db import migrations

_SQLITE = [
    """CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_auditevent
       BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END""",
]
_SQLITE_DROP = ["DROP TRIGGER IF EXISTS audit_event_no_delete"]
_POSTGRES = [
    """CREATE OR REPLACE FUNCTION audit_event_no_truncate() RETURNS trigger AS $$
       BEGIN
         IF coalesce(current_setting('tackle.audit_log_erase', true), '') = 'on' THEN RETURN NULL; END IF;
         RAISE EXCEPTION 'audit events are append-only';
       END; $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_auditevent
       FOR EACH STATEMENT EXECUTE FUNCTION audit_event_no_truncate()""",
]
_POSTGRES_DROP = [
    "DROP TRIGGER IF EXISTS audit_event_no_truncate ON audit_auditevent",
    "DROP FUNCTION IF EXISTS audit_event_no_truncate()",
]


def _run(statements_by_vendor):
    def apply(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("audit", "0004_keyed_entries")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": _SQLITE, "postgresql": _POSTGRES}),
            _run({"sqlite": _SQLITE_DROP, "postgresql": _POSTGRES_DROP}),
        ),
    ]
