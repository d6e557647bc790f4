"""Closed questions asked from a list (GOV.UK select): nationality, language, police force. The value
stored is the words shown, as the free text was, so older records keep theirs."""

from collections.abc import Mapping
from typing import Any

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from tackle.cases.rules.pick_lists import as_choices

NOT_KNOWN = _("Not known")


def pick_list_field(
    label: Any, options: tuple[str, ...] | Mapping[str, Any], *, hint: Any = "", blank: Any = NOT_KNOWN
) -> Any:
    """Options as a mapping store the English key and show its label in the reader's language."""
    choices = [(option, shown) for option, shown in options.items()] if isinstance(options, Mapping) else None
    return forms.ChoiceField(
        label=label,
        help_text=hint,
        required=False,
        choices=[("", blank), *(choices or as_choices(options))],  # type: ignore[arg-type]
        widget=forms.Select,
        error_messages={"invalid_choice": format_lazy(_("Select from the list: {label}"), label=label)},
    )


def keep_stored(field: forms.Field, value: Any) -> None:
    """A value typed before the list existed stays a choice, so changing the record never loses it."""
    if not (isinstance(field, forms.ChoiceField) and value):
        return
    choices: list[Any] = list(field.choices)  # type: ignore[arg-type]
    if value not in {str(code) for code, _ in choices}:
        field.choices = [*choices, (value, value)]
