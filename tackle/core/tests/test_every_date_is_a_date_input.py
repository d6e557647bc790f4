"""Every date a person types is asked with the GOV.UK date input (issue 18): no form of any app has
a date or date-time field left with the browser's own date box or a plain text box."""

import importlib
import inspect
import pkgutil

from django import forms

import tackle
from tackle.core.date_input import GovukDateInput
from tackle.core.forms import GovukDateField, GovukDateTimeField


def _forms_modules() -> list[str]:
    return [
        found.name
        for found in pkgutil.walk_packages(tackle.__path__, "tackle.")
        if ".forms" in found.name and ".tests" not in found.name
    ]


def _form_classes() -> list[type[forms.BaseForm]]:
    classes = []
    for name in _forms_modules():
        module = importlib.import_module(name)
        classes += [
            value
            for value in vars(module).values()
            if inspect.isclass(value) and issubclass(value, forms.BaseForm) and value.__module__ == name
        ]
    return classes


def test_the_walk_finds_the_forms_of_every_app() -> None:
    apps = {form.__module__.split(".")[1] for form in _form_classes()}
    assert {"cases", "suppliers", "training", "disrupt", "statements", "audit", "accounts", "scrutiny"} <= apps


def test_no_form_asks_for_a_date_with_anything_but_the_govuk_date_input() -> None:
    plain = [
        f"{form.__module__}.{form.__name__}.{name}"
        for form in _form_classes()
        for name, field in form.base_fields.items()
        if isinstance(field, forms.DateField | forms.DateTimeField)
        and not (isinstance(field, GovukDateField | GovukDateTimeField) and isinstance(field.widget, GovukDateInput))
    ]
    assert plain == []
