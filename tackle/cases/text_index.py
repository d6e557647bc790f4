"""The cases' text index: the reference and the person's name, found by any part of 3 characters or
more, whatever the case of the letters.

SQLite: an FTS5 table with the trigram tokenizer over cases_case (external content, so the text is
not stored twice), kept in step by triggers on cases_case, so bulk loads and every service that
writes a name are covered alike. PostgreSQL: pg_trgm GIN indexes on exactly the expressions that
Django's `icontains` compiles to, kept in step by PostgreSQL itself. Other databases: no index;
search still works, by scanning.

Django rebuilds an SQLite table to alter it (most AddField and AlterField operations), and that drops
the table's triggers: `ensure_text_index` runs after every migrate (CasesConfig, post_migrate) and puts
them back, rebuilding the index when they were missing.

Aliases (CaseAlias, migration 0007) are indexed the same way: SQLite, an FTS5 table over
cases_casealias with its own triggers; PostgreSQL, a trigram index on the alias's name.
`case_text_matches` in selectors.py looks in both. The alias parts wait for their table, so an
index made before 0007 (the 0005 migration) is completed by 0007 or the next post_migrate.
"""

from typing import Any

_SQLITE_CREATE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS cases_case_text USING fts5(reference, person_name, "
    "content='cases_case', content_rowid='id', tokenize='trigram')"
)
_SQLITE_REBUILD = "INSERT INTO cases_case_text(cases_case_text) VALUES ('rebuild')"
_SQLITE_TRIGGERS = {
    "cases_case_text_insert": """
        AFTER INSERT ON cases_case BEGIN
            INSERT INTO cases_case_text(rowid, reference, person_name) VALUES (new.id, new.reference, new.person_name);
        END""",
    "cases_case_text_delete": """
        AFTER DELETE ON cases_case BEGIN
            INSERT INTO cases_case_text(cases_case_text, rowid, reference, person_name)
            VALUES ('delete', old.id, old.reference, old.person_name);
        END""",
    "cases_case_text_update": """
        AFTER UPDATE OF reference, person_name ON cases_case BEGIN
            INSERT INTO cases_case_text(cases_case_text, rowid, reference, person_name)
            VALUES ('delete', old.id, old.reference, old.person_name);
            INSERT INTO cases_case_text(rowid, reference, person_name) VALUES (new.id, new.reference, new.person_name);
        END""",
}
_SQLITE_ALIAS_CREATE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS cases_casealias_text USING fts5(name, "
    "content='cases_casealias', content_rowid='id', tokenize='trigram')"
)
_SQLITE_ALIAS_REBUILD = "INSERT INTO cases_casealias_text(cases_casealias_text) VALUES ('rebuild')"
_SQLITE_ALIAS_TRIGGERS = {
    "cases_casealias_text_insert": """
        AFTER INSERT ON cases_casealias BEGIN
            INSERT INTO cases_casealias_text(rowid, name) VALUES (new.id, new.name);
        END""",
    "cases_casealias_text_delete": """
        AFTER DELETE ON cases_casealias BEGIN
            INSERT INTO cases_casealias_text(cases_casealias_text, rowid, name) VALUES ('delete', old.id, old.name);
        END""",
    "cases_casealias_text_update": """
        AFTER UPDATE OF name ON cases_casealias BEGIN
            INSERT INTO cases_casealias_text(cases_casealias_text, rowid, name) VALUES ('delete', old.id, old.name);
            INSERT INTO cases_casealias_text(rowid, name) VALUES (new.id, new.name);
        END""",
}
_POSTGRES_ALIAS_INDEX = (
    "CREATE INDEX IF NOT EXISTS case_alias_name_trgm_idx ON cases_casealias USING gin "
    '((UPPER("name"::text)) gin_trgm_ops)'
)
_POSTGRES_INDEXES = {
    "case_reference_trgm_idx": "CREATE INDEX IF NOT EXISTS case_reference_trgm_idx ON cases_case USING gin "
    '((UPPER("reference"::text)) gin_trgm_ops)',
    "case_person_name_trgm_idx": "CREATE INDEX IF NOT EXISTS case_person_name_trgm_idx ON cases_case USING gin "
    '((UPPER("person_name"::text)) gin_trgm_ops)',
}


def ensure_text_index(connection: Any) -> None:
    """Create whatever part of the index is missing; safe to run any number of times."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(_SQLITE_CREATE)
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'cases_case'",
            )
            present = {name for (name,) in cursor.fetchall()}
            for name, body in _SQLITE_TRIGGERS.items():
                cursor.execute(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")
            if not set(_SQLITE_TRIGGERS) <= present:  # writes may have gone unindexed: index every case again
                cursor.execute(_SQLITE_REBUILD)
            if _has_alias_table(connection, cursor):
                cursor.execute(_SQLITE_ALIAS_CREATE)
                cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'cases_casealias'")
                present = {name for (name,) in cursor.fetchall()}
                for name, body in _SQLITE_ALIAS_TRIGGERS.items():
                    cursor.execute(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")
                if not set(_SQLITE_ALIAS_TRIGGERS) <= present:
                    cursor.execute(_SQLITE_ALIAS_REBUILD)
        elif connection.vendor == "postgresql":
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            for create in _POSTGRES_INDEXES.values():
                cursor.execute(create)
            if _has_alias_table(connection, cursor):
                cursor.execute(_POSTGRES_ALIAS_INDEX)


def _has_alias_table(connection: Any, cursor: Any) -> bool:
    return "cases_casealias" in connection.introspection.table_names(cursor)


def drop_text_index(connection: Any) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for name in (*_SQLITE_TRIGGERS, *_SQLITE_ALIAS_TRIGGERS):
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
            cursor.execute("DROP TABLE IF EXISTS cases_case_text")
            cursor.execute("DROP TABLE IF EXISTS cases_casealias_text")
        elif connection.vendor == "postgresql":
            for name in (*_POSTGRES_INDEXES, "case_alias_name_trgm_idx"):
                cursor.execute(f"DROP INDEX IF EXISTS {name}")
