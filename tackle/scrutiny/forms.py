from typing import Any

from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tackle.core.forms import GovukDateField, GovukForm, GovukModelForm
from tackle.core.periods import parse_financial_year
from tackle.scrutiny.foi.questions import QUESTIONS
from tackle.scrutiny.foi.request import BeforeRecords, FoiRequest, PeriodKind, request_periods
from tackle.scrutiny.models import LeadArrangement, Spend, SpendCategory
from tackle.scrutiny.themes import ANSWER_CHOICES, THEMES


class LeadArrangementForm(GovukModelForm):
    class Meta:
        model = LeadArrangement
        fields = [
            "lead_name", "is_lead", "team", "covers_children", "covers_adults", "dedicated", "since", "ended_on",
            "funding_source", "amount_per_year", "notes",
        ]  # fmt: skip
        labels = {
            "lead_name": _("Post title"),
            "is_lead": _("This post is the council's modern slavery lead or single point of contact"),
            "funding_source": _("Funded by"),
            "amount_per_year": _("Cost per year in pounds"),
            "notes": _("Notes"),
            "team": _("Team"),
            "covers_children": _("Covers children"),
            "covers_adults": _("Covers adults"),
            "dedicated": _("Dedicated post (not on top of other duties)"),
            "since": _("Held from"),
            "ended_on": _("Ended on"),
        }
        help_texts = {
            "since": _("For example, 1 4 2023"),
            "ended_on": _("Leave empty while the post continues. For example, 31 3 2026"),
            "amount_per_year": _("Optional. What the post cost the funder each year, for example 50000"),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("covers_children") and not data.get("covers_adults"):
            self.add_error("covers_adults", gettext("Select whether the lead covers children, adults or both"))
        if not (data.get("lead_name") or "").strip():
            self.add_error("lead_name", gettext("Enter the post title"))
        return data


class SpendForm(GovukModelForm):
    class Meta:
        model = Spend
        fields = ["financial_year", "category", "amount", "note"]
        labels = {
            "financial_year": _("Financial year"),
            "category": _("What the money was spent on"),
            "amount": _("Amount in pounds"),
            "note": _("Note"),
        }
        help_texts = {"financial_year": _("For example, 2025-26"), "note": _("Optional: what it paid for")}

    def clean_financial_year(self) -> str:
        value = self.cleaned_data["financial_year"]
        if parse_financial_year(value) is None:
            raise forms.ValidationError(gettext("Enter the financial year like 2025-26"))
        return value.strip()


class ArrangementFilterForm(GovukForm):
    """The Posts and roles page's filters; its download applies them too."""

    held = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            ("", _("Every post")),
            ("current", _("Posts held today")),
            ("ended", _("Posts ended or not yet begun")),
        ],
    )
    leads_only = forms.BooleanField(required=False, label=_("Leads and single points of contact only"))

    def filters(self) -> dict[str, bool | None]:
        """The selector's filters; none where what was sent is refused (the form says why)."""
        if not self.is_valid():
            return {}
        held = self.cleaned_data.get("held")
        return {
            "is_lead": True if self.cleaned_data.get("leads_only") else None,
            "current": None if not held else held == "current",
        }


