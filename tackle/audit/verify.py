"""Check the audit chain against the database: a row edited or deleted behind the app's back shows."""

from collections.abc import Callable
from dataclasses import dataclass

from tackle.audit.chain import GENESIS_HASH, ChainFields, entry_hash
from tackle.audit.models import AuditEvent, AuditHead


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    checked: int
    first_bad_sequence: int | None = None
    problem: str = ""


def _fields_of(event: AuditEvent) -> ChainFields:
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


def audit_chain_verify(*, on_progress: Callable[[int, int], None] | None = None) -> VerifyResult:
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
        if entry_hash(previous, _fields_of(event)) != event.hash:
            return VerifyResult(False, checked - 1, event.sequence, f"entry {event.sequence} was altered")
        previous = event.hash
        expected_sequence += 1
        if on_progress is not None and checked % 5000 == 0:
            on_progress(checked, total)
    head = AuditHead.objects.filter(id=1).first()
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
