"""GOV.UK Design System markup for every Django form, from one place.

The renderer picks our templates (error summary, labels, hints, field errors, fieldsets) and the
bound field adds the govuk-* classes and aria-describedby to each widget.
"""

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting

from tackle.core.errors import ApplicationError

_WIDGET_CLASSES = {
    "textarea": "govuk-textarea",
    "select": "govuk-select",
    "checkbox": "govuk-checkboxes__input",
    "clearablefile": "govuk-file-upload",
    "file": "govuk-file-upload",
}
_FIELDSET_WIDGETS = {"radioselect", "checkboxselectmultiple"}


class GovukBoundField(BoundField):
    @property
    def hint_id(self) -> str:
        return f"{self.auto_id}-hint"

    @property
    def error_id(self) -> str:
        return f"{self.auto_id}-error"

    @property
    def uses_fieldset(self) -> bool:
        return self.widget_type in _FIELDSET_WIDGETS

    @property
    def described_by(self) -> str:
        ids = []
        if self.help_text:
            ids.append(self.hint_id)
        if self.errors:
            ids.append(self.error_id)
        return " ".join(ids)

    def build_widget_attrs(self, attrs: dict[str, Any], widget: forms.Widget | None = None) -> dict[str, Any]:
        attrs = super().build_widget_attrs(attrs, widget)
        attrs.pop("aria-describedby", None)  # Django's own points at its help-text id; ours below.
        widget_type = self.widget_type
        if widget_type not in _FIELDSET_WIDGETS:
            css = _WIDGET_CLASSES.get(widget_type, "govuk-input")
            if self.errors and css in {"govuk-input", "govuk-textarea", "govuk-select", "govuk-file-upload"}:
                css += f" {css}--error"
            # Keep classes the form set on the widget itself, such as govuk-input--width-10.
            active_widget = widget or self.field.widget
            existing = attrs.get("class") or active_widget.attrs.get("class", "")
            attrs["class"] = f"{css} {existing}".strip()
            if self.described_by:
                attrs["aria-describedby"] = self.described_by
        return attrs


class GovukFormRenderer(TemplatesSetting):
    form_template_name = "govuk/forms/form.html"
    field_template_name = "govuk/forms/field.html"
    bound_field_class = GovukBoundField


EARLIEST_YEAR = 1900


def validate_plausible_year(value: date) -> None:
    """A browser's date box takes 0019 for 2019; nothing Tackle records happened before 1900."""
    if value.year < EARLIEST_YEAR:
        raise ValidationError(f"Enter a year from {EARLIEST_YEAR} onwards, with 4 numbers, such as 2025")


class _PlausibleDates:
    """Every date and date-time field of a form refuses years before 1900."""

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        for field in self.fields.values():
            if isinstance(field, forms.DateField | forms.DateTimeField):
                field.validators.append(validate_plausible_year)


class GovukForm(_PlausibleDates, forms.Form):
    """Base form: server-side validation only, so errors always show in GOV.UK style."""

    use_required_attribute = False


class GovukModelForm(_PlausibleDates, forms.ModelForm):
    use_required_attribute = False


def add_application_error(form: forms.BaseForm, error: ApplicationError, *, field: str | None = None) -> None:
    """Show a rule a service enforced (ApplicationError) on the form, so nothing is saved and the
    user sees why: on `field` when given (an upload's problems belong to its file field), else on
    the field the error names when the form has it, else above the form."""
    target = field or error.field
    form.add_error(target if target in form.fields else None, error.message)
