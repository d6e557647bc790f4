"""Retention and subject access pages' forms (issue 15, item 5)."""

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tackle.cases.retention_records import record_kinds
from tackle.cases.rules.retention import ANONYMISE, ERASE, KEEP, MAX_MONTHS, RecordType
from tackle.core.date_input import GovukDateField
from tackle.core.forms import GovukForm

REASON_LENGTH = 2000  # a reason is a few sentences; the audit log and the decision keep it


class RetentionScheduleForm(GovukForm):
    """One number of months per kind of record, named by the record type's value."""

    def __init__(self, *args: Any, months: dict[str, int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = {
            record_type.value: gettext("%(kind)s: months kept after the case closes") % {"kind": record_type.label}
            for record_type in RecordType
        }
        labels |= {
            kind.record_type: gettext("%(kind)s: months kept %(runs_from)s")
            % {"kind": kind.label, "runs_from": kind.runs_from}
            for kind in record_kinds()
        }
        for record_type, label in labels.items():
            self.fields[record_type] = forms.IntegerField(
                label=label,
                min_value=1,
                max_value=MAX_MONTHS,
                initial=months[record_type],
                widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
            )


class LegalHoldForm(GovukForm):
    reference = forms.CharField(label=_("Case reference"), max_length=20, help_text=_("For example, C-1A2B3C4D"))
    reason = forms.CharField(
        label=_("Why must the case be kept?"),
        max_length=REASON_LENGTH,
        help_text=_("For example, a claim at an employment tribunal, or a police investigation"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class LegalHoldLiftForm(GovukForm):
    reason = forms.CharField(
        label=_("Why can the hold end?"), max_length=REASON_LENGTH, widget=forms.Textarea(attrs={"rows": 3})
    )


class RetentionDecisionForm(GovukForm):
    """Keep longer (a date and a reason), anonymise (a case) or erase. Documents cannot be anonymised."""

    decision = forms.ChoiceField(label=_("What should happen to it?"), choices=[], widget=forms.RadioSelect)
    keep_until = GovukDateField(label=_("Keep it until"), required=False)
    reason = forms.CharField(
        label=_("Reason for the decision"), max_length=REASON_LENGTH, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(
        self, *args: Any, record_type: str, may_anonymise: bool = True, may_erase: bool = True, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        choices = [(KEEP, gettext("Keep it longer"))]
        if record_type != RecordType.SUPPORT_DOCUMENT and may_anonymise:
            choices.append((ANONYMISE, gettext("Anonymise it: keep what the figures count, remove who the person was")))
        if may_erase:
            choices.append((ERASE, gettext("Erase it")))
        self.fields["decision"] = forms.ChoiceField(
            label=_("What should happen to it?"), choices=choices, widget=forms.RadioSelect
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("decision") == KEEP and not cleaned.get("keep_until") and "keep_until" not in self.errors:
            self.add_error("keep_until", gettext("Enter the date to keep it until"))
        return cleaned


class CaseReferenceForm(GovukForm):
    reference = forms.CharField(label=_("Case reference"), max_length=20, help_text=_("For example, C-1A2B3C4D"))


class RecordLegalHoldForm(GovukForm):
    """A hold on a record of another kind (intelligence, premises, an operation), by its reference."""

    record_type = forms.ChoiceField(label=_("Kind of record"), choices=[], widget=forms.RadioSelect)
    reference = forms.CharField(label=_("Reference"), max_length=20, help_text=_("For example, INT-1A2B3C4D"))
    reason = forms.CharField(
        label=_("Why must the record be kept?"),
        max_length=REASON_LENGTH,
        help_text=_("For example, a prosecution, or a police investigation"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(kind.record_type, kind.label) for kind in record_kinds()]
        self.fields["record_type"] = forms.ChoiceField(
            label=_("Kind of record"), choices=choices, widget=forms.RadioSelect
        )
