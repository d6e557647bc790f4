"""GOV.UK Design System markup for every Django form, from one place.

The renderer picks our templates (error summary, labels, hints, field errors, fieldsets) and the
bound field adds the govuk-* classes and aria-describedby to each widget. The base forms give every
field error messages that name it, in the GOV.UK style, where the form kept Django's defaults, and
turn a model constraint's violation into a message on the field it is about (messages.py).
"""

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models, router
from django.forms.boundfield import BoundField
from django.forms.models import ModelFormMetaclass
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext

from tackle.core.date_input import GovukDateField, GovukDateTimeField
from tackle.core.errors import ApplicationError
from tackle.core.form_messages import constraint_fields, constraint_message, field_messages, required_message

__all__ = ["GovukDateField", "GovukDateTimeField", "required_message"]

_WIDGET_CLASSES = {
    "textarea": "govuk-textarea",
    "select": "govuk-select",
    "checkbox": "govuk-checkboxes__input",
    "clearablefile": "govuk-file-upload",
    "file": "govuk-file-upload",
}
_DATE_WIDGETS = {"govukdate", "govukdatetime"}  # core/date_input.py: day, month, year (hour, minute)
_FIELDSET_WIDGETS = {"radioselect", "checkboxselectmultiple", *_DATE_WIDGETS}


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
    def is_date_input(self) -> bool:
        return self.widget_type in _DATE_WIDGETS

    @property
    def first_input_id(self) -> str:
        """Where the error summary's link lands: the first box, option or the input itself."""
        if self.is_date_input:
            return self.id_for_label
        return f"{self.auto_id}_0" if self.uses_fieldset else self.auto_id

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
        if widget_type in _DATE_WIDGETS and self.errors:
            attrs["class"] = "govuk-input--error"  # on each box
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
        # The code lets a form name its field in the message (core/form_messages.py).
        raise ValidationError(
            gettext("Enter a year from %(earliest)s onwards, with 4 numbers, such as 2025"),
            code="year_too_early",
            params={"earliest": EARLIEST_YEAR},
        )


class _PlausibleDates:
    """Every date and date-time field of a form refuses years before 1900."""

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        for field in self.fields.values():
            if isinstance(field, forms.DateField | forms.DateTimeField):
                field.validators.append(validate_plausible_year)


class _NamedMessages:
    """Each field's errors name it ("Enter the due date"), never "This field is required."; set
    when the form is checked, so a label a view changes after building the form is the one named."""

    fields: dict[str, forms.Field]

    def full_clean(self) -> None:
        for name, field in self.fields.items():
            field.error_messages.update(field_messages(field, name))
        super().full_clean()  # type: ignore[misc]


class GovukForm(_NamedMessages, _PlausibleDates, forms.Form):
    """Base form: server-side validation only, so errors always show in GOV.UK style."""

    use_required_attribute = False


def _govuk_formfield(db_field: models.Field, **kwargs: Any) -> forms.Field | None:  # type: ignore[type-arg]
    """A model's date and date-time fields are asked with the GOV.UK date input."""
    if isinstance(db_field, models.DateTimeField):
        kwargs.setdefault("form_class", GovukDateTimeField)
    elif isinstance(db_field, models.DateField):
        kwargs.setdefault("form_class", GovukDateField)
    return db_field.formfield(**kwargs)


class _GovukModelFormMetaclass(ModelFormMetaclass):
    def __new__(mcs, name: str, bases: tuple[type, ...], attrs: dict[str, Any]) -> type:
        meta = attrs.get("Meta")
        if meta is not None and not hasattr(meta, "formfield_callback"):
            meta.formfield_callback = _govuk_formfield
        return super().__new__(mcs, name, bases, attrs)


