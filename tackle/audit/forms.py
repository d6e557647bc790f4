from django import forms

from tackle.audit.models import AuditAction
from tackle.core.forms import GovukForm


class AuditFilterForm(GovukForm):
    actor = forms.CharField(
        label="Username", required=False, widget=forms.TextInput(attrs={"class": "govuk-input--width-20"})
    )
    action = forms.ChoiceField(
        label="What happened",
        required=False,
        choices=[("", "Any"), *AuditAction.choices],
        error_messages={"invalid_choice": "Choose what happened from the list"},
    )
    object_id = forms.CharField(
        label="Record reference",
        required=False,
        help_text="The record's reference, as shown in its address",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-20"}),
    )
    date_from = forms.DateField(
        label="From",
        required=False,
        help_text="For example 2026-10-01",
        widget=forms.DateInput(attrs={"type": "date", "class": "govuk-input--width-10"}),
        error_messages={"invalid": "Enter the start date as a real date, for example 2026-10-01"},
    )
    date_to = forms.DateField(
        label="To",
        required=False,
        help_text="For example 2026-10-31",
        widget=forms.DateInput(attrs={"type": "date", "class": "govuk-input--width-10"}),
        error_messages={"invalid": "Enter the end date as a real date, for example 2026-10-31"},
    )

    def clean(self) -> dict:  # type: ignore[type-arg]
        cleaned = super().clean() or {}
        if cleaned.get("date_from") and cleaned.get("date_to") and cleaned["date_from"] > cleaned["date_to"]:
            self.add_error("date_to", "The end date must be the same as or after the start date")
        return cleaned
