"""Forms: attach a statement to read, and override one judgement with a reason."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from django import forms
from django.core.validators import URLValidator
from django.db.models import QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tackle.core.forms import GovukDateField, GovukForm
from tackle.statement_reader.documents import MAX_DOCUMENT_BYTES, kind_from_name
from tackle.statement_reader.review import EffectiveJudgement
from tackle.statement_reader.rules.areas import AREAS

if TYPE_CHECKING:
    from tackle.suppliers.models import Supplier

COUNCIL = "council"


class StatementForm(GovukForm):
    whose = forms.ChoiceField(
        label=_("Whose statement is it?"),
        error_messages={
            "required": _("Select whose statement it is"),
            "invalid_choice": _("Select whose statement it is"),
        },
    )
    file = forms.FileField(
        label=_("Upload the statement"),
        required=False,
        help_text=_("A .pdf, .docx, .html, .txt or .md (Markdown) file, smaller than 20 MB."),
        error_messages={"empty": _("The selected file is empty")},
    )
    url = forms.URLField(
        label=_("Or give its web address"),
        required=False,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("For example https://www.example.com/modern-slavery-statement.pdf"),
        error_messages={"invalid": _("Enter a web address starting with http:// or https://")},
    )

    def __init__(self, *args: Any, suppliers: QuerySet[Supplier], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.suppliers = {str(supplier.uuid): supplier for supplier in suppliers}
        whose = self.fields["whose"]
        assert isinstance(whose, forms.ChoiceField)
        whose.choices = [(COUNCIL, gettext("Our own council's statement"))] + [
            (key, supplier.name) for key, supplier in self.suppliers.items()
        ]

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if upload is None:
            return upload
        if kind_from_name(upload.name) is None:
            raise forms.ValidationError(gettext("The selected file must be a .pdf, .docx, .html or .txt file"))
        if upload.size > MAX_DOCUMENT_BYTES:
            raise forms.ValidationError(gettext("The selected file must be smaller than 20 MB"))
        return upload

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and bool(data.get("file")) == bool(data.get("url")):
            self.add_error("file", gettext("Upload the statement or give its web address, not both or neither"))
        return data

    @property
    def supplier(self) -> Supplier | None:
        return self.suppliers.get(self.cleaned_data["whose"])


def parse_sentence_numbers(raw: str) -> list[int]:
    """ "3, 7-9" -> [2, 6, 7, 8] (indexes from the numbers people see, which start at 1)."""
    indexes: set[int] = set()
    for part in filter(None, (chunk.strip() for chunk in raw.split(","))):
        found = re.fullmatch(r"(\d{1,5})(?:\s*[-\u2013]\s*(\d{1,5}))?", part)
        if not found:
            raise ValueError(part)
        first = int(found[1])
        last = int(found[2]) if found[2] else first
        if first < 1 or last < first or last - first > 500:
            raise ValueError(part)
        indexes.update(range(first - 1, last))
    return sorted(indexes)


class OverrideForm(GovukForm):
    covered = forms.ChoiceField(
        label=_("Your decision"),
        widget=forms.RadioSelect,
        choices=[("yes", _("Covered")), ("promised", _("Only promised")), ("no", _("Not covered"))],
        help_text=_("Only promised: the statement says what will be done, not what has been done. It does not count."),
        error_messages={"required": _("Select covered, only promised or not covered")},
    )
    kept = forms.MultipleChoiceField(
        label=_("Sentences that show it"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Untick a sentence that does not show this."),
    )
    added = forms.CharField(
        label=_("Other sentences that show it (optional)"),
        required=False,
        help_text=_("Sentence numbers from the statement text, separated by commas, for example 12, 15-17"),
    )
    reason = forms.CharField(
        label=_("Why"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Your reason is kept with the decision and shown to everyone who reads this assessment."),
        error_messages={"required": _("Enter the reason for your decision")},
    )

    def __init__(self, *args: Any, judgement: EffectiveJudgement, sentence_count: int, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {
                "covered": "yes" if judgement.covered else "promised" if judgement.future_only else "no",
                "kept": [str(line.index) for line in judgement.evidence],
            },
        )
        super().__init__(*args, **kwargs)
        self.judgement = judgement
        self.sentence_count = sentence_count
        kept = self.fields["kept"]
        assert isinstance(kept, forms.MultipleChoiceField)
        kept.choices = [(str(line.index), f"{line.index + 1}. {line.sentence}") for line in judgement.evidence]
        if not judgement.evidence:
            del self.fields["kept"]
        if judgement.name not in AREAS:  # approval and signature are facts, never promises
            covered = self.fields["covered"]
            assert isinstance(covered, forms.ChoiceField)
            covered.choices = [("yes", gettext("Covered")), ("no", gettext("Not covered"))]
            covered.help_text = ""
            covered.error_messages["required"] = gettext("Select covered or not covered")

    def clean_added(self) -> list[int]:
        try:
            indexes = parse_sentence_numbers(self.cleaned_data.get("added", ""))
        except ValueError as error:
            raise forms.ValidationError(
                gettext("'%(part)s' is not a sentence number or range such as 15-17") % {"part": error}
            ) from None
        outside = [index + 1 for index in indexes if index >= self.sentence_count]
        if outside:
            raise forms.ValidationError(
                gettext("The statement has sentences 1 to %(count)d; there is no sentence %(number)d")
                % {"count": self.sentence_count, "number": outside[0]}
            )
        return indexes

    def evidence_changes(self) -> tuple[list[int], list[int]]:
        """(added, removed) against the machine's evidence: each override states the whole decision,
        so sentences added or removed by an earlier override stay so unless changed here."""
        kept = {int(value) for value in self.cleaned_data.get("kept", [])}
        machine = set(self.judgement.machine_indexes)
        named = set(self.cleaned_data["added"])
        return sorted((kept - machine) | (named - machine)), sorted(machine - kept - named)


class _PersonChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.display_name)


class FollowUpForm(GovukForm):
    """A follow-up action raised from a reading: what, who owns it, by when."""

    description = forms.CharField(
        label=_("What needs to be done"),
        max_length=300,
        help_text=_("For example: ask the supplier how it trains its buyers"),
        error_messages={"required": _("Enter what needs to be done")},
    )
    owner = _PersonChoice(
        label=_("Who owns it"),
        queryset=None,
        empty_label=_("Choose a person"),
        error_messages={
            "required": _("Choose who owns the action"),
            "invalid_choice": _("Choose who owns the action"),
        },
    )
    due_on = GovukDateField(
        label=_("Due date"),
        error_messages={"required": _("Enter the due date"), "invalid": _("The due date must be a real date")},
    )

    def __init__(self, *args: Any, people: QuerySet[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        owner = self.fields["owner"]
        assert isinstance(owner, forms.ModelChoiceField)
        owner.queryset = people


class FollowUpCloseForm(GovukForm):
    """A follow-up action marked as done: what was done, kept with it."""

    outcome = forms.CharField(
        label=_("What was done"),
        help_text=_("For example: the supplier sent its training plan for buyers"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Enter what was done"), "max_length": _("Enter 5,000 characters or fewer")},
    )
