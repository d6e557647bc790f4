from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tackle.core.forms import GovukForm
from tackle.core.periods import financial_year_label
from tackle.reporting.home_office import AskedPeriod, parse_period

EARLIEST_YEAR = 2015
MOST_YEARS = 5


def year_choices(latest: int) -> list[tuple[str, str]]:
    return [(str(year), financial_year_label(year)) for year in range(latest, EARLIEST_YEAR - 1, -1)]


class FiguresForm(GovukForm):
    first_year = forms.TypedChoiceField(label=_("From financial year"), coerce=int)
    last_year = forms.TypedChoiceField(label=_("To financial year"), coerce=int)
    by = forms.ChoiceField(
        label=_("Count by"),
        choices=[("quarter", _("Quarter")), ("year", _("Financial year"))],
        widget=forms.RadioSelect,
        initial="quarter",
    )
    publication = forms.BooleanField(
        label=_("For publication: withhold small counts as for the public"),
        help_text=_("Your organisation sets how small (10 unless it chose otherwise)."),
        required=False,
    )

    def __init__(self, *args: object, latest: int, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        choices = year_choices(latest)
        self.fields["first_year"].choices = choices  # type: ignore[attr-defined]
        self.fields["last_year"].choices = choices  # type: ignore[attr-defined]

    def clean(self) -> dict:
        data = super().clean() or {}
        first, last = data.get("first_year"), data.get("last_year")
        if first is not None and last is not None:
            if last < first:
                self.add_error("last_year", gettext("The last financial year must be the same as or after the first"))
            elif last - first >= MOST_YEARS:
                self.add_error("last_year", gettext("Choose %(most)d financial years or fewer") % {"most": MOST_YEARS})
        return data


class PublishForm(GovukForm):
    """Publishing the Figures page as shown: the years and view, and who it is for."""

    first_year = forms.TypedChoiceField(label=_("From financial year"), coerce=int)
    last_year = forms.TypedChoiceField(label=_("To financial year"), coerce=int)
    by = forms.ChoiceField(label=_("Count by"), choices=[("quarter", _("Quarter")), ("year", _("Financial year"))])
    audience = forms.ChoiceField(
        label=_("Published for"),
        choices=[("public", _("The public")), ("councillors", _("Councillors"))],
        error_messages={"required": _("Choose who the figures are published for")},
    )

    def __init__(self, *args: object, latest: int, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        choices = year_choices(latest)
        self.fields["first_year"].choices = choices  # type: ignore[attr-defined]
        self.fields["last_year"].choices = choices  # type: ignore[attr-defined]

    def clean(self) -> dict:
        data = super().clean() or {}
        first, last = data.get("first_year"), data.get("last_year")
        if first is not None and last is not None and not 0 <= last - first < MOST_YEARS:
            self.add_error("last_year", _("Choose up to 5 financial years, the last not before the first"))
        return data


class HomeOfficePublishForm(GovukForm):
    """Publishing the Home Office tables for one financial year or quarter."""

    period = forms.CharField(
        label=_("Financial year or quarter"),
        help_text=_("For example 2025-26, or 2025-26-Q1 for its first quarter"),
        error_messages={"required": _("Enter the financial year or quarter to publish")},
    )

    def clean_period(self) -> AskedPeriod:
        asked = parse_period(self.cleaned_data["period"])
        if asked is None:
            raise forms.ValidationError(
                _("Enter a financial year like 2025-26, or one of its quarters like 2025-26-Q1")
            )
        return asked
