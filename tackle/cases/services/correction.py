"""Correcting and completing a case after intake: one service for every person and case detail, so
each change is checked, re-runs what depends on it, and is audited field by field with its reason."""

from datetime import timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from tackle.accounts.models import User
from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.cases.models import (
    AgeAssessmentOutcome,
    Case,
    CaseAlias,
    ConcernAbout,
    ExploitationType,
    Indicator,
    Stage,
)
from tackle.cases.rules.anonymity import CURRENT_PLACE_FIELDS, IDENTIFYING_FIELDS
from tackle.cases.rules.pathway import evaluate_pathway
from tackle.cases.services.case import _apply_pathway, _facts_of, _tell_procurement, require_current_version
from tackle.cases.services.pathway import pathway_rules_for
from tackle.core.errors import ApplicationError

PERSON_FIELDS = (
    "person_name", "aliases", "person_date_of_birth", "person_contact", "person_address", "gender", "nationality",
    "language", "interpreter_needed", "current_town", "current_county",
)  # fmt: skip
AGE_FIELDS = (
    "age", "appears_under_18", "age_disputed", "age_at_exploitation", "age_assessed_on", "age_assessed_by",
    "age_assessment_outcome", "assessed_age",
)  # fmt: skip
EXPLOITATION_FIELDS = (
    "exploitation_types", "exploitation_location", "exploitation_places", "county_lines",
    "child_criminal_exploitation", "child_sexual_exploitation", "separated_child", "care_leaver", "indicators",
    "indicators_other",
)  # fmt: skip
ENCOUNTER_FIELDS = (
    "encountered_at", "location", "what_was_seen", "concern_about", "supplier_name", "immediate_danger", "destitute",
    "care_and_support_needs",
)  # fmt: skip
CORRECTABLE_FIELDS = (*PERSON_FIELDS, *AGE_FIELDS, *EXPLOITATION_FIELDS, *ENCOUNTER_FIELDS)
# Identifying on an anonymous Duty to Notify: the record's own four and the aliases.
_IDENTIFYING = (*IDENTIFYING_FIELDS, "aliases")


def _aliases_of(case: Case) -> list[str]:
    return list(case.aliases.values_list("name", flat=True))


def _clean_aliases(names: Any) -> list[str]:
    if not isinstance(names, list | tuple) or not all(isinstance(name, str) for name in names):
        raise ApplicationError(gettext("Give the other names as a list"), field="aliases")
    kept: list[str] = []
    for name in (name.strip() for name in names):
        if len(name) > 200:
            raise ApplicationError(gettext("Each other name must be 200 characters or fewer"), field="aliases")
        if name and name not in kept:
            kept.append(name)
    return kept


def _check_values(changes: dict[str, Any]) -> None:
    """What the database's types cannot say: dates in the past, codes from the lists, an assessed age
    that matches the assessment's outcome."""
    today = timezone.localdate()
    for name in ("person_date_of_birth", "age_assessed_on"):
        if changes.get(name) is not None and changes[name] > today:
            raise ApplicationError(gettext("The date cannot be in the future"), field=name)
    if changes.get("encountered_at") is not None and changes["encountered_at"] > timezone.now() + timedelta(minutes=5):
        raise ApplicationError(gettext("The date and time seen cannot be in the future"), field="encountered_at")
    for name, allowed in (("indicators", Indicator.values), ("exploitation_types", ExploitationType.values)):
        if name in changes and not set(changes[name]) <= set(allowed):
            raise ApplicationError(gettext("Choose from the list"), field=name)
    for name in CURRENT_PLACE_FIELDS:
        if any(character.isdigit() for character in changes.get(name) or ""):
            raise ApplicationError(
                gettext("Enter the town, city, county or region only, not an address or postcode"), field=name
            )
    for name in ("age", "assessed_age", "age_at_exploitation"):
        if changes.get(name) is not None and not 0 <= changes[name] <= 120:
            raise ApplicationError(gettext("Enter an age from 0 to 120"), field=name)


