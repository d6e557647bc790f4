"""The referral pack: what the Home Office online form asks, in its order, with this case's answers,
so the officer can transcribe it. The same form serves the NRM and Duty to Notify; a Duty to
Notify carries nothing identifying unless the person agreed to share it."""

from typing import Any

from tackle.cases.categories import exploitation_category, first_responder_type
from tackle.cases.models import Case, ExploitationLocation, Gender
from tackle.core.roles import OrganisationKind

NOT_RECORDED = "Not recorded: ask the person or check your notes"

_GENDER_ON_FORM: dict[str, str] = {Gender.FEMALE: "Female", Gender.MALE: "Male"}
_LOCATION_ON_FORM: dict[str, str] = {
    ExploitationLocation.UK: "UK",
    ExploitationLocation.OVERSEAS: "Overseas",
    ExploitationLocation.UK_AND_OVERSEAS: "UK and overseas",
}


def _item(question: str, answer: Any) -> dict[str, str]:
    if answer in (None, "", []):
        answer = NOT_RECORDED
    return {"question": question, "answer": str(answer)}


def _yes_no(value: bool | None, *, yes: str = "Yes") -> str | None:
    return None if value is None else (yes if value else "No")


def _under_18_answer(case: Case) -> str:
    if case.treated_as_child:
        return "Yes" if case.age is not None and case.age < 18 else "Not sure (treat as a child until assessed)"
    return "No" if case.age is not None else "Not sure"


def build_referral_pack(case: Case) -> dict[str, Any]:
    anonymous = case.is_anonymous
    route = "duty_to_notify" if (case.consent_to_nrm is False and not case.treated_as_child) else "nrm"
    organisation = case.organisation
    sections: list[dict[str, Any]] = [
        {
            "title": "About the referral",
            "items": [
                _item("Your own case reference (not sent to the Home Office)", case.reference),
                _item("Your organisation", organisation.name),
                _item("First responder type", first_responder_type(organisation.kind)),
                _item("Is the potential victim under 18?", _under_18_answer(case)),
                _item(
                    "Were they under 18 at any time during the exploitation?",
                    "Yes" if case.age_at_exploitation is not None and case.age_at_exploitation < 18 else None,
                ),
            ],
        },
    ]
    if case.treated_as_child:
        sections.append(
            {
                "title": "Local authority contacted about the child",
                "items": [
                    _item(
                        "Local authority", organisation.name if organisation.kind == OrganisationKind.COUNCIL else None
                    ),
                    _item("Consent", "Not needed: a child is referred automatically"),
                ],
            }
        )
    sections.append(
        {
            "title": "The exploitation",
            "items": [
                _item("How did it start, and what were they made to do?", case.what_was_seen),
                _item("Where did the exploitation happen?", _LOCATION_ON_FORM.get(case.exploitation_location)),
                _item("Place or address", case.location),
                _item("Types of exploitation", exploitation_category(case.exploitation_types)),
                _item("Signs of modern slavery noticed", ", ".join(case.indicators) or case.indicators_other),
            ],
        }
    )
    if route == "duty_to_notify":
        items = [
            _item("Why they do not want to be referred", case.refusal_reason),
            _item("Gender", _GENDER_ON_FORM.get(case.gender, "They do not identify as male or female, or not known")),
            _item("Nationality", case.nationality),
        ]
        if not anonymous:
            items += [_item("Name", case.person_name), _item("Contact details", case.person_contact)]
        sections.append({"title": "Duty to Notify (anonymous unless they agreed to share)", "items": items})
    else:
        sections.append(
            {
                "title": "The potential victim",
                "items": [
                    _item(
                        "Consent to the NRM referral", "Yes" if case.consent_to_nrm or case.treated_as_child else None
                    ),
                    _item("Name", case.person_name),
                    _item(
                        "Date of birth", case.person_date_of_birth.isoformat() if case.person_date_of_birth else None
                    ),
                    _item(
                        "Gender",
                        _GENDER_ON_FORM.get(case.gender, "They do not identify as male or female, or not known"),
                    ),
                    _item("Nationality", case.nationality),
                    _item("Interpreter needed", _yes_no(case.interpreter_needed, yes=f"Yes: {case.language}")),
                    _item("Contact details for support", case.person_contact),
                    _item("Postal address (safe to write to?)", case.person_address),
                ],
            }
        )
    sections.append(
        {
            "title": "You, the first responder",
            "items": [
                _item("Name", case.recorded_by.display_name),
                _item("Email", case.recorded_by.email),
            ],
        }
    )
    return {"reference": case.reference, "route": route, "anonymous": anonymous, "sections": sections}
