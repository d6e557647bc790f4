from datetime import timedelta
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tackle.cases.forms.pick_lists import pick_list_field
from tackle.cases.models import ConcernAbout, ExploitationLocation, ExploitationType, Gender, Indicator
from tackle.cases.rules.pick_lists import LANGUAGE_LABELS, NATIONALITY_LABELS
from tackle.core.forms import GovukDateTimeField, GovukForm

_YES_NO_UNKNOWN = [("yes", _("Yes")), ("no", _("No")), ("unknown", _("Not sure"))]
_CONSENT = [
    ("yes", _("Yes, they agree to an NRM referral")),
    ("no", _("No, they do not want to be referred")),
    ("unknown", _("Not asked yet")),
]
_TRI_STATE = {"yes": True, "no": False, "unknown": None, "": None}


def _tri_state(value: str) -> bool | None:
    return _TRI_STATE.get(value)


class ConcernForm(GovukForm):
    """Asks only what the officer knows; everything about the person is optional."""

    encountered_at = GovukDateTimeField(
        label=_("When did you see this?"),
        error_messages={"required": _("Enter when you saw this"), "invalid": _("Enter a real date and time")},
    )
    location = forms.CharField(
        label=_("Where?"),
        help_text=_("Address or name of the premises"),
        max_length=300,
        error_messages={"required": _("Enter where you saw this")},
    )
    what_was_seen = forms.CharField(
        label=_("What did you see or hear?"),
        help_text=_("In your own words. Who was there, what made you concerned"),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Describe what you saw or heard")},
    )
    concern_about = forms.ChoiceField(
        label=_("Who is the concern about?"),
        choices=ConcernAbout.choices,
        initial=ConcernAbout.PERSON,
        widget=forms.RadioSelect,
    )
    supplier_name = forms.CharField(
        label=_("If it is about a supplier or contractor: which one?"),
        help_text=_("The company's name, so procurement can act on its contract"),
        required=False,
        max_length=200,
    )
    immediate_danger = forms.BooleanField(label=_("Someone is in immediate danger"), required=False)
    destitute = forms.BooleanField(label=_("The person has nowhere safe to stay tonight"), required=False)
    care_and_support_needs = forms.BooleanField(
        label=_("The person may have care and support needs (for example illness or disability)"), required=False
    )
    person_name = forms.CharField(label=_("Person's name, if known"), required=False, max_length=200)
    age = forms.IntegerField(
        label=_("Age, if known"),
        required=False,
        min_value=0,
        max_value=120,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-3"}),
        error_messages={"invalid": _("Enter the age as a number, for example 16")},
    )
    appears_under_18 = forms.ChoiceField(
        label=_("Do they look or say they are under 18?"),
        choices=_YES_NO_UNKNOWN,
        initial="unknown",
        widget=forms.RadioSelect,
    )
    gender = forms.ChoiceField(
        label=_("Gender"), choices=Gender.choices, initial=Gender.UNKNOWN, widget=forms.RadioSelect
    )
    nationality = pick_list_field(_("Nationality, if known"), NATIONALITY_LABELS)
    language = pick_list_field(
        _("Language they speak, if known"), LANGUAGE_LABELS, hint=_("The language they are most comfortable in")
    )
    interpreter_needed = forms.ChoiceField(
        label=_("Do they need an interpreter?"), choices=_YES_NO_UNKNOWN, initial="unknown", widget=forms.RadioSelect
    )
    indicators = forms.MultipleChoiceField(
        label=_("What did you notice?"),
        help_text=_("Select all that apply"),
        choices=Indicator.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    indicators_other = forms.CharField(
        label=_("Anything else you noticed"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    exploitation_types = forms.MultipleChoiceField(
        label=_("What kind of exploitation might it be?"),
        help_text=_("Select all that apply, or none if you do not know"),
        choices=ExploitationType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    exploitation_location = forms.ChoiceField(
        label=_("Where did the exploitation happen?"),
        choices=ExploitationLocation.choices,
        initial=ExploitationLocation.UNKNOWN,
        widget=forms.RadioSelect,
    )
    consent_to_nrm = forms.ChoiceField(
        label=_("If they are an adult: did you ask whether they agree to be referred?"),
        help_text=_("Children are referred without consent"),
        choices=_CONSENT,
        initial="unknown",
        widget=forms.RadioSelect,
    )
    refusal_reason = forms.CharField(
        label=_("If they said no: why?"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    consent_to_share = forms.BooleanField(label=_("They agree to their name and details being shared"), required=False)
    not_a_duplicate = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def clean_encountered_at(self) -> Any:
        value = self.cleaned_data["encountered_at"]
        if value > timezone.now() + timedelta(minutes=5):
            raise forms.ValidationError(_("The date and time cannot be in the future"))
        return value

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("consent_to_nrm") == "no" and not (cleaned.get("refusal_reason") or "").strip():
            age = cleaned.get("age")
            if age is None or age >= 18:
                self.add_error("refusal_reason", _("Say why they did not want to be referred"))
        return cleaned

    def details(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "encountered_at": data["encountered_at"],
            "what_was_seen": data["what_was_seen"].strip(),
            "location": data["location"].strip(),
            "concern_about": data["concern_about"],
            "supplier_name": data["supplier_name"].strip() if data["concern_about"] == ConcernAbout.SUPPLIER else "",
            "person_name": data["person_name"].strip(),
            "age": data["age"],
            "appears_under_18": _tri_state(data["appears_under_18"]),
            "gender": data["gender"],
            "nationality": data["nationality"].strip(),
            "language": data["language"].strip(),
            "interpreter_needed": _tri_state(data["interpreter_needed"]),
            "indicators": list(data["indicators"]),
            "indicators_other": data["indicators_other"].strip(),
            "exploitation_types": list(data["exploitation_types"]),
            "exploitation_location": data["exploitation_location"],
            "immediate_danger": data["immediate_danger"],
            "destitute": data["destitute"],
            "care_and_support_needs": data["care_and_support_needs"],
            "consent_to_nrm": _tri_state(data["consent_to_nrm"]),
            "consent_to_share": data["consent_to_share"],
            "refusal_reason": data["refusal_reason"].strip(),
        }


class OtherPersonForm(GovukForm):
    """Another person met at the same time and place: their own details and answer about the NRM;
    what was seen, the signs and the kind of exploitation are the first person's."""

    person_name = ConcernForm.base_fields["person_name"]
    age = ConcernForm.base_fields["age"]
    appears_under_18 = ConcernForm.base_fields["appears_under_18"]
    gender = ConcernForm.base_fields["gender"]
    nationality = ConcernForm.base_fields["nationality"]
    language = ConcernForm.base_fields["language"]
    interpreter_needed = ConcernForm.base_fields["interpreter_needed"]
    immediate_danger = ConcernForm.base_fields["immediate_danger"]
    destitute = ConcernForm.base_fields["destitute"]
    care_and_support_needs = ConcernForm.base_fields["care_and_support_needs"]
    consent_to_nrm = ConcernForm.base_fields["consent_to_nrm"]
    refusal_reason = ConcernForm.base_fields["refusal_reason"]
    consent_to_share = ConcernForm.base_fields["consent_to_share"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("consent_to_nrm") == "no" and not (cleaned.get("refusal_reason") or "").strip():
            age = cleaned.get("age")
            if (age is None or age >= 18) and cleaned.get("appears_under_18") != "yes":
                self.add_error("refusal_reason", _("Say why they did not want to be referred"))
        return cleaned

    def details(self, first: dict[str, Any]) -> dict[str, Any]:
        data = self.cleaned_data
        shared = (
            "indicators",
            "indicators_other",
            "exploitation_types",
            "exploitation_location",
            "concern_about",
            "supplier_name",
        )
        return {
            **{name: first[name] for name in ("encountered_at", "what_was_seen", "location", *shared)},
            "person_name": data["person_name"].strip(),
            "age": data["age"],
            "appears_under_18": _tri_state(data["appears_under_18"]),
            "gender": data["gender"],
            "nationality": data["nationality"].strip(),
            "language": data["language"].strip(),
            "interpreter_needed": _tri_state(data["interpreter_needed"]),
            "immediate_danger": data["immediate_danger"],
            "destitute": data["destitute"],
            "care_and_support_needs": data["care_and_support_needs"],
            "consent_to_nrm": _tri_state(data["consent_to_nrm"]),
            "consent_to_share": data["consent_to_share"],
            "refusal_reason": data["refusal_reason"].strip(),
        }


def unbound_copy[F: forms.Form](form_class: type[F], data: Any, *, prefix: str | None = None) -> F:
    """The form as typed so far, unbound, so that adding another person shows no errors yet."""
    form = form_class(prefix=prefix)
    initial = {}
    for name, field in form.fields.items():
        key = form.add_prefix(name)
        if isinstance(field, forms.MultipleChoiceField):
            initial[name] = data.getlist(key)
        elif isinstance(field, forms.BooleanField):
            initial[name] = bool(data.get(key))
        elif not field.widget.value_omitted_from_data(data, {}, key):
            # Through the widget: a date is typed into several boxes (name-day, name-month, ...).
            initial[name] = field.widget.value_from_datadict(data, {}, key)
    return form_class(prefix=prefix, initial=initial)
