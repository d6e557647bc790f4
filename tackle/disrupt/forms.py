"""Forms for disruption. Choices are limited to what the user's organisation holds; errors use
GOV.UK wording."""

from typing import Any

from django import forms
from django.utils import timezone

from tackle.accounts.models import Organisation
from tackle.core.date_input import DATE_HINT
from tackle.core.forms import GovukDateField, GovukForm, GovukModelForm
from tackle.core.identifiers import is_uprn, normalise_company_number, normalise_postcode
from tackle.disrupt.choices import (
    AgencyAttendance,
    ExploitationType,
    FlagKind,
    HandlingCode,
    IntelligenceAssessment,
    OperationKind,
    PremisesType,
    SharingCategory,
    SourceEvaluation,
)
from tackle.disrupt.models import (
    Action,
    Business,
    Intelligence,
    Operation,
    OperationOutcome,
    Premises,
    ReceptionCentrePlan,
    SharingAgreement,
)


def _dates(form: forms.BaseForm) -> None:
    for bound in form.fields.values():
        if isinstance(bound, forms.DateField):
            label = str(bound.label).lower()
            bound.error_messages.update(
                {"required": f"Enter the {label}", "invalid": f"The {label} must be a real date"}
            )


def exploitation_field(label: str = "Types of exploitation") -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label, choices=ExploitationType.choices, required=False, widget=forms.CheckboxSelectMultiple
    )


def _intelligence_choice_label(record: Intelligence) -> str:
    """A tick box a coordinator can tell from its neighbours: two records graded alike on one day differ
    by reference and summary."""
    return f"{record.reference}: {record.short_summary} ({record.grade}, received {record.received_on:%-d %B %Y})"


def _own_premises(organisation: Organisation) -> Any:
    return Premises.objects.filter(organisation=organisation)


def _checkboxes(field: forms.Field) -> None:
    field.widget = forms.CheckboxSelectMultiple()
    field.widget.choices = field.choices  # type: ignore[attr-defined]


def clean_postcode_value(value: str) -> str:
    normalised = normalise_postcode(value)
    if normalised is None:
        raise forms.ValidationError("Enter a real UK postcode, for example B66 1AA")
    return normalised


class PremisesForm(GovukModelForm):
    class Meta:
        model = Premises
        fields = ["name", "address", "postcode", "uprn", "premises_type"]
        widgets = {"postcode": forms.TextInput(attrs={"class": "govuk-input--width-10", "autocomplete": "postal-code"})}
        error_messages = {
            "address": {"required": "Enter the address"},
            "postcode": {"required": "Enter the postcode"},
            "premises_type": {"required": "Select the type of premises"},
        }

    def clean_postcode(self) -> str:
        return clean_postcode_value(self.cleaned_data["postcode"])

    def clean_uprn(self) -> str:
        value = self.cleaned_data["uprn"].strip()
        if value and not is_uprn(value):
            raise forms.ValidationError("A UPRN is up to 12 digits, for example 100070000001")
        return value


class BusinessForm(GovukModelForm):
    class Meta:
        model = Business
        fields = ["name", "company_number", "operator", "premises"]
        error_messages = {"name": {"required": "Enter the business name"}}

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        premises = self.fields["premises"]
        assert isinstance(premises, forms.ModelMultipleChoiceField)
        premises.queryset = _own_premises(organisation)
        premises.required = False
        _checkboxes(premises)

    def clean_company_number(self) -> str:
        value = self.cleaned_data["company_number"].strip()
        if not value:
            return ""
        normalised = normalise_company_number(value, known_prefixes_only=True)
        if normalised is None:
            raise forms.ValidationError("A company number is 8 digits, or 2 letters and 6 digits, for example SC123456")
        return normalised


