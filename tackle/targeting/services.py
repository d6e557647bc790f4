"""Saving regulators' lists: import, correct the column mapping, remove. Each writes its audit event."""

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext

from tackle.accounts.models import Organisation, User
from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.core.columns import ColumnsToConfirm
from tackle.core.errors import ApplicationError
from tackle.targeting.list_columns import Mapping
from tackle.targeting.models import OutcomeWording, RegulatorList
from tackle.targeting.ranking import source_names
from tackle.targeting.rules.outcomes import wording as outcome_wording

# The import page reads no more of an upload than the reader of lists accepts.
from tackle.targeting.sources import MAX_FILE_BYTES as MAX_FILE_BYTES
from tackle.targeting.sources import Columns, SourceError, SourceRead, decode, read_header, read_text

MAX_FILES = 10
MAX_SOURCE_LENGTH = 80
# Result wordings kept for someone to classify: the commonest, and none longer than a wording may be.
MAX_UNFAMILIAR = 200
MAX_WORDING = 200


@dataclass(frozen=True)
class Upload:
    filename: str
    data: bytes


# A person's columns for each list they were asked about, by the list's header (so one answer serves
# every file with that header): field -> 0-based column, None for none.
ColumnsByHeader = dict[tuple[str, ...], Columns]


def regulator_lists_import(
    *,
    organisation: Organisation,
    actor: User,
    uploads: list[Upload],
    columns: ColumnsByHeader | None = None,
    accept_guesses: bool = False,
) -> list[RegulatorList]:
    """Save every file, or none: one unreadable file stops the import and names that file.

    A file whose columns were guessed from its header (a close spelling, a known name within a
    longer header) or that has no name column raises ColumnsToConfirm naming that file, unless
    `accept_guesses` or `columns` holds a person's answer for its header. A file named like a list
    already imported replaces it (a regulator's newer list)."""
    if not uploads:
        raise ApplicationError(gettext("Select at least one CSV file"), field="lists")
    if len(uploads) > MAX_FILES:
        raise ApplicationError(
            gettext("Select at most %(files)d files at a time") % {"files": MAX_FILES}, field="lists"
        )
    names = [name[:MAX_SOURCE_LENGTH] for name in source_names([upload.filename for upload in uploads])]
    reads: list[tuple[Upload, str, SourceRead]] = []
    for upload, name in zip(uploads, names, strict=True):
        try:
            text = decode(upload.data)
            chosen = (columns or {}).get(tuple(read_header(text)))
            reads.append((upload, text, read_text(name, text, columns=chosen, confirm=not accept_guesses)))
        except ColumnsToConfirm as error:
            raise ColumnsToConfirm(
                f"{upload.filename}: {error.message}", header=error.header, choices=error.choices
            ) from None
        except SourceError as error:
            raise ApplicationError(f"{upload.filename}: {error.message}", field="lists") from None
    saved = []
    with transaction.atomic():
        for upload, text, read in reads:
            existing = RegulatorList.objects.filter(organisation=organisation, source=read.name).first()
            regulator_list = existing or RegulatorList(organisation=organisation, source=read.name)
            regulator_list.filename = upload.filename[:255]
            regulator_list.content = text
            regulator_list.uploaded_by = actor
            _store_counts(regulator_list, read)
            regulator_list.save()
            audit_record(
                action=AuditAction.UPDATE if existing else AuditAction.CREATE,
                actor=actor,
                obj=regulator_list,
                note=f"Imported {read.name}: {len(read.records)} records, {len(read.rejects)} lines rejected",
            )
            saved.append(regulator_list)
    return saved


def regulator_list_remap(
    *, regulator_list: RegulatorList, actor: User, source: str, mapping: Mapping
) -> tuple[RegulatorList, SourceRead]:
    """Read the list again with a corrected mapping; nothing changes when it cannot be used."""
    source = source.strip()
    if not source:
        raise ApplicationError(gettext("Enter the regulator's name"), field="source")
    clash = RegulatorList.objects.filter(organisation_id=regulator_list.organisation_id, source=source)
    if clash.exclude(pk=regulator_list.pk).exists():
        raise ApplicationError(
            gettext("Another list is already called %(source)s") % {"source": source}, field="source"
        )
    try:
        read = read_text(source, regulator_list.content, mapping)
    except SourceError as error:
        raise ApplicationError(error.message) from None
    with transaction.atomic():
        regulator_list.source = source
        _store_counts(regulator_list, read)
        regulator_list.save()
        audit_record(
            action=AuditAction.UPDATE,
            actor=actor,
            obj=regulator_list,
            changed_fields=["source", "mapping"],
            note=f"Columns of {source} corrected",
        )
    return regulator_list, read


def regulator_list_delete(*, regulator_list: RegulatorList, actor: User) -> None:
    with transaction.atomic():
        audit_record(action=AuditAction.DELETE, actor=actor, obj=regulator_list, note=f"Removed {regulator_list}")
        regulator_list.delete()


def _store_counts(regulator_list: RegulatorList, read: SourceRead) -> None:
    regulator_list.mapping = read.mapping
    regulator_list.record_count = len(read.records)
    regulator_list.reject_count = len(read.rejects)
    common = (item for item in read.unfamiliar.most_common() if len(item[0]) <= MAX_WORDING)
    regulator_list.unfamiliar = dict(list(common)[:MAX_UNFAMILIAR])


def outcome_wordings_classify(*, organisation: Organisation, actor: User, decisions: dict[str, bool]) -> int:
    """Remember, for every list the organisation has or will import, whether a result's wording
    records an adverse finding. A wording classified before is classified again. Returns how many."""
    normalised = {outcome_wording(text): adverse for text, adverse in decisions.items()}
    normalised.pop("", None)
    if any(len(text) > MAX_WORDING for text in normalised):
        raise ApplicationError(gettext("An outcome's wording must be 200 characters or fewer to classify"))
    with transaction.atomic():
        for text, adverse in sorted(normalised.items()):
            row, created = OutcomeWording.objects.update_or_create(
                organisation=organisation, wording=text, defaults={"adverse": adverse, "decided_by": actor}
            )
            audit_record(
                action=AuditAction.CREATE if created else AuditAction.UPDATE,
                actor=actor,
                obj=row,
                note=f"Outcome “{text}” classified as {'an adverse finding' if adverse else 'not adverse'}",
            )
    return len(normalised)
