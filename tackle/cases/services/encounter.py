"""One encounter, several people: each person met becomes a case of their own, linked to the encounter,
with their own pathway (one may agree to the NRM while another refuses)."""

from dataclasses import replace
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils.translation import gettext

from tackle.accounts.models import Organisation, User
from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.cases.models import Case, Encounter
from tackle.cases.services.case import ConcernDetails, case_record_concern
from tackle.core.errors import ApplicationError

MAX_PEOPLE = 50


def _declined_without_a_reason(person: ConcernDetails) -> bool:
    """As the concern form asks: an adult (or someone of unknown age) who said no says why."""
    maybe_adult = not person.appears_under_18 and (person.age is None or person.age >= 18)
    return person.consent_to_nrm is False and maybe_adult and not person.refusal_reason.strip()


@transaction.atomic
def encounter_record(
    *,
    organisation: Organisation,
    recorded_by: User,
    encountered_at: datetime,
    location: str,
    what_was_seen: str,
    people: list[ConcernDetails],
    request: Any = None,
) -> tuple[Encounter, list[Case]]:
    """The encounter and a case for each person, in the order given; all or nothing. Each person's
    encounter fields are the encounter's. An error names the person by index: `people[1].age`."""
    if not people:
        raise ApplicationError(gettext("Add at least one person"), field="people")
    if len(people) > MAX_PEOPLE:
        raise ApplicationError(
            gettext("Record at most %(count)s people at once") % {"count": MAX_PEOPLE}, field="people"
        )
    if not location.strip():
        raise ApplicationError(gettext("Enter where you saw this"), field="location")
    if not what_was_seen.strip():
        raise ApplicationError(gettext("Describe what you saw or heard"), field="what_was_seen")
    encounter = Encounter.objects.create(
        organisation=organisation,
        recorded_by=recorded_by,
        encountered_at=encountered_at,
        location=location.strip(),
        what_was_seen=what_was_seen.strip(),
    )
    cases = []
    for index, person in enumerate(people):
        details = replace(
            person, encountered_at=encountered_at, location=encounter.location, what_was_seen=encounter.what_was_seen
        )
        try:
            if _declined_without_a_reason(person):
                raise ApplicationError(gettext("Say why they did not want to be referred"), field="refusal_reason")
            case = case_record_concern(
                organisation=organisation,
                recorded_by=recorded_by,
                details=details,
                encounter=encounter,
                request=request,
            )
        except ApplicationError as error:
            if error.field in (None, "encountered_at", "location", "what_was_seen"):
                raise
            raise ApplicationError(
                gettext("Person %(number)s: %(error)s") % {"number": index + 1, "error": error.message},
                field=f"people[{index}].{error.field}",
            ) from None
        cases.append(case)
    audit_record(
        action=AuditAction.CREATE,
        actor=recorded_by,
        request=request,
        obj=encounter,
        note=f"Encounter recorded with {len(cases)} {'person' if len(cases) == 1 else 'people'}",
    )
    return encounter, cases
