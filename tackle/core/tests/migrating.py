"""Moving the test database to a migration and back, for tests of what a data migration does to rows
made before it."""

from typing import Any

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate_to(targets: list[tuple[str, str]]) -> Any:
    """Migrate to `targets`; return the historical apps there (their models, as the migration saw them)."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def migrate_to_latest() -> None:
    """Back to every app's newest migration, as the rest of the suite expects."""
    migrate_to(MigrationExecutor(connection).loader.graph.leaf_nodes())
