from typing import Any

from django import forms
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tackle.accounts.models import Organisation
from tackle.cases.forms.pick_lists import keep_stored, pick_list_field
from tackle.cases.models import ExplanationVersion, InterpreterMode, NrmEventKind, NrmOutcome, ReferralStatus
from tackle.cases.rules.pick_lists import LANGUAGE_LABELS
from tackle.core.access import SHARE_SCOPE_CHOICES
from tackle.core.date_input import DATE_HINT
from tackle.core.forms import GovukDateField, GovukDateTimeField, GovukForm
from tackle.core.models import LawfulBasis, ShareConsent


class ReferralUpdateForm(GovukForm):
    status = forms.ChoiceField(label=_("Status"), choices=ReferralStatus.choices, widget=forms.RadioSelect)
    sent_at = GovukDateTimeField(
        label=_("When was it sent or done?"),
        required=False,
        error_messages={"invalid": _("Enter a real date and time")},
    )
    outcome = forms.CharField(label=_("Outcome or notes"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("status") in {ReferralStatus.SENT, ReferralStatus.DONE} and not cleaned.get("sent_at"):
            self.add_error("sent_at", gettext("Enter when it was sent or done"))
        return cleaned


class NrmEventForm(GovukForm):
    kind = forms.ChoiceField(label=_("What happened?"), choices=NrmEventKind.choices, widget=forms.RadioSelect)
    occurred_on = GovukDateField(
        label=_("Date"),
        help_text=format_lazy("{} {}", _("The date on the letter or decision."), _(DATE_HINT)),
        error_messages={"required": _("Enter the date"), "invalid": _("Enter a real date")},
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        help_text=_("For decisions only"),
        choices=[("", _("Not a decision")), *NrmOutcome.choices],
        required=False,
        widget=forms.RadioSelect,
    )
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def clean_occurred_on(self) -> Any:
        value = self.cleaned_data["occurred_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(gettext("The date cannot be in the future"))
        return value


class ConsentForm(GovukForm):
    consent_to_nrm = forms.ChoiceField(
        label=_("Do they agree to be referred to the NRM?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select whether they agree to be referred")},
    )
    refusal_reason = forms.CharField(label=_("If not, why?"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    consent_to_share = forms.BooleanField(label=_("They agree to their name and details being shared"), required=False)
    consent_language = pick_list_field(_("Language the NRM was explained in"), LANGUAGE_LABELS, blank=_("Not recorded"))
    consent_interpreter = forms.ChoiceField(
        label=_("Interpreter"), choices=InterpreterMode.choices, widget=forms.RadioSelect, required=False
    )
    consent_interpreter_agency = forms.CharField(
        label=_("Interpreting agency"), max_length=200, required=False, help_text=_("Leave blank if no interpreter")
    )
    consent_leaflet = forms.CharField(
        label=_("Leaflet given"),
        max_length=200,
        required=False,
        help_text=_("Which leaflet, in which language, for example Home Office NRM leaflet in Romanian"),
    )
    consent_explanation_read_by_interpreter = forms.BooleanField(
        label=_("An interpreter read the explanation to them"),
        help_text=_("Say above how the interpreter took part"),
        required=False,
    )
    # The versions shown on the page, so the record names what was read even if a text changes meanwhile.
    explanation_texts = forms.ModelMultipleChoiceField(
        queryset=ExplanationVersion.objects.none(), required=False, widget=forms.MultipleHiddenInput
    )
    withdrawn_on = GovukDateField(
        label=_("If they withdrew consent they gave earlier, the date"),
        help_text=format_lazy("{} {}", _("Select no above and say why."), _(DATE_HINT)),
        required=False,
        error_messages={"invalid": _("Enter a real date")},
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, organisation_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        keep_stored(self.fields["consent_language"], self.initial.get("consent_language"))
        self.fields["explanation_texts"].queryset = ExplanationVersion.objects.filter(  # type: ignore[attr-defined]
            language__organisation_id=organisation_id, approved_at__isnull=False
        ).select_related("language")


class ExplanationPickForm(GovukForm):
    """The person's language, picked on the consent page to show the explanation in it (a GET form)."""

    language = pick_list_field(_("The person's language"), LANGUAGE_LABELS, blank=_("Choose a language"))


class ShareForm(GovukForm):
    organisation = forms.ModelChoiceField(
        label=_("Share with"), queryset=Organisation.objects.none(), empty_label=_("Choose an organisation")
    )
    scope = forms.ChoiceField(
        label=_("What will the partner see?"),
        choices=SHARE_SCOPE_CHOICES,  # lazy: a label read here would stay in the language of the import
        widget=forms.RadioSelect,
        error_messages={"required": _("Select what the partner will see")},
    )
    purpose = forms.CharField(
        label=_("Purpose of sharing"), max_length=300, error_messages={"required": _("Enter why")}
    )
    lawful_basis = forms.ChoiceField(
        label=_("Lawful basis (UK GDPR Article 6)"),
        choices=LawfulBasis.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select the lawful basis for sharing")},
    )
    lawful_basis_detail = forms.CharField(
        label=_("Condition for special category data, and the duty or agreement relied on (optional)"),
        help_text=_(
            "For health, ethnicity or sex life, the Article 9 condition, for example safeguarding of "
            "children and of individuals at risk"
        ),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    consent = forms.ChoiceField(
        label=_("Did the person consent to this share?"),
        choices=ShareConsent.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select whether the person consented to this share")},
    )
    consent_note = forms.CharField(
        label=_("Why was consent not given or not asked?"),
        help_text=_("Needed unless the person consented"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    expires_on = GovukDateField(
        label=_("Share until"),
        required=False,
        help_text=format_lazy("{} {}", _("Leave empty to share until revoked."), _(DATE_HINT)),
    )

    def __init__(self, *args: Any, organisation_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.exclude(pk=organisation_id).order_by("name")  # type: ignore[attr-defined]

    def clean_expires_on(self) -> Any:
        value = self.cleaned_data.get("expires_on")
        if value and value <= timezone.localdate():
            raise forms.ValidationError(gettext("The end date must be in the future"))
        return value
