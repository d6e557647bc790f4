"""Forms for spend screening: upload files, and correct the columns chosen for one file."""

from typing import Any

from django import forms

from tackle.core.forms import GovukForm
from tackle.spend.screening.headers import FIELDS
from tackle.spend.services import MAX_FILES


class FileInput(forms.FileInput):
    """A file input taking several files (named FileInput so the GOV.UK renderer styles it)."""

    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", FileInput(attrs={"multiple": True, "accept": ".csv,.txt,.xlsx"}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        one = super().clean
        chosen = [item for item in (data if isinstance(data, list | tuple) else [data]) if item]
        if not chosen:
            one(None, initial)  # raises the "required" message
        return [one(item, initial) for item in chosen]


class UploadForm(GovukForm):
    spend_files = MultipleFileField(
        label="Spend files",
        help_text=(
            f"The council's published payments over £500, as CSV or XLSX, up to {MAX_FILES} files at a time. "
            "Upload them as they are: Tackle finds the header row and the columns itself."
        ),
        error_messages={"required": "Select at least one spend file", "empty": "The selected file is empty"},
    )


class ColumnsForm(GovukForm):
    """For each field, the column that holds it (or none)."""

    def __init__(self, *args: Any, headers: list[str], current: dict[str, int | None], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [
            ("", "Not in this file"),
            *((str(i), f"Column {i + 1}: {h.strip() or '(no name)'}") for i, h in enumerate(headers)),
        ]
        for name, label in FIELDS.items():
            self.fields[name] = forms.TypedChoiceField(
                label=label,
                choices=choices,
                coerce=int,
                empty_value=None,
                required=name == "amount",
                initial="" if current.get(name) is None else str(current[name]),
                error_messages={
                    "required": "Select the column that holds the amount",
                    "invalid_choice": "Select a column",
                },
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        chosen = [column for column in cleaned.values() if column is not None]
        if len(chosen) != len(set(chosen)):
            raise forms.ValidationError("Use each column for one field only")
        return cleaned
