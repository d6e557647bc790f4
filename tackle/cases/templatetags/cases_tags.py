"""The case page's details, grouped as the "Change" pages group them (forms/correction.py)."""

from typing import Any

from django import template
from django.urls import reverse

from tackle.cases.forms.correction import CORRECTION_FORMS
from tackle.cases.models import Case, ExploitationType, Indicator
from tackle.cases.selectors import consent_explanation_words

register = template.Library()


def _yes_no(value: bool | None) -> str:
    return "Not known" if value is None else "Yes" if value else "No"


def _labels(codes: list[str], choices: Any) -> str:
    names = dict(choices)
    return "\n".join(str(names.get(code, code)) for code in codes) or "None recorded"


def _rows(case: Case) -> dict[str, list[tuple[str, str]]]:
    anonymous = case.is_anonymous
    assessment = "None recorded"
    if case.age_assessment_outcome:
        assessment = f"{case.get_age_assessment_outcome_display()}"
        if case.assessed_age is not None:
            assessment += f", aged {case.assessed_age}"
        if case.age_assessed_on:
            assessment += f", on {case.age_assessed_on:%-d %B %Y}"
        if case.age_assessed_by:
            assessment += f" by {case.age_assessed_by}"
    flags = [
        label
        for flag, label in (
            (case.county_lines, "County lines"),
            (case.child_criminal_exploitation, "Criminal exploitation of a child"),
            (case.child_sexual_exploitation, "Sexual exploitation of a child"),
            (case.separated_child, "Separated or unaccompanied child"),
            (case.care_leaver, "Care leaver"),
        )
        if flag
    ]
    person = [("Name", case.display_name)]
    if not anonymous:
        person += [
            ("Other names", "\n".join(case.aliases.values_list("name", flat=True)) or "None recorded"),
            ("Date of birth", f"{case.person_date_of_birth:%-d %B %Y}" if case.person_date_of_birth else "Not known"),
            ("Contact", case.person_contact or "Not known"),
            ("Address", case.person_address or "Not known"),
        ]
    now_in = ", ".join(part for part in (case.current_town, case.current_county) if part)
    person += [
        ("Gender", case.get_gender_display()),
        ("Nationality", case.nationality or "Not known"),
        ("Languages", case.language or "Not known"),
        ("Needs an interpreter", _yes_no(case.interpreter_needed)),
        ("Where they are now", now_in or "Not known"),
    ]
    age = f"{case.age}" if case.age is not None else "Not known"
    if case.treated_as_child:
        consent = "Not needed (child)"
    elif case.consent_to_nrm is None:
        consent = "Not asked yet"
    else:
        consent = "Yes" if case.consent_to_nrm else f"No: {case.refusal_reason}"
        if case.consent_withdrawn_on:
            consent += f" (consent withdrawn {case.consent_withdrawn_on:%-d %B %Y})"
    return {
        "person": person,
        "age": [
            ("Age", f"{age}{' (looks under 18)' if case.appears_under_18 else ''}"),
            ("Age group", case.get_age_group_display()),
            ("Age in doubt", _yes_no(case.age_disputed)),
            ("Age assessment", assessment),
        ],
        "exploitation": [
            ("Kinds of exploitation", _labels(case.exploitation_types, ExploitationType.choices)),
            ("Where", case.get_exploitation_location_display()),
            ("Places", case.exploitation_places or "Not known"),
            ("Also recorded", "\n".join(flags) or "None"),
            (
                "Signs noticed",
                "\n".join(filter(None, [_labels(case.indicators, Indicator.choices), case.indicators_other])),
            ),
        ],
        "encounter": [
            ("Seen", f"{case.encountered_at:%-d %B %Y %H:%M} at {case.location}"),
            ("What was seen", case.what_was_seen),
            ("The concern is about", case.get_concern_about_display()),
            *([("Supplier", case.supplier_name)] if case.supplier_name else []),
            ("Consent to NRM", consent),
            ("How consent was explained", _consent_explained(case)),
            ("Recorded by", case.recorded_by.display_name),
        ],
    }


def _consent_explained(case: Case) -> str:
    interpreter = case.get_consent_interpreter_display().lower() if case.consent_interpreter else ""
    if interpreter and case.consent_interpreter_agency:
        interpreter += f", {case.consent_interpreter_agency}"
    parts = [
        f"In {case.consent_language}" if case.consent_language else "",
        f"Interpreter: {interpreter}" if interpreter else "",
        f"Leaflet: {case.consent_leaflet}" if case.consent_leaflet else "",
        f"Texts read: {texts}" if (texts := consent_explanation_words(case)) else "",
    ]
    return "\n".join(filter(None, parts)) or "Not recorded"


@register.filter
def detail_groups(case: Case, can_change: bool) -> list[dict[str, Any]]:
    return [
        {
            "key": key,
            "title": CORRECTION_FORMS[key].title,
            "rows": rows,
            "change_url": reverse("cases:case-change-edit", args=[case.uuid, key]) if can_change else "",
        }
        for key, rows in _rows(case).items()
    ]
