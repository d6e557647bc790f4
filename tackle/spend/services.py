"""Writes for spend screening: start an import, correct a file's columns and run again, and store
a run's results (all of them, in one transaction, or none)."""

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from tackle.accounts.models import User
from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.core.columns import KNOWN_SCORE
from tackle.core.errors import ApplicationError
from tackle.core.models import TaskRun
from tackle.core.stored_files import local_copies, removed_unless_saved
from tackle.core.tasks import task_run_start
from tackle.core.uploads import megabytes
from tackle.spend.models import ImportStatus, SpendFile, SpendImport, SpendReject, SpendTotal
from tackle.spend.screening import wording
from tackle.spend.screening.headers import AMOUNT, DATE, FIELDS, SUPPLIER, map_columns
from tackle.spend.screening.readers import SpendFileError
from tackle.spend.screening.results import ScreenResult
from tackle.spend.screening.screener import open_spend_table
from tackle.spend.screening.summary import file_mappings, summary
from tackle.spend.selectors import file_waiting_for_columns
from tackle.suppliers.sectors import is_high_risk

MAX_FILES = 24
ALLOWED_SUFFIXES = (".csv", ".txt", ".xlsx", ".ods")
STORE_BATCH = 2000


def spend_import_start(*, actor: User, files: list[UploadedFile]) -> tuple[SpendImport, TaskRun]:
    """Save the uploaded files and queue their screening. Nothing is saved if a file is refused."""
    spend_import, run = _spend_import_save(actor=actor, files=files, ask_columns=False)
    assert run is not None
    return spend_import, run


def spend_import_start_or_ask(*, actor: User, files: list[UploadedFile]) -> tuple[SpendImport, TaskRun | None]:
    """As spend_import_start, but when a file's amount column was only guessed from its header the
    files are kept and no run is queued (None): the import waits for a person to confirm each such
    file's columns (selectors.file_waiting_for_columns, then spend_file_columns_set)."""
    return _spend_import_save(actor=actor, files=files, ask_columns=True)


def _spend_import_save(
    *, actor: User, files: list[UploadedFile], ask_columns: bool
) -> tuple[SpendImport, TaskRun | None]:
    if not files:
        raise ApplicationError(gettext("Select at least one spend file"), field="spend_files")
    if len(files) > MAX_FILES:
        raise ApplicationError(
            ngettext(
                "Select no more than %(count)d file at a time",
                "Select no more than %(count)d files at a time",
                MAX_FILES,
            )
            % {"count": MAX_FILES},
            field="spend_files",
        )
    for upload in files:
        name = upload.name or "file"
        if not name.lower().endswith(ALLOWED_SUFFIXES):
            raise ApplicationError(
                gettext("%(name)s must be a CSV, XLSX or ODS file") % {"name": name}, field="spend_files"
            )
        if not upload.size:
            raise ApplicationError(gettext("%(name)s is empty") % {"name": name}, field="spend_files")
        if upload.size > settings.TACKLE_SPEND_MAX_FILE_BYTES:
            limit = megabytes(settings.TACKLE_SPEND_MAX_FILE_BYTES)
            raise ApplicationError(
                gettext("%(name)s must be smaller than %(limit)s") % {"name": name, "limit": limit}, field="spend_files"
            )
    if actor.organisation_id is None:
        raise ApplicationError(gettext("Only people working for an organisation can import its spend"))
    _check_quota(actor.organisation_id, sum(upload.size or 0 for upload in files))
    names = _distinct_names([upload.name or "file" for upload in files])
    # A file stored for a row that is then not saved is deleted again; the transaction ends inside
    # the clean-up, so a failed commit counts too. A killed process leaves them to `tackle files sweep`.
    with removed_unless_saved() as stored, transaction.atomic():
        spend_import = SpendImport.objects.create(organisation_id=actor.organisation_id, started_by=actor)
        for position, (upload, name) in enumerate(zip(files, names, strict=True)):
            spend_file = SpendFile(spend_import=spend_import, position=position, name=name, size=upload.size or 0)
            spend_file.file.save(name, upload, save=False)
            stored.append(spend_file.file)
            spend_file.save()
        audit_record(
            action=AuditAction.CREATE,
            actor=actor,
            obj=spend_import,
            note=f"{len(files)} spend file(s) uploaded for screening",
        )
        if ask_columns and _columns_to_confirm(spend_import):
            spend_import.status = ImportStatus.COLUMNS
            spend_import.save(update_fields=["status"])
            return spend_import, None
        run = _queue(actor=actor, spend_import=spend_import)
    return spend_import, run


