"""Forms for the support pages. They check input and carry GOV.UK error wording; the services in
services/support.py apply the rules and save."""

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from django import forms
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tackle.cases.models import (
    OUTCOME_SCORES,
    AccommodationPlacement,
    AccommodationType,
    CaseNote,
    MissingEpisode,
    NeedsAssessment,
    NeedsAssessmentKind,
    OutcomeDomain,
    SafetyPlan,
    SafetyPlanReview,
    SupportPhase,
    SupportPhaseKind,
)
from tackle.core.date_input import DATE_HINT
from tackle.core.forms import GovukDateField, GovukDateTimeField, GovukForm, GovukModelForm

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def _date_field(
    label: "StrOrPromise",
    *,
    missing: "StrOrPromise",
    unreal: "StrOrPromise",
    required: bool = True,
    hint: "StrOrPromise" = "",
) -> GovukDateField:
    """`missing` and `unreal`: whole sentences, so that Welsh can order each its own way."""
    return GovukDateField(
        label=label,
        required=required,
        help_text=format_lazy("{hint}. {example}", hint=hint, example=_(DATE_HINT)) if hint else _(DATE_HINT),
        error_messages={"required": missing, "invalid": unreal},
    )


def _date_time_field(
    label: "StrOrPromise", *, missing: "StrOrPromise", unreal: "StrOrPromise", required: bool = True
) -> GovukDateTimeField:
    return GovukDateTimeField(label=label, required=required, error_messages={"required": missing, "invalid": unreal})


def _radios(label: "StrOrPromise", choices: Any, *, required_message: "StrOrPromise") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={"required": required_message, "invalid_choice": required_message},
    )


def _text(
    label: "StrOrPromise", *, required: bool = False, required_message: "StrOrPromise" = "", hint: "StrOrPromise" = ""
) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        help_text=hint,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": required_message},
    )


class _PastDatesMixin:
    """Dates of things that have happened cannot be in the future: field name -> error message."""

    past_dates: "dict[str, StrOrPromise]" = {}

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}  # type: ignore[misc]
        for name, message in self.past_dates.items():
            value = cleaned.get(name)
            if isinstance(value, datetime):
                in_future = value > timezone.now()
            else:
                in_future = isinstance(value, date) and value > timezone.localdate()
            if in_future:
                self.add_error(name, message)  # type: ignore[attr-defined]
        return cleaned


class SupportPhaseForm(_PastDatesMixin, GovukModelForm):
    past_dates = {"started_on": _("The date the phase started must be today or in the past")}

    phase = _radios(
        _("Which phase of support has started?"), SupportPhaseKind.choices, required_message=_("Select a phase")
    )
    started_on = _date_field(
        _("Date the phase started"),
        missing=_("Enter the date the phase started"),
        unreal=_("The date the phase started must be a real date"),
    )
    notes = _text(_("Notes (optional)"), hint=_("For example, what the person needs during this phase"))

    class Meta:
        model = SupportPhase
        fields = ["phase", "started_on", "notes"]


class NeedsAssessmentForm(_PastDatesMixin, GovukModelForm):
    past_dates = {
        "requested_on": _("The date requested must be today or in the past"),
        "completed_on": _("The date completed must be today or in the past"),
    }

    kind = _radios(
        _("Which assessment?"), NeedsAssessmentKind.choices, required_message=_("Select the kind of assessment")
    )
    requested_on = _date_field(
        _("Date requested"),
        missing=_("Enter the date the assessment was requested"),
        unreal=_("The date the assessment was requested must be a real date"),
    )
    completed_on = _date_field(
        _("Date completed (optional)"),
        missing=_("Enter the date the assessment was completed"),
        unreal=_("The date the assessment was completed must be a real date"),
        required=False,
        hint=_("Leave empty if not done yet"),
    )
    outcome = _text(_("Outcome (optional)"), hint=_("What the assessment found or decided"))

    class Meta:
        model = NeedsAssessment
        fields = ["kind", "requested_on", "completed_on", "outcome"]


