from django import forms
from django.utils.translation import gettext_lazy as _

from tackle.core.forms import GovukForm


class PackExportForm(GovukForm):
    """The one answer a Duty to Notify's check page asks before its pack leaves Tackle."""

    checked = forms.BooleanField(
        label=_("I have checked that nothing in this pack could identify the person"),
        error_messages={
            "required": _("Confirm that you have checked that nothing in the pack could identify the person")
        },
    )