# The columns screening needs: one guessed from its header (a close spelling, a tell-tale word)
# rather than named exactly is shown with its first values before any screening.
ASKED_WHEN_GUESSED = (SUPPLIER, AMOUNT, DATE)


def _columns_to_confirm(spend_import: SpendImport) -> list[SpendFile]:
    """The import's files whose amount is missing, or whose supplier, amount or date column was
    guessed, not named exactly; each keeps its header as the columns page reads it. A file that
    cannot be read is left for the screening to report."""
    waiting = []
    files = list(spend_import.files.order_by("position"))
    with local_copies([spend_file.file for spend_file in files]) as paths:
        for spend_file, path in zip(files, paths, strict=True):
            try:
                table = open_spend_table(path, spend_file.name)
            except SpendFileError:
                continue
            try:
                header, header_line = list(table.header), table.header_line
            finally:
                table.close()
            mapping = map_columns(header)
            guessed = [name for name in ASKED_WHEN_GUESSED if mapping.scores.get(name, KNOWN_SCORE) < KNOWN_SCORE]
            if AMOUNT in mapping.columns and not guessed:
                continue
            spend_file.mapping = {
                "file": spend_file.name,
                "header_line": header_line,
                "headers": [cell.strip() for cell in header],
                "columns": mapping.describe(),
            }
            spend_file.save(update_fields=["mapping"])
            waiting.append(spend_file)
    return waiting


def _check_quota(organisation_id: int, adding: int) -> None:
    """Refuse files that would take the organisation's stored spend files past its quota."""
    quota = settings.TACKLE_SPEND_QUOTA_BYTES
    held = SpendFile.objects.filter(spend_import__organisation_id=organisation_id).aggregate(held=Sum("size"))["held"]
    if (held or 0) + adding > quota:
        raise ApplicationError(
            gettext(
                "These files would take the spend files your organisation stores past its storage quota of "
                "%(quota)s (%(held)s are stored). Ask your Tackle administrator to raise the quota"
            )
            % {"quota": megabytes(quota), "held": megabytes(held or 0)},
            field="spend_files",
        )


def _distinct_names(names: list[str]) -> list[str]:
    """Rejects name their file, so two files called `spend.csv` become `spend.csv` and `spend (2).csv`."""
    seen: set[str] = set()
    distinct = []
    for name in names:
        name = name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1][:180] or "file"
        candidate, number = name, 1
        while candidate in seen:
            number += 1
            stem, dot, suffix = name.rpartition(".")
            candidate = f"{stem} ({number}).{suffix}" if dot else f"{name} ({number})"
        seen.add(candidate)
        distinct.append(candidate)
    return distinct


