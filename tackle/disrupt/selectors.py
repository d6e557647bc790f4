"""What a user may see in disruption. Pages, PDFs and figures all read through these, so one rule
guards them all:

- a user sees their own organisation's records, and records shared with their organisation
  explicitly (RecordShare, live until revoked or expired);
- under a sharing agreement in force (accepted by the partner it was proposed to, started, not
  expired, not revoked), each party sees the other's records in the agreed categories.
  Intelligence with handling code C (conditions) is never shared by an agreement: only an explicit
  share passes it on;
- a partner agency taking part in an operation sees that operation;
- address flags are for the owning council's coordinators only (access.may_see_flags).
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from django.db import models
from django.db.models import Q
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_noop

from tackle.accounts.door import open_for_user
from tackle.core.access import INTELLIGENCE, Resource
from tackle.core.roles import Module
from tackle.core.scoping import shared_uuids
from tackle.disrupt.access import may_see_flags
from tackle.disrupt.choices import HandlingCode, SharingCategory
from tackle.disrupt.models import (
    Action,
    AddressFlag,
    Business,
    Intelligence,
    Operation,
    OperationCase,
    Premises,
    SharingAgreement,
)


def _may_use(user: Any) -> bool:
    return bool(user.is_authenticated and user.organisation_id and user.may_use(Module.DISRUPTION))


def agreements_in_force(*, today: date | None = None) -> models.QuerySet[SharingAgreement]:
    """Accepted by the partner, started, not expired, not revoked: a proposal shares nothing."""
    today = today or timezone.localdate()
    return SharingAgreement.objects.filter(
        accepted_at__isnull=False, revoked_at__isnull=True, starts_on__lte=today, expires_on__gte=today
    )


def organisations_sharing(organisation_id: int, category: str, *, today: date | None = None) -> set[int]:
    """The organisations whose records in this category `organisation_id` may see by agreement."""
    agreements = agreements_in_force(today=today).filter(
        Q(organisation_id=organisation_id) | Q(partner_id=organisation_id)
    )
    found: set[int] = set()
    # Categories are a short JSON list; reading them here keeps the query portable across databases.
    for owner_id, partner_id, categories in agreements.values_list("organisation_id", "partner_id", "categories"):
        if category in (categories or []):
            found.add(partner_id if owner_id == organisation_id else owner_id)
    return found


def _scope(model: type[models.Model], user: Any, category: str) -> Q:
    return (
        Q(organisation_id=user.organisation_id)
        | Q(uuid__in=shared_uuids(model, user.organisation_id))
        | Q(organisation_id__in=organisations_sharing(user.organisation_id, category))
    )


# Agreements -------------------------------------------------------------------------------------


def agreements_visible_to(user: Any) -> models.QuerySet[SharingAgreement]:
    if not _may_use(user):
        return SharingAgreement.objects.none()
    own = user.organisation_id
    return SharingAgreement.objects.filter(Q(organisation_id=own) | Q(partner_id=own)).select_related(
        "organisation", "partner"
    )


class AgreementStatus(StrEnum):
    PROPOSED = gettext_noop("Proposed")
    DECLINED = gettext_noop("Declined")
    NOT_STARTED = gettext_noop("Not started")
    IN_FORCE = gettext_noop("In force")
    EXPIRED = gettext_noop("Expired")
    REVOKED = gettext_noop("Revoked")


ENDED = frozenset({AgreementStatus.DECLINED, AgreementStatus.EXPIRED, AgreementStatus.REVOKED})


def agreement_status(agreement: SharingAgreement, *, today: date | None = None) -> AgreementStatus:
    today = today or timezone.localdate()
    if agreement.revoked_at is not None:
        return AgreementStatus.REVOKED
    if agreement.declined_at is not None:
        return AgreementStatus.DECLINED
    if agreement.expires_on < today:
        return AgreementStatus.EXPIRED
    if agreement.accepted_at is None:
        return AgreementStatus.PROPOSED
    if agreement.starts_on > today:
        return AgreementStatus.NOT_STARTED
    return AgreementStatus.IN_FORCE


@dataclass(frozen=True)
class AgreementsByState:
    """What the user's organisation shares with whom, in the four lists of the agreements page."""

    proposed_by_us: list[tuple[SharingAgreement, AgreementStatus]]
    proposed_to_us: list[tuple[SharingAgreement, AgreementStatus]]
    accepted: list[tuple[SharingAgreement, AgreementStatus]]  # in force, or accepted and not started yet
    ended: list[tuple[SharingAgreement, AgreementStatus]]


