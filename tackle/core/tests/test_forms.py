from django import forms
from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from tackle.core.errors import ApplicationError
from tackle.core.forms import GovukDateField, GovukForm, add_application_error


class _ExampleForm(GovukForm):
    name = forms.CharField(label="Name", help_text="As on their documents", error_messages={"required": "Enter a name"})
    kind = forms.ChoiceField(label="Kind", choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)
    notes = forms.CharField(label="Notes", widget=forms.Textarea, required=False)


def test_valid_form_renders_govuk_inputs_with_hints():
    html = str(_ExampleForm())
    assert 'class="govuk-input"' in html
    assert 'class="govuk-hint"' in html and 'aria-describedby="id_name-hint"' in html
    assert "govuk-radios__input" in html and "<legend" in html
    assert "govuk-textarea" in html
    assert "required" not in html  # server-side validation only, so GOV.UK errors always show


def test_invalid_form_renders_error_summary_linking_to_fields():
    form = _ExampleForm(data={"name": ""})
    assert not form.is_valid()
    html = str(form)
    assert "govuk-error-summary" in html and 'href="#id_name"' in html
    assert "govuk-form-group--error" in html and "govuk-input--error" in html
    assert 'aria-describedby="id_name-hint id_name-error"' in html
    assert 'href="#id_kind_0"' in html  # radios link to their first option


class _WidgetsForm(GovukForm):
    agree = forms.BooleanField(label="I agree", required=False)
    upload = forms.FileField(label="File", required=False)
    short = forms.CharField(label="Short", widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}))


def test_checkboxes_files_and_width_classes_get_their_govuk_classes():
    html = str(_WidgetsForm())
    assert 'class="govuk-checkboxes__input"' in html and "govuk-checkboxes__label" in html
    assert 'class="govuk-file-upload"' in html
    assert 'class="govuk-input govuk-input--width-5"' in html


def _checked_form():
    form = _ExampleForm({"name": "Ana", "kind": "a"})
    assert form.is_valid()
    return form


def test_a_service_error_naming_a_field_shows_on_that_field():
    form = _checked_form()
    add_application_error(form, ApplicationError("Too long", field="notes"))
    assert form.errors == {"notes": ["Too long"]}


def test_a_service_error_naming_no_field_of_the_form_shows_above_it():
    for field in (None, "not_on_this_form"):
        form = _checked_form()
        add_application_error(form, ApplicationError("Already recorded", field=field))
        assert form.non_field_errors() == ["Already recorded"]


def test_an_upload_error_shows_on_the_field_the_view_names():
    form = _checked_form()
    add_application_error(form, ApplicationError("Line 3: no date", field="kind"), field="name")
    assert form.errors == {"name": ["Line 3: no date"]}


class _EveryCoreWidgetForm(GovukForm):
    due = GovukDateField(label=_("Due date"))
    level = forms.ChoiceField(label=_("Level"), choices=[("", "---------"), ("high", _("High"))])
    evidence = forms.FileField(label=_("File"), required=False)


def test_core_form_and_widget_text_reads_in_welsh():
    """Issue 21: the error summary's title, the date input's parts, the file input's own words and the
    required messages come from core or Django's catalogue, so a Welsh page shows no English from them."""
    with translation.override("cy"):
        stored = FieldFile(None, models.FileField(), "evidence.pdf")
        form = _EveryCoreWidgetForm(data={"due-day": ""}, initial={"evidence": stored})
        assert not form.is_valid()
        page = str(form)
    for welsh in ("Mae problem", ">Diwrnod<", ">Mis<", ">Blwyddyn<", "Ar hyn o bryd", "Clirio"):
        assert welsh in page
    for english in ("There is a problem", ">Day<", ">Month<", ">Year<", "Currently", ">Clear<", "required"):
        assert english not in page
