"""A case's one timeline: its NRM steps and allocations from their records, merged in time order
with the audit log's entries for the case and every record of it (actions, support records, safety
plan reviews, documents, corrections, shares and views), each with who and when.

Only a role that may see the case's support record in its own organisation (the policy table's
SUPPORT resource) sees the whole; anyone else who may open the case (the frontline officer who
recorded it, a partner it was shared with) sees its NRM steps only, never views or support detail.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tackle.audit.models import AuditAction
from tackle.audit.selectors import audit_events_about
from tackle.cases.models import Case, SafetyPlanReview
from tackle.cases.rules.home_office_form import SECTIONS
from tackle.cases.selectors import allocations_of
from tackle.core.access import SUPPORT, Action, Scope, scopes_for


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    kind: str  # step, allocation, record, correction, share, action, support, document, view
    what: str
    who: str
    fields: tuple[str, ...] = ()  # field keys, as the API gives them

    @property
    def field_labels(self) -> tuple[str, ...]:
        """The fields changed as people read them on the page."""
        return tuple(str(field_label(key)) for key in self.fields)


# Short names of the case's details, for the page; a key not named here reads as its words.
_CASE_FIELD_LABELS = {
    "person_name": _("Name"), "aliases": _("Other names"), "person_date_of_birth": _("Date of birth"),
    "date_of_birth": _("Date of birth"), "person_contact": _("Contact details"), "person_address": _("Address"),
    "gender": _("Gender"), "nationality": _("Nationality"), "language": _("Languages"),
    "interpreter_needed": _("Interpreter needed"), "current_town": _("Town or city now"),
    "current_county": _("County or region now"), "age": _("Age"), "appears_under_18": _("Looks or says under 18"),
    "age_disputed": _("Age in doubt"), "age_at_exploitation": _("Age when exploitation began"),
    "age_assessed_on": _("Date of the age assessment"), "age_assessed_by": _("Who assessed the age"),
    "age_assessment_outcome": _("Outcome of the age assessment"), "assessed_age": _("Assessed age"),
    "age_group": _("Age group"), "treated_as_child": _("Treated as a child"),
    "exploitation_types": _("Types of exploitation"), "exploitation_location": _("Where the exploitation happened"),
    "exploitation_places": _("Places of exploitation"), "county_lines": _("County lines"),
    "child_criminal_exploitation": _("Criminal exploitation of a child"),
    "child_sexual_exploitation": _("Sexual exploitation of a child"), "separated_child": _("Separated child"),
    "care_leaver": _("Care leaver"), "indicators": _("Signs noticed"), "indicators_other": _("Other signs noticed"),
    "encountered_at": _("When they were seen"), "location": _("Where they were seen"),
    "what_was_seen": _("What was seen"), "concern_about": _("Who the concern is about"), "supplier_name": _("Supplier"),
    "immediate_danger": _("Immediate danger"), "destitute": _("Nowhere safe to stay"),
    "care_and_support_needs": _("Care and support needs"), "consent_to_nrm": _("Consent to an NRM referral"),
    "consent_to_share": _("Consent to share details"), "refusal_reason": _("Why they declined"),
    "consent_explanations": _("Explanation texts read"),
    "consent_explanation_read_by_interpreter": _("Explanation read by an interpreter"),
    "stage": _("Stage"), "status": _("Status"), "allocated_to": _("Allocated worker"), "triaged_at": _("Triaged"),
}  # fmt: skip
_QUESTION_LABELS = {question.key: question.label for section in SECTIONS for question in section.questions}


def field_label(key: str) -> Any:
    """A field's human name: the case's own, else the Home Office form's question, else its words."""
    return _CASE_FIELD_LABELS.get(key) or _QUESTION_LABELS.get(key) or key.replace("_", " ").capitalize()


def sees_whole_timeline(user: Any, case: Case) -> bool:
    return case.organisation_id == user.organisation_id and Scope.ORGANISATION in scopes_for(
        user.role, SUPPORT, Action.VIEW
    )


def case_timeline(user: Any, case: Case) -> list[TimelineEntry]:
    """The case's history for `user`, oldest first; the page has opened the case through the door."""
    entries = [_step(event) for event in case.nrm_events.select_related("recorded_by")]
    if sees_whole_timeline(user, case):
        entries += [_allocation(allocation) for allocation in allocations_of(case)]
        labels = _record_labels(case)
        entries += [entry for event in audit_events_about(labels) if (entry := _from_audit(event, labels))]
    return sorted(entries, key=lambda entry: entry.at)  # stable: records keep their own order on ties