def agreements_by_state(user: Any, *, today: date | None = None) -> AgreementsByState:
    lists: AgreementsByState = AgreementsByState([], [], [], [])
    for agreement in agreements_visible_to(user):
        status = agreement_status(agreement, today=today)
        if status in ENDED:
            lists.ended.append((agreement, status))
        elif status != AgreementStatus.PROPOSED:
            lists.accepted.append((agreement, status))
        elif agreement.organisation_id == user.organisation_id:
            lists.proposed_by_us.append((agreement, status))
        else:
            lists.proposed_to_us.append((agreement, status))
    return lists


def agreement_giving(user: Any, owner_id: int, category: str) -> SharingAgreement | None:
    """The agreement in force through which the user's organisation sees `owner_id`'s records in
    this category, if any (the newest when there are several): named in the audit of each opening."""
    if owner_id == user.organisation_id:
        return None
    own = user.organisation_id
    pair = Q(organisation_id=own, partner_id=owner_id) | Q(organisation_id=owner_id, partner_id=own)
    agreements = agreements_in_force().filter(pair).order_by("-accepted_at")
    return next((agreement for agreement in agreements if category in (agreement.categories or [])), None)


def agreement_note(agreement: SharingAgreement | None) -> str:
    return f"Through sharing agreement {agreement.uuid}: {agreement.title}"[:200] if agreement else ""


def open_shared_record[M: models.Model](
    user: Any,
    visible: models.QuerySet[M],
    *,
    resource: Resource,
    category: str,
    request: HttpRequest | None,
    record_uuid: Any,
    note: str = "",
    audit_refusal: bool = True,
) -> M:
    """The door for a record another organisation may have shared: when an agreement in force is
    what lets the user see it (not their own, not shared explicitly), the audit entry names it. The
    entry is the owner's and, as its reader is another organisation's, theirs too (audit_record)."""
    owner_id = visible.filter(uuid=record_uuid).values_list("organisation_id", flat=True).first()
    agreement = None
    explicitly_shared = shared_uuids(visible.model, user.organisation_id).filter(object_uuid=record_uuid).exists()
    if owner_id is not None and not explicitly_shared:
        agreement = agreement_giving(user, owner_id, category)
    through = agreement_note(agreement)
    note = "; ".join(part for part in (note, through) if part)
    return open_for_user(
        user, visible, resource=resource, request=request, note=note, audit_refusal=audit_refusal, uuid=record_uuid
    )


# Premises and businesses ------------------------------------------------------------------------


def premises_visible_to(user: Any) -> models.QuerySet[Premises]:
    if not _may_use(user):
        return Premises.objects.none()
    return Premises.objects.filter(_scope(Premises, user, SharingCategory.PREMISES))


def businesses_visible_to(user: Any) -> models.QuerySet[Business]:
    if not _may_use(user):
        return Business.objects.none()
    return Business.objects.filter(_scope(Business, user, SharingCategory.PREMISES)).prefetch_related("premises")


def flags_visible_to(user: Any, premises: Premises) -> models.QuerySet[AddressFlag]:
    """Live flags on an address, for the owning council's coordinators; nobody else sees any."""
    if not (_may_use(user) and may_see_flags(user) and premises.organisation_id == user.organisation_id):
        return AddressFlag.objects.none()
    return premises.flags.filter(cleared_at__isnull=True)


# Intelligence -----------------------------------------------------------------------------------


def intelligence_visible_to(user: Any) -> models.QuerySet[Intelligence]:
    """Full records: own, explicitly shared, or shared by agreement when the handling code is P."""
    if not _may_use(user):
        return Intelligence.objects.none()
    by_agreement = organisations_sharing(user.organisation_id, SharingCategory.INTELLIGENCE)
    scope = (
        Q(organisation_id=user.organisation_id)
        | Q(uuid__in=shared_uuids(Intelligence, user.organisation_id))
        | Q(organisation_id__in=by_agreement, handling_code=HandlingCode.PERMITTED)
    )
    return Intelligence.objects.filter(scope).select_related("organisation")


