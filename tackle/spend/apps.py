from django.apps import AppConfig

from tackle.core.stored_files import UploadFolder, upload_folders


class SpendConfig(AppConfig):
    name = "tackle.spend"
    label = "spend"

    def ready(self) -> None:
        from tackle.core.tasks import task_wordings
        from tackle.spend import navigation  # noqa: F401  (registers this module's menu entries)
        from tackle.spend.screening import wording

        task_wordings.register(wording.task_text)

        upload_folders.register(_spend_folder)


def _spend_folder() -> UploadFolder:
    """Spend files' folder for `tackle files sweep`: a file no SpendFile names is an orphan."""
    from django.core.files.storage import default_storage

    from tackle.spend.models import SpendFile

    return UploadFolder(
        folder="spend",
        storage=default_storage,
        referenced=lambda: set(SpendFile.objects.values_list("file", flat=True)),
    )
