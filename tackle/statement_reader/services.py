"""Reading statements and recording reviewers' overrides. Every change is audited."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import TYPE_CHECKING

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext

from tackle.accounts.models import User
from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.core.errors import ApplicationError
from tackle.core.periods import today_in_london
from tackle.core.stored_files import removed_unless_saved
from tackle.core.tasks import task_run_start
from tackle.statement_reader import wording
from tackle.statement_reader.documents import MAX_DOCUMENT_BYTES
from tackle.statement_reader.fetch import fetch
from tackle.statement_reader.models import JudgementOverride, ReadingRequest, StatementReading
from tackle.statement_reader.reading import Labeller, document_kind, read_document, reading_json
from tackle.statement_reader.review import effective_judgements, effective_score
from tackle.statement_reader.rules.areas import AREA_NAMES, AREAS, JUDGEMENTS
from tackle.statement_reader.selectors import reading_warnings_for
from tackle.suppliers.services import supplier_statement_on_file

if TYPE_CHECKING:
    from tackle.suppliers.models import Supplier

FETCH_TIMEOUT_SECONDS = 15


def statement_read(
    *,
    actor: User,
    supplier: Supplier | None,
    data: bytes,
    file_name: str = "",
    source_url: str = "",
    content_type: str = "",
    labeller: Labeller | None = None,
    today: date | None = None,
) -> StatementReading:
    """Read a statement and keep what was read. Nothing is saved if the file cannot be read.

    A supplier's statement that names the supplier (or no other organisation) and is not out of
    date is put on the supplier's file, with the day it was read (suppliers' published service)."""
    if actor.organisation_id is None:
        raise ApplicationError(gettext("You need to belong to an organisation to assess statements."))
    if supplier is not None and supplier.organisation_id != actor.organisation_id:
        raise ApplicationError(gettext("Select one of your organisation's suppliers."), field="supplier")
    name = file_name or source_url.rsplit("/", 1)[-1]
    reading = read_document(data, name=name, content_type=content_type, from_url=bool(source_url), labeller=labeller)
    result = reading_json(reading)
    with transaction.atomic():
        record = StatementReading.objects.create(
            organisation_id=actor.organisation_id,
            supplier=supplier,
            file_name=file_name[:255],
            source_url=source_url[:500],
            sha256=hashlib.sha256(data).hexdigest(),
            sentences=reading.sentences,
            scores=reading.scores,
            result=result,
            machine_score=result["score"],
            score=result["score"],
            period_start=reading.period.start,
            period_end=reading.period.end,
            created_by=actor,
        )
        audit_record(
            action=AuditAction.CREATE,
            actor=actor,
            obj=record,
            changed_fields=["supplier", "file_name", "source_url", "result"],
            note=f"Statement read: score {result['score']} of 8",
        )
        if supplier is not None and not reading_warnings_for(record, today=today):
            supplier_statement_on_file(
                supplier=supplier,
                actor=actor,
                read_on=today or today_in_london(),
                url=record.source_url,
                file_name=record.file_name,
            )
    return record


def statement_read_from_url(
    *, actor: User, supplier: Supplier | None, url: str, labeller: Labeller | None = None
) -> StatementReading:
    fetched = fetch(url, max_bytes=MAX_DOCUMENT_BYTES, timeout=FETCH_TIMEOUT_SECONDS)
    return statement_read(
        actor=actor,
        supplier=supplier,
        data=fetched.data,
        file_name="",
        source_url=url.strip(),
        content_type=fetched.content_type,
        labeller=labeller,
    )


def judgement_override(
    *,
    actor: User,
    reading: StatementReading,
    judgement: str,
    covered: bool,
    reason: str,
    only_promised: bool = False,
    evidence_added: list[int] | None = None,
    evidence_removed: list[int] | None = None,
) -> JudgementOverride:
    """Record a reviewer's decision on one judgement; the reading's score follows it."""
    if judgement not in JUDGEMENTS:
        raise ApplicationError(gettext("Choose one of the areas, approval or signature."))
    if not reason.strip():
        raise ApplicationError(gettext("Enter the reason for your decision"), field="reason")
    if only_promised and (covered or judgement not in AREAS):
        raise ApplicationError(
            gettext("Only one of the six areas can be only promised, and then it is not covered"), field="covered"
        )
    count = len(reading.sentences)
    added, removed = sorted(set(evidence_added or [])), sorted(set(evidence_removed or []))
    outside = [index + 1 for index in added + removed if not 0 <= index < count]
    if outside:
        raise ApplicationError(
            gettext("The statement has sentences 1 to %(count)d; there is no sentence %(number)d")
            % {"count": count, "number": outside[0]},
            field="evidence_added",
        )
    with transaction.atomic():
        reading = StatementReading.objects.select_for_update().get(pk=reading.pk)
        override = JudgementOverride.objects.create(
            reading=reading,
            judgement=judgement,
            covered=covered,
            only_promised=only_promised,
            reason=reason.strip(),
            evidence_added=added,
            evidence_removed=removed,
            created_by=actor,
        )
        judgements = effective_judgements(
            sentences=reading.sentences, result=reading.result, overrides=list(reading.overrides.all())
        )
        reading.score = effective_score(judgements)
        reading.save(update_fields=["score"])
        audit_record(
            action=AuditAction.UPDATE,
            actor=actor,
            obj=reading,
            changed_fields=["score", f"override:{judgement}"],
            note=f"{AREA_NAMES[judgement]} set to {override.decision}: {reason.strip()}",
        )
    return override


# Reading in the background -----------------------------------------------------------------------
# Extracting and labelling a large file takes a web worker minutes (issue 15, defect 2), so the page
# only checks what is cheap to check, stores the file or address, and queues the reading.


def statement_reading_queue(
    *, actor: User, supplier: Supplier | None, upload: UploadedFile | None = None, url: str = ""
) -> ReadingRequest:
    """Keep the upload (or the address) and queue its reading. The file's kind and size are checked
    now, so that a wrong file is refused on the form; what is inside it, by the worker."""
    if actor.organisation_id is None:
        raise ApplicationError(gettext("You need to belong to an organisation to assess statements."))
    if supplier is not None and supplier.organisation_id != actor.organisation_id:
        raise ApplicationError(gettext("Select one of your organisation's suppliers."), field="supplier")
    if (upload is None) == (not url.strip()):
        raise ApplicationError(
            gettext("Upload the statement or give its web address, not both or neither"), field="file"
        )
    if upload is not None:
        if not upload.size:
            raise ApplicationError(gettext("The selected file is empty"), field="file")
        if upload.size > MAX_DOCUMENT_BYTES:
            raise ApplicationError(gettext("The selected file must be smaller than 20 MB"), field="file")
        head = upload.read(2048)
        upload.seek(0)
        document_kind(name=upload.name or "", content_type=upload.content_type or "", data=head)
    from tackle.statement_reader.tasks import read_statement  # the task module imports this one

    # The stored file goes again if the row is not saved (core/stored_files.py).
    with removed_unless_saved() as stored, transaction.atomic():
        request = ReadingRequest(
            organisation_id=actor.organisation_id,
            supplier=supplier,
            file_name=(upload.name or "statement")[:255] if upload is not None else "",
            content_type=(upload.content_type or "")[:200] if upload is not None else "",
            source_url=url.strip()[:500],
            created_by=actor,
        )
        if upload is not None:
            request.file.save(request.file_name, upload, save=False)
            stored.append(request.file)
        request.save()
        request.task_run = task_run_start(
            task=read_statement, user=actor, name=wording.TASK_NAME, request_uuid=str(request.uuid)
        )
        request.save(update_fields=["task_run"])
    return request


def reading_request_read(*, request: ReadingRequest, labeller: Labeller | None = None) -> StatementReading:
    """The worker's part: fetch or open the file, read it, and keep the reading. The uploaded file
    is deleted once read, whether or not it could be: only the reading is kept."""
    try:
        if request.source_url:
            fetched = fetch(request.source_url, max_bytes=MAX_DOCUMENT_BYTES, timeout=FETCH_TIMEOUT_SECONDS)
            data, content_type = fetched.data, fetched.content_type
        else:
            with request.file.open("rb") as stored:
                data, content_type = stored.read(MAX_DOCUMENT_BYTES + 1), request.content_type
        reading = statement_read(
            actor=request.created_by,
            supplier=request.supplier,
            data=data,
            file_name=request.file_name,
            source_url=request.source_url,
            content_type=content_type,
            labeller=labeller,
        )
    finally:
        _discard_upload(request)
    ReadingRequest.objects.filter(pk=request.pk).update(reading=reading, error="")
    return reading


def reading_request_fail(*, request: ReadingRequest, message: str) -> None:
    ReadingRequest.objects.filter(pk=request.pk).update(error=message[:500])


def _discard_upload(request: ReadingRequest) -> None:
    if request.file:
        request.file.delete(save=False)
        ReadingRequest.objects.filter(pk=request.pk).update(file="")