def _who(user: Any, username: str = "") -> str:
    return user.display_name if user is not None else username or "Tackle"


def _step(event: Any) -> TimelineEntry:
    values = {"step": event.get_kind_display(), "day": date_format(event.occurred_on, "j F Y")}
    if event.outcome:
        values["outcome"] = str(event.get_outcome_display()).lower()
        what = gettext("NRM step: %(step)s on %(day)s, outcome %(outcome)s") % values
    else:
        what = gettext("NRM step: %(step)s on %(day)s") % values
    return TimelineEntry(event.recorded_at, "step", what, _who(event.recorded_by))


def _allocation(allocation: Any) -> TimelineEntry:
    values = {"name": allocation.allocated_to.display_name, "note": allocation.handover_note}
    if allocation.handover_note:
        what = gettext("Allocated to %(name)s, with the handover note: %(note)s") % values
    else:
        what = gettext("Allocated to %(name)s") % values
    return TimelineEntry(allocation.allocated_at, "allocation", what, _who(allocation.allocated_by))


# The case's records whose audit entries the timeline shows, by relation: (kind, label).
_SUPPORT_RELATIONS = {
    "support_phases": _("Support phase"),
    "needs_assessments": _("Needs assessment"),
    "placements": _("Accommodation placement"),
    "safety_plans": _("Safety plan"),
    "missing_episodes": _("Missing episode"),
    "notes": _("Case note"),
}


def _record_labels(case: Case) -> dict[str, tuple[str, Any]]:
    """Every record of the case by uuid: the kind of entry and a label that names no one."""
    labels: dict[str, tuple[str, Any]] = {str(case.uuid): ("case", gettext("the case"))}
    for referral in case.referrals.all():
        action = gettext("Action '%(action)s'") % {"action": referral.get_code_display()}
        labels[str(referral.uuid)] = ("action", action)
    for relation, label in _SUPPORT_RELATIONS.items():
        for uuid in getattr(case, relation).values_list("uuid", flat=True):
            labels[str(uuid)] = ("support", label)
    for uuid in SafetyPlanReview.objects.filter(plan__case=case).values_list("uuid", flat=True):
        labels[str(uuid)] = ("support", gettext("Safety plan review"))
    for document in case.documents.all():
        labels[str(document.uuid)] = ("document", gettext("Document '%(title)s'") % {"title": document.title})
    return labels


def _note_or(note: str, default: str) -> str:
    """An audit note as the entry's text: in the reader's language where the catalogue has it (the
    note "Concern recorded" is the entry's own words), else as recorded, in English."""
    return gettext(note) if note else default


def _from_audit(event: Any, labels: dict[str, tuple[str, Any]]) -> TimelineEntry | None:
    kind, label = labels[event.object_id]
    fields = tuple(event.changed_fields or ())
    who = _who(event.actor, event.actor_username)
    note = f" ({event.note})" if event.note else ""  # the audit note stays as it was recorded, in English
    values = {"record": label, "note": note}
    if event.action in (AuditAction.VIEW, AuditAction.EXPORT, AuditAction.LIST):
        if event.action == AuditAction.EXPORT:
            return TimelineEntry(event.occurred_at, "view", gettext("Exported %(record)s%(note)s") % values, who)
        return TimelineEntry(event.occurred_at, "view", gettext("Opened %(record)s%(note)s") % values, who)
    if kind == "case":
        if fields == ("allocated_to",):
            return None  # the allocation's own record says more, handover note included
        if event.action == AuditAction.CREATE and fields == ():
            return TimelineEntry(event.occurred_at, "record", _note_or(event.note, gettext("Concern recorded")), who)
        if fields == ("outcome_scores",):
            return TimelineEntry(
                event.occurred_at, "support", _note_or(event.note, gettext("Outcome scores recorded")), who
            )
        if event.action == AuditAction.SHARE:
            return TimelineEntry(event.occurred_at, "share", gettext("Shared%(note)s") % values, who)
        return TimelineEntry(
            event.occurred_at, "correction", _note_or(event.note, gettext("Changed the case")), who, fields
        )
    if event.action == AuditAction.CREATE:
        what = gettext("%(record)s recorded%(note)s") % values
    elif event.action == AuditAction.DELETE:
        what = gettext("%(record)s removed%(note)s") % values
    else:
        what = gettext("%(record)s changed%(note)s") % values
    return TimelineEntry(event.occurred_at, kind, what, who, fields)
