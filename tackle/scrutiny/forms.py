from typing import Any

from django import forms

from tackle.core.forms import GovukForm, GovukModelForm
from tackle.core.periods import parse_financial_year
from tackle.reporting.forms import year_choices
from tackle.scrutiny.models import LeadArrangement, Spend
from tackle.scrutiny.themes import ANSWER_CHOICES, THEMES


class LeadArrangementForm(GovukModelForm):
    class Meta:
        model = LeadArrangement
        fields = ["lead_name", "team", "covers_children", "covers_adults", "dedicated", "since", "ended_on"]
        labels = {
            "lead_name": "Lead's job title or name",
            "team": "Team",
            "covers_children": "Covers children",
            "covers_adults": "Covers adults",
            "dedicated": "Dedicated post (not on top of other duties)",
            "since": "Lead since",
            "ended_on": "Ended on",
        }
        help_texts = {
            "since": "For example, 1 4 2023",
            "ended_on": "Leave empty while the arrangement continues. For example, 31 3 2026",
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("covers_children") and not data.get("covers_adults"):
            self.add_error("covers_adults", "Select whether the lead covers children, adults or both")
        if not (data.get("lead_name") or "").strip():
            self.add_error("lead_name", "Enter the lead's job title or name")
        return data


class SpendForm(GovukModelForm):
    class Meta:
        model = Spend
        fields = ["financial_year", "category", "amount", "note"]
        labels = {
            "financial_year": "Financial year",
            "category": "What the money was spent on",
            "amount": "Amount in pounds",
        }
        help_texts = {"financial_year": "For example, 2025-26", "note": "Optional: what it paid for"}

    def clean_financial_year(self) -> str:
        value = self.cleaned_data["financial_year"]
        if parse_financial_year(value) is None:
            raise forms.ValidationError("Enter the financial year like 2025-26")
        return value.strip()


class AssessmentNewForm(GovukForm):
    year = forms.TypedChoiceField(
        label="Year of the self-assessment",
        coerce=int,
        help_text="The financial year it covers starts in April of this year",
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
                    label=f"Evidence ({theme.title}, question {number})",
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
    years = forms.TypedMultipleChoiceField(
        label="Financial years asked about", coerce=int, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, latest: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["years"].choices = year_choices(latest)[:8]  # type: ignore[attr-defined]
