"""The case page's details, grouped as the "Change" pages group them (forms/correction.py)."""

from typing import Any

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from tackle.cases.forms.correction import CORRECTION_FORMS
from tackle.cases.models import Case, ExploitationType, Indicator
from tackle.cases.rules.pick_lists import LANGUAGE_LABELS, NATIONALITY_LABELS
from tackle.cases.selectors import consent_explanation_words

register = template.Library()


def _yes_no(value: bool | None) -> str:
    return gettext("Not known") if value is None else gettext("Yes") if value else gettext("No")


def _labels(codes: list[str], choices: Any) -> str:
    names = dict(choices)
    return "\n".join(str(names.get(code, code)) for code in codes) or gettext("None recorded")


def _shown(stored: str, labels: dict[str, Any]) -> str:
    """A list entry in the reader's language; a value typed before the list existed, as stored."""
    return str(labels.get(stored, stored))


def _day(value: Any) -> str:
    return date_format(value, "j F Y")


def _assessment(case: Case) -> str:
    """The age assessment as one sentence, each combination whole so that Welsh can order it."""
    if not case.age_assessment_outcome:
        return gettext("None recorded")
    values = {
        "outcome": case.get_age_assessment_outcome_display(),
        "age": case.assessed_age,
        "day": _day(case.age_assessed_on) if case.age_assessed_on else "",
        "by": case.age_assessed_by,
    }
    text = gettext("%(outcome)s, aged %(age)s") % values if case.assessed_age is not None else str(values["outcome"])
    if case.age_assessed_on:
        text += gettext(", on %(day)s") % values
    if case.age_assessed_by:
        text += gettext(" by %(by)s") % values
    return text


def _consent(case: Case) -> str:
    if case.treated_as_child:
        return gettext("Not needed (child)")
    if case.consent_to_nrm is None:
        return gettext("Not asked yet")
    refused = gettext("No: %(reason)s") % {"reason": case.refusal_reason}
    consent = gettext("Yes") if case.consent_to_nrm else refused
    if case.consent_withdrawn_on:
        consent += gettext(" (consent withdrawn %(day)s)") % {"day": _day(case.consent_withdrawn_on)}
    return consent


def _rows(case: Case) -> dict[str, list[tuple[str, str]]]:
    anonymous = case.is_anonymous
    flags = [
        label
        for flag, label in (
            (case.county_lines, gettext("County lines")),
            (case.child_criminal_exploitation, gettext("Criminal exploitation of a child")),
            (case.child_sexual_exploitation, gettext("Sexual exploitation of a child")),
            (case.separated_child, gettext("Separated or unaccompanied child")),
            (case.care_leaver, gettext("Care leaver")),
        )
        if flag
    ]
    not_known = gettext("Not known")
    person = [(gettext("Name"), case.display_name)]
    if not anonymous:
        born = _day(case.person_date_of_birth) if case.person_date_of_birth else not_known
        person += [
            (
                gettext("Other names"),
                "\n".join(case.aliases.values_list("name", flat=True)) or gettext("None recorded"),
            ),
            (gettext("Date of birth"), born),
            (gettext("Contact"), case.person_contact or not_known),
            (gettext("Address"), case.person_address or not_known),
        ]
    now_in = ", ".join(part for part in (case.current_town, case.current_county) if part)
    person += [
        (gettext("Gender"), case.get_gender_display()),
        (gettext("Nationality"), _shown(case.nationality, NATIONALITY_LABELS) or not_known),
        (gettext("Languages"), _shown(case.language, LANGUAGE_LABELS) or not_known),
        (gettext("Needs an interpreter"), _yes_no(case.interpreter_needed)),
        (gettext("Where they are now"), now_in or not_known),
    ]
    age = f"{case.age}" if case.age is not None else not_known
    if case.appears_under_18:
        age = gettext("%(age)s (looks under 18)") % {"age": age}
    seen = {"when": date_format(timezone.localtime(case.encountered_at), "j F Y H:i"), "place": case.location}
    return {
        "person": person,
        "age": [
            (gettext("Age"), age),
            (gettext("Age group"), case.get_age_group_display()),
            (gettext("Age in doubt"), _yes_no(case.age_disputed)),
            (gettext("Age assessment"), _assessment(case)),
        ],
        "exploitation": [
            (gettext("Kinds of exploitation"), _labels(case.exploitation_types, ExploitationType.choices)),
            (gettext("Where"), case.get_exploitation_location_display()),
            (gettext("Places"), case.exploitation_places or not_known),
            (gettext("Also recorded"), "\n".join(flags) or gettext("None")),
            (
                gettext("Signs noticed"),
                "\n".join(filter(None, [_labels(case.indicators, Indicator.choices), case.indicators_other])),
            ),
        ],
        "encounter": [
            (gettext("Seen"), gettext("%(when)s at %(place)s") % seen),
            (gettext("What was seen"), case.what_was_seen),
            (gettext("The concern is about"), case.get_concern_about_display()),
            *([(gettext("Supplier"), case.supplier_name)] if case.supplier_name else []),
            (gettext("Consent to NRM"), _consent(case)),
            (gettext("How consent was explained"), _consent_explained(case)),
            (gettext("Recorded by"), case.recorded_by.display_name),
        ],
    }


def _consent_explained(case: Case) -> str:
    interpreter = str(case.get_consent_interpreter_display()).lower() if case.consent_interpreter else ""
    if interpreter and case.consent_interpreter_agency:
        interpreter += f", {case.consent_interpreter_agency}"
    texts = consent_explanation_words(case)
    parts = [
        gettext("In %(language)s") % {"language": _shown(case.consent_language, LANGUAGE_LABELS)}
        if case.consent_language
        else "",
        gettext("Interpreter: %(how)s") % {"how": interpreter} if interpreter else "",
        gettext("Leaflet: %(leaflet)s") % {"leaflet": case.consent_leaflet} if case.consent_leaflet else "",
        gettext("Texts read: %(texts)s") % {"texts": texts} if texts else "",
    ]
    return "\n".join(filter(None, parts)) or gettext("Not recorded")


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


@register.filter
def language_name(stored: str) -> str:
    """A language from the pick list in the reader's language; stored, and printed for the person, in English."""
    return _shown(stored, LANGUAGE_LABELS)
