"""Forms for suppliers, contracts, due diligence and tender checks; choices limited to one organisation."""

from typing import Any

from django import forms
from django.utils import timezone

from tackle.accounts.models import Organisation, User
from tackle.core.access import CONTRACT_MANAGER_ROLES
from tackle.core.forms import GovukDateField, GovukForm, GovukModelForm
from tackle.core.identifiers import normalise_company_number
from tackle.suppliers.models import (
    AssessmentOutcome,
    Contract,
    ContractAction,
    ContractRisk,
    ContractTier,
    Sanction,
    Supplier,
    SupplierContact,
    TerminationReason,
)
from tackle.suppliers.rules.questionnaire import MsaAnswers, answer_errors
from tackle.suppliers.rules.tenders import MAX_TYPED_CHARS
from tackle.suppliers.sectors import Sector

YES_NO = [("yes", "Yes"), ("no", "No")]


def date_field(label: str, what: str, **kwargs: Any) -> GovukDateField:
    return GovukDateField(
        label=label,
        error_messages={"required": f"Enter the date {what}", "invalid": f"The date {what} must be a real date"},
        **kwargs,
    )


def _people(organisation: Organisation, roles: frozenset[str] | None = None) -> Any:
    people = User.objects.filter(organisation=organisation, is_active=True).order_by("last_name", "username")
    return people.filter(role__in=roles) if roles else people


class _PeopleChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.display_name)


class SupplierForm(GovukModelForm):
    other_names = forms.CharField(
        label="Other names",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Trading or former names, one a line. Used to match payments in spend files.",
    )
    sectors = forms.MultipleChoiceField(
        label="Sectors",
        required=False,
        choices=[(code, label) for code, label in Sector.choices if code != Sector.OTHER],
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply",
    )
    statement_checked_on = date_field("Statement last checked", "the statement was last checked", required=False)

    class Meta:
        model = Supplier
        fields = [
            "name",
            "company_number",
            "other_names",
            "turnover_band",
            "sectors",
            "statement_url",
            "statement_checked_on",
            "notes",
        ]
        error_messages = {
            "name": {"required": "Enter the supplier's name"},
            "statement_url": {"invalid": "Enter a full web address, starting https://"},
        }

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.instance.organisation_id:
            self.instance.organisation = organisation
        if self.instance.pk and not self.is_bound:
            self.initial["other_names"] = "\n".join(self.instance.other_names or [])
        self.fields["company_number"].widget.attrs["class"] = "govuk-input--width-10"

    def clean_company_number(self) -> str:
        text = str(self.cleaned_data.get("company_number") or "").strip()
        if not text:
            return ""
        number = normalise_company_number(text)
        if number is None:
            raise forms.ValidationError("Enter a company number of 8 characters, like 01234567 or SC123456")
        return number

    def clean_other_names(self) -> list[str]:
        text = str(self.cleaned_data.get("other_names") or "")
        names = [line.strip() for line in text.splitlines() if line.strip()]
        return list(dict.fromkeys(names))


class ContactForm(GovukModelForm):
    class Meta:
        model = SupplierContact
        fields = ["name", "job_title", "email", "phone", "is_modern_slavery_contact"]
        error_messages = {
            "name": {"required": "Enter the contact's name"},
            "email": {"invalid": "Enter an email address in the correct format, like name@example.com"},
        }


