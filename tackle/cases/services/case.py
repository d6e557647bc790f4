"""Changes to cases. Each rule-bearing change is a service: keyword-only, in a transaction, audited."""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from tackle.accounts.models import Organisation, User, WebhookEvent
from tackle.accounts.selectors import leads_of
from tackle.accounts.services import notify
from tackle.accounts.webhooks import webhook_event
from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.cases.models import (
    AgeGroup,
    Case,
    ConcernAbout,
    Encounter,
    ExplanationVersion,
    InterpreterMode,
    Referral,
    ReferralCode,
    ReferralStatus,
)
from tackle.cases.rules.anonymity import IDENTIFYING_FIELDS
from tackle.cases.rules.nrm_outcomes import ACTION_COMPLETED_BY, STEP_RECORDED_BY
from tackle.cases.rules.pathway import PathwayFacts, PathwayResult, evaluate_pathway
from tackle.cases.services.nrm import nrm_event_record
from tackle.cases.services.pathway import pathway_rules_for
from tackle.core.errors import ApplicationError, ConflictError
from tackle.suppliers.services import supplier_concern_tasks_withdraw, supplier_told_of_concern


@dataclass
class ConcernDetails:
    """What an officer knows when recording a concern. Everything but the first three is optional."""

    encountered_at: datetime
    what_was_seen: str
    location: str
    concern_about: str = "person"
    supplier_name: str = ""
    person_name: str = ""
    person_date_of_birth: date | None = None
    person_contact: str = ""
    person_address: str = ""
    age: int | None = None
    appears_under_18: bool | None = None
    age_disputed: bool = False
    age_at_exploitation: int | None = None
    gender: str = "unknown"
    nationality: str = ""
    language: str = ""
    interpreter_needed: bool | None = None
    indicators: list[str] = field(default_factory=list)
    indicators_other: str = ""
    exploitation_types: list[str] = field(default_factory=list)
    exploitation_location: str = "unknown"
    county_lines: bool = False
    immediate_danger: bool = False
    destitute: bool = False
    care_and_support_needs: bool = False
    consent_to_nrm: bool | None = None
    consent_to_share: bool = False
    refusal_reason: str = ""


def _facts_of(case: Case) -> PathwayFacts:
    return PathwayFacts(
        encountered_at=case.encountered_at,
        age=case.age,
        appears_under_18=case.appears_under_18,
        age_disputed=case.age_disputed,
        consent_to_nrm=case.consent_to_nrm,
        immediate_danger=case.immediate_danger,
        care_and_support_needs=case.care_and_support_needs,
        destitute=case.destitute,
        concern_about=case.concern_about,
        indicators=tuple(case.indicators),
        exploitation_types=tuple(case.exploitation_types),
    )


def _age_group(case: Case, result: PathwayResult) -> str:
    if result.treated_as_child:
        return AgeGroup.CHILD
    if case.age is not None and case.age >= 18:
        return AgeGroup.ADULT
    if case.age is None and case.appears_under_18 is False:  # seen, and judged, to be an adult
        return AgeGroup.ADULT
    return AgeGroup.UNKNOWN


def _strip_identifying_details(case: Case) -> list[str]:
    """Blank what could identify an adult who declined the NRM and did not consent to sharing."""
    stripped = []
    for name in IDENTIFYING_FIELDS:
        empty = None if name == "person_date_of_birth" else ""
        if getattr(case, name) != empty:
            setattr(case, name, empty)
            stripped.append(name)
    return stripped


def _apply_pathway(case: Case, *, validate: bool = False) -> PathwayResult:
    """Run the pathway on the case's facts, save, and add a tracked referral for each new action."""
    result = evaluate_pathway(_facts_of(case), pathway_rules_for(case.organisation))
    case.treated_as_child = result.treated_as_child
    case.age_group = _age_group(case, result)
    if case.is_anonymous:
        _strip_identifying_details(case)
        if case.pk:  # other names identify as much as the name does
            case.aliases.all().delete()
    if validate:
        case.full_clean(exclude=["reference"])
    case.save()
    existing = set(case.referrals.values_list("code", flat=True))
    for action in result.actions:
        if action.code not in existing:
            Referral.objects.create(case=case, code=action.code, due_by=action.due_by, reason=action.reason[:300])
    return result


