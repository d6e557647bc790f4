from django.apps import AppConfig

from tackle.core.stored_files import UploadFolder, upload_folders


class StatementReaderConfig(AppConfig):
    name = "tackle.statement_reader"
    label = "statement_reader"

    def ready(self) -> None:
        from tackle.core.tasks import task_wordings
        from tackle.statement_reader import navigation  # noqa: F401  (registers this module's menu entries)
        from tackle.statement_reader.selectors import latest_assessment_for_supplier
        from tackle.statement_reader.wording import task_text
        from tackle.suppliers.statements import statement_assessment_of

        statement_assessment_of.register(latest_assessment_for_supplier)
        upload_folders.register(_waiting_folder)
        task_wordings.register(task_text)


def _waiting_folder() -> UploadFolder:
    """Statements waiting to be read, for `tackle files sweep`: a file no request names is an orphan."""
    from django.core.files.storage import default_storage

    from tackle.statement_reader.models import ReadingRequest

    return UploadFolder(
        folder="statement_reader",
        storage=default_storage,
        referenced=lambda: set(ReadingRequest.objects.exclude(file="").values_list("file", flat=True)),
    )
