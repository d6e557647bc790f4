from django.apps import AppConfig

from tackle.core.stored_files import UploadFolder, upload_folders


class CasesConfig(AppConfig):
    name = "tackle.cases"
    label = "cases"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from tackle.cases import (
            audit_subjects,  # noqa: F401  (names cases in the audit log's pages)
            navigation,  # noqa: F401  (registers this module's menu entries)
        )
        from tackle.cases.retention_kinds import register_kinds

        post_migrate.connect(_ensure_text_index, sender=self)
        upload_folders.register(_document_folder)
        register_kinds()  # training attendance and suppliers' contacts in the retention schedule


def _document_folder() -> UploadFolder:
    """Case documents' folder for `tackle files sweep`: a file no CaseDocument names is an orphan."""
    from tackle.cases.models import CaseDocument
    from tackle.cases.models.support import private_storage

    return UploadFolder(
        folder="case-documents",
        storage=private_storage,
        referenced=lambda: set(CaseDocument.objects.values_list("file", flat=True)),
    )


def _ensure_text_index(using: str = "default", **kwargs: object) -> None:
    """Django drops an SQLite table's triggers when a migration rebuilds it: put the index's back."""
    from django.db import connections
    from django.db.migrations.recorder import MigrationRecorder

    from tackle.cases.text_index import ensure_text_index

    connection = connections[using]
    if ("cases", "0005_case_text_index") in MigrationRecorder(connection).applied_migrations():
        ensure_text_index(connection)