def _new_reference() -> str:
    return f"C-{uuid.uuid4().hex[:8].upper()}"


@transaction.atomic
def case_record_concern(
    *,
    organisation: Organisation,
    recorded_by: User,
    details: ConcernDetails,
    encounter: Encounter | None = None,
    request: Any = None,
) -> Case:
    if details.encountered_at > timezone.now() + timedelta(minutes=5):
        raise ApplicationError(gettext("The date and time seen cannot be in the future"), field="encountered_at")
    case = Case(
        organisation=organisation,
        recorded_by=recorded_by,
        reference=_new_reference(),
        encounter=encounter,
        **details.__dict__,
    )
    _apply_pathway(case, validate=True)
    audit_record(action=AuditAction.CREATE, actor=recorded_by, request=request, obj=case, note="Concern recorded")
    _tell_leads(case)
    _tell_procurement(case, actor=recorded_by)
    webhook_event(
        organisation_id=case.organisation_id,
        event=WebhookEvent.CONCERN_RECORDED,
        case_reference=case.reference,
        case_uuid=case.uuid,
    )
    return case


_TASK_ON = "A task is on "  # how a referral Tackle marked sent to procurement begins


def _tell_procurement(case: Case, *, actor: User, corrected: bool = False) -> None:
    """A concern about a named supplier becomes a task on the supplier's record, through suppliers'
    published service; the procurement referral is then sent. Unmatched, it stays for the lead to pass on.
    After a correction the task follows the supplier named now: a task on the other supplier is withdrawn,
    and a referral Tackle marked sent for it is sent again to the new one or goes back to the lead."""
    named = case.concern_about == ConcernAbout.SUPPLIER and case.supplier_name
    told = (
        supplier_told_of_concern(case.organisation_id, case.supplier_name, case.reference, case.uuid, actor)
        if named
        else None
    )
    referral = case.referrals.filter(code=ReferralCode.PROCUREMENT_REFERRAL)
    if corrected:
        supplier_concern_tasks_withdraw(case_uuid=case.uuid, keep=told, actor=actor)
        sent_by_tackle = referral.filter(status=ReferralStatus.SENT, outcome__startswith=_TASK_ON)
        if told is None:
            sent_by_tackle.update(status=ReferralStatus.TO_DO, sent_at=None, outcome="", updated_by=actor)
            return
        referral = referral.filter(Q(status=ReferralStatus.TO_DO) | Q(pk__in=sent_by_tackle.values("pk")))
    else:
        referral = referral.filter(status=ReferralStatus.TO_DO)
    if told is None:
        return
    referral.update(
        status=ReferralStatus.SENT,
        sent_at=timezone.now(),
        outcome=f"{_TASK_ON}{told}'s record in the supplier register",
        updated_by=actor,
    )


def new_concern_key(case: Case) -> str:
    return f"case:{case.uuid}:new-concern"


def _tell_leads(case: Case) -> None:
    """The organisation's lead, in Tackle and by email when they have an address. The message
    carries the reference only, never personal data; who was told is read back by its key."""
    for lead in leads_of(case.organisation_id):
        with translation.override(lead.language or settings.LANGUAGE_CODE):  # the recipient's language
            subject = gettext("New modern slavery concern %(reference)s") % {"reference": case.reference}
            body = gettext("A new concern (%(reference)s) is waiting in your Tackle queue.") % {
                "reference": case.reference
            }
        notify(
            user=lead,
            subject=subject,
            body=body,
            url=reverse("cases:case-detail", args=[case.uuid]),
            key=new_concern_key(case),
        )


