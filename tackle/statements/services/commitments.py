"""Writes to commitments: adopt, edit, link actions, record evidence, judge whether met. Each is one
transaction with its audit event."""

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext

from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.core.errors import ApplicationError
from tackle.statements.charter import COOP_CHARTER, COOP_CHARTER_SOURCE
from tackle.statements.commitment_proposals import evidence_proposals
from tackle.statements.models import Action, Commitment, CommitmentEvidence

EDITABLE_FIELDS = ("source", "title", "meaning", "adopted_on", "adopted_by")


def _check_adopted_on(adopted_on: date | None) -> None:
    if adopted_on is not None and adopted_on > timezone.localdate():
        raise ApplicationError(gettext("The adoption date must be today or in the past."), field="adopted_on")


@transaction.atomic
def commitment_create(
    *,
    organisation: Any,
    actor: Any,
    source: str,
    title: str,
    meaning: str = "",
    adopted_on: date | None = None,
    adopted_by: str = "",
    request: HttpRequest | None = None,
) -> Commitment:
    _check_adopted_on(adopted_on)
    commitment = Commitment.objects.create(
        organisation=organisation,
        source=source,
        title=title,
        meaning=meaning,
        adopted_on=adopted_on,
        adopted_by=adopted_by,
    )
    audit_record(action=AuditAction.CREATE, actor=actor, request=request, obj=commitment, note="Commitment added")
    return commitment


@transaction.atomic
def commitment_update(
    *, commitment: Commitment, actor: Any, details: dict[str, Any], request: HttpRequest | None = None
) -> Commitment:
    unknown = set(details) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {', '.join(sorted(unknown))}")
    _check_adopted_on(details.get("adopted_on"))
    changed = [name for name, value in details.items() if getattr(commitment, name) != value]
    for name in changed:
        setattr(commitment, name, details[name])
    if changed:
        commitment.save(update_fields=changed)
    audit_record(action=AuditAction.UPDATE, actor=actor, request=request, obj=commitment, changed_fields=changed)
    return commitment


@transaction.atomic
def charter_adopt(
    *,
    organisation: Any,
    actor: Any,
    adopted_on: date,
    adopted_by: str,
    request: HttpRequest | None = None,
) -> list[Commitment]:
    """Create the Co-operative Party charter's commitments that the organisation does not yet hold.
    Returns the new ones: adopting twice creates nothing the second time."""
    _check_adopted_on(adopted_on)
    held = set(
        Commitment.objects.filter(organisation=organisation)
        .exclude(charter_key="")
        .values_list("charter_key", flat=True)
    )
    created = []
    for item in COOP_CHARTER:
        if item.key in held:
            continue
        commitment = Commitment.objects.create(
            organisation=organisation,
            source=COOP_CHARTER_SOURCE,
            charter_key=item.key,
            title=item.title,
            meaning=item.meaning,
            adopted_on=adopted_on,
            adopted_by=adopted_by,
        )
        audit_record(
            action=AuditAction.CREATE, actor=actor, request=request, obj=commitment, note="Charter commitment adopted"
        )
        created.append(commitment)
    return created


@transaction.atomic
def commitment_link_actions(
    *, commitment: Commitment, actor: Any, actions: Iterable[Action], request: HttpRequest | None = None
) -> Commitment:
    """Replace the linked actions with exactly these (all of the commitment's organisation)."""
    chosen = list(actions)
    if any(action.organisation_id != commitment.organisation_id for action in chosen):
        raise ApplicationError(gettext("Choose actions from your own action plan."), field="actions")
    before = set(commitment.actions.values_list("pk", flat=True))
    commitment.actions.set(chosen)
    after = {action.pk for action in chosen}
    audit_record(
        action=AuditAction.UPDATE,
        actor=actor,
        request=request,
        obj=commitment,
        changed_fields=["actions"],
        note=f"Linked actions: {len(after - before)} added, {len(before - after)} removed",
    )
    return commitment


@transaction.atomic
def commitment_evidence_add(
    *,
    commitment: Commitment,
    actor: Any,
    text: str,
    recorded_on: date,
    url: str = "",
    wording: str = "",
    wording_values: dict[str, Any] | None = None,
    request: HttpRequest | None = None,
) -> CommitmentEvidence:
    """Evidence the lead wrote, or one of Tackle's proposals with its wording to show it translated."""
    if not text.strip():
        raise ApplicationError(gettext("Enter what shows the commitment is being kept."), field="text")
    if recorded_on > timezone.localdate():
        raise ApplicationError(gettext("The date must be today or in the past."), field="recorded_on")
    evidence = CommitmentEvidence.objects.create(
        commitment=commitment,
        text=text.strip(),
        url=url,
        recorded_on=recorded_on,
        recorded_by=actor,
        wording=wording,
        wording_values=wording_values or {},
    )
    audit_record(action=AuditAction.UPDATE, actor=actor, request=request, obj=commitment, note="Evidence recorded")
    return evidence


@transaction.atomic
def commitment_evidence_accept(
    *, commitment: Commitment, actor: Any, key: str, request: HttpRequest | None = None
) -> CommitmentEvidence:
    """Record one of Tackle's own proposals as evidence, worked out again now."""
    today = timezone.localdate()
    proposal = next((p for p in evidence_proposals(commitment, today, user=actor) if p.key == key), None)
    if proposal is None:
        raise ApplicationError(gettext("That evidence is no longer available or is already recorded."))
    return commitment_evidence_add(
        commitment=commitment,
        actor=actor,
        text=proposal.text,
        url=proposal.url,
        recorded_on=today,
        wording=proposal.wording,
        wording_values=proposal.values,
        request=request,
    )


@transaction.atomic
def commitment_judge(
    *, commitment: Commitment, actor: Any, met: bool, note: str = "", request: HttpRequest | None = None
) -> Commitment:
    """The lead's judgement. Met needs evidence on record and a reason; not met clears it."""
    if met:
        if not commitment.evidence.exists():
            raise ApplicationError(gettext("Record evidence before judging the commitment met."), field="met")
        if not note.strip():
            raise ApplicationError(gettext("Say why the evidence shows the commitment is met."), field="note")
        commitment.met_on, commitment.met_by, commitment.met_note = timezone.localdate(), actor, note.strip()
    else:
        commitment.met_on, commitment.met_by, commitment.met_note = None, None, note.strip()
    commitment.save(update_fields=["met_on", "met_by", "met_note"])
    audit_record(
        action=AuditAction.UPDATE,
        actor=actor,
        request=request,
        obj=commitment,
        changed_fields=["met_on", "met_by", "met_note"],
        note="Judged met" if met else "Judged not yet met",
    )
    return commitment
