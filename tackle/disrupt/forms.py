"""Forms for disruption. Choices are limited to what the user's organisation holds; errors use
GOV.UK wording."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import format_lazy
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

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


def _named(field: forms.Field) -> str:
    """The field's label to fit into a message: in English lower case inside the sentence; in Welsh
    quoted as it stands, since a Welsh word changes by its place in a sentence (docs/i18n.md)."""
    label = str(field.label)
    if (get_language() or "en").startswith("en"):
        return label.lower()
    return f"\N{LEFT SINGLE QUOTATION MARK}{label}\N{RIGHT SINGLE QUOTATION MARK}"


def _dates(form: forms.BaseForm) -> None:
    for bound in form.fields.values():
        if isinstance(bound, forms.DateField):
            label = _named(bound)
            bound.error_messages.update(
                {
                    "required": gettext("Enter the %(label)s") % {"label": label},
                    "invalid": gettext("The %(label)s must be a real date") % {"label": label},
                }
            )


def exploitation_field(label: Any = None) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label or _("Types of exploitation"),
        choices=ExploitationType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


def _intelligence_choice_label(record: Intelligence) -> str:
    """A tick box a coordinator can tell from its neighbours: two records graded alike on one day differ
    by reference and summary."""
    return gettext("%(reference)s: %(summary)s (%(grade)s, received %(day)s)") % {
        "reference": record.reference,
        "summary": record.short_summary,
        "grade": record.grade,
        "day": date_format(record.received_on, "j F Y"),
    }


def _own_premises(organisation: Organisation) -> Any:
    return Premises.objects.filter(organisation=organisation)


def _checkboxes(field: forms.Field) -> None:
    field.widget = forms.CheckboxSelectMultiple()
    field.widget.choices = field.choices  # type: ignore[attr-defined]


def clean_postcode_value(value: str) -> str:
    normalised = normalise_postcode(value)
    if normalised is None:
        raise forms.ValidationError(gettext("Enter a real UK postcode, for example B66 1AA"))
    return normalised


class PremisesForm(GovukModelForm):
    class Meta:
        model = Premises
        fields = ["name", "address", "postcode", "uprn", "premises_type"]
        labels = {"address": _("Address"), "postcode": _("Postcode")}
        widgets = {"postcode": forms.TextInput(attrs={"class": "govuk-input--width-10", "autocomplete": "postal-code"})}
        error_messages = {
            "address": {"required": _("Enter the address")},
            "postcode": {"required": _("Enter the postcode")},
            "premises_type": {"required": _("Select the type of premises")},
        }

    def clean_postcode(self) -> str:
        return clean_postcode_value(self.cleaned_data["postcode"])

    def clean_uprn(self) -> str:
        value = self.cleaned_data["uprn"].strip()
        if value and not is_uprn(value):
            raise forms.ValidationError(gettext("A UPRN is up to 12 digits, for example 100070000001"))
        return value


class BusinessForm(GovukModelForm):
    class Meta:
        model = Business
        fields = ["name", "company_number", "operator", "premises"]
        labels = {
            "name": _("Name"),
            "company_number": _("Company number"),
            "operator": _("Operator"),
            "premises": _("Premises"),
        }
        error_messages = {"name": {"required": _("Enter the business name")}}

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
            raise forms.ValidationError(
                gettext("A company number is 8 digits, or 2 letters and 6 digits, for example SC123456")
            )
        return normalised


class FlagForm(GovukForm):
    kind = forms.ChoiceField(
        label=_("Flag"),
        choices=FlagKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select a flag")},
    )
    note = forms.CharField(
        label=_("Note (optional)"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 3})
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
            "source_evaluation": _("Source evaluation"),
            "intelligence_assessment": _("Intelligence assessment"),
            "handling_code": _("Handling code"),
            "handling_conditions": _("Handling conditions"),
            "premises": _("Premises it concerns"),
            "businesses": _("Businesses it concerns"),
            "sanitised_summary": _("Sanitised summary"),
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
        help_texts = {"handling_conditions": _("Required for handling code C: who may receive it and what they may do")}
        error_messages = {
            "what": {"required": _("Enter what is reported")},
            "source_evaluation": {"required": _("Select the source evaluation")},
            "intelligence_assessment": {"required": _("Select the intelligence assessment")},
            "handling_code": {"required": _("Select the handling code")},
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
            raise forms.ValidationError(gettext("The date received must be today or in the past"))
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("handling_code") == HandlingCode.CONDITIONS and not (data.get("handling_conditions") or "").strip():
            self.add_error("handling_conditions", gettext("Enter the conditions for handling code C"))
        return data


class ShareForm(GovukForm):
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        label=_("Share with"),
        error_messages={"required": _("Select the organisation")},
    )
    reason = forms.CharField(
        label=_("Why it is being shared"),
        max_length=300,
        help_text=_("The purpose and lawful basis, for example the agreement or a named investigation"),
        error_messages={"required": _("Enter why it is being shared")},
    )
    expires_on = GovukDateField(
        label=_("Share until (optional)"),
        required=False,
        help_text=format_lazy("{} {}", _("Leave empty to share until revoked."), _(DATE_HINT)),
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
            raise forms.ValidationError(gettext("Check what will stop, then select Revoke the share"))
        return cleaned


class AgreementForm(GovukModelForm):
    categories = forms.MultipleChoiceField(
        label=_("What each party shares"),
        choices=SharingCategory.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Select at least one category of information")},
    )

    class Meta:
        model = SharingAgreement
        fields = ["partner", "title", "purpose", "legal_basis", "categories", "starts_on", "expires_on"]
        labels = {
            "partner": _("Partner organisation"),
            "title": _("Title"),
            "purpose": _("Purpose"),
            "legal_basis": _("Legal basis"),
            "starts_on": _("Start date"),
            "expires_on": _("Expiry date"),
        }
        widgets = {"purpose": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "partner": {"required": _("Select the partner organisation")},
            "title": {"required": _("Enter the agreement's title")},
            "purpose": {"required": _("Enter the purpose of sharing")},
            "legal_basis": {"required": _("Select the legal basis")},
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
            self.add_error("expires_on", gettext("The expiry date must be on or after the start date"))
        return data


class OperationForm(GovukModelForm):
    new_premises_name = forms.CharField(
        label=_("Trading name"),
        max_length=200,
        required=False,
        help_text=_("Premises not recorded yet: fill in these four; an address the council holds is reused"),
    )
    new_premises_address = forms.CharField(label=_("Address"), max_length=300, required=False)
    new_premises_postcode = forms.CharField(
        label=_("Postcode"),
        max_length=10,
        required=False,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}),
    )
    new_premises_type = forms.ChoiceField(label=_("Type of premises"), choices=PremisesType.choices, required=False)

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
        labels = {
            "objective": _("Objective"),
            "lead_agency": _("Lead agency"),
            "premises": _("Premises already recorded"),
            "intelligence": _("Intelligence it acts on"),
            "tactical_plan": _("Tactical plan"),
            "risk_assessment": _("Risk assessment"),
        }
        widgets = {
            "kind": forms.RadioSelect,
            "objective": forms.Textarea(attrs={"rows": 3}),
            "tactical_plan": forms.Textarea(attrs={"rows": 4}),
            "risk_assessment": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {"lead_agency": _("For example West Midlands Police or the council")}
        error_messages = {
            "name": {"required": _("Enter the operation's name")},
            "kind": {"required": _("Select planned or dynamic")},
            "objective": {"required": _("Enter the objective")},
            "lead_agency": {"required": _("Enter the lead agency")},
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
                gettext("Its outcomes are recorded, so the date of the operation cannot be in the future")
            )
        return on

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        address = (data.get("new_premises_address") or "").strip()
        postcode = (data.get("new_premises_postcode") or "").strip()
        if address or postcode:
            if not address:
                self.add_error("new_premises_address", gettext("Enter the address of the new premises"))
            if not postcode:
                self.add_error("new_premises_postcode", gettext("Enter the postcode of the new premises"))
            elif normalise_postcode(postcode) is None:
                self.add_error("new_premises_postcode", gettext("Enter a real UK postcode, for example B66 1AA"))
        return data


class AgencyForm(GovukForm):
    name = forms.CharField(label=_("Agency"), max_length=200, error_messages={"required": _("Enter the agency's name")})
    attendance = forms.ChoiceField(
        label=_("Attendance"),
        choices=AgencyAttendance.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select present or on call")},
    )
    interventions = forms.IntegerField(
        label=_("Interventions"),
        min_value=0,
        initial=0,
        help_text=_("Visits, notices, checks or other actions it took"),
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
        error_messages={
            "required": _("Enter the number of interventions"),
            "min_value": _("Interventions cannot be negative"),
        },
    )
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.all(),
        required=False,
        label=_("Organisation in Tackle (optional)"),
        help_text=_("Its users will see this operation"),
    )


class ReceptionCentreForm(GovukModelForm):
    class Meta:
        model = ReceptionCentrePlan
        fields = ["venue", "capacity", "nights", "facilities", "partners"]
        labels = {
            "venue": _("Venue"),
            "capacity": _("Capacity"),
            "nights": _("Nights"),
            "facilities": _("Facilities"),
            "partners": _("Partners"),
        }
        widgets = {"facilities": forms.Textarea(attrs={"rows": 3}), "partners": forms.Textarea(attrs={"rows": 2})}
        error_messages = {
            "venue": {"required": _("Enter the venue")},
            "capacity": {"required": _("Enter how many people it can receive")},
        }


_COUNT = forms.NumberInput(attrs={"class": "govuk-input--width-4"})


class OutcomeForm(GovukModelForm):
    exploitation_types = exploitation_field(_("Types of exploitation found"))

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
        labels = {
            "people_encountered": _("People encountered"),
            "safeguarding_referrals": _("Safeguarding referrals"),
            "notes": _("Notes"),
        }
        widgets = {name: _COUNT for name in fields[:10]} | {"notes": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"people_encountered": {"required": _("Enter how many people were encountered")}}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        encountered = data.get("people_encountered")
        victims = (data.get("victims_adult") or 0) + (data.get("victims_child") or 0)
        if encountered is not None and victims > encountered:
            self.add_error(
                "people_encountered", gettext("Potential victims cannot be more than the people encountered")
            )
        return data

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in self.Meta.fields[:10]:
            field = self.fields[name]
            label = {"label": _named(field)}
            field.error_messages.update(
                {
                    "required": gettext("Enter the number of %(label)s (0 if none)") % label,
                    "invalid": gettext("The number of %(label)s must be a whole number") % label,
                    "min_value": gettext("The number of %(label)s cannot be negative") % label,
                }
            )


class OpenCasesForm(GovukForm):
    what_was_seen = forms.CharField(
        label=_("What the team saw"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Written into each new case: signs of exploitation, living and working conditions"),
        error_messages={"required": _("Describe what the team saw")},
    )
    exploitation_types = exploitation_field()


class ActionForm(GovukModelForm):
    class Meta:
        model = Action
        fields = ["title", "owner", "due_on", "operation"]
        labels = {"owner": _("Owner"), "operation": _("Operation")}
        error_messages = {
            "title": {"required": _("Enter the action")},
            "owner": {"required": _("Enter who owns the action")},
        }

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _dates(self)
        operation = self.fields["operation"]
        assert isinstance(operation, forms.ModelChoiceField)
        operation.queryset = Operation.objects.filter(organisation=organisation)


class CloseActionForm(GovukForm):
    closing_note = forms.CharField(
        label=_("What was done"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say what was done")},
    )