class FlagForm(GovukForm):
    kind = forms.ChoiceField(
        label="Flag", choices=FlagKind.choices, widget=forms.RadioSelect, error_messages={"required": "Select a flag"}
    )
    note = forms.CharField(
        label="Note (optional)", max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class IntelligenceForm(GovukModelForm):
    exploitation_types = exploitation_field()

    class Meta:
        model = Intelligence
        fields = [
            "received_on",
            "what",
            "where",
            "premises",
            "businesses",
            "people",
            "vehicles",
            "exploitation_types",
            "source_evaluation",
            "intelligence_assessment",
            "handling_code",
            "handling_conditions",
            "sanitised_summary",
        ]
        labels = {
            "source_evaluation": "Source evaluation",
            "intelligence_assessment": "Intelligence assessment",
            "handling_code": "Handling code",
            "handling_conditions": "Handling conditions",
            "premises": "Premises it concerns",
            "businesses": "Businesses it concerns",
        }
        widgets = {
            "source_evaluation": forms.RadioSelect,
            "intelligence_assessment": forms.RadioSelect,
            "handling_code": forms.RadioSelect,
            "what": forms.Textarea(attrs={"rows": 4}),
            "people": forms.Textarea(attrs={"rows": 2}),
            "vehicles": forms.Textarea(attrs={"rows": 2}),
            "sanitised_summary": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"handling_conditions": "Required for handling code C: who may receive it and what they may do"}
        error_messages = {
            "what": {"required": "Enter what is reported"},
            "source_evaluation": {"required": "Select the source evaluation"},
            "intelligence_assessment": {"required": "Select the intelligence assessment"},
            "handling_code": {"required": "Select the handling code"},
        }

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _dates(self)
        for name, queryset in (
            ("premises", _own_premises(organisation)),
            ("businesses", Business.objects.filter(organisation=organisation)),
        ):
            field = self.fields[name]
            assert isinstance(field, forms.ModelMultipleChoiceField)
            field.queryset = queryset
            field.required = False
            _checkboxes(field)
        for name, choices in (
            ("source_evaluation", SourceEvaluation.choices),
            ("intelligence_assessment", IntelligenceAssessment.choices),
            ("handling_code", HandlingCode.choices),
        ):
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = choices  # without the empty choice: radios need none

    def clean_received_on(self) -> Any:
        value = self.cleaned_data["received_on"]
        if value > timezone.localdate():
            raise forms.ValidationError("The date received must be today or in the past")
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("handling_code") == HandlingCode.CONDITIONS and not (data.get("handling_conditions") or "").strip():
            self.add_error("handling_conditions", "Enter the conditions for handling code C")
        return data


class ShareForm(GovukForm):
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(), label="Share with", error_messages={"required": "Select the organisation"}
    )
    reason = forms.CharField(
        label="Why it is being shared",
        max_length=300,
        help_text="The purpose and lawful basis, for example the agreement or a named investigation",
        error_messages={"required": "Enter why it is being shared"},
    )
    expires_on = GovukDateField(
        label="Share until (optional)", required=False, help_text="Leave empty to share until revoked. " + DATE_HINT
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Organisation.objects.exclude(pk=organisation.pk)
        _dates(self)


REVOKE = "revoke"


class _AlwaysRevoke(forms.HiddenInput):
    """Sent by the check page's own form, whatever a refused POST held."""

    def format_value(self, value: Any) -> str:
        return REVOKE


class ShareRevokeConfirmForm(GovukForm):
    """A revoked share cannot be restored (the record must be shared again, with its reason), so only
    the check page's own form, which sends this answer, revokes (issue 18)."""

    confirm = forms.CharField(widget=_AlwaysRevoke, required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("confirm") != REVOKE:
            raise forms.ValidationError("Check what will stop, then select Revoke the share")
        return cleaned


class AgreementForm(GovukModelForm):
    categories = forms.MultipleChoiceField(
        label="What each party shares",
        choices=SharingCategory.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select at least one category of information"},
    )

    class Meta:
        model = SharingAgreement
        fields = ["partner", "title", "purpose", "legal_basis", "categories", "starts_on", "expires_on"]
        labels = {"partner": "Partner organisation", "starts_on": "Start date", "expires_on": "Expiry date"}
        widgets = {"purpose": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "partner": {"required": "Select the partner organisation"},
            "title": {"required": "Enter the agreement's title"},
            "purpose": {"required": "Enter the purpose of sharing"},
            "legal_basis": {"required": "Select the legal basis"},
        }

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        partner = self.fields["partner"]
        assert isinstance(partner, forms.ModelChoiceField)
        partner.queryset = Organisation.objects.exclude(pk=organisation.pk)
        _dates(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, expires = data.get("starts_on"), data.get("expires_on")
        if starts and expires and expires < starts:
            self.add_error("expires_on", "The expiry date must be on or after the start date")
        return data


class OperationForm(GovukModelForm):
    new_premises_name = forms.CharField(
        label="Trading name",
        max_length=200,
        required=False,
        help_text="Premises not recorded yet: fill in these four; an address the council holds is reused",
    )
    new_premises_address = forms.CharField(label="Address", max_length=300, required=False)
    new_premises_postcode = forms.CharField(
        label="Postcode",
        max_length=10,
        required=False,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}),
    )
    new_premises_type = forms.ChoiceField(label="Type of premises", choices=PremisesType.choices, required=False)

    field_order = [
        "name",
        "kind",
        "objective",
        "operation_date",
        "lead_agency",
        "premises",
        "new_premises_name",
        "new_premises_address",
        "new_premises_postcode",
        "new_premises_type",
        "intelligence",
    ]

    class Meta:
        model = Operation
        fields = [
            "name",
            "kind",
            "objective",
            "operation_date",
            "lead_agency",
            "premises",
            "intelligence",
            "tactical_plan",
            "risk_assessment",
        ]
        labels = {"premises": "Premises already recorded", "intelligence": "Intelligence it acts on"}
        widgets = {
            "kind": forms.RadioSelect,
            "objective": forms.Textarea(attrs={"rows": 3}),
            "tactical_plan": forms.Textarea(attrs={"rows": 4}),
            "risk_assessment": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {"lead_agency": "For example West Midlands Police or the council"}
        error_messages = {
            "name": {"required": "Enter the operation's name"},
            "kind": {"required": "Select planned or dynamic"},
            "objective": {"required": "Enter the objective"},
            "lead_agency": {"required": "Enter the lead agency"},
        }

    def __init__(self, *args: Any, organisation: Organisation, intelligence: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _dates(self)
        kind = self.fields["kind"]
        assert isinstance(kind, forms.ChoiceField)
        kind.choices = OperationKind.choices
        for name, queryset in (("premises", _own_premises(organisation)), ("intelligence", intelligence)):
            field = self.fields[name]
            assert isinstance(field, forms.ModelMultipleChoiceField)
            field.queryset = queryset
            field.required = False
        intelligence_field = self.fields["intelligence"]
        assert isinstance(intelligence_field, forms.ModelMultipleChoiceField)
        intelligence_field.label_from_instance = _intelligence_choice_label  # type: ignore[method-assign,assignment]
        for name in ("premises", "intelligence"):
            _checkboxes(self.fields[name])

    def clean_operation_date(self) -> Any:
        on = self.cleaned_data.get("operation_date")
        # Recorded outcomes can be corrected only on or after the day (services.outcome_record).
        if on and self.instance.pk and hasattr(self.instance, "outcome") and on > timezone.localdate():
            raise forms.ValidationError(
                "Its outcomes are recorded, so the date of the operation cannot be in the future"
            )
        return on

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        address = (data.get("new_premises_address") or "").strip()
        postcode = (data.get("new_premises_postcode") or "").strip()
        if address or postcode:
            if not address:
                self.add_error("new_premises_address", "Enter the address of the new premises")
            if not postcode:
                self.add_error("new_premises_postcode", "Enter the postcode of the new premises")
            elif normalise_postcode(postcode) is None:
                self.add_error("new_premises_postcode", "Enter a real UK postcode, for example B66 1AA")
        return data


class AgencyForm(GovukForm):
    name = forms.CharField(label="Agency", max_length=200, error_messages={"required": "Enter the agency's name"})
    attendance = forms.ChoiceField(
        choices=AgencyAttendance.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select present or on call"},
    )
    interventions = forms.IntegerField(
        min_value=0,
        initial=0,
        help_text="Visits, notices, checks or other actions it took",
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
        error_messages={
            "required": "Enter the number of interventions",
            "min_value": "Interventions cannot be negative",
        },
    )
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.all(),
        required=False,
        label="Organisation in Tackle (optional)",
        help_text="Its users will see this operation",
    )


class ReceptionCentreForm(GovukModelForm):
    class Meta:
        model = ReceptionCentrePlan
        fields = ["venue", "capacity", "nights", "facilities", "partners"]
        widgets = {"facilities": forms.Textarea(attrs={"rows": 3}), "partners": forms.Textarea(attrs={"rows": 2})}
        error_messages = {
            "venue": {"required": "Enter the venue"},
            "capacity": {"required": "Enter how many people it can receive"},
        }


_COUNT = forms.NumberInput(attrs={"class": "govuk-input--width-4"})


class OutcomeForm(GovukModelForm):
    exploitation_types = exploitation_field("Types of exploitation found")

    class Meta:
        model = OperationOutcome
        fields = [
            "people_encountered",
            "victims_adult",
            "victims_child",
            "nrm_referrals",
            "duty_to_notify",
            "safeguarding_referrals",
            "arrests_modern_slavery",
            "arrests_immigration",
            "arrests_other",
            "premises_closed",
            "exploitation_types",
            "notes",
        ]
        widgets = {name: _COUNT for name in fields[:10]} | {"notes": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"people_encountered": {"required": "Enter how many people were encountered"}}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        encountered = data.get("people_encountered")
        victims = (data.get("victims_adult") or 0) + (data.get("victims_child") or 0)
        if encountered is not None and victims > encountered:
            self.add_error("people_encountered", "Potential victims cannot be more than the people encountered")
        return data

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in self.Meta.fields[:10]:
            field = self.fields[name]
            label = str(field.label).lower()
            field.error_messages.update(
                {
                    "required": f"Enter the number of {label} (0 if none)",
                    "invalid": f"The number of {label} must be a whole number",
                    "min_value": f"The number of {label} cannot be negative",
                }
            )


class OpenCasesForm(GovukForm):
    what_was_seen = forms.CharField(
        label="What the team saw",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Written into each new case: signs of exploitation, living and working conditions",
        error_messages={"required": "Describe what the team saw"},
    )
    exploitation_types = exploitation_field()


class ActionForm(GovukModelForm):
    class Meta:
        model = Action
        fields = ["title", "owner", "due_on", "operation"]
        error_messages = {
            "title": {"required": "Enter the action"},
            "owner": {"required": "Enter who owns the action"},
        }

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _dates(self)
        operation = self.fields["operation"]
        assert isinstance(operation, forms.ModelChoiceField)
        operation.queryset = Operation.objects.filter(organisation=organisation)


class CloseActionForm(GovukForm):
    closing_note = forms.CharField(
        label="What was done",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say what was done"},
    )
