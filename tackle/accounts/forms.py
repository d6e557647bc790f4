from datetime import date
from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm, SetPasswordForm
from django.db.models import QuerySet
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from tackle.accounts.models import TokenScope, User, WebhookEvent
from tackle.core.disclosure import HIGHEST_THRESHOLD, ROUNDING_BASE
from tackle.core.forms import GovukDateField, GovukForm
from tackle.core.roles import Role


class SignInForm(AuthenticationForm):
    use_required_attribute = False
    error_messages = {
        "invalid_login": _("Enter a correct username and password. Both are case-sensitive."),
        "inactive": _("This account has been switched off. Ask your administrator."),
    }

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["username"].error_messages["required"] = _("Enter your username")
        self.fields["password"].error_messages["required"] = _("Enter your password")
        self.fields["username"].label = _("Username")
        self.fields["password"].label = _("Password")
        self.fields["username"].widget.attrs.update({"autocomplete": "username", "spellcheck": "false"})


class TwoFactorCodeForm(GovukForm):
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        help_text=_("The 6-digit code, for example 123456"),
        max_length=8,
        error_messages={"required": _("Enter the 6-digit code from your authenticator app")},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "class": "govuk-input--width-5"}
        ),
    )

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].replace(" ", "")
        if not (code.isascii() and code.isdigit()) or len(code) != 6:
            raise forms.ValidationError(_("The code must be 6 digits"))
        return code