class NeedsAssessmentCompleteForm(_PastDatesMixin, GovukForm):
    """The result of an assessment recorded when it was asked for, given once it is done."""

    past_dates = {"completed_on": _("The date completed must be today or in the past")}

    completed_on = _date_field(
        _("Date completed"),
        missing=_("Enter the date the assessment was completed"),
        unreal=_("The date the assessment was completed must be a real date"),
    )
    outcome = _text(
        _("Outcome"),
        required=True,
        required_message=_("Enter what the assessment found or decided"),
        hint=_("What the assessment found or decided"),
    )


class PlacementForm(GovukModelForm):
    accommodation_type = _radios(
        _("What kind of accommodation?"),
        AccommodationType.choices,
        required_message=_("Select the kind of accommodation"),
    )
    provider = forms.CharField(
        label=_("Provider"),
        max_length=200,
        help_text=_("The organisation providing the accommodation"),
        error_messages={
            "required": _("Enter the provider"),
            "max_length": _("The provider must be 200 characters or fewer"),
        },
    )
    start_on = _date_field(
        _("Start date"),
        missing=_("Enter the date the placement starts"),
        unreal=_("The date the placement starts must be a real date"),
    )
    end_on = _date_field(
        _("End date (optional)"),
        missing=_("Enter the date the placement ends"),
        unreal=_("The date the placement ends must be a real date"),
        required=False,
        hint=_("Leave empty if ongoing"),
    )

    class Meta:
        model = AccommodationPlacement
        fields = ["accommodation_type", "provider", "start_on", "end_on"]


class SafetyPlanForm(_PastDatesMixin, GovukModelForm):
    past_dates = {"created_on": _("The date the plan was agreed must be today or in the past")}

    summary = _text(
        _("Safety plan"),
        required=True,
        required_message=_("Enter the safety plan"),
        hint=_("The risks, what will keep the person safe, and who does what"),
    )
    created_on = _date_field(
        _("Date the plan was agreed"),
        missing=_("Enter the date the plan was agreed"),
        unreal=_("The date the plan was agreed must be a real date"),
    )
    review_every_days = forms.IntegerField(
        label=_("Review every (days)"),
        initial=14,
        min_value=1,
        max_value=365,
        help_text=_("The next review is due this many days after the plan is agreed, then after each review"),
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-3", "inputmode": "numeric"}),
        error_messages={
            "required": _("Enter how often the plan is reviewed, in days"),
            "invalid": _("How often the plan is reviewed must be a whole number of days"),
            "min_value": _("How often the plan is reviewed must be between 1 and 365 days"),
            "max_value": _("How often the plan is reviewed must be between 1 and 365 days"),
        },
    )

    class Meta:
        model = SafetyPlan
        fields = ["summary", "created_on", "review_every_days"]


class SafetyPlanReviewForm(_PastDatesMixin, GovukModelForm):
    past_dates = {"reviewed_on": _("The date of the review must be today or in the past")}

    reviewed_on = _date_field(
        _("Date of the review"),
        missing=_("Enter the date of the review"),
        unreal=_("The date of the review must be a real date"),
    )
    what_changed = _text(
        _("What changed?"),
        required=True,
        required_message=_("Enter what changed, or say that nothing changed"),
        hint=_("Changes to risks or to the plan since the last review"),
    )

    class Meta:
        model = SafetyPlanReview
        fields = ["reviewed_on", "what_changed"]


