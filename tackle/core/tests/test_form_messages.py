"""Error messages name the field in the GOV.UK style; Django's defaults and constraint names never
reach the page (issue 18)."""

from django import forms
from django.db import models
from django.utils import translation

from tackle.core.form_messages import constraint_fields, constraint_message
from tackle.core.forms import GovukForm

FRAMEWORK_TEXTS = ("This field is required.", "Ensure this value", 'Constraint "', "Constraint “", "Enter a valid")


class _PersonForm(GovukForm):
    name = forms.CharField(label="Full name", max_length=10)
    age = forms.IntegerField(label="Age", min_value=0, max_value=120)
    seen_on = forms.DateField(label="Date last seen")
    area = forms.ChoiceField(label="Area", choices=[("north", "North"), ("south", "South")], widget=forms.RadioSelect)
    what = forms.CharField(label="What happened?")
    email = forms.EmailField(label="Email address (optional)", required=False)
    nrm = forms.CharField(label="NRM reference", required=False, max_length=5)
    owned = forms.CharField(label="Owner", error_messages={"required": "Enter who owns the action"})


def _errors(data: dict) -> tuple[dict, str]:
    form = _PersonForm(data)
    assert not form.is_valid()
    return form.errors, str(form)


def test_an_empty_form_names_each_field_and_says_what_to_do() -> None:
    errors, html = _errors({})
    assert errors["name"] == ["Enter the full name"]
    assert errors["age"] == ["Enter the age"]
    assert errors["seen_on"] == ["Enter the date last seen"]
    assert errors["area"] == ["Select the area"]
    assert errors["what"] == ["Enter what happened"]
    assert not any(text in html for text in FRAMEWORK_TEXTS)


def test_out_of_range_and_badly_formed_answers_say_the_limit() -> None:
    errors, html = _errors(
        {
            "name": "Anastasia Petrovna",
            "age": "121",
            "seen_on": "2025-02-30",
            "area": "east",
            "email": "ana at example",
            "nrm": "ABCDEFG",
        }
    )
    assert errors["name"] == ["Full name must be 10 characters or less"]
    assert errors["age"] == ["Age must be 120 or less"]
    assert errors["seen_on"] == ["Date last seen must be a real date"]
    assert errors["area"] == ["Select the area from the list"]
    assert errors["email"] == ["Enter the email address in the correct format, like name@example.com"]
    assert errors["nrm"] == ["NRM reference must be 5 characters or less"]
    assert _errors({"age": "-1"})[0]["age"] == ["Age must be 0 or more"]
    assert _errors({"age": "1.5"})[0]["age"] == ["Age must be a whole number"]
    assert not any(text in html for text in FRAMEWORK_TEXTS)


def test_a_forms_own_message_is_kept() -> None:
    errors, _ = _errors({})
    assert errors["owned"] == ["Enter who owns the action"]


def test_a_label_a_view_changes_after_building_the_form_is_the_one_named() -> None:
    form = _PersonForm({})
    form.fields["name"].label = "Policies"
    assert form.errors["name"] == ["Enter the policies"]


def test_a_label_changed_between_two_checks_is_named_on_the_second() -> None:
    form = _PersonForm({})
    assert form.errors["name"] == ["Enter the full name"]
    form.fields["name"].label = "Policies"
    form.full_clean()
    assert form.errors["name"] == ["Enter the policies"]
    assert form.errors["owned"] == ["Enter who owns the action"]


def test_messages_follow_the_reader_language_from_one_form_to_the_next() -> None:
    """The messages are made once for each kind of field, label and language (form_messages.py):
    a Welsh reader between two English ones gets Welsh, and the English ones English."""
    assert _errors({})[0]["name"] == ["Enter the full name"]
    with translation.override("cy"):
        welsh = _errors({})[0]
    assert welsh["name"] == ["Rhowch \N{LEFT SINGLE QUOTATION MARK}Full name\N{RIGHT SINGLE QUOTATION MARK}"]
    assert welsh["owned"] == ["Enter who owns the action"]  # the form's own message, as it wrote it
    assert _errors({})[0]["name"] == ["Enter the full name"]


def test_a_message_a_form_sets_when_built_is_kept() -> None:
    class _OwnChoiceForm(_PersonForm):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self.fields["area"].error_messages["invalid_choice"] = "Choose north or south"

    for _ in range(2):  # the second form meets the messages already made for the first
        form = _OwnChoiceForm({"area": "east"})
        assert not form.is_valid()
        assert form.errors["area"] == ["Choose north or south"]
    assert _errors({"area": "east"})[0]["area"] == ["Select the area from the list"]


def test_the_summary_names_two_missing_fields_apart() -> None:
    _, html = _errors({})
    summary = html.split("govuk-error-summary__list")[1].split("</ul>")[0]
    assert "Enter the full name" in summary and "Enter the age" in summary


def test_a_constraint_without_its_own_message_names_the_fields_it_is_about() -> None:
    constraint = models.CheckConstraint(condition=models.Q(ends_on__gt=models.F("starts_on")), name="ends_after")
    fields = {"starts_on": forms.DateField(label="Start date"), "ends_on": forms.DateField(label="End date")}
    assert constraint_fields(constraint) == ["ends_on", "starts_on"]
    error = forms.ValidationError(constraint.get_violation_error_message())
    assert constraint_message(constraint, error, fields, models.Model) == "Check the end date and the start date"


def test_a_constraint_with_its_own_message_says_it() -> None:
    constraint = models.CheckConstraint(
        condition=models.Q(ends_on__gt=models.F("starts_on")), name="ends_after", violation_error_message="End later"
    )
    error = forms.ValidationError(constraint.get_violation_error_message())
    assert constraint_message(constraint, error, {}, models.Model) == "End later"
