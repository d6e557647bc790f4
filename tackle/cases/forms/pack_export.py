from django import forms

from tackle.core.forms import GovukForm


class PackExportForm(GovukForm):
    """The one answer a Duty to Notify's check page asks before its pack leaves Tackle."""

    checked = forms.BooleanField(
        label="I have checked that nothing in this pack could identify the person",
        error_messages={"required": "Confirm that you have checked that nothing in the pack could identify the person"},
    )