class MissingEpisodeForm(_PastDatesMixin, GovukModelForm):
    past_dates = {
        "went_missing_at": _("The time they went missing must be now or in the past"),
        "returned_at": _("The time they returned must be now or in the past"),
    }

    went_missing_at = _date_time_field(
        _("When did they go missing?"),
        missing=_("Enter the date and time they went missing"),
        unreal=_("The date and time they went missing must be real"),
    )
    returned_at = _date_time_field(
        _("When did they return? (optional)"),
        missing=_("Enter the date and time they returned"),
        unreal=_("The date and time they returned must be real"),
        required=False,
    )
    # Yes/no radios rather than a checkbox: an unticked box cannot tell "no" from "not answered".
    reported_to_police = forms.TypedChoiceField(
        label=_("Was it reported to the police?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda answer: answer == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Select yes if it was reported to the police")},
    )
    notes = _text(_("Notes (optional)"), hint=_("For example, where they were found and who with"))

    class Meta:
        model = MissingEpisode
        fields = ["went_missing_at", "returned_at", "reported_to_police", "notes"]


class PlacementEndForm(GovukForm):
    """The end of a placement recorded as ongoing: when they moved out, or when it is due to end."""

    end_on = _date_field(
        _("End date"),
        missing=_("Enter the date the placement ends"),
        unreal=_("The date the placement ends must be a real date"),
        hint=_("The day they moved out, or the day it is due to end"),
    )


class MissingEpisodeReturnForm(_PastDatesMixin, GovukForm):
    """The return of someone recorded as missing, given later than the episode itself."""

    past_dates = {"returned_at": _("The time they returned must be now or in the past")}

    returned_at = _date_time_field(
        _("When did they return?"),
        missing=_("Enter the date and time they returned"),
        unreal=_("The date and time they returned must be real"),
    )
    notes = _text(
        _("How did they return? (optional)"),
        hint=_("For example, who found them and whether a return interview was offered"),
    )


class OutcomeScoresForm(_PastDatesMixin, GovukForm):
    """One date and a score for each of the eight areas; an area left empty was not assessed."""

    past_dates = {"assessed_on": _("The date of the assessment must be today or in the past")}

    assessed_on = _date_field(
        _("Date of the assessment"),
        missing=_("Enter the date of the assessment"),
        unreal=_("The date of the assessment must be a real date"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for domain in OutcomeDomain:
            self.fields[domain.value] = forms.TypedChoiceField(
                label=domain.label,
                choices=[("", _("Not scored")), *OUTCOME_SCORES],
                coerce=int,
                empty_value=None,
                required=False,
                error_messages={
                    "invalid_choice": gettext("Choose a score from 1 to 5 for %(area)s")
                    % {"area": str(domain.label).lower()}
                },
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if not self.errors and all(cleaned.get(domain) is None for domain in OutcomeDomain.values):
            self.add_error(OutcomeDomain.values[0], _("Score at least one area"))
        return cleaned

    @property
    def scores(self) -> dict[str, int | None]:
        return {domain: self.cleaned_data.get(domain) for domain in OutcomeDomain.values}


class CaseNoteForm(GovukModelForm):
    body = _text(_("Note"), required=True, required_message=_("Enter the note"))

    class Meta:
        model = CaseNote
        fields = ["body"]


class CaseDocumentForm(GovukForm):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        help_text=_("Say what the document is, for example 'Housing assessment letter'"),
        error_messages={
            "required": _("Enter a title"),
            "max_length": _("The title must be 200 characters or fewer"),
        },
    )
    file = forms.FileField(
        label=_("Upload a file"),
        help_text=_("PDF, DOCX, JPG, PNG or TXT, smaller than 10MB"),
        error_messages={"required": _("Select a file"), "empty": _("The selected file is empty")},
    )


class CaseCloseForm(GovukForm):
    reason = _text(
        _("Why is the case being closed?"),
        required=True,
        required_message=_("Enter why the case is being closed"),
        hint=_("For example, the person has moved on to long-term accommodation and no longer needs support"),
    )


class CaseReopenForm(GovukForm):
    reason = _text(
        _("Why is the case being reopened?"),
        required=True,
        required_message=_("Enter why the case is being reopened"),
    )