class SpendFilterForm(GovukForm):
    """The Spending page's filters, the years offered being those with spending; its download applies them."""

    financial_year = forms.ChoiceField(label=_("Financial year"), required=False)
    category = forms.ChoiceField(
        label=_("Category"), required=False, choices=[("", _("Every category")), *SpendCategory.choices]
    )

    def __init__(self, *args: Any, years: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["financial_year"].choices = [("", gettext("Every year")), *((year, year) for year in years)]  # type: ignore[attr-defined]

    def filters(self) -> dict[str, str]:
        if not self.is_valid():
            return {}
        return {name: self.cleaned_data.get(name) or "" for name in ("financial_year", "category")}


class AssessmentNewForm(GovukForm):
    year = forms.TypedChoiceField(
        label=_("Year of the self-assessment"),
        coerce=int,
        help_text=_("The financial year it covers starts in April of this year"),
    )

    def __init__(self, *args: Any, latest: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(str(y), str(y)) for y in range(latest, latest - 6, -1)]  # type: ignore[attr-defined]


class AnswersForm(GovukForm):
    """One answer and its evidence for every question, grouped by theme in the template."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for theme in THEMES:
            for number, question in enumerate(theme.questions, start=1):
                self.fields[f"{question.key}-answer"] = forms.ChoiceField(
                    label=question.text, choices=ANSWER_CHOICES, required=False, widget=forms.RadioSelect
                )
                self.fields[f"{question.key}-evidence"] = forms.CharField(
                    label=gettext("Evidence (%(theme)s, question %(number)d)")
                    % {"theme": theme.title, "number": number},
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 3}),
                    max_length=4000,
                )

    def answers(self) -> dict[str, tuple[str, str]]:
        found = {}
        for theme in THEMES:
            for question in theme.questions:
                answer = self.cleaned_data.get(f"{question.key}-answer") or ""
                evidence = (self.cleaned_data.get(f"{question.key}-evidence") or "").strip()
                if answer:
                    found[question.key] = (answer, evidence)
        return found


class FoiForm(GovukForm):
    """The request as the requester wrote it: its questions in order, the periods it names, and
    what to say for years before the council's records began."""

    kind = forms.ChoiceField(
        label=_("The request asks by"),
        choices=[
            (PeriodKind.CALENDAR, _("Calendar year (January to December)")),
            (PeriodKind.FINANCIAL, _("Financial year (April to March)")),
            (PeriodKind.DATES, _("Between two dates")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select how the request names its periods")},
    )
    first_year = forms.IntegerField(
        label=_("First year asked about"),
        required=False,
        min_value=1990,
        max_value=2100,
        help_text=_(
            "For a financial year, the year it starts in: 2023 for 2023-24. Years are answered in the order "
            "asked: 2023 then 2019 answers 2023 first."
        ),
    )
    last_year = forms.IntegerField(label=_("Last year asked about"), required=False, min_value=1990, max_value=2100)
    starts_on = GovukDateField(label=_("From"), required=False)
    ends_on = GovukDateField(label=_("To"), required=False, help_text=_("This day is included"))
    before_records = forms.ChoiceField(
        label=_("For a period before the council's records began"),
        choices=[
            (BeforeRecords.NOT_HELD, _("Say the information is not held")),
            (BeforeRecords.COST_LIMIT, _("Older records are on paper: refuse that part on cost (section 12)")),
        ],
        initial=BeforeRecords.NOT_HELD,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select what to say for a period before the records began")},
    )

    def __init__(self, *args: Any, welsh: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if welsh:
            # A council offering the Welsh service answers in the language it was asked in (Welsh Language
            # Standards); each language is named in itself, as the header's switch names it.
            self.fields["language"] = forms.ChoiceField(
                label=_("Answer in"),
                choices=[
                    (code, format_html('<span lang="{}">{}</span>', code, name)) for code, name in settings.LANGUAGES
                ],
                initial=translation.get_language(),
                required=False,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": _("Select English or Cymraeg for the language of the answer")},
            )
        # The questions in the page's language; the answer writes them in its own.
        choices = [("", gettext("Not asked")), *((key, gettext(question.text)) for key, question in QUESTIONS.items())]
        for number in range(1, len(QUESTIONS) + 1):
            self.fields[f"q{number}"] = forms.ChoiceField(
                label=gettext("Question %(number)d") % {"number": number}, choices=choices, required=False
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind, seen = data.get("kind"), dict[str, int]()
        for number in range(1, len(QUESTIONS) + 1):
            key = data.get(f"q{number}")
            if key and key in seen:
                self.add_error(
                    f"q{number}",
                    gettext("Question %(number)d is the same as question %(first)d: choose it once")
                    % {"number": number, "first": seen[key]},
                )
            elif key:
                seen[key] = number
        if not seen:
            self.add_error("q1", gettext("Choose the first question the request asks"))
        if kind in (PeriodKind.CALENDAR, PeriodKind.FINANCIAL):
            year_errors = (
                ("first_year", gettext("Enter the first year asked about, like 2023")),
                ("last_year", gettext("Enter the last year asked about, like 2023")),
            )
            for name, message in year_errors:
                if data.get(name) is None and name not in self.errors:
                    self.add_error(name, message)
            if data.get("first_year") and data.get("last_year") and abs(data["first_year"] - data["last_year"]) > 20:
                self.add_error("last_year", gettext("The years asked about must span 20 years or fewer"))
        elif kind == PeriodKind.DATES:
            day_errors = (
                ("starts_on", gettext("Enter the first day asked about")),
                ("ends_on", gettext("Enter the last day asked about")),
            )
            for name, message in day_errors:
                if data.get(name) is None and name not in self.errors:
                    self.add_error(name, message)
            if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
                self.add_error("ends_on", gettext("The last day must be the same as or after the first"))
        return data

    def answer_language(self) -> str:
        """The language the answer is written in: the one chosen, else the page's (English where the
        organisation offers no Welsh service); the page's before a request is entered."""
        if "language" not in self.fields:
            return settings.LANGUAGE_CODE
        chosen = self.cleaned_data.get("language") if self.is_bound else None
        return chosen or translation.get_language() or settings.LANGUAGE_CODE

    def request(self) -> FoiRequest:
        data = self.cleaned_data
        questions = tuple(data[f"q{n}"] for n in range(1, len(QUESTIONS) + 1) if data.get(f"q{n}"))
        kind = PeriodKind(data["kind"])
        periods = request_periods(
            kind,
            first_year=data.get("first_year") or 0,
            last_year=data.get("last_year") or 0,
            starts_on=data.get("starts_on"),
            ends_on=data.get("ends_on"),
        )
        return FoiRequest(questions, kind, periods, BeforeRecords(data["before_records"]))
