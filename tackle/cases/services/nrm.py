"""Recording the NRM journey: referral, decisions, reconsideration, disqualification, withdrawal."""

from datetime import date, datetime, time
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_noop, override

from tackle.accounts.models import User, WebhookEvent
from tackle.accounts.webhooks import webhook_event
from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.cases.models import Case, NrmEvent, NrmEventKind, ReferralStatus, Stage
from tackle.cases.rules.anonymity import IDENTIFYING_FIELDS
from tackle.cases.rules.nrm_outcomes import ACTION_COMPLETED_BY, outcome_allowed
from tackle.cases.rules.nrm_periods import rg_test_on
from tackle.cases.rules.nrm_stage import stage_after_event
from tackle.core.errors import ApplicationError
from tackle.core.periods import LONDON

_SENT_KINDS = {NrmEventKind.REFERRAL_SENT, NrmEventKind.DUTY_TO_NOTIFY_SENT}
_OUTCOME_ERRORS: dict[str, str] = {
    NrmEventKind.RG_DECISION: gettext_noop("Choose positive or negative"),
    NrmEventKind.CG_DECISION: gettext_noop("Choose the conclusive grounds outcome"),
    NrmEventKind.RECONSIDERATION_OUTCOME: gettext_noop("Choose positive or negative"),
}


def _check_duty_to_notify(case: Case) -> None:
    """Refused, with what to do instead, where the case's own record would break the anonymity rule
    (the constraint case_duty_to_notify_is_anonymous) or the Duty to Notify is not the right step."""
    if case.treated_as_child:
        raise ApplicationError(gettext("A Duty to Notify is never used for a child"))
    if case.consent_to_nrm:
        raise ApplicationError(
            gettext("They agreed to an NRM referral: record the NRM referral sent, not a Duty to Notify")
        )
    held = [name for name in IDENTIFYING_FIELDS if getattr(case, name) not in ("", None)]
    if held and not case.consent_to_share:
        raise ApplicationError(
            gettext(
                "A Duty to Notify is anonymous, but this case holds the person's name, date of birth, contact or "
                "address. Record their answer on the consent page first: declining the NRM removes those details, "
                "unless they agree to share them."
            )
        )


def _check_order(case: Case, kind: str, outcome: str, occurred_on: date) -> None:
    if occurred_on > timezone.localdate():
        raise ApplicationError(gettext("The date cannot be in the future"), field="occurred_on")
    if occurred_on < timezone.localdate(case.encountered_at):
        raise ApplicationError(gettext("The date cannot be before the person was first seen"), field="occurred_on")
    kinds = set(case.nrm_events.values_list("kind", flat=True))
    if kind == NrmEventKind.DUTY_TO_NOTIFY_SENT:
        _check_duty_to_notify(case)
    if kind == NrmEventKind.RG_DECISION and NrmEventKind.REFERRAL_SENT not in kinds:
        raise ApplicationError(gettext("Record the NRM referral before its reasonable grounds decision"))
    if kind == NrmEventKind.CG_DECISION and case.stage != Stage.POSITIVE_RG:
        raise ApplicationError(gettext("A conclusive grounds decision follows a positive reasonable grounds decision"))
    if not outcome_allowed(kind, outcome):
        raise ApplicationError(
            gettext(_OUTCOME_ERRORS.get(kind, "This step has no outcome: leave it empty")), field="outcome"
        )
    if kind in _SENT_KINDS and kinds & _SENT_KINDS:
        raise ApplicationError(gettext("A referral has already been recorded for this case"))
    last = case.nrm_events.order_by("-occurred_on").values_list("occurred_on", flat=True).first()
    if last is not None and occurred_on < last:
        raise ApplicationError(
            gettext("The date cannot be before the last recorded step (%(day)s)") % {"day": date_format(last, "j F Y")},
            field="occurred_on",
        )


@transaction.atomic
def nrm_event_record(
    *,
    case: Case,
    actor: User,
    kind: str,
    occurred_on: date,
    outcome: str = "",
    notes: str = "",
    request: Any = None,
) -> NrmEvent:
    case = Case.objects.select_for_update().get(pk=case.pk)
    if kind not in NrmEventKind.values:
        raise ApplicationError(gettext("Choose what happened from the list"), field="kind")
    _check_order(case, kind, outcome, occurred_on)
    event = NrmEvent.objects.create(
        case=case,
        kind=kind,
        occurred_on=occurred_on,
        outcome=outcome,
        rg_test=rg_test_on(occurred_on) if kind == NrmEventKind.RG_DECISION else "",
        notes=notes.strip(),
        recorded_by=actor,
    )
    new_stage = stage_after_event(kind, outcome, case.stage)
    if new_stage != case.stage:
        case.stage = new_stage
        case.version += 1
        case.save(update_fields=["stage", "version", "updated_at"])
    audit_record(
        action=AuditAction.CREATE, actor=actor, request=request, obj=event, note=f"NRM: {_kind_in_english(event)}"
    )
    _complete_the_action(case=case, event=event, actor=actor, request=request)
    if kind in DECISIONS:
        webhook_event(
            organisation_id=case.organisation_id,
            event=WebhookEvent.DECISION_RECORDED,
            case_reference=case.reference,
            case_uuid=case.uuid,
        )
    return event


def _kind_in_english(event: NrmEvent) -> str:
    """Audit notes and stored outcomes are records: English whatever language the person reads."""
    with override(settings.LANGUAGE_CODE):
        return str(event.get_kind_display())


# The steps a council's systems are told of as "decision recorded" (accounts/webhooks.py).
DECISIONS = {NrmEventKind.RG_DECISION, NrmEventKind.CG_DECISION, NrmEventKind.RECONSIDERATION_OUTCOME}


def _complete_the_action(*, case: Case, event: NrmEvent, actor: User, request: Any) -> None:
    """A referral recorded as an NRM step also marks the pathway's referral action sent, so it never
    goes overdue for a referral already made (referral_update does the same the other way round)."""
    code = ACTION_COMPLETED_BY.get(event.kind)
    action = case.referrals.filter(code=code, status=ReferralStatus.TO_DO).first() if code else None
    if action is None:
        return
    today = timezone.localdate()
    action.status = ReferralStatus.SENT
    action.sent_at = (
        timezone.now() if event.occurred_on == today else datetime.combine(event.occurred_on, time.min, LONDON)
    )
    action.outcome = action.outcome or f'Recorded as the NRM step "{_kind_in_english(event)}"'
    action.updated_by = actor
    action.save(update_fields=["status", "sent_at", "outcome", "updated_by", "updated_at"])
    audit_record(
        action=AuditAction.UPDATE,
        actor=actor,
        request=request,
        obj=action,
        changed_fields=["status", "sent_at", "outcome"],
        note="Marked sent by the NRM step recorded",
    )
