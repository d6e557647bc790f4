"""The cases' text index for search (tackle/cases/text_index.py): FTS5 with triggers on SQLite,
pg_trgm GIN indexes on PostgreSQL, nothing elsewhere. Each database gets what it can do."""

from django.db import migrations

from tackle.cases.text_index import drop_text_index, ensure_text_index


def create(apps, schema_editor):
    ensure_text_index(schema_editor.connection)


def drop(apps, schema_editor):
    drop_text_index(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("cases", "0004_case_allocation")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
