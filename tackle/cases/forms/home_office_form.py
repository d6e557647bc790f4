"""One small form per section of the Home Office form, built from its declaration, and the lead's
redaction form for a Duty to Notify."""

from typing import Any

from django import forms
from django.utils.translation import gettext

from tackle.cases.forms.pick_lists import keep_stored
from tackle.cases.rules.home_office_check import is_empty, is_required
from tackle.cases.rules.home_office_form import Kind, Question
from tackle.core.forms import GovukForm

_MAX_TEXT = 15000
_MOST_RADIOS = 10  # more choices than this are a select, as GOV.UK advises for long lists


def _field(question: Question, documents: dict[str, str]) -> forms.Field:
    # The labels are the Home Office's English form's own questions (docs/i18n.md); the sentences around them are ours.
    common: dict[str, Any] = {"label": question.label, "help_text": question.hint, "required": question.required}
    choose = {"required": gettext("Select an answer to: %(question)s") % {"question": question.label}}
    enter = {"required": gettext("Enter an answer to: %(question)s") % {"question": question.label}}
    if question.kind == Kind.DOCUMENTS:
        return forms.MultipleChoiceField(
            choices=list(documents.items()),
            widget=forms.CheckboxSelectMultiple,
            error_messages={**choose, "invalid_choice": gettext("Choose only documents kept on this case")},
            **common,
        )
    if question.kind == Kind.CHOICE and len(question.choices) > _MOST_RADIOS:  # a long list: a select
        return forms.ChoiceField(
            choices=[("", gettext("Select from the list")), *question.choices],
            widget=forms.Select,
            error_messages={
                **choose,
                "invalid_choice": gettext("Select from the list: %(question)s") % {"question": question.label},
            },
            **common,
        )
    if question.kind == Kind.CHOICE:
        return forms.ChoiceField(choices=question.choices, widget=forms.RadioSelect, error_messages=choose, **common)
    if question.kind == Kind.CHOICES:
        return forms.MultipleChoiceField(
            choices=question.choices, widget=forms.CheckboxSelectMultiple, error_messages=choose, **common
        )
    if question.kind == Kind.NUMBER:
        return forms.IntegerField(
            min_value=0,
            max_value=99,
            widget=forms.NumberInput(attrs={"class": "govuk-input--width-3"}),
            error_messages={**enter, "invalid": gettext("Enter a whole number, like 2")},
            **common,
        )
    if question.kind == Kind.EMAIL:
        return forms.EmailField(
            max_length=254,
            error_messages={**enter, "invalid": gettext("Enter an email address like name@example.org")},
            **common,
        )
    widget = forms.Textarea(attrs={"rows": 5}) if question.kind == Kind.LONG_TEXT else forms.TextInput
    return forms.CharField(
        max_length=_MAX_TEXT,
        widget=widget,
        error_messages={**enter, "max_length": gettext("Enter 15,000 characters or fewer")},
        **common,
    )


class SectionForm(GovukForm):
    """The section's questions asked now (held facts are shown beside it, never asked)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(
        self, *args: Any, questions: list[Question], documents: dict[str, str] | None = None, **kwargs: Any
    ) -> None:
        """`documents`: the case's, uuid to title, for the evidence question."""
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[question.key] = _field(question, documents or {})
            if question.kind == Kind.CHOICE:  # an answer typed before the question had a list is kept
                keep_stored(self.fields[question.key], self.initial.get(question.key))

    def clean(self) -> dict[str, Any]:
        """A question that goes with another (what the attached files are) is required once that one is answered."""
        cleaned = super().clean() or {}
        for question in self.questions:
            if question.key in self.errors or question.required_with not in self.fields:
                continue
            if is_required(question, cleaned) and is_empty(cleaned.get(question.key)):
                self.add_error(question.key, gettext("Enter an answer to: %(question)s") % {"question": question.label})
        return cleaned

    def answers(self) -> dict[str, Any]:
        return {key: value for key, value in self.cleaned_data.items() if key != "version"}


class RedactionForm(GovukForm):
    """Each free text of a Duty to Notify, to be edited down to what identifies nobody."""

    def __init__(self, *args: Any, texts: dict[str, tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, (label, _original) in texts.items():
            self.fields[key] = forms.CharField(
                label=label,
                required=False,
                max_length=_MAX_TEXT,
                widget=forms.Textarea(attrs={"rows": 6}),
                help_text=gettext("Remove names, addresses, exact places and anything else that could identify them"),
                error_messages={"max_length": gettext("Enter 15,000 characters or fewer")},
            )
