from typing import Any

from django import forms
from django.utils.translation import gettext

from tackle.core.forms import GovukForm

REVOKE = "revoke"


class _AlwaysRevoke(forms.HiddenInput):
    """Sent by the page's own form, whatever a refused POST held."""

    def format_value(self, value: Any) -> str:
        return REVOKE


class ShareRevokeConfirmForm(GovukForm):
    """A revoked share cannot be restored (a new share must be recorded, with its lawful basis and
    consent), so only the check page's own form, which sends this answer, revokes (issue 18)."""

    confirm = forms.CharField(widget=_AlwaysRevoke, required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("confirm") != REVOKE:
            raise forms.ValidationError(gettext("Check what will stop, then select Revoke sharing"))
        return cleaned
