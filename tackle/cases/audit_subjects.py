"""Cases fill the audit log's slots (tackle/audit/subjects.py): an auditor finds a case, and so the
person in it, by the case's reference, and the log's rows name the case an entry concerns. A person
in Tackle is the person of one case, so the case reference is the person's reference too: the auditor
follows who opened a victim's record without ever seeing who the victim is."""

import uuid
from typing import Any

from django.db import models

from tackle.audit.subjects import AuditSubject, references_of, subject_by_reference
from tackle.cases.models import (
    AccommodationPlacement,
    Case,
    CaseDocument,
    CaseNote,
    MissingEpisode,
    NeedsAssessment,
    NrmEvent,
    OutcomeScore,
    Referral,
    SafetyPlan,
    SafetyPlanReview,
    SupportPhase,
)
from tackle.cases.selectors import case_of_organisation

# The records kept inside a case, each audited under its own identifier, with the path to its case
# and words for it that name no one.
_PARTS: tuple[tuple[type[models.Model], str, str], ...] = (
    (Referral, "case", "Action"),
    (NrmEvent, "case", "NRM step"),
    (SupportPhase, "case", "Support phase"),
    (NeedsAssessment, "case", "Needs assessment"),
    (AccommodationPlacement, "case", "Accommodation placement"),
    (SafetyPlan, "case", "Safety plan"),
    (SafetyPlanReview, "plan__case", "Safety plan review"),
    (MissingEpisode, "case", "Missing episode"),
    (OutcomeScore, "case", "Outcome score"),
    (CaseNote, "case", "Case note"),
    (CaseDocument, "case", "Document"),
)


def case_subject(organisation_id: int, reference: str) -> AuditSubject | None:
    case = case_of_organisation(organisation_id, reference)
    if case is None:
        return None
    parts = {str(case.uuid): "The case and the person in it"}
    for model, to_case, label in _PARTS:
        for identifier in model._default_manager.filter(**{to_case: case}).values_list("uuid", flat=True):
            parts[str(identifier)] = label
    return AuditSubject(reference=case.reference, kind="case", parts=parts)


def case_references(organisation_id: int, identifiers: list[str]) -> dict[str, str]:
    """The organisation's own cases only: another organisation's record keeps its bare identifier."""
    uuids = [value for value in identifiers if _is_uuid(value)]
    if not uuids:
        return {}
    found = {
        str(key): reference
        for key, reference in Case.objects.filter(organisation_id=organisation_id, uuid__in=uuids).values_list(
            "uuid", "reference"
        )
    }
    for model, to_case, _label in _PARTS:
        rows: Any = model._default_manager.filter(
            **{"uuid__in": uuids, f"{to_case}__organisation_id": organisation_id}
        ).values_list("uuid", f"{to_case}__reference")
        found |= {str(key): reference for key, reference in rows}
    return found


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


subject_by_reference.register(case_subject)
references_of.register(case_references)
