from pathlib import Path

from django.apps import AppConfig
from django.conf import settings


class CoreConfig(AppConfig):
    name = "tackle.core"
    label = "core"

    def ready(self) -> None:
        # Django writes large uploads into FILE_UPLOAD_TEMP_DIR but does not create it.
        if settings.FILE_UPLOAD_TEMP_DIR:
            Path(settings.FILE_UPLOAD_TEMP_DIR).mkdir(mode=0o700, parents=True, exist_ok=True)
