from datetime import date

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tackle.accounts.models import User
from tackle.core.date_input import DATE_HINT
from tackle.core.forms import GovukDateField, GovukForm, GovukModelForm, required_message
from tackle.core.periods import financial_year_label, financial_year_of
from tackle.statements.models import (
    Action,
    ActionStatus,
    Commitment,
    DecisionMaker,
    StatementLanguages,
    StatementPeriod,
)


class ActionForm(GovukModelForm):
    class Meta:
        model = Action
        fields = ["area", "title", "description", "owner", "owner_team", "starts_on", "due_on"]
        labels = {
            "area": _("Area"),
            "title": _("What will be done?"),
            "description": _("Description"),
            "owner": _("Owner"),
            "starts_on": _("Starts on"),
            "owner_team": _("Owning team"),
            "due_on": _("Due date"),
        }
        widgets = {"area": forms.RadioSelect}
        error_messages = {
            "title": {"required": _("Enter what will be done")},
            "due_on": {"required": _("Enter a due date")},
        }

    def __init__(self, *args, organisation, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = User.objects.filter(organisation=organisation, is_active=True)  # type: ignore[attr-defined]
        self.fields["area"].choices = self.fields["area"].choices[1:]  # type: ignore[attr-defined]


class ActionStatusForm(GovukForm):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[(s.value, s.label) for s in ActionStatus if s != ActionStatus.CARRIED_OVER],
        widget=forms.RadioSelect,
    )


class ProgressForm(GovukForm):
    written_on = GovukDateField(label=_("Date"))
    what_was_done = forms.CharField(
        label=_("What was done?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Enter what was done")},
    )


CUSTOM_DATES = "custom"


def financial_year_choices(today: date) -> list[tuple[str, str]]:
    """The financial year before this one, this one and the next two, then other dates."""
    this_year = financial_year_of(today)
    years = [
        (
            str(year),
            gettext("%(label)s (1 April %(start)s to 31 March %(end)s)")
            % {"label": financial_year_label(year), "start": year, "end": year + 1},
        )
        for year in range(this_year - 1, this_year + 3)
    ]
    return [*years, (CUSTOM_DATES, gettext("Other dates"))]


class PeriodFields(GovukForm):
    label = forms.CharField(
        label=_("Label"), max_length=20, required=False, help_text=_("For example, 2025-26 or 2026/27")
    )
    starts_on = GovukDateField(label=_("Start date"), required=False)
    ends_on = GovukDateField(label=_("End date"), required=False)

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        if self._needs_dates():
            for name in ("label", "starts_on", "ends_on"):
                if not cleaned.get(name) and name not in self.errors:
                    self.add_error(name, required_message(self.fields[name], name))
            starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
            if starts_on and ends_on and ends_on <= starts_on:
                self.add_error("ends_on", gettext("The end date must be after the start date"))
        return cleaned

    def _needs_dates(self) -> bool:
        return True


