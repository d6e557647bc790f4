"""The background screening of an import's files, with progress a person can watch."""

from pathlib import Path

from django.conf import settings
from django.tasks import task
from django.urls import reverse

from tackle.core.stored_files import local_copies
from tackle.core.tasks import STARTING, task_run_finish, task_run_progress
from tackle.spend import services
from tackle.spend.models import SpendImport
from tackle.spend.screening import wording
from tackle.spend.screening.payment_sectors import load_lexicon
from tackle.spend.screening.readers import SpendFileError
from tackle.spend.screening.screener import Screener
from tackle.suppliers.selectors import supplier_register_entries


@task()
def screen_spend_import(run_uuid: str, import_uuid: str) -> bool:
    spend_import = SpendImport.objects.get(uuid=import_uuid)
    files = list(spend_import.files.order_by("position"))
    services.spend_import_mark_running(spend_import=spend_import)
    task_run_progress(run_uuid, done=0, total=0, message=STARTING)

    def report(done: int, total: int) -> None:
        percent = done * 100 // max(total, 1)
        task_run_progress(run_uuid, done=done, total=total, message=wording.FILES_READ % {"percent": percent})

    reference = Path(settings.TACKLE_SHARED_DATA) / "reference"
    screener = Screener(
        register=supplier_register_entries(spend_import.organisation_id),
        lexicon=load_lexicon(reference if reference.is_dir() else None),
        overrides={spend_file.name: _overrides(spend_file.overrides) for spend_file in files},
        on_progress=report,
    )
    result_url = reverse("spend:import-detail", kwargs={"import_uuid": spend_import.uuid})
    try:
        # The files may be in a bucket this host reaches only over the network (core/stored_files.py).
        with local_copies([spend_file.file for spend_file in files]) as paths:
            result = screener.screen(paths, [f.name for f in files])
        services.spend_import_store(spend_import=spend_import, files=files, result=result)
    except SpendFileError as error:
        message = wording.SCREENING_FAILED % {"reason": error}
        services.spend_import_fail(spend_import=spend_import, message=message)
        task_run_finish(run_uuid, succeeded=False, message=message, result_url=result_url)
        return False
    except Exception as error:  # the page must say it failed rather than spin for ever
        message = wording.SCREENING_STOPPED % {"error": error.__class__.__name__}
        services.spend_import_fail(spend_import=spend_import, message=message)
        task_run_finish(run_uuid, succeeded=False, message=message, result_url=result_url)
        raise
    message = wording.SCREENED % {
        "read": f"{result.rows_read:,}",
        "accepted": f"{result.rows_accepted:,}",
        "rejected": f"{result.rows_rejected:,}",
    }
    task_run_finish(run_uuid, succeeded=True, message=message, result_url=result_url)
    return True


def _overrides(saved: dict[str, object]) -> dict[str, int | None]:
    return {field: column if isinstance(column, int) else None for field, column in saved.items()}
