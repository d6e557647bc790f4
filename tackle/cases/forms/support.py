"""Forms for the support pages. They check input and carry GOV.UK error wording; the services in
services/support.py apply the rules and save."""

from datetime import date, datetime
from typing import Any

from django import forms
from django.utils import timezone

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


def _date_field(label: str, *, what: str, required: bool = True, hint: str = "") -> GovukDateField:
    return GovukDateField(
        label=label,
        required=required,
        help_text=f"{hint}. {DATE_HINT}" if hint else DATE_HINT,
        error_messages={"required": f"Enter the date {what}", "invalid": f"The date {what} must be a real date"},
    )


def _date_time_field(label: str, *, what: str, required: bool = True) -> GovukDateTimeField:
    return GovukDateTimeField(
        label=label,
        required=required,
        error_messages={
            "required": f"Enter the date and time {what}",
            "invalid": f"The date and time {what} must be real",
        },
    )


def _radios(label: str, choices: Any, *, required_message: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={"required": required_message, "invalid_choice": required_message},
    )


def _text(label: str, *, required: bool = False, required_message: str = "", hint: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        help_text=hint,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": required_message},
    )


class _PastDatesMixin:
    """Dates of things that have happened cannot be in the future: field name -> error message."""

    past_dates: dict[str, str] = {}

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
    past_dates = {"started_on": "The date the phase started must be today or in the past"}

    phase = _radios("Which phase of support has started?", SupportPhaseKind.choices, required_message="Select a phase")
    started_on = _date_field("Date the phase started", what="the phase started")
    notes = _text("Notes (optional)", hint="For example, what the person needs during this phase")

    class Meta:
        model = SupportPhase
        fields = ["phase", "started_on", "notes"]


class NeedsAssessmentForm(_PastDatesMixin, GovukModelForm):
    past_dates = {
        "requested_on": "The date requested must be today or in the past",
        "completed_on": "The date completed must be today or in the past",
    }

    kind = _radios("Which assessment?", NeedsAssessmentKind.choices, required_message="Select the kind of assessment")
    requested_on = _date_field("Date requested", what="the assessment was requested")
    completed_on = _date_field(
        "Date completed (optional)",
        what="the assessment was completed",
        required=False,
        hint="Leave empty if not done yet",
    )
    outcome = _text("Outcome (optional)", hint="What the assessment found or decided")

    class Meta:
        model = NeedsAssessment
        fields = ["kind", "requested_on", "completed_on", "outcome"]


class PlacementForm(GovukModelForm):
    accommodation_type = _radios(
        "What kind of accommodation?", AccommodationType.choices, required_message="Select the kind of accommodation"
    )
    provider = forms.CharField(
        label="Provider",
        max_length=200,
        help_text="The organisation providing the accommodation",
        error_messages={"required": "Enter the provider", "max_length": "The provider must be 200 characters or fewer"},
    )
    start_on = _date_field("Start date", what="the placement starts")
    end_on = _date_field(
        "End date (optional)", what="the placement ends", required=False, hint="Leave empty if ongoing"
    )

    class Meta:
        model = AccommodationPlacement
        fields = ["accommodation_type", "provider", "start_on", "end_on"]


class SafetyPlanForm(_PastDatesMixin, GovukModelForm):
    past_dates = {"created_on": "The date the plan was agreed must be today or in the past"}

    summary = _text(
        "Safety plan",
        required=True,
        required_message="Enter the safety plan",
        hint="The risks, what will keep the person safe, and who does what",
    )
    created_on = _date_field("Date the plan was agreed", what="the plan was agreed")
    review_every_days = forms.IntegerField(
        label="Review every (days)",
        initial=14,
        min_value=1,
        max_value=365,
        help_text="The next review is due this many days after the plan is agreed, then after each review",
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-3", "inputmode": "numeric"}),
        error_messages={
            "required": "Enter how often the plan is reviewed, in days",
            "invalid": "How often the plan is reviewed must be a whole number of days",
            "min_value": "How often the plan is reviewed must be between 1 and 365 days",
            "max_value": "How often the plan is reviewed must be between 1 and 365 days",
        },
    )

    class Meta:
        model = SafetyPlan
        fields = ["summary", "created_on", "review_every_days"]


class SafetyPlanReviewForm(_PastDatesMixin, GovukModelForm):
    past_dates = {"reviewed_on": "The date of the review must be today or in the past"}

    reviewed_on = _date_field("Date of the review", what="of the review")
    what_changed = _text(
        "What changed?",
        required=True,
        required_message="Enter what changed, or say that nothing changed",
        hint="Changes to risks or to the plan since the last review",
    )

    class Meta:
        model = SafetyPlanReview
        fields = ["reviewed_on", "what_changed"]


class MissingEpisodeForm(_PastDatesMixin, GovukModelForm):
    past_dates = {
        "went_missing_at": "The time they went missing must be now or in the past",
        "returned_at": "The time they returned must be now or in the past",
    }

    went_missing_at = _date_time_field("When did they go missing?", what="they went missing")
    returned_at = _date_time_field("When did they return? (optional)", what="they returned", required=False)
    # Yes/no radios rather than a checkbox: an unticked box cannot tell "no" from "not answered".
    reported_to_police = forms.TypedChoiceField(
        label="Was it reported to the police?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda answer: answer == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes if it was reported to the police"},
    )
    notes = _text("Notes (optional)", hint="For example, where they were found and who with")

    class Meta:
        model = MissingEpisode
        fields = ["went_missing_at", "returned_at", "reported_to_police", "notes"]


class OutcomeScoresForm(_PastDatesMixin, GovukForm):
    """One date and a score for each of the eight areas; an area left empty was not assessed."""

    past_dates = {"assessed_on": "The date of the assessment must be today or in the past"}

    assessed_on = _date_field("Date of the assessment", what="of the assessment")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for domain in OutcomeDomain:
            self.fields[domain.value] = forms.TypedChoiceField(
                label=domain.label,
                choices=[("", "Not scored"), *OUTCOME_SCORES],
                coerce=int,
                empty_value=None,
                required=False,
                error_messages={"invalid_choice": f"Choose a score from 1 to 5 for {domain.label.lower()}"},
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if not self.errors and all(cleaned.get(domain) is None for domain in OutcomeDomain.values):
            self.add_error(OutcomeDomain.values[0], "Score at least one area")
        return cleaned

    @property
    def scores(self) -> dict[str, int | None]:
        return {domain: self.cleaned_data.get(domain) for domain in OutcomeDomain.values}


class CaseNoteForm(GovukModelForm):
    body = _text("Note", required=True, required_message="Enter the note")

    class Meta:
        model = CaseNote
        fields = ["body"]


class CaseDocumentForm(GovukForm):
    title = forms.CharField(
        label="Title",
        max_length=200,
        help_text="Say what the document is, for example 'Housing assessment letter'",
        error_messages={"required": "Enter a title", "max_length": "The title must be 200 characters or fewer"},
    )
    file = forms.FileField(
        label="Upload a file",
        help_text="PDF, DOCX, JPG, PNG or TXT, smaller than 10MB",
        error_messages={"required": "Select a file", "empty": "The selected file is empty"},
    )


class CaseCloseForm(GovukForm):
    reason = _text(
        "Why is the case being closed?",
        required=True,
        required_message="Enter why the case is being closed",
        hint="For example, the person has moved on to long-term accommodation and no longer needs support",
    )


class CaseReopenForm(GovukForm):
    reason = _text(
        "Why is the case being reopened?", required=True, required_message="Enter why the case is being reopened"
    )
