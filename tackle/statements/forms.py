from django import forms

from tackle.accounts.models import User
from tackle.core.forms import GovukForm, GovukModelForm
from tackle.statements.models import Action, ActionStatus, Commitment, Statement, StatementPeriod


def date_input() -> forms.DateInput:
    """A browser date picker needs ISO dates; the default format would leave it blank on edit."""
    return forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


class ActionForm(GovukModelForm):
    class Meta:
        model = Action
        fields = ["area", "title", "description", "owner", "owner_team", "starts_on", "due_on"]
        labels = {"area": "Area", "title": "What will be done?", "owner_team": "Owning team", "due_on": "Due date"}
        widgets = {
            "area": forms.RadioSelect,
            "starts_on": date_input(),
            "due_on": date_input(),
        }
        error_messages = {"title": {"required": "Enter what will be done"}, "due_on": {"required": "Enter a due date"}}

    def __init__(self, *args, organisation, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = User.objects.filter(organisation=organisation, is_active=True)  # type: ignore[attr-defined]
        self.fields["area"].choices = self.fields["area"].choices[1:]  # type: ignore[attr-defined]


class ActionStatusForm(GovukForm):
    status = forms.ChoiceField(
        choices=[(s.value, s.label) for s in ActionStatus if s != ActionStatus.CARRIED_OVER], widget=forms.RadioSelect
    )


class ProgressForm(GovukForm):
    written_on = forms.DateField(label="Date", widget=date_input())
    what_was_done = forms.CharField(
        label="What was done?",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter what was done"},
    )


class PeriodForm(GovukModelForm):
    class Meta:
        model = StatementPeriod
        fields = ["label", "starts_on", "ends_on"]
        widgets = {
            "starts_on": date_input(),
            "ends_on": date_input(),
        }


class PeriodCloseForm(GovukForm):
    next_period = forms.ModelChoiceField(queryset=StatementPeriod.objects.none(), label="Carry open actions to")

    def __init__(self, *args, period: StatementPeriod, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        later = StatementPeriod.objects.filter(organisation_id=period.organisation_id, starts_on__gt=period.starts_on)
        self.fields["next_period"].queryset = later  # type: ignore[attr-defined]


class SectionForm(GovukForm):
    text = forms.CharField(
        label="Text",
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text="Leave a blank line between paragraphs.",
    )


class DetailsForm(GovukModelForm):
    class Meta:
        model = Statement
        fields = ["approval_body", "approval_date", "review_date"]
        labels = {"approval_body": "Approved by (body)", "review_date": "Next review date"}
        widgets = {
            "approval_date": date_input(),
            "review_date": date_input(),
        }


class SignatoryForm(GovukForm):
    name = forms.CharField(max_length=120, error_messages={"required": "Enter the name"})
    role = forms.CharField(max_length=120, error_messages={"required": "Enter their role"})


class PublishForm(GovukForm):
    published_url = forms.URLField(
        label="Where is it published?",
        help_text="The web address of the published statement",
        error_messages={"required": "Enter the web address"},
    )


class StartStatementForm(GovukForm):
    period = forms.ModelChoiceField(queryset=StatementPeriod.objects.none(), label="Period")

    def __init__(self, *args, periods, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["period"].queryset = periods  # type: ignore[attr-defined]


# Commitments ---------------------------------------------------------------------------------


class CommitmentForm(GovukModelForm):
    class Meta:
        model = Commitment
        fields = ["source", "title", "meaning", "adopted_on", "adopted_by"]
        labels = {
            "source": "Where does it come from?",
            "title": "Commitment",
            "meaning": "What it means for us",
            "adopted_on": "Date adopted",
            "adopted_by": "Adopted by",
        }
        widgets = {"meaning": forms.Textarea(attrs={"rows": 4}), "adopted_on": date_input()}
        error_messages = {
            "source": {"required": "Enter where the commitment comes from, such as a charter or motion"},
            "title": {"required": "Enter the commitment"},
        }


class AdoptCharterForm(GovukForm):
    adopted_on = forms.DateField(
        label="Date adopted",
        widget=date_input(),
        error_messages={"required": "Enter the date the charter was adopted", "invalid": "Enter a real date"},
    )
    adopted_by = forms.CharField(
        label="Adopted by",
        max_length=120,
        initial="Full Council",
        error_messages={"required": "Enter who adopted the charter, such as Full Council"},
    )


class ActionLabelField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Action) -> str:  # type: ignore[override]
        return f"{obj.period.label}: {obj.title} ({obj.get_status_display().lower()})"


class CommitmentActionsForm(GovukForm):
    actions = ActionLabelField(
        queryset=Action.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Actions that deliver this commitment",
        help_text="Select all that apply. Dropped and carried-over actions are not shown.",
    )

    def __init__(self, *args, actions, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["actions"].queryset = actions  # type: ignore[attr-defined]


class EvidenceForm(GovukForm):
    text = forms.CharField(
        label="What shows the commitment is being kept?",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter what shows the commitment is being kept"},
    )
    url = forms.URLField(
        label="Link (optional)",
        required=False,
        max_length=500,
        help_text="For example, the published policy or report",
        error_messages={"invalid": "Enter a web address starting with https://"},
    )
    recorded_on = forms.DateField(
        label="Date",
        widget=date_input(),
        error_messages={"required": "Enter the date", "invalid": "Enter a real date"},
    )


class JudgementForm(GovukForm):
    met = forms.TypedChoiceField(
        label="Is this commitment met?",
        choices=[("yes", "Yes, the evidence shows it is met"), ("no", "No, not yet")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the commitment is met"},
    )
    note = forms.CharField(
        label="Why?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Needed when you judge it met: say how the evidence shows it",
    )
