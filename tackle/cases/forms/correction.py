"""The pages that correct or complete a case after intake, a few details to a page. Every page asks
why (kept in the audit log) and carries the version the person read (optimistic locking)."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tackle.cases.forms.concern import _YES_NO_UNKNOWN, ConcernForm, _tri_state
from tackle.cases.forms.pick_lists import keep_stored, pick_list_field
from tackle.cases.forms.support import _date_field
from tackle.cases.models import AgeAssessmentOutcome, Case, ConcernAbout, Gender
from tackle.cases.rules.pick_lists import LANGUAGE_LABELS, NATIONALITY_LABELS
from tackle.core.forms import GovukForm

_BOOL_TO_CHOICE = {True: "yes", False: "no", None: "unknown"}
_TRI_STATE_FIELDS = {"interpreter_needed", "appears_under_18"}


class _CorrectionForm(GovukForm):
    title: Any = ""

    reason = forms.CharField(
        label=_("Why are you making this change?"),
        help_text=_("For example: passport seen at interview. Kept in the case's history"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=500,
        error_messages={"required": _("Say why you are making this change")},
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        initial = {name: self._initial(case, name) for name in self.detail_names()}
        super().__init__(*args, initial={**initial, "version": case.version}, **kwargs)
        self.order_fields([*self.detail_names(), "reason", "version"])
        for name, field in self.fields.items():
            if isinstance(field.widget, forms.Select) and not isinstance(field.widget, forms.RadioSelect):
                keep_stored(field, initial.get(name))

    @classmethod
    def detail_names(cls) -> list[str]:
        return [name for name in cls.base_fields if name not in ("reason", "version")]

    def _initial(self, case: Case, name: str) -> Any:
        if name == "aliases":
            return "\n".join(case.aliases.values_list("name", flat=True))
        value = getattr(case, name)
        return _BOOL_TO_CHOICE[value] if name in _TRI_STATE_FIELDS else value

    def changes(self) -> dict[str, Any]:
        """The details as the service takes them; strings stripped, choices read as values."""
        changes: dict[str, Any] = {}
        for name in self.detail_names():
            value = self.cleaned_data[name]
            if name == "aliases":
                value = [line.strip() for line in value.splitlines() if line.strip()]
            elif name in _TRI_STATE_FIELDS:
                value = _tri_state(value)
            elif isinstance(value, str):
                value = value.strip()
            changes[name] = value
        return changes


def _text(label: Any, max_length: int, hint: Any = "") -> forms.CharField:
    return forms.CharField(label=label, required=False, max_length=max_length, help_text=hint)


def _age(label: Any) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        max_value=120,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-3"}),
        error_messages={"invalid": _("Enter the age as a number, for example 16")},
    )


def _yes(label: Any) -> forms.BooleanField:
    return forms.BooleanField(label=label, required=False)


class PersonForm(_CorrectionForm):
    title = _("The person's details")

    person_name = _text(_("Full name"), 200)
    aliases = forms.CharField(
        label=_("Other names they are known by"),
        help_text=_("One a line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    person_date_of_birth = _date_field(
        _("Date of birth"),
        missing=_("Enter the date of birth"),
        unreal=_("The date of birth must be a real date"),
        required=False,
    )
    gender = forms.ChoiceField(label=_("Gender"), choices=Gender.choices, widget=forms.RadioSelect)
    nationality = pick_list_field(_("Nationality"), NATIONALITY_LABELS)
    language = pick_list_field(
        _("Language they speak"), LANGUAGE_LABELS, hint=_("The language they are most comfortable in")
    )
    interpreter_needed = forms.ChoiceField(
        label=_("Do they need an interpreter?"), choices=_YES_NO_UNKNOWN, widget=forms.RadioSelect
    )
    person_contact = _text(_("How to contact them"), 200, _("A phone number or email address that is safe to use"))
    person_address = _text(_("Address"), 300)
    current_town = _text(_("Which town or city are they in now?"), 100)
    current_county = _text(_("Which county or region are they in now?"), 100)


class AgeForm(_CorrectionForm):
    title = _("Age and age assessment")

    age = _age(_("Age"))
    appears_under_18 = forms.ChoiceField(
        label=_("Do they look or say they are under 18?"), choices=_YES_NO_UNKNOWN, widget=forms.RadioSelect
    )
    age_disputed = _yes(_("Their age is in doubt"))
    age_at_exploitation = _age(_("Age when the exploitation began"))
    age_assessed_on = _date_field(
        _("Date of the age assessment"),
        missing=_("Enter the date of the age assessment"),
        unreal=_("The date of the age assessment must be a real date"),
        required=False,
    )
    age_assessed_by = _text(_("Who carried out the age assessment?"), 200)
    age_assessment_outcome = forms.ChoiceField(
        label=_("Outcome of the age assessment"),
        choices=[("", _("No assessment yet")), *AgeAssessmentOutcome.choices],
        required=False,
        widget=forms.RadioSelect,
    )
    assessed_age = _age(_("Assessed age"))


class ExploitationForm(_CorrectionForm):
    title = _("The exploitation")

    exploitation_types = ConcernForm.base_fields["exploitation_types"]
    exploitation_location = ConcernForm.base_fields["exploitation_location"]
    exploitation_places = _text(_("Where did it happen?"), 300, _("Towns, cities or countries"))
    county_lines = _yes(_("County lines"))
    child_criminal_exploitation = _yes(_("Criminal exploitation of a child"))
    child_sexual_exploitation = _yes(_("Sexual exploitation of a child"))
    separated_child = _yes(_("A separated or unaccompanied child"))
    care_leaver = _yes(_("A care leaver"))
    indicators = ConcernForm.base_fields["indicators"]
    indicators_other = ConcernForm.base_fields["indicators_other"]


class EncounterForm(_CorrectionForm):
    title = _("When and where they were seen")

    encountered_at = ConcernForm.base_fields["encountered_at"]
    location = ConcernForm.base_fields["location"]
    what_was_seen = ConcernForm.base_fields["what_was_seen"]
    concern_about = forms.ChoiceField(
        label=_("Who is the concern about?"), choices=ConcernAbout.choices, widget=forms.RadioSelect
    )
    supplier_name = ConcernForm.base_fields["supplier_name"]
    immediate_danger = ConcernForm.base_fields["immediate_danger"]
    destitute = ConcernForm.base_fields["destitute"]
    care_and_support_needs = ConcernForm.base_fields["care_and_support_needs"]


CORRECTION_FORMS: dict[str, type[_CorrectionForm]] = {
    "person": PersonForm,
    "age": AgeForm,
    "exploitation": ExploitationForm,
    "encounter": EncounterForm,
}
