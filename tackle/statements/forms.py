from django import forms

from tackle.accounts.models import User
from tackle.core.forms import GovukForm, GovukModelForm
from tackle.statements.models import Action, ActionStatus, Statement, StatementPeriod


class ActionForm(GovukModelForm):
    class Meta:
        model = Action
        fields = ["area", "title", "description", "owner", "owner_team", "starts_on", "due_on"]
        labels = {"area": "Area", "title": "What will be done?", "owner_team": "Owning team", "due_on": "Due date"}
        widgets = {
            "area": forms.RadioSelect,
            "starts_on": forms.DateInput(attrs={"type": "date"}),
            "due_on": forms.DateInput(attrs={"type": "date"}),
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
    written_on = forms.DateField(label="Date", widget=forms.DateInput(attrs={"type": "date"}))
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
            "starts_on": forms.DateInput(attrs={"type": "date"}),
            "ends_on": forms.DateInput(attrs={"type": "date"}),
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
            "approval_date": forms.DateInput(attrs={"type": "date"}),
            "review_date": forms.DateInput(attrs={"type": "date"}),
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