def intelligence_summaries_visible_to(user: Any) -> models.QuerySet[Intelligence]:
    """Records the user may read only as their sanitised summary (never people, vehicles or source
    detail): by an agreement for summaries, handling code P, and a summary written."""
    if not _may_use(user):
        return Intelligence.objects.none()
    by_agreement = organisations_sharing(user.organisation_id, SharingCategory.INTELLIGENCE_SUMMARIES)
    summaries = Intelligence.objects.filter(
        organisation_id__in=by_agreement, handling_code=HandlingCode.PERMITTED
    ).exclude(sanitised_summary="")
    return summaries.exclude(pk__in=intelligence_visible_to(user).values("pk")).select_related("organisation")


@dataclass(frozen=True)
class IntelligenceView:
    record: Intelligence
    full: bool  # False: show the sanitised summary only


def get_intelligence_for_user(
    user: Any, intelligence_uuid: Any, *, request: HttpRequest | None = None
) -> IntelligenceView:
    """404 unless the user may read the record in full or as its summary. Pages pass their request:
    the door then audits the opening, noting when only the summary was shown."""
    try:
        full = open_shared_record(
            user,
            intelligence_visible_to(user),
            resource=INTELLIGENCE,
            category=SharingCategory.INTELLIGENCE,
            request=request,
            record_uuid=intelligence_uuid,
            audit_refusal=False,  # the summary is tried next, and its refusal is audited
        )
        return IntelligenceView(full, True)
    except Http404:
        summary = open_shared_record(
            user,
            intelligence_summaries_visible_to(user),
            resource=INTELLIGENCE,
            category=SharingCategory.INTELLIGENCE_SUMMARIES,
            request=request,
            record_uuid=intelligence_uuid,
            note="Sanitised summary only",
        )
        return IntelligenceView(summary, False)


# Operations -------------------------------------------------------------------------------------


def operations_visible_to(user: Any) -> models.QuerySet[Operation]:
    if not _may_use(user):
        return Operation.objects.none()
    taking_part = Operation.objects.filter(agencies__organisation_id=user.organisation_id).values("pk")
    scope = _scope(Operation, user, SharingCategory.OPERATIONS) | Q(pk__in=taking_part)
    return Operation.objects.filter(scope).select_related("organisation")


def upcoming_operations(user: Any, *, today: date | None = None) -> models.QuerySet[Operation]:
    today = today or timezone.localdate()
    return (
        operations_visible_to(user)
        .filter(operation_date__gte=today, outcome__isnull=True)
        .order_by("operation_date", "name")
    )


def victims_without_cases(operation: Operation) -> int:
    outcome = getattr(operation, "outcome", None)
    if outcome is None:
        return 0
    return max(0, outcome.victims - operation.case_links.count())


# Actions ----------------------------------------------------------------------------------------


def actions_visible_to(user: Any) -> models.QuerySet[Action]:
    if not _may_use(user):
        return Action.objects.none()
    return Action.objects.filter(organisation_id=user.organisation_id).select_related("operation")


def open_actions(user: Any) -> models.QuerySet[Action]:
    return actions_visible_to(user).filter(closed_at__isnull=True).order_by("due_on", "title")


def operation_for_case(case: Any) -> Operation | None:
    """The operation that found the person in this case, if any: the link back from a case."""
    link = OperationCase.objects.filter(case=case).select_related("operation").first()
    return link.operation if link else None


def case_found_in_operation(user: Any, case: Any) -> dict[str, Any] | None:
    """The operation that found this person, linked when the user may open it (the case page's
    "found in" line; registered with cases in DisruptConfig.ready)."""
    operation = operation_for_case(case)
    if operation is None:
        return None
    visible = operations_visible_to(user).filter(pk=operation.pk).exists()
    url = reverse("disrupt:operation-detail", args=[operation.uuid]) if visible else None
    return {"name": operation.name, "date": operation.operation_date, "url": url}


def records_of_organisation(
    organisation_id: int,
) -> tuple[models.QuerySet[Premises], models.QuerySet[Intelligence], models.QuerySet[Operation]]:
    """One organisation's premises, intelligence and operations, for work where nobody signs in
    (targeting's command line ranks against them)."""
    return (
        Premises.objects.filter(organisation_id=organisation_id),
        Intelligence.objects.filter(organisation_id=organisation_id),
        Operation.objects.filter(organisation_id=organisation_id),
    )
