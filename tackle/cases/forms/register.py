from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tackle.cases.register import EARLIEST_AS_OF, LATEST_AS_OF
from tackle.core.forms import GovukDateField, GovukForm


class RegisterDateForm(GovukForm):
    """The day the register shows, in the GOV.UK date input as every other date (issue 18). Sent by
    GET, so a register for a date can be bookmarked; ?as_of=2025-03-31 (the export links) is read too."""

    as_of = GovukDateField(
        label=_("Date the register shows"), help_text=_("Cases open on this day. For example, 31 3 2025")
    )

    def clean_as_of(self) -> date:
        as_of: date = self.cleaned_data["as_of"]
        if not EARLIEST_AS_OF <= as_of <= LATEST_AS_OF:
            raise forms.ValidationError(
                gettext("Date the register shows must be between %(first)s and %(last)s")
                % {"first": EARLIEST_AS_OF.year, "last": LATEST_AS_OF.year}
            )
        return as_of

    @classmethod
    def from_query(cls, query: Any, today: date) -> "RegisterDateForm":
        """Bound to the address's date when it names one; today's date, shown in the boxes, when not."""
        asked = "as_of" in query or any(f"as_of-{part}" in query for part in ("day", "month", "year"))
        return cls(query if asked else None, initial={"as_of": today})