def require_current_version(case: Case, expected_version: int | None) -> None:
    """Optimistic locking for every change of a case made from a form that showed its version."""
    if expected_version is not None and case.version != expected_version:
        raise ConflictError(
            gettext("Someone else changed this case while you were editing it. Reload the page to see their changes.")
        )


def _bump(case: Case, fields: list[str]) -> None:
    case.version += 1
    case.save(update_fields=[*fields, "version", "updated_at"])


@transaction.atomic
def case_triage(*, case: Case, actor: User, request: Any = None) -> Case:
    if case.triaged_at is None:
        case.triaged_at = timezone.now()
        _bump(case, ["triaged_at"])
        audit_record(action=AuditAction.UPDATE, actor=actor, request=request, obj=case, changed_fields=["triaged_at"])
    return case


@dataclass
class ConsentExplained:
    """How the NRM was explained, so the consent given (or refused) was informed."""

    language: str = ""
    interpreter: str = InterpreterMode.NONE
    interpreter_agency: str = ""
    leaflet: str = ""
    # The organisation's approved texts read to them (issue 21, item 4), and whether an interpreter read them.
    texts: Sequence[ExplanationVersion] = ()
    texts_read_by_interpreter: bool = False


@transaction.atomic
def case_record_consent(
    *,
    case: Case,
    actor: User,
    consent_to_nrm: bool,
    consent_to_share: bool,
    refusal_reason: str = "",
    explained: ConsentExplained | None = None,
    withdrawn_on: date | None = None,
    expected_version: int | None = None,
    request: Any = None,
) -> Case:
    """An adult's answer when asked about the NRM. Adds the NRM referral or the Duty to Notify.
    A withdrawal (a date) moves a person who consented as a refusal would."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    require_current_version(case, expected_version)
    if withdrawn_on is not None:
        _check_withdrawal(case, consent_to_nrm=consent_to_nrm, withdrawn_on=withdrawn_on)
    if case.treated_as_child:
        raise ApplicationError(gettext("Consent is not needed for a child: refer to the NRM"))
    if consent_to_nrm is False and not refusal_reason.strip():
        raise ApplicationError(gettext("Say why they did not want to be referred"), field="refusal_reason")
    changed = ["consent_to_nrm", "consent_to_share", "refusal_reason"]
    if explained is not None:
        _record_how_explained(case, explained)
        changed += ["consent_language", "consent_interpreter", "consent_interpreter_agency", "consent_leaflet"]
        changed += ["consent_explanations", "consent_explanation_read_by_interpreter"]
    case.consent_to_nrm = consent_to_nrm
    case.consent_to_share = consent_to_share
    case.refusal_reason = refusal_reason.strip() if consent_to_nrm is False else ""
    case.referrals.filter(code=ReferralCode.SEEK_NRM_CONSENT, status=ReferralStatus.TO_DO).update(
        status=ReferralStatus.DONE, outcome="Consent asked", updated_by=actor
    )
    if withdrawn_on is not None:
        case.consent_withdrawn_on = withdrawn_on
        changed.append("consent_withdrawn_on")
        # The referral they no longer agree to must not go overdue or be sent.
        case.referrals.filter(code=ReferralCode.NRM_REFERRAL, status=ReferralStatus.TO_DO).update(
            status=ReferralStatus.NOT_NEEDED, outcome="Consent withdrawn", updated_by=actor
        )
    case.version += 1
    _apply_pathway(case)
    audit_record(
        action=AuditAction.UPDATE,
        actor=actor,
        request=request,
        obj=case,
        changed_fields=changed,
        note=_texts_read_note(case) if explained is not None else "",
    )
    return case


def _texts_read_note(case: Case) -> str:
    """For the case's history: which texts and versions were read, never the language (the log
    keeps no personal data, and the person's language is theirs)."""
    versions = sorted(case.consent_explanations.all(), key=lambda version: version.kind)
    if not versions:
        return ""
    with translation.override(None):  # a record: the kinds' English names, whatever the page's language
        texts = ", ".join(f"{version.kind_label} version {version.number}" for version in versions)
    read_by = "an interpreter" if case.consent_explanation_read_by_interpreter else "the officer"
    return f"Consent recorded after reading {texts}, read by {read_by}"


