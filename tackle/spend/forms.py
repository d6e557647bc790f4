"""Forms for spend screening: upload files, and correct the columns chosen for one file."""

from typing import Any

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tackle.core.forms import ColumnsForm as CoreColumnsForm
from tackle.core.forms import GovukForm
from tackle.spend.screening.headers import AMOUNT, FIELDS
from tackle.spend.services import MAX_FILES


class FileInput(forms.FileInput):
    """A file input taking several files (named FileInput so the GOV.UK renderer styles it)."""

    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", FileInput(attrs={"multiple": True, "accept": ".csv,.txt,.xlsx,.ods"}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        one = super().clean
        chosen = [item for item in (data if isinstance(data, list | tuple) else [data]) if item]
        if not chosen:
            one(None, initial)  # raises the "required" message
        return [one(item, initial) for item in chosen]


class UploadForm(GovukForm):
    spend_files = MultipleFileField(
        label=_("Spend files"),
        help_text=format_lazy(
            _(
                "The council's published payments over £500, as CSV, XLSX or ODS, up to {files} files at a time. "
                "Upload them as they are: Tackle finds the header row and the columns itself."
            ),
            files=MAX_FILES,
        ),
        error_messages={"required": _("Select at least one spend file"), "empty": _("The selected file is empty")},
    )


class ColumnsForm(CoreColumnsForm):
    """For each field, the column that holds it (or none); only the amount must be found."""

    def __init__(self, *args: Any, headers: list[str], current: dict[str, int | None], **kwargs: Any) -> None:
        labels = {name: gettext(label) for name, label in FIELDS.items()}  # FIELDS stay English: they are stored
        super().__init__(*args, headers=headers, fields=labels, required={AMOUNT}, current=current, **kwargs)