class ContractForm(GovukModelForm):
    start_on = date_field("Start date", "the contract starts")
    end_on = date_field("End date", "the contract ends")
    tier = forms.ChoiceField(
        label="Tier",
        choices=ContractTier.choices,
        widget=forms.RadioSelect,
        help_text="High value, high risk and business critical contracts get an annual supplier assessment",
        error_messages={"required": "Select the contract's tier"},
    )

    class Meta:
        model = Contract
        fields = [
            "supplier",
            "reference",
            "title",
            "category",
            "value",
            "start_on",
            "end_on",
            "contract_manager",
            "tier",
            "labour_intensive",
            "overseas_supply_chain",
            "subcontracted",
        ]
        field_classes = {"contract_manager": _PeopleChoice}
        error_messages = {
            "supplier": {"required": "Select the supplier"},
            "title": {"required": "Enter the contract's title"},
            "value": {"required": "Enter the contract's value", "invalid": "The value must be a number, like 250000"},
        }

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.instance.organisation_id:
            self.instance.organisation = organisation
        supplier_field = self.fields["supplier"]
        assert isinstance(supplier_field, forms.ModelChoiceField)
        supplier_field.queryset = Supplier.objects.filter(organisation=organisation)
        manager_field = self.fields["contract_manager"]
        assert isinstance(manager_field, forms.ModelChoiceField)
        manager_field.queryset = _people(organisation, CONTRACT_MANAGER_ROLES)
        self.fields["value"].widget.attrs["class"] = "govuk-input--width-10"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start_on"), data.get("end_on")
        if start and end and end < start:
            self.add_error("end_on", "The end date must be the same as or after the start date")
        value = data.get("value")
        if value is not None and value < 0:
            self.add_error("value", "The value cannot be negative")
        return data