def spend_file_columns_set(*, actor: User, spend_file: SpendFile, overrides: dict[str, int | None]) -> TaskRun | None:
    """Record the columns a person chose for one file, and screen the whole import again; before
    its first screening, only once no other file's guessed columns wait to be checked (None)."""
    unknown = set(overrides) - set(FIELDS)
    if unknown:
        raise ApplicationError(gettext("Unknown field: %(fields)s") % {"fields": ", ".join(sorted(unknown))})
    if overrides.get("amount") is None:
        raise ApplicationError(gettext("Select the column that holds the amount"), field="amount")
    chosen = [column for column in overrides.values() if column is not None]
    if len(chosen) != len(set(chosen)):
        raise ApplicationError(gettext("Use each column for one field only"))
    with transaction.atomic():
        spend_import = SpendImport.objects.select_for_update().get(pk=spend_file.spend_import_id)
        if spend_import.status in {ImportStatus.QUEUED, ImportStatus.RUNNING}:
            raise ApplicationError(gettext("This import is being screened now: wait for it to finish, then try again"))
        spend_file.overrides = overrides
        spend_file.save(update_fields=["overrides"])
        audit_record(action=AuditAction.UPDATE, actor=actor, obj=spend_file, changed_fields=["overrides"])
        if spend_import.status == ImportStatus.COLUMNS and file_waiting_for_columns(spend_import) is not None:
            return None
        return _queue(actor=actor, spend_import=spend_import)


def _queue(*, actor: User, spend_import: SpendImport) -> TaskRun:
    from tackle.spend.tasks import screen_spend_import  # the task module imports this one

    run = task_run_start(
        task=screen_spend_import, user=actor, name=wording.TASK_NAME, import_uuid=str(spend_import.uuid)
    )
    spend_import.status = ImportStatus.QUEUED
    spend_import.task_run = run
    spend_import.save(update_fields=["status", "task_run"])
    return run


def spend_import_mark_running(*, spend_import: SpendImport) -> None:
    SpendImport.objects.filter(pk=spend_import.pk).update(status=ImportStatus.RUNNING, error="")


def spend_import_fail(*, spend_import: SpendImport, message: str) -> None:
    """The run could not finish: say why; the last good results stay as they were."""
    SpendImport.objects.filter(pk=spend_import.pk).update(status=ImportStatus.FAILED, error=message[:300])


def spend_import_store(*, spend_import: SpendImport, files: list[SpendFile], result: ScreenResult) -> None:
    """Replace the import's results with this run's, in one transaction: all of it or none."""
    figures = summary(result)
    mappings = file_mappings(result)
    with transaction.atomic():
        SpendTotal.objects.filter(spend_import=spend_import).delete()
        SpendReject.objects.filter(spend_import=spend_import).delete()
        SpendReject.objects.bulk_create(
            (
                SpendReject(spend_import=spend_import, file_name=r.file[:200], line=r.line, reason=r.reason[:300])
                for r in result.rejects
            ),
            batch_size=STORE_BATCH,
        )
        SpendTotal.objects.bulk_create(_totals(spend_import, result), batch_size=STORE_BATCH)
        for spend_file, mapping, report in zip(files, mappings, result.files, strict=True):
            spend_file.mapping = mapping
            spend_file.rows_read = report.rows_read
            spend_file.rows_accepted = report.rows_accepted
            spend_file.rows_rejected = report.rows_rejected
            spend_file.total_amount = report.total_amount
            spend_file.save(update_fields=["mapping", "rows_read", "rows_accepted", "rows_rejected", "total_amount"])
        spend_import.status = ImportStatus.DONE
        spend_import.error = ""
        spend_import.screened_at = timezone.now()
        spend_import.rows_read = figures["rows_read"]
        spend_import.rows_accepted = figures["rows_accepted"]
        spend_import.rows_rejected = figures["rows_rejected"]
        spend_import.total_amount = Decimal(figures["total_amount"])
        spend_import.suppliers = figures["suppliers"]
        spend_import.summary = {key: value for key, value in figures.items() if key != "rejects"}
        spend_import.save()


def _totals(spend_import: SpendImport, result: ScreenResult) -> Any:
    payees = result.totals.payees
    for (payee_key, sector, year), (count, amount, reason) in result.totals.rows.items():
        payee = payees[payee_key]
        yield SpendTotal(
            spend_import=spend_import,
            payee_key=(payee_key or "")[:300],
            payee_name=payee.name[:300],
            supplier_id=payee.register_id,
            match_how=payee.match_how[:60],
            sector=sector,
            high_risk=is_high_risk(sector),
            reason=reason[:300],
            financial_year=year,
            rows=count,
            amount=amount,
        )
