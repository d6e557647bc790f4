"""Check the audit log: the keyed chain in the database, then the signed checkpoints outside it.
A row edited or deleted behind the app's back breaks the chain; a chain recomputed, cut short or
emptied by someone holding the database (and even the key) no longer matches the checkpoints."""

import hmac
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction
from django.template.defaultfilters import pluralize
from django.utils import timezone

from tackle.audit.chain import GENESIS_HASH, ChainFields, entry_hash, keyed_from_mac
from tackle.audit.checkpoints import Checkpoint, CheckpointFileError, checkpoint_file, checkpoints_read
from tackle.audit.models import AuditAction, AuditEvent, AuditHead, AuditVerification
from tackle.audit.services import audit_key, audit_record


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    checked: int
    first_bad_sequence: int | None = None
    problem: str = ""
    checkpoint: Checkpoint | None = None  # the newest the log was compared with


def chain_fields_of(event: AuditEvent) -> ChainFields:
    return ChainFields(
        sequence=event.sequence,
        occurred_at=event.occurred_at,
        actor_id=event.actor_id,
        actor_username=event.actor_username,
        organisation_id=event.organisation_id,
        action=event.action,
        object_type=event.object_type,
        object_id=event.object_id,
        changed_fields=list(event.changed_fields),
        note=event.note,
        ip_address=event.ip_address,
        user_agent=event.user_agent,
        path=event.path,
        actor_organisation_id=event.actor_organisation_id,
    )


def audit_chain_verify(
    *, on_progress: Callable[[int, int], None] | None = None, checkpoints_from: Path | None = None
) -> VerifyResult:
    """`checkpoints_from`: a copy of the checkpoint file (from the log service it was shipped to);
    the configured file when not given."""
    try:
        checkpoints = checkpoints_read(checkpoints_from or checkpoint_file())
    except CheckpointFileError as error:
        return VerifyResult(False, 0, None, f"the checkpoint file cannot be trusted: {error}")
    newest = checkpoints[-1] if checkpoints else None
    result = _chain_verify(checkpoints, on_progress)
    if result.ok and newest is not None:
        result = _extends(newest, result.checked)
    return VerifyResult(result.ok, result.checked, result.first_bad_sequence, result.problem, newest)


def _chain_verify(checkpoints: list[Checkpoint], on_progress: Callable[[int, int], None] | None) -> VerifyResult:
    key = audit_key()
    head = AuditHead.objects.filter(id=1).first()
    keyed_from = head.keyed_from if head else 1
    if keyed_from != 1 and not hmac.compare_digest(
        head.keyed_from_mac if head else "", keyed_from_mac(key, keyed_from)
    ):
        return VerifyResult(False, 0, keyed_from, "where the keyed entries begin was altered")
    for checkpoint in checkpoints:
        if checkpoint.keyed_from != keyed_from:
            return VerifyResult(
                False, 0, keyed_from, f"where the keyed entries begin differs from {_named(checkpoint)}"
            )
    checkpointed = {checkpoint.sequence: checkpoint for checkpoint in checkpoints}
    total = AuditEvent.objects.count()
    expected_sequence = 1
    previous = GENESIS_HASH
    events = AuditEvent.objects.order_by("sequence").iterator(chunk_size=2000)
    for checked, event in enumerate(events, start=1):
        if event.sequence != expected_sequence:
            return VerifyResult(False, checked - 1, expected_sequence, f"entry {expected_sequence} is missing")
        if event.previous_hash != previous:
            return VerifyResult(
                False, checked - 1, event.sequence, f"entry {event.sequence} does not follow the entry before it"
            )
        entry_key = key if event.sequence >= keyed_from else None
        if entry_hash(previous, chain_fields_of(event), key=entry_key) != event.hash:
            return VerifyResult(False, checked - 1, event.sequence, f"entry {event.sequence} was altered")
        sealed = checkpointed.get(event.sequence)
        if sealed is not None and sealed.head_hash != event.hash:
            return VerifyResult(
                False,
                checked - 1,
                event.sequence,
                f"entry {event.sequence} is not the one in {_named(sealed)}: the log up to it was rewritten",
            )
        previous = event.hash
        expected_sequence += 1
        if on_progress is not None and checked % 5000 == 0:
            on_progress(checked, total)
    head_sequence = head.sequence if head else 0
    head_hash = head.hash if head else GENESIS_HASH
    last = expected_sequence - 1
    if head_sequence == last and head_hash != previous:
        return VerifyResult(False, last - 1, last, f"entry {last} was altered")
    if head_sequence != last:
        missing_from = min(last, head_sequence) + 1
        return VerifyResult(
            False,
            last,
            missing_from,
            f"entry {missing_from} onwards is missing (log ends at {last}, expected {head_sequence})",
        )
    if on_progress is not None:
        on_progress(last, total)
    return VerifyResult(True, last)


def _extends(checkpoint: Checkpoint, last: int) -> VerifyResult:
    """An intact chain must reach at least as far as the newest checkpoint; the entry there was
    compared on the way (a chain that reaches it with another hash was rewritten)."""
    if last == 0 and checkpoint.count > 0:
        return VerifyResult(
            False, 0, 1, f"every entry has been deleted: {_named(checkpoint)} recorded {checkpoint.count}"
        )
    if last < checkpoint.sequence or last < checkpoint.count:
        return VerifyResult(
            False,
            last,
            last + 1,
            f"the log was cut short: it ends at entry {last} but {_named(checkpoint)} "
            f"recorded {checkpoint.count} entries up to entry {checkpoint.sequence}",
        )
    return VerifyResult(True, last)


def _named(checkpoint: Checkpoint) -> str:
    return f"the checkpoint of {checkpoint.written_at}"


def audit_verification_record(*, result: VerifyResult, ran_by: Any = None) -> AuditVerification:
    """Keep a check's result: the page and the integrity certificate show the newest. `ran_by` None:
    the check ran on the server (`tackle audit verify`), and every organisation sees it."""
    last = AuditEvent.objects.filter(sequence=result.checked).values_list("hash", flat=True).first()
    with transaction.atomic():
        kept = _verification_create(result, ran_by, last or "")
        # The result is an entry in the chain too, so a kept result edited afterwards no longer
        # matches what the log itself says was found.
        outcome = "intact" if result.ok else f"altered: {result.problem}"
        audit_record(
            action=AuditAction.CREATE,
            actor=ran_by,
            obj=kept,
            note=f"Checked {result.checked} entr{pluralize(result.checked, 'y,ies')}: {outcome}",
        )
    return kept


def _verification_create(result: VerifyResult, ran_by: Any, last: str) -> AuditVerification:
    return AuditVerification.objects.create(
        ran_at=timezone.now(),
        ran_by=ran_by,
        ran_by_username=ran_by.get_username() if ran_by is not None else "",
        organisation_id=getattr(ran_by, "organisation_id", None),
        intact=result.ok,
        checked=result.checked,
        first_bad_sequence=result.first_bad_sequence,
        problem=result.problem[:500],
        last_hash=last,
        checkpoint_written_at=result.checkpoint.written_at if result.checkpoint else "",
        checkpoint_sequence=result.checkpoint.sequence if result.checkpoint else None,
    )
