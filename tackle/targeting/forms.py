"""Forms for targeting: upload regulators' lists, correct a list's columns."""

import hashlib
import json
from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from tackle.core.forms import GovukForm
from tackle.targeting.list_columns import FIELD_KEYS, FIELDS, Mapping
from tackle.targeting.selectors import Unfamiliar
from tackle.targeting.services import MAX_FILES, MAX_SOURCE_LENGTH, ColumnsByHeader


class FileInput(forms.FileInput):
    """A file input that takes several files. (Named FileInput so the GOV.UK renderer styles it
    as a file upload.)"""

    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", FileInput(attrs={"multiple": True, "accept": ".csv,text/csv,.xml,text/xml"}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        one = super().clean
        chosen = [item for item in (data if isinstance(data, list | tuple) else [data]) if item]
        if not chosen:
            one(None, initial)  # raises "Select at least one CSV file"
        return [one(item, initial) for item in chosen]


class ImportForm(GovukForm):
    lists = MultipleFileField(
        label=_("Regulators' lists"),
        help_text=format_lazy(
            _(
                "CSV files, or the Food Standards Agency's ratings XML, one per regulator, up to {files} at a time "
                "and 5 MB each. Each list is named after its file, for example trading_standards.csv; a list with "
                "the same name as one already imported replaces it."
            ),
            files=MAX_FILES,
        ),
        error_messages={"required": _("Select at least one CSV file"), "empty": _("The selected file is empty")},
    )


def answered_columns(raw: str) -> ColumnsByHeader:
    """The columns a person chose on earlier tries of one import, carried in the page as JSON (a
    list of {"header": [...], "columns": {field: column or null}}), since several files may each
    need asking. Anything not of that shape is left out: the file is then asked about again."""
    try:
        items = json.loads(raw or "[]")
    except ValueError:
        return {}
    answers: ColumnsByHeader = {}
    for item in items if isinstance(items, list) else []:
        header, columns = (item.get("header"), item.get("columns")) if isinstance(item, dict) else (None, None)
        if not (isinstance(header, list) and all(isinstance(cell, str) for cell in header)):
            continue
        if not isinstance(columns, dict) or not set(columns) <= set(FIELD_KEYS):
            continue
        if all(column is None or (type(column) is int and 0 <= column < len(header)) for column in columns.values()):
            answers[tuple(header)] = columns
    return answers


def answered_columns_json(answers: ColumnsByHeader) -> str:
    return json.dumps([{"header": list(header), "columns": columns} for header, columns in answers.items()])


class MappingForm(GovukForm):
    """The regulator's name, then for each field the column that holds it."""

    source = forms.CharField(
        label=_("Regulator"),
        max_length=MAX_SOURCE_LENGTH,
        help_text=_("How this list is named in reasons, for example trading_standards"),
        error_messages={"required": _("Enter the regulator's name")},
    )

    def __init__(self, *args: Any, header: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", gettext("Not in this list")), *((column, column) for column in header)]
        for field in FIELDS:
            self.fields[field.key] = forms.ChoiceField(
                label=field.label,
                choices=choices,
                required=False,
                error_messages={"invalid_choice": gettext("Select a column")},
            )

    def mapping(self) -> Mapping:
        return {field.key: self.cleaned_data[field.key] for field in FIELDS if self.cleaned_data.get(field.key)}


ADVERSE, CLEAR = "adverse", "clear"
OUTCOME_CHOICES = [(ADVERSE, _("An adverse finding")), (CLEAR, _("Not an adverse finding"))]


def outcome_field_name(wording: str) -> str:
    """The same wording has the same field whatever else the lists hold when the form comes back."""
    return "outcome_" + hashlib.sha256(wording.encode()).hexdigest()[:12]


class OutcomeForm(GovukForm):
    """One question per result wording: is a line that says it an adverse finding? Unanswered
    wordings are left for later; those classified before show their answer and may be changed."""

    def __init__(self, *args: Any, unfamiliar: Sequence[Unfamiliar], classified: dict[str, bool], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.wordings: dict[str, str] = {}
        for item in unfamiliar:
            where = {"lines": item.lines, "lists": ", ".join(item.lists)}
            not_yet = ngettext(
                "Not classified yet: %(lines)d line in %(lists)s",
                "Not classified yet: %(lines)d lines in %(lists)s",
                item.lines,
            )
            self._add(item.wording, not_yet % where, None)
        for wording, adverse in classified.items():
            self._add(wording, gettext("Classified before"), ADVERSE if adverse else CLEAR)

    def _add(self, wording: str, help_text: str, initial: str | None) -> None:
        name = outcome_field_name(wording)
        self.wordings[name] = wording
        self.fields[name] = forms.ChoiceField(
            label=f"“{wording}”",
            help_text=help_text,
            choices=OUTCOME_CHOICES,
            required=False,
            initial=initial,
            widget=forms.RadioSelect,
            error_messages={"invalid_choice": gettext("Select whether it is an adverse finding")},
        )

    def decisions(self) -> dict[str, bool]:
        chosen = {name: self.cleaned_data.get(name) for name in self.wordings}
        return {self.wordings[name]: value == ADVERSE for name, value in chosen.items() if value}