class ApiTokenCreateForm(GovukForm):
    name = forms.CharField(
        label=_("Token name"),
        help_text=_("What the token is for, so you can recognise it later, for example 'Monthly figures script'"),
        max_length=100,
        error_messages={"required": _("Enter a name for the token")},
        widget=forms.TextInput(attrs={"class": "govuk-input--width-20"}),
    )
    scope = forms.ChoiceField(
        label=_("What the token may do"),
        choices=TokenScope.choices,
        initial=TokenScope.READ,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select what the token may do")},
    )
    modules = forms.MultipleChoiceField(
        label=_("Parts of Tackle it may reach (optional)"),
        help_text=_("Leave all unticked for every part your role uses"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Select only parts of Tackle your role can use")},
    )
    expires_on = GovukDateField(
        label=_("Expires on"),
        help_text=_(
            "It works until the end of this day: at most a year from today, 90 days unless you choose "
            "otherwise. For example, 27 3 2027"
        ),
        error_messages={"required": _("Enter the date the token expires"), "invalid": _("Enter a real expiry date")},
    )

    def __init__(self, *args: Any, modules: list[tuple[str, str]], expires_on: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["modules"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = modules
        self.fields["expires_on"].initial = expires_on


def _role_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Role"),
        help_text=_("What they can see and do in Tackle"),
        choices=Role.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select a role"), "invalid_choice": _("Select a role from the list")},
    )


class UserInviteForm(GovukForm):
    first_name = forms.CharField(
        label=_("First name"), max_length=150, error_messages={"required": _("Enter their first name")}
    )
    last_name = forms.CharField(
        label=_("Last name"), max_length=150, error_messages={"required": _("Enter their last name")}
    )
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("The one-time link to set their password is sent here"),
        error_messages={
            "required": _("Enter their email address"),
            "invalid": _("Enter an email address like name@example.gov.uk"),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    username = forms.RegexField(
        label=_("Username"),
        help_text=_("What they sign in with: letters, numbers and . - _ only, for example jsmith"),
        regex=r"^[A-Za-z0-9._-]+$",
        max_length=150,
        error_messages={
            "required": _("Enter a username"),
            "invalid": _("Use only letters, numbers and . - _ in the username"),
        },
        widget=forms.TextInput(attrs={"class": "govuk-input--width-20", "autocomplete": "off", "spellcheck": "false"}),
    )
    role = _role_field()


class UserRoleForm(GovukForm):
    role = _role_field()


class ConfirmForm(GovukForm):
    """A confirmation page's form: nothing to fill in, the button is the answer."""


DEACTIVATE = "deactivate"


class _AlwaysDeactivate(forms.HiddenInput):
    """Sent by the page's own form, whatever a refused POST held."""

    def format_value(self, value: Any) -> str:
        return DEACTIVATE


class DeactivateConfirmForm(GovukForm):
    """Deactivating cannot be wholly undone (sessions end, API tokens and invitations stop for good),
    so only the check page's own form, which sends this answer, deactivates (issue 18)."""

    confirm = forms.CharField(widget=_AlwaysDeactivate, required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("confirm") != DEACTIVATE:
            raise forms.ValidationError(_("Check what will happen, then select Deactivate user"))
        return cleaned


REVOKE = "revoke"


class _AlwaysRevoke(forms.HiddenInput):
    """Sent by the page's own form, whatever a refused POST held."""

    def format_value(self, value: Any) -> str:
        return REVOKE


class TokenRevokeConfirmForm(GovukForm):
    """A revoked token cannot work again (a new one must be made and handed to the script), so only
    the check page's own form, which sends this answer, revokes (issue 18)."""

    confirm = forms.CharField(widget=_AlwaysRevoke, required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("confirm") != REVOKE:
            raise forms.ValidationError(_("Check what will stop, then select Revoke token"))
        return cleaned


class InvitationPasswordForm(SetPasswordForm):
    """Django's password rules (length, common and similar passwords), with GOV.UK wording."""

    use_required_attribute = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = _("Create a password")
        self.fields["new_password1"].help_text = _(
            "At least 12 characters. A few unrelated words make a good password."
        )
        self.fields["new_password1"].error_messages["required"] = _("Enter a password")
        self.fields["new_password2"].label = _("Confirm your password")
        self.fields["new_password2"].error_messages["required"] = _("Enter the password again")
        self.error_messages["password_mismatch"] = _("The two passwords do not match")


class _PersonField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.display_name} ({obj.get_role_display()})"


def _threshold_errors(audience: Any) -> dict[str, Any]:
    words = format_lazy(
        _("Enter the threshold for {audience} as a whole number from 0 to {most}"),
        audience=audience,
        most=HIGHEST_THRESHOLD,
    )
    return {"required": words, "invalid": words, "min_value": words, "max_value": words}


class OrganisationSettingsForm(GovukForm):
    lead = _PersonField(
        label=_("Modern slavery lead"), queryset=User.objects.none(), required=False, empty_label=_("Not chosen")
    )
    deputy = _PersonField(
        label=_("Deputy lead"), queryset=User.objects.none(), required=False, empty_label=_("Not chosen")
    )
    mash_phone = forms.CharField(label=_("MASH phone number"), max_length=40, required=False)
    mash_email = forms.EmailField(
        label=_("MASH email address"),
        required=False,
        error_messages={"invalid": _("Enter the MASH email address like name@example.gov.uk")},
    )
    adult_safeguarding_phone = forms.CharField(
        label=_("Adult safeguarding phone number"), max_length=40, required=False
    )
    adult_safeguarding_email = forms.EmailField(
        label=_("Adult safeguarding email address"),
        required=False,
        error_messages={"invalid": _("Enter the adult safeguarding email address like name@example.gov.uk")},
    )
    first_responder_name = forms.CharField(label=_("Name"), max_length=200, required=False)
    first_responder_role = forms.CharField(label=_("Role"), max_length=200, required=False)
    first_responder_organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    first_responder_phone = forms.CharField(label=_("Phone number"), max_length=40, required=False)
    first_responder_email = forms.EmailField(
        label=_("Email address"),
        required=False,
        error_messages={"invalid": _("Enter the first responder's email address like name@example.gov.uk")},
    )

    figures_threshold_internal = forms.IntegerField(
        label=_("Staff who see every case"),
        help_text=_("0 shows them exact counts."),
        min_value=0,
        max_value=HIGHEST_THRESHOLD,
        error_messages=_threshold_errors(_("staff who see every case")),
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-3", "inputmode": "numeric"}),
    )
    figures_threshold_councillors = forms.IntegerField(
        label=_("Councillors and others who see figures only"),
        min_value=0,
        max_value=HIGHEST_THRESHOLD,
        error_messages=_threshold_errors(_("councillors")),
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-3", "inputmode": "numeric"}),
    )
    figures_threshold_public = forms.IntegerField(
        label=_("The public: published figures, FOI answers and the statement"),
        help_text=_(
            "10 unless you choose otherwise. CTDC, the global trafficking data hub, publishes no count under 11."
        ),
        min_value=0,
        max_value=HIGHEST_THRESHOLD,
        error_messages=_threshold_errors(_("the public")),
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-3", "inputmode": "numeric"}),
    )
    figures_rounded_for_public = forms.BooleanField(
        label=format_lazy(_("Round published counts to the nearest {base}"), base=ROUNDING_BASE), required=False
    )
    records_began_on = GovukDateField(
        label=_("When the council's records began"),
        help_text=_(
            "FOI answers say the information is not held for a period wholly before this day. Leave it "
            "empty to use the date of the first record kept in Tackle."
        ),
        required=False,
    )
    welsh_language_service = forms.BooleanField(
        label=_("Offer Welsh: people choose English or Cymraeg at the top of every page"), required=False
    )

    def __init__(self, *args: Any, people: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("lead", "deputy"):
            field = self.fields[name]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = people

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("lead") and data.get("lead") == data.get("deputy"):
            self.add_error("deputy", _("The deputy must be someone other than the lead"))
        return data


class WebhookEndpointForm(GovukForm):
    """Where the organisation's own systems want to be told, and of what (issue 19, item 5)."""

    name = forms.CharField(
        label=_("Name"),
        help_text=_("What the endpoint is for, for example 'Case management system'"),
        max_length=100,
        error_messages={"required": _("Enter a name for the endpoint")},
        widget=forms.TextInput(attrs={"class": "govuk-input--width-20"}),
    )
    url = forms.URLField(
        label=_("Address (URL)"),
        help_text=_("Starting https://, on the internet: Tackle does not post to addresses on its own network"),
        max_length=500,
        assume_scheme="https",
        error_messages={
            "required": _("Enter the address to post to"),
            "invalid": _("Enter the address as a web address, like https://cms.example.gov.uk/tackle"),
        },
    )
    events = forms.MultipleChoiceField(
        label=_("Events to send"),
        choices=WebhookEvent.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Select at least one event")},
    )


class WebhookRevokeConfirmForm(GovukForm):
    """A revoked endpoint is told of nothing more and cannot be revived, so only the check page's
    own form revokes."""

    confirm = forms.CharField(widget=_AlwaysRevoke, required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("confirm") != REVOKE:
            raise forms.ValidationError(_("Check what will stop, then select Revoke endpoint"))
        return cleaned


ROTATE = "rotate"


class _AlwaysRotate(forms.HiddenInput):
    def format_value(self, value: Any) -> str:
        return ROTATE


class WebhookRotateConfirmForm(GovukForm):
    """A new secret stops the old one signing at once, so only the check page's own form rotates."""

    confirm = forms.CharField(widget=_AlwaysRotate, required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("confirm") != ROTATE:
            raise forms.ValidationError(_("Check what will change, then select Make a new secret"))
        return cleaned
