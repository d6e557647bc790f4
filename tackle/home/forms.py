from django import forms
from django.utils.translation import gettext_lazy as _

from tackle.core.forms import GovukForm

MOST_CHARACTERS = 20_000


class ServicePageForm(GovukForm):
    body = forms.CharField(
        label=_("Text of the page"),
        max_length=MOST_CHARACTERS,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 25}),
        help_text=_(
            "Plain text, not HTML. Leave a blank line between paragraphs. Start a line with ## and a space "
            "for a heading, and each line of a list with - and a space. {organisation} shows your "
            "organisation's name."
        ),
        error_messages={
            "required": _("Enter the text of the page"),
            "max_length": f"The text must be {MOST_CHARACTERS:,} characters or fewer",
        },
    )
