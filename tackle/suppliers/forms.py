"""Forms for suppliers, contracts, due diligence and tender checks; choices limited to one organisation."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

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

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


def date_field(label: Any, missing: Any, unreal: Any, **kwargs: Any) -> GovukDateField:
    """A date field with its whole error sentences, so that each translates in its own word order."""
    return GovukDateField(label=label, error_messages={"required": missing, "invalid": unreal}, **kwargs)


def _people(organisation: Organisation, roles: frozenset[str] | None = None) -> Any:
    people = User.objects.filter(organisation=organisation, is_active=True).order_by("last_name", "username")
    return people.filter(role__in=roles) if roles else people


class _PeopleChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.display_name)


class SupplierForm(GovukModelForm):
    other_names = forms.CharField(
        label=_("Other names"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Trading or former names, one a line. Used to match payments in spend files."),
    )
    sectors = forms.MultipleChoiceField(
        label=_("Sectors"),
        required=False,
        choices=[(code, label) for code, label in Sector.choices if code != Sector.OTHER],
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Select all that apply"),
    )
    statement_checked_on = date_field(
        _("Statement last checked"),
        _("Enter the date the statement was last checked"),
        _("The date the statement was last checked must be a real date"),
        required=False,
    )

    class Meta:
        model = Supplier
        labels = {
            "name": _("Name"),
            "company_number": _("Company number"),
            "turnover_band": _("Turnover band"),
            "statement_url": _("Modern slavery statement web address"),
            "notes": _("Notes"),
        }
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
            "name": {"required": _("Enter the supplier's name")},
            "statement_url": {"invalid": _("Enter a full web address, starting https://")},
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
            raise forms.ValidationError(_("Enter a company number of 8 characters, like 01234567 or SC123456"))
        return number

    def clean_other_names(self) -> list[str]:
        text = str(self.cleaned_data.get("other_names") or "")
        names = [line.strip() for line in text.splitlines() if line.strip()]
        return list(dict.fromkeys(names))


class ContactForm(GovukModelForm):
    class Meta:
        model = SupplierContact
        labels = {
            "name": _("Name"),
            "job_title": _("Job title"),
            "email": _("Email"),
            "phone": _("Phone"),
        }
        fields = ["name", "job_title", "email", "phone", "is_modern_slavery_contact"]
        error_messages = {
            "name": {"required": _("Enter the contact's name")},
            "email": {"invalid": _("Enter an email address in the correct format, like name@example.com")},
        }


class ContractForm(GovukModelForm):
    start_on = date_field(
        _("Start date"),
        _("Enter the date the contract starts"),
        _("The date the contract starts must be a real date"),
    )
    end_on = date_field(
        _("End date"),
        _("Enter the date the contract ends"),
        _("The date the contract ends must be a real date"),
    )
    tier = forms.ChoiceField(
        label=_("Tier"),
        choices=ContractTier.choices,
        widget=forms.RadioSelect,
        help_text=_("High value, high risk and business critical contracts get an annual supplier assessment"),
        error_messages={"required": _("Select the contract's tier")},
    )

    class Meta:
        model = Contract
        labels = {
            "supplier": _("Supplier"),
            "reference": _("Reference"),
            "title": _("Title"),
            "category": _("Category"),
            "contract_manager": _("Contract manager"),
            "labour_intensive": _("Labour intensive"),
            "overseas_supply_chain": _("Overseas supply chain"),
            "subcontracted": _("Subcontracted"),
        }
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
            "supplier": {"required": _("Select the supplier")},
            "title": {"required": _("Enter the contract's title")},
            "value": {
                "required": _("Enter the contract's value"),
                "invalid": _("The value must be a number, like 250000"),
            },
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
            self.add_error("end_on", _("The end date must be the same as or after the start date"))
        value = data.get("value")
        if value is not None and value < 0:
            self.add_error("value", _("The value cannot be negative"))
        return data


class SelectionResponseForm(GovukForm):
    supplier = forms.ModelChoiceField(
        label=_("Bidder"), queryset=Supplier.objects.none(), error_messages={"required": _("Select the bidder")}
    )
    procurement = forms.CharField(
        label=_("Procurement or lot"), max_length=200, error_messages={"required": _("Enter the procurement or lot")}
    )
    answered_on = date_field(
        _("Date of the response"),
        _("Enter the date of the response"),
        _("The date of the response must be a real date"),
    )
    is_relevant_organisation = forms.ChoiceField(
        label=_("Is the bidder a relevant commercial organisation under section 54 of the Modern Slavery Act 2015?"),
        help_text=_("One with a total turnover of £36 million or more that supplies goods or services in the UK"),
        choices=YES_NO,
        widget=forms.RadioSelect,
        required=False,
    )
    is_compliant = forms.ChoiceField(
        label=_("If yes, is it compliant with the annual reporting requirements?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
        required=False,
    )
    statement_url = forms.URLField(
        label=_("If compliant, the web address of its modern slavery statement"),
        required=False,
        max_length=500,
        assume_scheme="https",
        error_messages={"invalid": _("Enter a full web address, starting https://")},
    )
    explanation = forms.CharField(
        label=_("If not compliant, the bidder's explanation"), required=False, widget=forms.Textarea(attrs={"rows": 4})
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
                self.add_error(field, gettext(message))
        return data


class AssessmentCompleteForm(GovukForm):
    completed_on = date_field(
        _("Date of the assessment"),
        _("Enter the date of the assessment"),
        _("The date of the assessment must be a real date"),
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=AssessmentOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select the outcome")},
    )
    findings = forms.CharField(
        label=_("Findings"),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Describe what the assessment found")},
    )


class RiskForm(GovukModelForm):
    SCALE = [(n, str(n)) for n in range(1, 6)]
    likelihood = forms.TypedChoiceField(
        label=_("Likelihood"), choices=SCALE, coerce=int, help_text=_("1 (rare) to 5 (almost certain)")
    )
    impact = forms.TypedChoiceField(
        label=_("Impact"), choices=SCALE, coerce=int, help_text=_("1 (minor) to 5 (severe)")
    )

    class Meta:
        model = ContractRisk
        labels = {
            "description": _("Description"),
            "mitigation": _("Mitigation"),
            "owner": _("Owner"),
        }
        fields = ["description", "likelihood", "impact", "mitigation", "owner"]
        field_classes = {"owner": _PeopleChoice}
        error_messages = {"description": {"required": _("Describe the risk")}}

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        owner_field = self.fields["owner"]
        assert isinstance(owner_field, forms.ModelChoiceField)
        owner_field.queryset = _people(organisation)


class ActionForm(GovukModelForm):
    due_on = date_field(
        _("Due date"),
        _("Enter the date the action is due"),
        _("The date the action is due must be a real date"),
    )

    class Meta:
        model = ContractAction
        labels = {
            "description": _("Description"),
        }
        fields = ["description", "due_on"]
        error_messages = {"description": {"required": _("Describe what the supplier must do")}}


class ActionCloseForm(GovukForm):
    closed_on = date_field(
        _("Date done"),
        _("Enter the date the action was done"),
        _("The date the action was done must be a real date"),
    )
    note = forms.CharField(label=_("What was done"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def clean_closed_on(self) -> Any:
        day = self.cleaned_data["closed_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The date the action was done must be today or in the past"))
        return day


class SanctionForm(GovukModelForm):
    imposed_on = date_field(
        _("Date imposed"),
        _("Enter the date the sanction was imposed"),
        _("The date the sanction was imposed must be a real date"),
    )

    class Meta:
        model = Sanction
        labels = {
            "kind": _("Kind"),
            "reason": _("Reason"),
        }
        fields = ["kind", "imposed_on", "reason"]
        error_messages = {"kind": {"required": _("Select the sanction")}, "reason": {"required": _("Give the reason")}}


class TerminateForm(GovukForm):
    terminated_on = date_field(
        _("Date of termination"),
        _("Enter the date of termination"),
        _("The date of termination must be a real date"),
    )
    reason = forms.ChoiceField(
        label=_("Main reason"),
        choices=TerminationReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select the main reason")},
    )
    details = forms.CharField(
        label=_("Details"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What happened, and the steps taken before termination"),
        error_messages={"required": _("Describe why the contract is being terminated")},
    )


class TenderCheckForm(GovukForm):
    lot = forms.CharField(
        label=_("Procurement or lot"), max_length=200, error_messages={"required": _("Enter the procurement or lot")}
    )
    file = forms.FileField(
        label=_("Bids (CSV, XLSX or OCDS file)"),
        required=False,
        help_text=_(
            "A column for the bidder and one for the price, named as you like (for example Company and "
            "Bid value (£)); optionally labour hours and year. Or an OCDS release package (JSON) with its bids"
        ),
        error_messages={"empty": _("The selected file is empty")},
    )
    typed = forms.CharField(
        label=_("Or type the bids"),
        required=False,
        max_length=MAX_TYPED_CHARS,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One bid a line: the bidder, a comma, then the price, for example Acme Cleaning Ltd, 12500"),
        error_messages={"max_length": _("Type at most 200,000 characters, or upload the bids as a file")},
    )
    threshold = forms.IntegerField(
        label=_("Flag a bid below this percentage of the median of the other bids"),
        initial=70,
        min_value=1,
        max_value=100,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-3"}),
        error_messages={
            "required": _("Enter a percentage"),
            "invalid": _("The percentage must be a whole number, like 70"),
            "min_value": _("The percentage must be 1 or more"),
            "max_value": _("The percentage must be 100 or less"),
        },
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        has_file, has_typed = bool(data.get("file")), bool((data.get("typed") or "").strip())
        if not has_file and not has_typed and not self.has_error("file") and not self.has_error("typed"):
            self.add_error("file", _("Select a file of bids, or type the bids"))
        elif has_file and has_typed:
            self.add_error("typed", _("Either upload a file or type the bids, not both"))
        return data


class ClarificationCloseForm(GovukForm):
    outcome = forms.CharField(
        label=_("What the bidder said and what was decided"),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Enter what the bidder said and what was decided")},
    )


class ConcernTaskCloseForm(GovukForm):
    outcome = forms.CharField(
        label=_("What did procurement do about the contract?"),
        help_text=_("For example: contract manager visited the site, workers' pay checked, supplier put on notice"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Enter what procurement did about the contract"),
            "max_length": _("Enter 5,000 characters or fewer"),
        },
    )


class OcdsImportForm(GovukForm):
    """An OCDS release package from Contracts Finder or Find a Tender (issue 19, item 4)."""

    file = forms.FileField(
        label=_("OCDS release package (JSON file)"),
        help_text=_(
            "Download it from Contracts Finder or Find a Tender. Each award becomes a contract in the register"
        ),
        error_messages={"required": _("Select an OCDS release package"), "empty": _("The selected file is empty")},
    )