class GovukModelForm(_NamedMessages, _PlausibleDates, forms.ModelForm, metaclass=_GovukModelFormMetaclass):
    use_required_attribute = False

    def validate_constraints(self) -> None:
        """Each of the model's constraints in turn, so a violation names the constraint's own
        message (or one made from the fields it is about) and shows on the first of those fields
        the form has; Django's own would put 'Constraint "name" is violated.' above the form."""
        exclude = self._get_validation_exclusions()  # type: ignore[attr-defined]
        using = router.db_for_write(type(self.instance), instance=self.instance)
        for model, constraints in self.instance.get_constraints():
            for constraint in constraints:
                try:
                    constraint.validate(model, self.instance, exclude=exclude, using=using)
                except ValidationError as error:
                    named = [name for name in constraint_fields(constraint) if name in self.fields]
                    target = next((name for name in named if name not in self.errors), None)
                    if named and target is None:
                        continue  # its fields already show what to fix
                    self.add_error(target, constraint_message(constraint, error, self.fields, model))

    def validate_unique(self) -> None:
        """Single-field and together-unique checks; the constraints run in validate_constraints."""
        try:
            self.instance.validate_unique(exclude=self._get_validation_exclusions())  # type: ignore[attr-defined]
        except ValidationError as error:
            for field, errors in error.update_error_dict({}).items():
                target = field if field in self.fields else None
                for each in errors:
                    # Django's own wording ("Statement period with this Label already exists."), not a model's.
                    if " with this " in str(each.message):
                        each = ValidationError(constraint_message(None, each, self.fields, type(self.instance)))
                    self.add_error(target, each)


def add_application_error(form: forms.BaseForm, error: ApplicationError, *, field: str | None = None) -> None:
    """Show a rule a service enforced (ApplicationError) on the form, so nothing is saved and the
    user sees why: on `field` when given (an upload's problems belong to its file field), else on
    the field the error names when the form has it, else above the form."""
    target = field or error.field
    form.add_error(target if target in form.fields else None, error.message)


class ColumnsForm(GovukForm):
    """Which column of a user's table holds each field (or none): the correction every importer's
    page offers for a guessed column. Field names are the importer's, values 0-based columns."""

    def __init__(
        self,
        *args: Any,
        headers: list[str],
        fields: dict[str, str],
        required: set[str],
        current: dict[str, int | None],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        choices = [
            ("", gettext("Not in this file")),
            *(
                (
                    str(i),
                    gettext("Column %(number)s: %(name)s")
                    % {"number": i + 1, "name": h.strip() or gettext("(no name)")},
                )
                for i, h in enumerate(headers)
            ),
        ]
        for name, label in fields.items():
            self.fields[name] = forms.TypedChoiceField(
                label=label,
                choices=choices,
                coerce=int,
                empty_value=None,
                required=name in required,
                initial="" if current.get(name) is None else str(current[name]),
                error_messages={
                    "required": gettext("Select the column that holds the %(field)s")
                    % {"field": f"{label[:1].lower()}{label[1:]}"},
                    "invalid_choice": gettext("Select a column"),
                },
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        chosen = [column for column in cleaned.values() if column is not None]
        if len(chosen) != len(set(chosen)):
            raise forms.ValidationError(gettext("Use each column for one field only"))
        return cleaned


class ColumnsStep:
    """The step every importer's page shares: when the importer raises columns.ColumnsToConfirm,
    the page shows each field's column, how sure the guess is and its first values
    (templates/core/includes/column_choices.html), with a ColumnsForm to correct them; the choice
    comes back with the file chosen again (templates/core/includes/columns_step.html). `chosen` is
    what to give the importer: the person's columns, or None before they were asked."""

    def __init__(self, data: Any, *, labels: dict[str, str], required: set[str]) -> None:
        self.labels = labels
        self.required = required
        self.headers: list[str] = data.getlist("headers") if data is not None else []
        self.form = self._form(data, {}) if self.headers else None
        self.choices: list[Any] = []

    def _form(self, data: Any, current: dict[str, int | None]) -> ColumnsForm:
        return ColumnsForm(data, headers=self.headers, fields=self.labels, required=self.required, current=current)

    def is_valid(self) -> bool:
        return self.form is None or self.form.is_valid()

    @property
    def chosen(self) -> dict[str, int | None] | None:
        return None if self.form is None else self.form.cleaned_data

    def ask(self, error: Any) -> None:
        """Ask again, for the columns in a ColumnsToConfirm (its header and choices)."""
        self.headers, self.choices = list(error.header), list(error.choices)
        self.form = self._form(None, {choice.field: choice.column for choice in self.choices})

    def context(self) -> dict[str, Any]:
        return {"choices": self.choices, "columns": self.form, "headers": self.headers}
