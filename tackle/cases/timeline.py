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
        return tuple(field_label(key) for key in self.fields)


# Short names of the case's details, for the page; a key not named here reads as its words.
_CASE_FIELD_LABELS = {
    "person_name": "Name", "aliases": "Other names", "person_date_of_birth": "Date of birth",
    "date_of_birth": "Date of birth", "person_contact": "Contact details", "person_address": "Address",
    "gender": "Gender", "nationality": "Nationality", "language": "Languages",
    "interpreter_needed": "Interpreter needed", "current_town": "Town or city now",
    "current_county": "County or region now", "age": "Age", "appears_under_18": "Looks or says under 18",
    "age_disputed": "Age in doubt", "age_at_exploitation": "Age when exploitation began",
    "age_assessed_on": "Date of the age assessment", "age_assessed_by": "Who assessed the age",
    "age_assessment_outcome": "Outcome of the age assessment", "assessed_age": "Assessed age",
    "age_group": "Age group", "treated_as_child": "Treated as a child",
    "exploitation_types": "Types of exploitation", "exploitation_location": "Where the exploitation happened",
    "exploitation_places": "Places of exploitation", "county_lines": "County lines",
    "child_criminal_exploitation": "Criminal exploitation of a child",
    "child_sexual_exploitation": "Sexual exploitation of a child", "separated_child": "Separated child",
    "care_leaver": "Care leaver", "indicators": "Signs noticed", "indicators_other": "Other signs noticed",
    "encountered_at": "When they were seen", "location": "Where they were seen",
    "what_was_seen": "What was seen", "concern_about": "Who the concern is about", "supplier_name": "Supplier",
    "immediate_danger": "Immediate danger", "destitute": "Nowhere safe to stay",
    "care_and_support_needs": "Care and support needs", "consent_to_nrm": "Consent to an NRM referral",
    "consent_to_share": "Consent to share details", "refusal_reason": "Why they declined",
    "consent_explanations": "Explanation texts read",
    "consent_explanation_read_by_interpreter": "Explanation read by an interpreter",
    "stage": "Stage", "status": "Status", "allocated_to": "Allocated worker", "triaged_at": "Triaged",
}  # fmt: skip
_QUESTION_LABELS = {question.key: question.label for section in SECTIONS for question in section.questions}


def field_label(key: str) -> str:
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
    what = f"NRM step: {event.get_kind_display()} on {event.occurred_on:%-d %B %Y}"
    if event.outcome:
        what += f", outcome {event.get_outcome_display().lower()}"
    return TimelineEntry(event.recorded_at, "step", what, _who(event.recorded_by))


def _allocation(allocation: Any) -> TimelineEntry:
    what = f"Allocated to {allocation.allocated_to.display_name}"
    if allocation.handover_note:
        what += f", with the handover note: {allocation.handover_note}"
    return TimelineEntry(allocation.allocated_at, "allocation", what, _who(allocation.allocated_by))


# The case's records whose audit entries the timeline shows, by relation: (kind, label).
_SUPPORT_RELATIONS = {
    "support_phases": "Support phase",
    "needs_assessments": "Needs assessment",
    "placements": "Accommodation placement",
    "safety_plans": "Safety plan",
    "missing_episodes": "Missing episode",
    "notes": "Case note",
}


def _record_labels(case: Case) -> dict[str, tuple[str, str]]:
    """Every record of the case by uuid: the kind of entry and a label that names no one."""
    labels: dict[str, tuple[str, str]] = {str(case.uuid): ("case", "the case")}
    for referral in case.referrals.all():
        labels[str(referral.uuid)] = ("action", f"Action '{referral.get_code_display()}'")
    for relation, label in _SUPPORT_RELATIONS.items():
        for uuid in getattr(case, relation).values_list("uuid", flat=True):
            labels[str(uuid)] = ("support", label)
    for uuid in SafetyPlanReview.objects.filter(plan__case=case).values_list("uuid", flat=True):
        labels[str(uuid)] = ("support", "Safety plan review")
    for document in case.documents.all():
        labels[str(document.uuid)] = ("document", f"Document '{document.title}'")
    return labels


def _from_audit(event: Any, labels: dict[str, tuple[str, str]]) -> TimelineEntry | None:
    kind, label = labels[event.object_id]
    fields = tuple(event.changed_fields or ())
    who = _who(event.actor, event.actor_username)
    note = f" ({event.note})" if event.note else ""
    if event.action in (AuditAction.VIEW, AuditAction.EXPORT, AuditAction.LIST):
        verb = "Exported" if event.action == AuditAction.EXPORT else "Opened"
        return TimelineEntry(event.occurred_at, "view", f"{verb} {label}{note}", who)
    if kind == "case":
        if fields == ("allocated_to",):
            return None  # the allocation's own record says more, handover note included
        if event.action == AuditAction.CREATE and fields == ():
            return TimelineEntry(event.occurred_at, "record", event.note or "Concern recorded", who)
        if fields == ("outcome_scores",):
            return TimelineEntry(event.occurred_at, "support", event.note or "Outcome scores recorded", who)
        if event.action == AuditAction.SHARE:
            return TimelineEntry(event.occurred_at, "share", f"Shared{note}", who)
        return TimelineEntry(event.occurred_at, "correction", event.note or "Changed the case", who, fields)
    verb = {AuditAction.CREATE: "recorded", AuditAction.DELETE: "removed"}.get(event.action, "changed")
    return TimelineEntry(event.occurred_at, kind, f"{label} {verb}{note}", who, fields)