class PeriodForm(PeriodFields):
    """A financial year from the list, or a label and dates of the council's own."""

    year = forms.ChoiceField(
        label=_("Which year is the period?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Select a financial year, or other dates")},
    )
    field_order = ["year", "label", "starts_on", "ends_on"]

    def __init__(self, *args, today: date, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = financial_year_choices(today)  # type: ignore[attr-defined]
        for name in ("label", "starts_on", "ends_on"):
            label = self.fields[name].label or name.capitalize()
            self.fields[name].label = gettext("%(label)s (for other dates only)") % {"label": label}

    def _needs_dates(self) -> bool:
        return self.cleaned_data.get("year") == CUSTOM_DATES

    def period_details(self) -> dict:
        """The label and dates to save: the chosen financial year's, or those typed in."""
        year = self.cleaned_data["year"]
        if year == CUSTOM_DATES:
            return {name: self.cleaned_data[name] for name in ("label", "starts_on", "ends_on")}
        start = int(year)
        return {
            "label": financial_year_label(start),
            "starts_on": date(start, 4, 1),
            "ends_on": date(start + 1, 3, 31),
        }


class PeriodEditForm(PeriodFields):
    """Correct a period's label or dates."""


class PeriodCloseForm(GovukForm):
    next_period = forms.ModelChoiceField(queryset=StatementPeriod.objects.none(), label=_("Carry open actions to"))

    def __init__(self, *args, period: StatementPeriod, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        later = StatementPeriod.objects.filter(organisation_id=period.organisation_id, starts_on__gt=period.starts_on)
        self.fields["next_period"].queryset = later  # type: ignore[attr-defined]


class SectionForm(GovukForm):
    text = forms.CharField(
        label=_("Text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Leave a blank line between paragraphs."),
    )
    # Asked only of a statement in Welsh or in both languages (issue 21).
    text_cy = forms.CharField(
        label=_("In Welsh (Cymraeg)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 14, "lang": "cy"}),
        help_text=_("The council's own Welsh version. Left empty, the Welsh statement says it is missing."),
    )

    def __init__(self, *args, languages: str = StatementLanguages.ENGLISH, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        if languages == StatementLanguages.ENGLISH:
            del self.fields["text_cy"]


class LanguagesForm(GovukForm):
    languages = forms.ChoiceField(
        label=_("Which languages is the statement published in?"),
        choices=StatementLanguages.choices,
        widget=forms.RadioSelect,
        help_text=_("Side by side, the Welsh is on the left; in the Word file it comes first."),
        error_messages={"required": _("Select the languages the statement is published in")},
    )


class DetailsForm(GovukForm):
    review_date = GovukDateField(
        label=_("Next review date"),
        help_text=format_lazy(
            "{} {}", _("When the council will next review the statement; after the date it was approved."), _(DATE_HINT)
        ),
    )


class ApprovalForm(GovukForm):
    """The decision that approved the statement, as the council's minutes record it."""

    decision_maker = forms.ChoiceField(
        label=_("Who approved the statement?"),
        choices=DecisionMaker.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select who approved the statement")},
    )
    delegated_to = forms.CharField(
        label=_("For a delegated decision: the officer or portfolio holder who decided"),
        required=False,
        max_length=200,
        help_text=_("For example, Director of Communities, or the Cabinet Member for Community Safety"),
    )
    approval_date = GovukDateField(
        label=_("Date of the decision"),
        error_messages={"required": _("Enter the date of the decision")},
    )
    minute_reference = forms.CharField(
        label=_("Minute or decision reference"),
        max_length=100,
        help_text=_("As the minutes or the decision notice record it, for example CAB 45/26"),
        error_messages={"required": _("Enter the minute or decision reference")},
    )
    review_date = GovukDateField(
        label=_("Next review date"),
        help_text=format_lazy("{} {}", _("After the date of the decision; usually a year later."), _(DATE_HINT)),
        error_messages={"required": _("Enter the next review date")},
    )

    def __init__(self, *args, today: date, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.today = today

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        if cleaned.get("decision_maker") == DecisionMaker.DELEGATED and not cleaned.get("delegated_to"):
            self.add_error(
                "delegated_to", gettext("Enter the officer or portfolio holder who made the delegated decision")
            )
        decided, review = cleaned.get("approval_date"), cleaned.get("review_date")
        if decided and decided > self.today:
            self.add_error("approval_date", gettext("The date of the decision must be today or in the past"))
        if decided and review and review <= decided:
            self.add_error("review_date", gettext("The next review date must be after the date of the decision"))
        return cleaned


class SignatoryForm(GovukForm):
    name = forms.CharField(label=_("Name"), max_length=120, error_messages={"required": _("Enter the name")})
    role = forms.CharField(label=_("Role"), max_length=120, error_messages={"required": _("Enter their role")})


class PublishForm(GovukForm):
    published_url = forms.URLField(
        label=_("Where is it published?"),
        help_text=_("The web address of the published statement"),
        error_messages={"required": _("Enter the web address")},
    )


class StartStatementForm(GovukForm):
    period = forms.ModelChoiceField(queryset=StatementPeriod.objects.none(), label=_("Period"))

    def __init__(self, *args, periods, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["period"].queryset = periods  # type: ignore[attr-defined]


# Commitments ---------------------------------------------------------------------------------


class CommitmentForm(GovukModelForm):
    class Meta:
        model = Commitment
        fields = ["source", "title", "meaning", "adopted_on", "adopted_by"]
        labels = {
            "source": _("Where does it come from?"),
            "title": _("Commitment"),
            "meaning": _("What it means for us"),
            "adopted_on": _("Date adopted"),
            "adopted_by": _("Adopted by"),
        }
        widgets = {"meaning": forms.Textarea(attrs={"rows": 4})}
        error_messages = {
            "source": {"required": _("Enter where the commitment comes from, such as a charter or motion")},
            "title": {"required": _("Enter the commitment")},
        }


class AdoptCharterForm(GovukForm):
    adopted_on = GovukDateField(
        label=_("Date adopted"),
        error_messages={"required": _("Enter the date the charter was adopted"), "invalid": _("Enter a real date")},
    )
    adopted_by = forms.CharField(
        label=_("Adopted by"),
        max_length=120,
        initial="Full Council",
        error_messages={"required": _("Enter who adopted the charter, such as Full Council")},
    )


class ActionLabelField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Action) -> str:  # type: ignore[override]
        return f"{obj.period.label}: {obj.title} ({obj.get_status_display().lower()})"


class CommitmentActionsForm(GovukForm):
    actions = ActionLabelField(
        queryset=Action.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Actions that deliver this commitment"),
        help_text=_("Select all that apply. Dropped and carried-over actions are not shown."),
    )

    def __init__(self, *args, actions, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["actions"].queryset = actions  # type: ignore[attr-defined]


class EvidenceForm(GovukForm):
    text = forms.CharField(
        label=_("What shows the commitment is being kept?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Enter what shows the commitment is being kept")},
    )
    url = forms.URLField(
        label=_("Link (optional)"),
        required=False,
        max_length=500,
        help_text=_("For example, the published policy or report"),
        error_messages={"invalid": _("Enter a web address starting with https://")},
    )
    recorded_on = GovukDateField(
        label=_("Date"),
        error_messages={"required": _("Enter the date"), "invalid": _("Enter a real date")},
    )


class JudgementForm(GovukForm):
    met = forms.TypedChoiceField(
        label=_("Is this commitment met?"),
        choices=[("yes", _("Yes, the evidence shows it is met")), ("no", _("No, not yet"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Select whether the commitment is met")},
    )
    note = forms.CharField(
        label=_("Why?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed when you judge it met: say how the evidence shows it"),
    )