def _name_the_supplier_only_when_about_one(case: Case, changes: dict[str, Any], changed: list[str]) -> None:
    """Only a concern about a supplier names one: naming one otherwise is refused, and a concern
    corrected to be about someone else drops the name it had."""
    case.supplier_name = case.supplier_name.strip()
    if case.concern_about == ConcernAbout.SUPPLIER or not case.supplier_name:
        return
    if changes.get("supplier_name"):
        raise ApplicationError(
            gettext("Name a supplier only when the concern is about a supplier or contractor"), field="supplier_name"
        )
    case.supplier_name = ""
    if "supplier_name" not in changed:
        changed.append("supplier_name")


def _follow_the_assessment(case: Case) -> None:
    """A completed age assessment settles the age the pathway reads: the assessed age, no longer disputed."""
    outcome = case.age_assessment_outcome
    if outcome not in (AgeAssessmentOutcome.ADULT, AgeAssessmentOutcome.CHILD) or case.assessed_age is None:
        return
    if (outcome == AgeAssessmentOutcome.ADULT) != (case.assessed_age >= 18):
        raise ApplicationError(
            gettext("The assessed age does not match the assessment's outcome"), field="assessed_age"
        )
    case.age = case.assessed_age
    case.age_disputed = False
    case.appears_under_18 = case.assessed_age < 18


@transaction.atomic
def case_correct(
    *,
    case: Case,
    actor: User,
    changes: dict[str, Any],
    reason: str,
    expected_version: int | None = None,
    request: Any = None,
) -> Case:
    """Correct or add any of CORRECTABLE_FIELDS. The age group, the child branch and the pathway's
    actions follow the corrected facts; the audit entry names the fields changed and the reason,
    never the values (they are personal data)."""
    if not reason.strip():
        raise ApplicationError(gettext("Say why you are making this change"), field="reason")
    unknown = sorted(set(changes) - set(CORRECTABLE_FIELDS))
    if unknown:
        raise ApplicationError(
            gettext("Not a detail that can be corrected here: %(names)s") % {"names": ", ".join(unknown)},
            field=unknown[0],
        )
    case = Case.objects.select_for_update().get(pk=case.pk)
    require_current_version(case, expected_version)
    changes = dict(changes)
    aliases = _clean_aliases(changes.pop("aliases")) if "aliases" in changes else None
    _check_values(changes)
    before = {name: getattr(case, name) for name in ("age", "appears_under_18", "age_disputed")}
    changed = [name for name, value in changes.items() if getattr(case, name) != value]
    if aliases is not None and aliases != _aliases_of(case):
        changed.append("aliases")
    if case.is_anonymous:
        given = [
            name for name in _IDENTIFYING if name in changed and (aliases if name == "aliases" else changes.get(name))
        ]
        if given:
            raise ApplicationError(
                gettext("This Duty to Notify is anonymous: nothing that identifies the person may be kept"),
                field=given[0],
            )
    if not changed:
        return case
    for name, value in changes.items():
        setattr(case, name, value)
    _name_the_supplier_only_when_about_one(case, changes, changed)
    _follow_the_assessment(case)
    changed += [name for name, value in before.items() if getattr(case, name) != value and name not in changed]
    result = evaluate_pathway(_facts_of(case), pathway_rules_for(case.organisation))
    if case.stage == Stage.DUTY_TO_NOTIFY and result.treated_as_child:
        raise ApplicationError(
            gettext(
                "A Duty to Notify was sent for this person as an adult. Record the NRM referral for a child "
                "before correcting their age"
            ),
            field=next(name for name in AGE_FIELDS if name in changed),
        )
    case.version += 1
    try:
        _apply_pathway(case, validate=True)
    except ValidationError as error:
        name, messages = next(iter(error.message_dict.items()))
        raise ApplicationError(messages[0], field=name) from None
    if aliases is not None and "aliases" in changed and not case.is_anonymous:
        case.aliases.exclude(name__in=aliases).delete()
        for name in aliases:
            CaseAlias.objects.get_or_create(case=case, name=name)
    audit_record(
        action=AuditAction.UPDATE,
        actor=actor,
        request=request,
        obj=case,
        changed_fields=sorted(changed),
        note=f"Corrected: {reason.strip()}",
    )
    if {"supplier_name", "concern_about"} & set(changed):
        _tell_procurement(case, actor=actor, corrected=True)
    return case