def _check_withdrawal(case: Case, *, consent_to_nrm: bool, withdrawn_on: date) -> None:
    if case.treated_as_child:
        raise ApplicationError(
            gettext("A child cannot withdraw consent: it is not needed for a child's NRM referral"),
            field="withdrawn_on",
        )
    if case.consent_to_nrm is not True:
        raise ApplicationError(gettext("Only consent they gave can be withdrawn"), field="withdrawn_on")
    if consent_to_nrm:
        raise ApplicationError(gettext("Select no: they no longer agree to be referred"), field="consent_to_nrm")
    if withdrawn_on > timezone.localdate():
        raise ApplicationError(gettext("The date consent was withdrawn cannot be in the future"), field="withdrawn_on")


def _record_how_explained(case: Case, explained: ConsentExplained) -> None:
    if explained.interpreter not in InterpreterMode.values:
        raise ApplicationError(gettext("Choose how the interpreter took part"), field="consent_interpreter")
    agency = explained.interpreter_agency.strip()
    if explained.interpreter == InterpreterMode.NONE and agency:
        raise ApplicationError(gettext("Say how the interpreter took part"), field="consent_interpreter")
    case.consent_language = explained.language.strip()
    case.consent_interpreter = explained.interpreter
    case.consent_interpreter_agency = agency
    case.consent_leaflet = explained.leaflet.strip()
    texts = list(explained.texts)
    if any(text.language.organisation_id != case.organisation_id or text.approved_at is None for text in texts):
        raise ApplicationError(gettext("Use your organisation's approved explanation texts"), field="explanation_texts")
    if len({text.kind for text in texts}) != len(texts):
        raise ApplicationError(gettext("Read one text of each kind"), field="explanation_texts")
    if explained.texts_read_by_interpreter and explained.interpreter == InterpreterMode.NONE:
        raise ApplicationError(gettext("Say how the interpreter took part"), field="consent_interpreter")
    case.consent_explanations.set(texts)
    case.consent_explanation_read_by_interpreter = explained.texts_read_by_interpreter and bool(texts)


@transaction.atomic
def referral_update(
    *,
    referral: Referral,
    actor: User,
    status: str,
    sent_at: datetime | None = None,
    outcome: str = "",
    request: Any = None,
) -> Referral:
    """Record what happened to one action, e.g. the MASH referral went at 09:40."""
    if status not in ReferralStatus.values:
        raise ApplicationError(gettext("Choose a status from the list"), field="status")
    if status == ReferralStatus.SENT and sent_at is None:
        raise ApplicationError(gettext("Enter when it was sent"), field="sent_at")
    if sent_at is not None and sent_at > timezone.now() + timedelta(minutes=5):
        raise ApplicationError(gettext("The time sent cannot be in the future"), field="sent_at")
    case = referral.case
    if referral.code == ReferralCode.DUTY_TO_NOTIFY and status == ReferralStatus.SENT and case.treated_as_child:
        raise ApplicationError(gettext("A Duty to Notify is never used for a child"))
    referral.status = status
    referral.sent_at = sent_at if status in {ReferralStatus.SENT, ReferralStatus.DONE} else None
    referral.outcome = outcome.strip()
    referral.updated_by = actor
    referral.full_clean()
    referral.save()
    audit_record(
        action=AuditAction.UPDATE,
        actor=actor,
        request=request,
        obj=referral,
        changed_fields=["status", "sent_at", "outcome"],
    )
    kind = STEP_RECORDED_BY.get(referral.code)
    already_recorded = case.nrm_events.filter(kind__in=tuple(ACTION_COMPLETED_BY)).exists()
    if status == ReferralStatus.SENT and kind and not already_recorded:
        assert sent_at is not None
        nrm_event_record(case=case, actor=actor, kind=kind, occurred_on=timezone.localdate(sent_at), request=request)
    return referral
