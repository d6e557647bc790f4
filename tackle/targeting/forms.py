"""Forms for targeting: upload regulators' lists, correct a list's columns."""

from typing import Any

from django import forms

from tackle.core.forms import GovukForm
from tackle.targeting.list_columns import FIELDS, Mapping
from tackle.targeting.services import MAX_FILES, MAX_SOURCE_LENGTH


class FileInput(forms.FileInput):
    """A file input that takes several files. (Named FileInput so the GOV.UK renderer styles it
    as a file upload.)"""

    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", FileInput(attrs={"multiple": True, "accept": ".csv,text/csv"}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        one = super().clean
        chosen = [item for item in (data if isinstance(data, list | tuple) else [data]) if item]
        if not chosen:
            one(None, initial)  # raises "Select at least one CSV file"
        return [one(item, initial) for item in chosen]


class ImportForm(GovukForm):
    lists = MultipleFileField(
        label="Regulators' lists",
        help_text=(
            f"CSV files, one per regulator, up to {MAX_FILES} at a time and 5 MB each. Each list is named after "
            "its file, for example trading_standards.csv; a list with the same name as one already imported "
            "replaces it."
        ),
        error_messages={"required": "Select at least one CSV file", "empty": "The selected file is empty"},
    )


class MappingForm(GovukForm):
    """The regulator's name, then for each field the column that holds it."""

    source = forms.CharField(
        label="Regulator",
        max_length=MAX_SOURCE_LENGTH,
        help_text="How this list is named in reasons, for example trading_standards",
        error_messages={"required": "Enter the regulator's name"},
    )

    def __init__(self, *args: Any, header: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", "Not in this list"), *((column, column) for column in header)]
        for field in FIELDS:
            self.fields[field.key] = forms.ChoiceField(
                label=field.label, choices=choices, required=False, error_messages={"invalid_choice": "Select a column"}
            )

    def mapping(self) -> Mapping:
        return {field.key: self.cleaned_data[field.key] for field in FIELDS if self.cleaned_data.get(field.key)}
