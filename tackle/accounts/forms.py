from django import forms
from django.contrib.auth.forms import AuthenticationForm

from tackle.core.forms import GovukForm


class SignInForm(AuthenticationForm):
    use_required_attribute = False
    error_messages = {
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
        "inactive": "This account has been switched off. Ask your administrator.",
    }

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["username"].error_messages["required"] = "Enter your username"
        self.fields["password"].error_messages["required"] = "Enter your password"
        self.fields["username"].widget.attrs.update({"autocomplete": "username", "spellcheck": "false"})


class TwoFactorCodeForm(GovukForm):
    code = forms.CharField(
        label="Code from your authenticator app",
        help_text="The 6-digit code, for example 123456",
        max_length=8,
        error_messages={"required": "Enter the 6-digit code from your authenticator app"},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "class": "govuk-input--width-5"}
        ),
    )

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].replace(" ", "")
        if not code.isdigit() or len(code) != 6:
            raise forms.ValidationError("The code must be 6 digits")
        return code


class ApiTokenCreateForm(GovukForm):
    name = forms.CharField(
        label="Token name",
        help_text="What the token is for, so you can recognise it later, for example 'Monthly figures script'",
        max_length=100,
        error_messages={"required": "Enter a name for the token"},
        widget=forms.TextInput(attrs={"class": "govuk-input--width-20"}),
    )
