from typing import Any

from django import forms

from tackle.audit.models import AuditAction
from tackle.audit.subjects import AuditSubject, subject_find
from tackle.core.forms import GovukDateField, GovukForm


class AuditFilterForm(GovukForm):
    reference = forms.CharField(
        label="Case reference",
        required=False,
        max_length=40,
        help_text=(
            "As the case shows it, for example C-1A2B3C4D. Finds every entry about the case and the "
            "person in it, their support records and documents included"
        ),
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "spellcheck": "false"}),
    )
    actor = forms.CharField(
        label="Username of the member of staff",
        required=False,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-20", "spellcheck": "false"}),
    )
    action = forms.ChoiceField(
        label="What happened",
        required=False,
        choices=[("", "Any"), *AuditAction.choices],
        error_messages={"invalid_choice": "Choose what happened from the list"},
    )
    date_from = GovukDateField(
        label="From",
        required=False,
        help_text="For example, 1 10 2026",
        error_messages={"invalid": "The start date must be a real date"},
    )
    date_to = GovukDateField(
        label="To",
        required=False,
        help_text="For example, 31 10 2026",
        error_messages={"invalid": "The end date must be a real date"},
    )

    def __init__(self, *args: Any, organisation_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisation_id = organisation_id

    def clean_reference(self) -> AuditSubject | None:
        typed = self.cleaned_data.get("reference", "").strip()
        if not typed:
            return None
        subject = subject_find(self.organisation_id, typed)
        if subject is None:
            raise forms.ValidationError(
                f"No case of your organisation has the reference {typed.upper()}: check it, for example C-1A2B3C4D"
            )
        return subject

    def clean(self) -> dict:  # type: ignore[type-arg]
        cleaned = super().clean() or {}
        if cleaned.get("date_from") and cleaned.get("date_to") and cleaned["date_from"] > cleaned["date_to"]:
            self.add_error("date_to", "The end date must be the same as or after the start date")
        return cleaned

    def filters(self) -> dict[str, Any]:
        """The valid form's filters, for audit_events_filtered."""
        data = dict(self.cleaned_data)
        subject = data.pop("reference", None)
        if subject is not None:
            data["object_ids"] = list(subject.parts)
        return data
