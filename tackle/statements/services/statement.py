"""Writes to the action plan and the statement. Each is one transaction with its audit event."""

from datetime import date
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_noop, ngettext

from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.core.errors import ApplicationError, ConflictError
from tackle.statements.models import (
    OPEN_STATUSES,
    Action,
    ActionStatus,
    ActionUpdate,
    DecisionMaker,
    Signatory,
    Statement,
    StatementPeriod,
    StatementSection,
    StatementStatus,
)
from tackle.statements.sections import TEXT_SECTIONS


@transaction.atomic
def action_create(
    *,
    period: StatementPeriod,
    actor: Any,
    area: str,
    title: str,
    due_on: date,
    description: str = "",
    owner: Any = None,
    owner_team: str = "",
    starts_on: date | None = None,
    request: HttpRequest | None = None,
) -> Action:
    if period.closed:
        raise ApplicationError(gettext("This period is closed. Add the action to the next period."))
    action = Action.objects.create(
        organisation=period.organisation,
        period=period,
        area=area,
        title=title,
        description=description,
        owner=owner,
        owner_team=owner_team,
        starts_on=starts_on,
        due_on=due_on,
    )
    audit_record(action=AuditAction.CREATE, actor=actor, request=request, obj=action, note="Action added")
    return action


@transaction.atomic
def action_update_status(*, action: Action, actor: Any, status: str, request: HttpRequest | None = None) -> Action:
    if action.status == ActionStatus.CARRIED_OVER:
        raise ApplicationError(
            gettext("This action was carried over. Change the copy in the next period."), field="status"
        )
    if status == ActionStatus.CARRIED_OVER:
        raise ApplicationError(gettext("Actions are carried over by closing the period."), field="status")
    action.status = status
    action.save(update_fields=["status"])
    audit_record(
        action=AuditAction.UPDATE,
        actor=actor,
        request=request,
        obj=action,
        changed_fields=["status"],
        note=f"Status: {action.get_status_display()}",
    )
    return action


@transaction.atomic
def action_progress_add(
    *, action: Action, actor: Any, written_on: date, what_was_done: str, request: HttpRequest | None = None
) -> ActionUpdate:
    update = ActionUpdate.objects.create(
        action=action, written_on=written_on, what_was_done=what_was_done, author=actor
    )
    if action.status == ActionStatus.PLANNED:
        action.status = ActionStatus.IN_PROGRESS
        action.save(update_fields=["status"])
    audit_record(action=AuditAction.UPDATE, actor=actor, request=request, obj=action, note="Progress recorded")
    return update


@transaction.atomic
def period_close(
    *, period: StatementPeriod, next_period: StatementPeriod, actor: Any, request: HttpRequest | None = None
) -> list[Action]:
    """Carry every open action into the next period as a new action linked to the old one."""
    if period.closed:
        raise ApplicationError(gettext("This period is already closed."))
    if next_period.organisation_id != period.organisation_id or next_period.starts_on <= period.starts_on:
        raise ApplicationError(gettext("Choose a later period of your own organisation."), field="next_period")
    carried = []
    for old in period.actions.filter(status__in=OPEN_STATUSES):
        new = Action.objects.create(
            organisation=old.organisation,
            period=next_period,
            area=old.area,
            title=old.title,
            description=old.description,
            owner=old.owner,
            owner_team=old.owner_team,
            starts_on=old.starts_on,
            due_on=max(old.due_on, next_period.starts_on),
            status=old.status,
            carried_from=old,
        )
        new.commitments.set(old.commitments.all())  # the commitments it served follow it
        old.status = ActionStatus.CARRIED_OVER
        old.save(update_fields=["status"])
        carried.append(new)
    period.closed = True
    period.save(update_fields=["closed"])
    audit_record(
        action=AuditAction.UPDATE,
        actor=actor,
        request=request,
        obj=period,
        note=f"Period closed; {len(carried)} actions carried to {next_period.label}",
    )
    return carried


# The statement ------------------------------------------------------------------------------


@transaction.atomic
def statement_create(*, period: StatementPeriod, actor: Any, request: HttpRequest | None = None) -> Statement:
    if period.statements.exists():
        raise ApplicationError(gettext("This period already has a statement."))
    statement = Statement.objects.create(organisation=period.organisation, period=period)
    StatementSection.objects.bulk_create(StatementSection(statement=statement, key=key) for key, _ in TEXT_SECTIONS)
    audit_record(action=AuditAction.CREATE, actor=actor, request=request, obj=statement, note="Statement started")
    return statement


