from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tackle.cases.forms.pick_lists import pick_list_field
from tackle.cases.rules.pick_lists import LANGUAGE_LABELS
from tackle.core.forms import GovukForm


class ExplanationLanguageForm(GovukForm):
    language = pick_list_field(
        _("Language"),
        LANGUAGE_LABELS,
        hint=_("You then write each text in it, or paste the translation service's text"),
        blank=_("Choose a language"),
    )

    def clean_language(self) -> Any:
        if not self.cleaned_data["language"]:
            raise forms.ValidationError(_("Select a language"))
        return self.cleaned_data["language"]


class ExplanationEditForm(GovukForm):
    title = forms.CharField(
        label=_("Heading"),
        help_text=_("In the text's own language"),
        max_length=200,
        error_messages={"required": _("Enter the heading")},
    )
    body = forms.CharField(
        label=_("Text"),
        help_text=_("Short sentences, plain words. Saving makes a new version; it is offered once approved."),
        widget=forms.Textarea(attrs={"rows": 14}),
        error_messages={"required": _("Enter the text of the explanation")},
    )


class ExplanationApproveForm(GovukForm):
    """Nothing to fill in: the button approves the version shown above it."""