class SelectionResponseForm(GovukForm):
    supplier = forms.ModelChoiceField(
        label="Bidder", queryset=Supplier.objects.none(), error_messages={"required": "Select the bidder"}
    )
    procurement = forms.CharField(
        label="Procurement or lot", max_length=200, error_messages={"required": "Enter the procurement or lot"}
    )
    answered_on = date_field("Date of the response", "of the response")
    is_relevant_organisation = forms.ChoiceField(
        label="Is the bidder a relevant commercial organisation under section 54 of the Modern Slavery Act 2015?",
        help_text="One with a total turnover of £36 million or more that supplies goods or services in the UK",
        choices=YES_NO,
        widget=forms.RadioSelect,
        required=False,
    )
    is_compliant = forms.ChoiceField(
        label="If yes, is it compliant with the annual reporting requirements?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        required=False,
    )
    statement_url = forms.URLField(
        label="If compliant, the web address of its modern slavery statement",
        required=False,
        max_length=500,
        assume_scheme="https",
        error_messages={"invalid": "Enter a full web address, starting https://"},
    )
    explanation = forms.CharField(
        label="If not compliant, the bidder's explanation", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        supplier_field = self.fields["supplier"]
        assert isinstance(supplier_field, forms.ModelChoiceField)
        supplier_field.queryset = Supplier.objects.filter(organisation=organisation)

    def answers(self) -> MsaAnswers:
        data = self.cleaned_data

        def yes_no(value: str | None) -> bool | None:
            return {"yes": True, "no": False}.get(value or "")

        return MsaAnswers(
            is_relevant_organisation=yes_no(data.get("is_relevant_organisation")),
            is_compliant=yes_no(data.get("is_compliant")),
            statement_url=data.get("statement_url") or "",
            explanation=data.get("explanation") or "",
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors:
            for field, message in answer_errors(self.answers()).items():
                self.add_error(field, message)
        return data


class AssessmentCompleteForm(GovukForm):
    completed_on = date_field("Date of the assessment", "of the assessment")
    outcome = forms.ChoiceField(
        label="Outcome",
        choices=AssessmentOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the outcome"},
    )
    findings = forms.CharField(
        label="Findings",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Describe what the assessment found"},
    )


class RiskForm(GovukModelForm):
    SCALE = [(n, str(n)) for n in range(1, 6)]
    likelihood = forms.TypedChoiceField(
        label="Likelihood", choices=SCALE, coerce=int, help_text="1 (rare) to 5 (almost certain)"
    )
    impact = forms.TypedChoiceField(label="Impact", choices=SCALE, coerce=int, help_text="1 (minor) to 5 (severe)")

    class Meta:
        model = ContractRisk
        fields = ["description", "likelihood", "impact", "mitigation", "owner"]
        field_classes = {"owner": _PeopleChoice}
        error_messages = {"description": {"required": "Describe the risk"}}

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        owner_field = self.fields["owner"]
        assert isinstance(owner_field, forms.ModelChoiceField)
        owner_field.queryset = _people(organisation)


class ActionForm(GovukModelForm):
    due_on = date_field("Due date", "the action is due")

    class Meta:
        model = ContractAction
        fields = ["description", "due_on"]
        error_messages = {"description": {"required": "Describe what the supplier must do"}}


class ActionCloseForm(GovukForm):
    closed_on = date_field("Date done", "the action was done")
    note = forms.CharField(label="What was done", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def clean_closed_on(self) -> Any:
        day = self.cleaned_data["closed_on"]
        if day > timezone.localdate():
            raise forms.ValidationError("The date the action was done must be today or in the past")
        return day


class SanctionForm(GovukModelForm):
    imposed_on = date_field("Date imposed", "the sanction was imposed")

    class Meta:
        model = Sanction
        fields = ["kind", "imposed_on", "reason"]
        error_messages = {"kind": {"required": "Select the sanction"}, "reason": {"required": "Give the reason"}}


class TerminateForm(GovukForm):
    terminated_on = date_field("Date of termination", "of termination")
    reason = forms.ChoiceField(
        label="Main reason",
        choices=TerminationReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the main reason"},
    )
    details = forms.CharField(
        label="Details",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="What happened, and the steps taken before termination",
        error_messages={"required": "Describe why the contract is being terminated"},
    )


class TenderCheckForm(GovukForm):
    lot = forms.CharField(
        label="Procurement or lot", max_length=200, error_messages={"required": "Enter the procurement or lot"}
    )
    file = forms.FileField(
        label="Bids (CSV, XLSX or OCDS file)",
        required=False,
        help_text=(
            "A column for the bidder and one for the price, named as you like (for example Company and "
            "Bid value (£)); optionally labour hours and year. Or an OCDS release package (JSON) with its bids"
        ),
        error_messages={"empty": "The selected file is empty"},
    )
    typed = forms.CharField(
        label="Or type the bids",
        required=False,
        max_length=MAX_TYPED_CHARS,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="One bid a line: the bidder, a comma, then the price, for example Acme Cleaning Ltd, 12500",
        error_messages={"max_length": "Type at most 200,000 characters, or upload the bids as a file"},
    )
    threshold = forms.IntegerField(
        label="Flag a bid below this percentage of the median of the other bids",
        initial=70,
        min_value=1,
        max_value=100,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-3"}),
        error_messages={
            "required": "Enter a percentage",
            "invalid": "The percentage must be a whole number, like 70",
            "min_value": "The percentage must be 1 or more",
            "max_value": "The percentage must be 100 or less",
        },
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        has_file, has_typed = bool(data.get("file")), bool((data.get("typed") or "").strip())
        if not has_file and not has_typed and not self.has_error("file") and not self.has_error("typed"):
            self.add_error("file", "Select a file of bids, or type the bids")
        elif has_file and has_typed:
            self.add_error("typed", "Either upload a file or type the bids, not both")
        return data


class ClarificationCloseForm(GovukForm):
    outcome = forms.CharField(
        label="What the bidder said and what was decided",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter what the bidder said and what was decided"},
    )


class ConcernTaskCloseForm(GovukForm):
    outcome = forms.CharField(
        label="What did procurement do about the contract?",
        help_text="For example: contract manager visited the site, workers' pay checked, supplier put on notice",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": "Enter what procurement did about the contract",
            "max_length": "Enter 5,000 characters or fewer",
        },
    )


class OcdsImportForm(GovukForm):
    """An OCDS release package from Contracts Finder or Find a Tender (issue 19, item 4)."""

    file = forms.FileField(
        label="OCDS release package (JSON file)",
        help_text="Download it from Contracts Finder or Find a Tender. Each award becomes a contract in the register",
        error_messages={"required": "Select an OCDS release package", "empty": "The selected file is empty"},
    )