def _editable(statement: Statement, actor: Any, request: HttpRequest | None) -> Statement:
    """An approved version is frozen: the first edit after it makes a new draft version, a copy."""
    if not statement.frozen:
        return statement
    latest = statement.period.statements.order_by("-version").first()
    if latest is not None and not latest.frozen:
        raise ApplicationError(
            gettext("A newer draft (version %(version)s) exists. Edit that one.") % {"version": latest.version}
        )
    # The decision approved the old version only; the new draft keeps the review date it plans.
    copy = Statement.objects.create(
        organisation=statement.organisation,
        period=statement.period,
        version=statement.version + 1,
        review_date=statement.review_date,
        languages=statement.languages,
    )
    StatementSection.objects.bulk_create(
        StatementSection(statement=copy, key=section.key, text=section.text, text_cy=section.text_cy)
        for section in statement.sections.all()
    )
    Signatory.objects.bulk_create(
        Signatory(statement=copy, name=person.name, role=person.role) for person in statement.signatories.all()
    )
    audit_record(
        action=AuditAction.CREATE,
        actor=actor,
        request=request,
        obj=copy,
        note=f"New version from approved version {statement.version}",
    )
    return copy


@transaction.atomic
def statement_section_update(
    *,
    statement: Statement,
    key: str,
    text: str,
    actor: Any,
    text_cy: str | None = None,
    request: HttpRequest | None = None,
) -> Statement:
    """text_cy: the section's Welsh version (issue 21); None leaves the one kept as it is."""
    statement = _editable(statement, actor, request)
    values = {"text": text} if text_cy is None else {"text": text, "text_cy": text_cy}
    StatementSection.objects.update_or_create(statement=statement, key=key, defaults=values)
    changed = [key] if text_cy is None else [key, f"{key}:cy"]
    audit_record(action=AuditAction.UPDATE, actor=actor, request=request, obj=statement, changed_fields=changed)
    return statement


@transaction.atomic
def statement_details_update(
    *, statement: Statement, actor: Any, details: dict[str, Any], request: HttpRequest | None = None
) -> Statement:
    review_date = details.get("review_date")
    if review_date and statement.approval_date and review_date <= statement.approval_date:
        raise ApplicationError(gettext(_REVIEW_AFTER_DECISION), field="review_date")
    statement = _editable(statement, actor, request)
    for name, value in details.items():
        setattr(statement, name, value)
    statement.save(update_fields=list(details))
    audit_record(action=AuditAction.UPDATE, actor=actor, request=request, obj=statement, changed_fields=list(details))
    return statement


@transaction.atomic
def signatory_add(
    *, statement: Statement, name: str, role: str, actor: Any, request: HttpRequest | None = None
) -> Statement:
    statement = _editable(statement, actor, request)
    Signatory.objects.create(statement=statement, name=name, role=role)
    audit_record(action=AuditAction.UPDATE, actor=actor, request=request, obj=statement, note="Signatory added")
    return statement


def _english(label: Any) -> str:
    """A choice label as English, for the audit note: notes are records, whatever the page's language."""
    with translation.override(None):
        return str(label)


def _move(statement: Statement, *, expected: str, to: str, actor: Any, request: HttpRequest | None) -> None:
    if statement.status != expected:
        status = str(StatementStatus(expected).label).lower()
        raise ApplicationError(gettext("Only a statement that is %(status)s can do that.") % {"status": status})
    statement.status = to
    statement.save()
    audit_record(
        action=AuditAction.UPDATE,
        actor=actor,
        request=request,
        obj=statement,
        changed_fields=["status"],
        note=f"Statement {_english(StatementStatus(to).label).lower()}",
    )


@transaction.atomic
def statement_submit(*, statement: Statement, actor: Any, request: HttpRequest | None = None) -> Statement:
    # Signing after approval would change the approved version; so the signatories come first.
    if not statement.signatories.exists():
        raise ApplicationError(gettext("Add at least one signatory before submitting the statement for approval."))
    _move(statement, expected=StatementStatus.DRAFT, to=StatementStatus.SUBMITTED, actor=actor, request=request)
    return statement


_REVIEW_AFTER_DECISION = gettext_noop("The next review date must be after the date of the decision")


@transaction.atomic
def statement_approve(
    *,
    statement: Statement,
    actor: Any,
    decision_maker: str,
    approval_date: date,
    minute_reference: str,
    review_date: date,
    delegated_to: str = "",
    request: HttpRequest | None = None,
    today: date | None = None,
) -> Statement:
    """Record the decision that approved this version (Cabinet, Full Council or a named officer's
    delegated decision, its date and minute reference) and freeze it: publishing uses this decision.
    Before publishing, a slip in the record (a minute reference mistyped) is corrected the same way,
    without a new version: the decision approved this text, only its record was wrong."""
    today = today or timezone.localdate()
    if statement.status not in (StatementStatus.SUBMITTED, StatementStatus.APPROVED):
        raise ApplicationError(
            gettext("Only a statement submitted for approval, and not yet published, can have its approval recorded.")
        )
    delegated_to = delegated_to.strip() if decision_maker == DecisionMaker.DELEGATED else ""
    if decision_maker not in DecisionMaker.values:
        raise ApplicationError(gettext("Select who approved the statement"), field="decision_maker")
    if decision_maker == DecisionMaker.DELEGATED and not delegated_to:
        raise ApplicationError(
            gettext("Enter the officer or portfolio holder who made the delegated decision"), field="delegated_to"
        )
    if approval_date > today:
        raise ApplicationError(gettext("The date of the decision must be today or in the past"), field="approval_date")
    if not minute_reference.strip():
        raise ApplicationError(gettext("Enter the minute or decision reference"), field="minute_reference")
    if review_date <= approval_date:
        raise ApplicationError(gettext(_REVIEW_AFTER_DECISION), field="review_date")
    decision = {
        "decision_maker": decision_maker,
        "delegated_to": delegated_to,
        "approval_date": approval_date,
        "minute_reference": minute_reference.strip(),
        "review_date": review_date,
    }
    if statement.status == StatementStatus.APPROVED:
        changed = [name for name, value in decision.items() if getattr(statement, name) != value]
        for name in changed:
            setattr(statement, name, decision[name])
        statement.save(update_fields=changed)
        note = "Approval record corrected"
        audit_record(
            action=AuditAction.UPDATE, actor=actor, request=request, obj=statement, changed_fields=changed, note=note
        )
        return statement
    for name, value in decision.items():
        setattr(statement, name, value)
    statement.approved_by = actor
    statement.approved_at = timezone.now()
    statement.frozen = True
    _move(statement, expected=StatementStatus.SUBMITTED, to=StatementStatus.APPROVED, actor=actor, request=request)
    return statement


