from django import forms

from tackle.core.forms import GovukForm


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
