"""Writing disruption records. Each change runs in a transaction with its audit entry."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.template.defaultfilters import pluralize
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from tackle.accounts.models import Organisation, User
from tackle.accounts.sharing import record_share as core_record_share
from tackle.audit.models import AuditAction
from tackle.audit.records import record_save
from tackle.audit.services import audit_record
from tackle.cases.services.case import ConcernDetails, case_record_concern
from tackle.core.errors import ApplicationError
from tackle.core.identifiers import normalise_postcode
from tackle.core.models import RecordShare
from tackle.disrupt.choices import PremisesType
from tackle.disrupt.models import (
    Action,
    AddressFlag,
    Briefing,
    Intelligence,
    Operation,
    OperationAgency,
    OperationCase,
    OperationOutcome,
    Premises,
    ReceptionCentrePlan,
    SharingAgreement,
)

if TYPE_CHECKING:
    from tackle.cases.models import Case


def _validated(obj: models.Model, *, exclude: list[str] | None = None) -> None:
    try:
        obj.full_clean(exclude=exclude)
    except ValidationError as error:
        raise ApplicationError(" ".join(error.messages)) from None


# Premises ---------------------------------------------------------------------------------------


@transaction.atomic
def premises_find_or_create(
    *,
    actor: User,
    organisation: Organisation,
    address: str,
    postcode: str,
    name: str = "",
    premises_type: str = PremisesType.OTHER,
    request: Any = None,
) -> Premises:
    """The organisation's premises at this address and postcode, or a new one: planning an operation
    from a ranked list must not duplicate an address the council already holds."""
    normalised = normalise_postcode(postcode)
    if normalised is None:
        raise ApplicationError(gettext("Enter a real UK postcode, for example B66 1AA"), field="postcode")
    address = " ".join(address.split())
    if not address:
        raise ApplicationError(gettext("Enter the address"), field="address")
    existing = Premises.objects.filter(organisation=organisation, postcode=normalised, address__iexact=address).first()
    if existing is not None:
        return existing
    premises = Premises(
        organisation=organisation,
        address=address,
        postcode=normalised,
        name=name.strip(),
        premises_type=premises_type if premises_type in PremisesType.values else PremisesType.OTHER,
        created_by=actor,
    )
    return record_save(actor=actor, obj=premises, request=request)


@transaction.atomic
def flag_raise(*, actor: User, premises: Premises, kind: str, note: str = "", request: Any = None) -> AddressFlag:
    if premises.flags.filter(kind=kind, cleared_at__isnull=True).exists():
        raise ApplicationError(gettext("This address already has that flag"), field="kind")
    flag = AddressFlag(premises=premises, kind=kind, note=note.strip(), raised_by=actor)
    _validated(flag, exclude=["raised_by"])
    flag.save()
    audit_record(
        action=AuditAction.CREATE,
        actor=actor,
        request=request,
        obj=flag,
        changed_fields=["kind", "note"],
        organisation_id=premises.organisation_id,
    )
    return flag


@transaction.atomic
def flag_clear(*, actor: User, flag: AddressFlag, request: Any = None) -> AddressFlag:
    if flag.cleared_at is not None:
        raise ApplicationError(gettext("This flag was already cleared"))
    flag.cleared_at = timezone.now()
    flag.save(update_fields=["cleared_at"])
    audit_record(
        action=AuditAction.UPDATE,
        actor=actor,
        request=request,
        obj=flag,
        changed_fields=["cleared_at"],
        organisation_id=flag.premises.organisation_id,
    )
    return flag


# Intelligence and sharing -----------------------------------------------------------------------


def record_share(
    *,
    actor: User,
    record: Intelligence | Operation,
    organisation: Organisation,
    reason: str,
    expires_on: date | None = None,
    request: Any = None,
) -> RecordShare:
    """Share one record with another organisation explicitly, beyond what agreements give; the share
    lasts to the end of `expires_on`, which must be after today."""
    if expires_on is not None and expires_on <= timezone.localdate():
        raise ApplicationError(gettext("The end date must be in the future"), field="expires_on")
    expires_at = timezone.make_aware(datetime.combine(expires_on + timedelta(days=1), time.min)) if expires_on else None
    return core_record_share(
        record=record, organisation=organisation, actor=actor, reason=reason, expires_at=expires_at, request=request
    )


@transaction.atomic
def agreement_propose(
    *, actor: User, agreement: SharingAgreement, categories: list[str], request: Any = None
) -> SharingAgreement:
    """Propose an agreement to `agreement.partner` on behalf of the actor's organisation. It
    shares nothing, either way, until the partner accepts it."""
    if actor.organisation_id is None:
        raise ApplicationError(gettext("You must belong to an organisation to propose an agreement"))
    agreement.organisation_id = actor.organisation_id
    agreement.created_by = actor
    agreement.categories = list(categories)
    agreement.accepted_at = agreement.accepted_by = agreement.declined_at = agreement.declined_by = None
    return record_save(actor=actor, obj=agreement, request=request)


def _lock(agreement: SharingAgreement) -> None:
    """Read the agreement afresh under a row lock: two leads answering at once see each other."""
    agreement.refresh_from_db(from_queryset=SharingAgreement.objects.select_for_update())


def _as_party(actor: User, agreement: SharingAgreement) -> None:
    if actor.organisation_id not in (agreement.organisation_id, agreement.partner_id):
        raise ApplicationError(gettext("Only the two organisations in an agreement can act on it"))


def _still_proposed(agreement: SharingAgreement) -> None:
    if agreement.revoked_at is not None:
        raise ApplicationError(gettext("This agreement was revoked"))
    if agreement.declined_at is not None:
        raise ApplicationError(gettext("This proposal was already declined"))
    if agreement.accepted_at is not None:
        raise ApplicationError(gettext("This agreement was already accepted"))


@transaction.atomic
def agreement_accept(*, actor: User, agreement: SharingAgreement, request: Any = None) -> SharingAgreement:
    """The partner accepts a proposal: from then, within its dates, it is in force. The organisation
    that proposed it cannot accept it for the other."""
    _lock(agreement)
    if actor.organisation_id != agreement.partner_id:
        raise ApplicationError(gettext("Only the organisation the agreement was proposed to can accept it"))
    _still_proposed(agreement)
    if agreement.expires_on < timezone.localdate():
        raise ApplicationError(gettext("This proposal has expired: propose a new agreement with new dates"))
    agreement.accepted_at = timezone.now()
    agreement.accepted_by = actor
    agreement.save(update_fields=["accepted_at", "accepted_by"])
    audit_record(action=AuditAction.UPDATE, actor=actor, request=request, obj=agreement, changed_fields=["accepted_at"])
    return agreement


@transaction.atomic
def agreement_decline(*, actor: User, agreement: SharingAgreement, request: Any = None) -> SharingAgreement:
    """Either party ends a proposal before it is accepted: the partner declines it, the proposer
    withdraws it."""
    _lock(agreement)
    _as_party(actor, agreement)
    _still_proposed(agreement)
    agreement.declined_at = timezone.now()
    agreement.declined_by = actor
    agreement.save(update_fields=["declined_at", "declined_by"])
    audit_record(action=AuditAction.UPDATE, actor=actor, request=request, obj=agreement, changed_fields=["declined_at"])
    return agreement


@transaction.atomic
def agreement_revoke(*, actor: User, agreement: SharingAgreement, request: Any = None) -> SharingAgreement:
    """Either party ends an accepted agreement; access under it stops at once."""
    _lock(agreement)
    _as_party(actor, agreement)
    if agreement.revoked_at is not None:
        raise ApplicationError(gettext("This agreement was already revoked"))
    if agreement.accepted_at is None:
        raise ApplicationError(gettext("This agreement was never accepted: decline the proposal instead"))
    agreement.revoked_at = timezone.now()
    agreement.revoked_by = actor
    agreement.save(update_fields=["revoked_at", "revoked_by"])
    audit_record(action=AuditAction.UPDATE, actor=actor, request=request, obj=agreement, changed_fields=["revoked_at"])
    return agreement


# Operations -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewPremises:
    address: str
    postcode: str
    name: str = ""
    premises_type: str = PremisesType.OTHER


@transaction.atomic
def operation_create(
    *,
    actor: User,
    operation: Operation,
    premises: list[Premises],
    intelligence: list[Intelligence],
    new_premises: NewPremises | None = None,
    request: Any = None,
) -> Operation:
    """Plan an operation; premises typed in (or passed from risk targeting) are reused when the
    organisation already holds that address."""
    targets = list(premises)
    if new_premises is not None:
        found = premises_find_or_create(
            actor=actor,
            organisation=operation.organisation,
            address=new_premises.address,
            postcode=new_premises.postcode,
            name=new_premises.name,
            premises_type=new_premises.premises_type,
            request=request,
        )
        if found not in targets:
            targets.append(found)
    return record_save(
        actor=actor, obj=operation, m2m={"premises": targets, "intelligence": intelligence}, request=request
    )


@transaction.atomic
def operation_add_agency(
    *,
    actor: User,
    operation: Operation,
    name: str,
    attendance: str,
    interventions: int = 0,
    organisation: Organisation | None = None,
    request: Any = None,
) -> OperationAgency:
    name = " ".join(name.split())
    if operation.agencies.filter(name__iexact=name).exists():
        raise ApplicationError(gettext("This agency is already on the operation"), field="name")
    agency = OperationAgency(
        operation=operation, name=name, attendance=attendance, interventions=interventions, organisation=organisation
    )
    _validated(agency)
    agency.save()
    audit_record(
        action=AuditAction.UPDATE,
        actor=actor,
        request=request,
        obj=operation,
        changed_fields=["agencies"],
        note=f"Agency added: {name}"[:200],
    )
    return agency


@transaction.atomic
def reception_centre_save(*, actor: User, plan: ReceptionCentrePlan, request: Any = None) -> ReceptionCentrePlan:
    _validated(plan, exclude=["operation"])
    plan.save()
    audit_record(
        action=AuditAction.UPDATE,
        actor=actor,
        request=request,
        obj=plan.operation,
        changed_fields=["reception_centre"],
    )
    return plan


@transaction.atomic
def outcome_record(*, actor: User, outcome: OperationOutcome, request: Any = None) -> OperationOutcome:
    """Record or correct what an operation found. Victims cannot outnumber the people encountered,
    nor fall below the cases already opened for them."""
    if outcome.victims > outcome.people_encountered:
        raise ApplicationError(
            gettext("Potential victims cannot be more than the people encountered"), field="people_encountered"
        )
    opened = outcome.operation.case_links.count()
    if outcome.victims < opened:
        raise ApplicationError(
            ngettext(
                "%(count)d case is already open for this operation's potential victims: "
                "potential victims cannot be fewer than that",
                "%(count)d cases are already open for this operation's potential victims: "
                "potential victims cannot be fewer than that",
                opened,
            )
            % {"count": opened},
            field="victims_adult",
        )
    if outcome.operation.operation_date > timezone.localdate():
        raise ApplicationError(gettext("Outcomes can be recorded on or after the day of the operation"))
    outcome.recorded_by = actor
    _validated(outcome, exclude=["operation", "recorded_by"])
    creating = outcome.pk is None
    outcome.save()
    audit_record(
        action=AuditAction.CREATE if creating else AuditAction.UPDATE,
        actor=actor,
        request=request,
        obj=outcome.operation,
        changed_fields=["outcome"],
        note="Outcome recorded" if creating else "Outcome corrected",
    )
    return outcome


@dataclass(frozen=True)
class VictimFacts:
    """What the operation team recorded about the potential victims, applied to each new case."""

    what_was_seen: str
    exploitation_types: list[str]


def _encountered_at(operation: Operation) -> datetime:
    noon = timezone.make_aware(datetime.combine(operation.operation_date, time(12, 0)))
    return min(noon, timezone.now())


@transaction.atomic
def operation_open_cases(*, actor: User, operation: Operation, facts: VictimFacts, request: Any = None) -> list[Case]:
    """One case in identify and refer for each potential victim without a case yet: children as
    children (so the pathway refers them to safeguarding), adults as adults."""
    outcome = getattr(operation, "outcome", None)
    if outcome is None:
        raise ApplicationError(gettext("Record the operation's outcomes first"))
    if not facts.what_was_seen.strip():
        raise ApplicationError(gettext("Describe what the team saw"), field="what_was_seen")
    organisation = operation.organisation
    linked = operation.case_links.select_related("case")
    children_done = sum(1 for link in linked if link.case.appears_under_18)
    adults_done = len(linked) - children_done
    wanted = [True] * max(0, outcome.victims_child - children_done) + [False] * max(
        0, outcome.victims_adult - adults_done
    )
    if not wanted:
        raise ApplicationError(gettext("Every potential victim from this operation already has a case"))
    premises = operation.premises.first()
    location = str(premises) if premises else operation.name
    seen = (
        f"Found during operation {operation.name} on {operation.operation_date:%d %B %Y}. {facts.what_was_seen.strip()}"
    )
    cases = []
    for is_child in wanted:
        case = case_record_concern(
            organisation=organisation,
            recorded_by=actor,
            request=request,
            details=ConcernDetails(
                encountered_at=_encountered_at(operation),
                what_was_seen=seen,
                location=location[:300],
                appears_under_18=is_child,
                exploitation_types=list(facts.exploitation_types or outcome.exploitation_types),
            ),
        )
        OperationCase.objects.create(operation=operation, case=case)
        cases.append(case)
    audit_record(
        action=AuditAction.UPDATE,
        actor=actor,
        request=request,
        obj=operation,
        changed_fields=["case_links"],
        note=f"{len(cases)} case{pluralize(len(cases))} opened for potential victims",
    )
    return cases


# Actions and briefings --------------------------------------------------------------------------


@transaction.atomic
def action_close(*, actor: User, action: Action, note: str, request: Any = None) -> Action:
    if action.closed_at is not None:
        raise ApplicationError(gettext("This action is already closed"))
    if not note.strip():
        raise ApplicationError(gettext("Say what was done"), field="closing_note")
    action.closed_at = timezone.now()
    action.closed_by = actor
    action.closing_note = note.strip()[:500]
    action.save(update_fields=["closed_at", "closed_by", "closing_note"])
    audit_record(
        action=AuditAction.UPDATE,
        actor=actor,
        request=request,
        obj=action,
        changed_fields=["closed_at", "closed_by", "closing_note"],
    )
    return action


@transaction.atomic
def briefing_hold(*, actor: User, covers_from: datetime, request: Any = None) -> Briefing:
    """Mark today's meeting as held: the next pack starts from now."""
    assert actor.organisation_id is not None  # coordinators always belong to an organisation
    briefing = Briefing.objects.create(
        organisation_id=actor.organisation_id, held_at=timezone.now(), covers_from=covers_from, held_by=actor
    )
    audit_record(action=AuditAction.CREATE, actor=actor, request=request, obj=briefing, changed_fields=["held_at"])
    return briefing
