from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tackle.audit.models import AuditAction
from tackle.audit.subjects import AuditSubject, subject_find
from tackle.core.forms import GovukDateField, GovukForm


class AuditFilterForm(GovukForm):
    reference = forms.CharField(
        label=_("Case reference"),
        required=False,
        max_length=40,
        help_text=_(
            "As the case shows it, for example C-1A2B3C4D. Finds every entry about the case and the "
            "person in it, their support records and documents included"
        ),
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "spellcheck": "false"}),
    )
    actor = forms.CharField(
        label=_("Username of the member of staff"),
        required=False,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-20", "spellcheck": "false"}),
    )
    action = forms.ChoiceField(
        label=_("What happened"),
        required=False,
        choices=[("", _("Any")), *AuditAction.choices],
        error_messages={"invalid_choice": _("Choose what happened from the list")},
    )
    date_from = GovukDateField(
        label=_("From"),
        required=False,
        help_text=_("For example, 1 10 2026"),
        error_messages={"invalid": _("The start date must be a real date")},
    )
    date_to = GovukDateField(
        label=_("To"),
        required=False,
        help_text=_("For example, 31 10 2026"),
        error_messages={"invalid": _("The end date must be a real date")},
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
                gettext(
                    "No case of your organisation has the reference %(reference)s: check it, for example C-1A2B3C4D"
                )
                % {"reference": typed.upper()}
            )
        return subject

    def clean(self) -> dict:  # type: ignore[type-arg]
        cleaned = super().clean() or {}
        if cleaned.get("date_from") and cleaned.get("date_to") and cleaned["date_from"] > cleaned["date_to"]:
            self.add_error("date_to", gettext("The end date must be the same as or after the start date"))
        return cleaned

    def filters(self) -> dict[str, Any]:
        """The valid form's filters, for audit_events_filtered."""
        data = dict(self.cleaned_data)
        subject = data.pop("reference", None)
        if subject is not None:
            data["object_ids"] = list(subject.parts)
        return data