@transaction.atomic
def statement_publish(
    *, statement: Statement, published_url: str, actor: Any, request: HttpRequest | None = None
) -> Statement:
    from tackle.statements.selectors.statement import publish_checklist

    statement.published_url = published_url
    missing = [item.label for item in publish_checklist(statement) if not item.done]
    if missing:
        raise ApplicationError(gettext("Before publishing: %(missing)s.") % {"missing": "; ".join(missing).lower()})
    _move(statement, expected=StatementStatus.APPROVED, to=StatementStatus.PUBLISHED, actor=actor, request=request)
    return statement


def _check_period(*, organisation: Any, label: str, starts_on: date, ends_on: date, pk: int | None = None) -> None:
    same_label = StatementPeriod.objects.filter(organisation=organisation, label=label)
    if (same_label.exclude(pk=pk) if pk else same_label).exists():
        raise ApplicationError(
            gettext("A period with this label already exists. Enter a different label."), field="label"
        )
    if ends_on <= starts_on:
        raise ApplicationError(gettext("The end date must be after the start date"), field="ends_on")


@transaction.atomic
def period_create(
    *, organisation: Any, label: str, starts_on: date, ends_on: date, actor: Any, request: HttpRequest | None = None
) -> StatementPeriod:
    _check_period(organisation=organisation, label=label, starts_on=starts_on, ends_on=ends_on)
    period = StatementPeriod.objects.create(
        organisation=organisation, label=label, starts_on=starts_on, ends_on=ends_on
    )
    audit_record(action=AuditAction.CREATE, actor=actor, request=request, obj=period, note="Period added")
    return period


@transaction.atomic
def period_update(
    *,
    period: StatementPeriod,
    label: str,
    starts_on: date,
    ends_on: date,
    actor: Any,
    request: HttpRequest | None = None,
) -> StatementPeriod:
    """Correct a period's label or dates; its actions and statements stay with it."""
    period = StatementPeriod.objects.select_for_update().get(pk=period.pk)
    _check_period(organisation=period.organisation, label=label, starts_on=starts_on, ends_on=ends_on, pk=period.pk)
    new = {"label": label, "starts_on": starts_on, "ends_on": ends_on}
    changed = [name for name, value in new.items() if getattr(period, name) != value]
    for name in changed:
        setattr(period, name, new[name])
    if changed:
        period.save(update_fields=changed)
        audit_record(action=AuditAction.UPDATE, actor=actor, request=request, obj=period, changed_fields=changed)
    return period


def period_attachments(period: StatementPeriod) -> str:
    """What keeps a period from being deleted, in words ("1 action and 2 statement versions"), or ""."""
    actions, versions = period.actions.count(), period.statements.count()
    parts = []
    if actions:
        parts.append(ngettext("%(count)d action", "%(count)d actions", actions) % {"count": actions})
    if versions:
        parts.append(
            ngettext("%(count)d statement version", "%(count)d statement versions", versions) % {"count": versions}
        )
    if len(parts) == 2:
        return gettext("%(first)s and %(second)s") % {"first": parts[0], "second": parts[1]}
    return "".join(parts)


@transaction.atomic
def period_delete(*, period: StatementPeriod, actor: Any, request: HttpRequest | None = None) -> None:
    """A period added by mistake goes, if nothing was recorded in it yet."""
    period = StatementPeriod.objects.select_for_update().get(pk=period.pk)
    attached = period_attachments(period)
    if attached:
        raise ConflictError(
            gettext("This period has %(attached)s, so it cannot be deleted. Correct its label or dates instead.")
            % {"attached": attached}
        )
    audit_record(
        action=AuditAction.DELETE, actor=actor, request=request, obj=period, note=f"Period {period.label} deleted"
    )
    period.delete()
