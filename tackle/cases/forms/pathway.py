from typing import Any

from django import forms
from django.core.validators import URLValidator
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tackle.cases.models import PathwaySettings, ReferralCode
from tackle.cases.services.pathway import DEADLINE_HOURS_MAX, DEADLINE_HOURS_MIN
from tackle.core.forms import GovukForm

_YES_NO = [("yes", _("Yes")), ("no", _("No"))]


class _WebLinkField(forms.URLField):
    """A web address only: an ftp or mailto link would not open for officers."""

    default_validators = [URLValidator(schemes=["https", "http"])]


def _deadline_field(label: Any, *, missing: Any, wrong: Any) -> forms.IntegerField:
    """`missing` and `wrong`: whole sentences, so that Welsh can word each its own way."""
    return forms.IntegerField(
        label=label,
        help_text=format_lazy(
            _("Hours after the encounter, {low} to {high}. Most councils allow 48."),
            low=DEADLINE_HOURS_MIN,
            high=DEADLINE_HOURS_MAX,
        ),
        min_value=DEADLINE_HOURS_MIN,
        max_value=DEADLINE_HOURS_MAX,
        error_messages={
            "required": missing,
            "invalid": wrong,
            "min_value": wrong,
            "max_value": wrong,
        },
        widget=forms.TextInput(attrs={"class": "govuk-input--width-3", "inputmode": "numeric", "spellcheck": "false"}),
    )


class PathwaySettingsForm(GovukForm):
    """The deadlines and ICTG availability, then a contact and a link for each action."""

    ictg_available = forms.ChoiceField(
        label=_("Does the Independent Child Trafficking Guardian service cover your area?"),
        choices=_YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select yes if the ICTG service covers your area")},
    )
    nrm_deadline_hours = _deadline_field(
        _("Time allowed for an NRM referral"),
        missing=_("Enter the NRM referral deadline in hours"),
        wrong=format_lazy(
            _("The NRM referral deadline must be a whole number of hours from {low} to {high}"),
            low=DEADLINE_HOURS_MIN,
            high=DEADLINE_HOURS_MAX,
        ),
    )
    duty_to_notify_deadline_hours = _deadline_field(
        _("Time allowed for a Duty to Notify"),
        missing=_("Enter the Duty to Notify deadline in hours"),
        wrong=format_lazy(
            _("The Duty to Notify deadline must be a whole number of hours from {low} to {high}"),
            low=DEADLINE_HOURS_MIN,
            high=DEADLINE_HOURS_MAX,
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for code, label in ReferralCode.choices:
            self.fields[f"contact_{code}"] = forms.CharField(
                label=_("Who to contact"),
                help_text=_("A team, phone number or email address"),
                required=False,
                max_length=300,
                error_messages={
                    "max_length": gettext("The contact for '%(action)s' must be 300 characters or fewer")
                    % {"action": label}
                },
            )
            self.fields[f"link_{code}"] = _WebLinkField(
                label=_("Link to the form or guidance"),
                required=False,
                assume_scheme="https",
                max_length=500,
                error_messages={
                    "invalid": gettext(
                        "Enter the link for '%(action)s' as a full web address, like https://example.org/form"
                    )
                    % {"action": label},
                    "max_length": gettext("The link for '%(action)s' must be 500 characters or fewer")
                    % {"action": label},
                },
            )

    @classmethod
    def initial_from(cls, settings: PathwaySettings) -> dict[str, Any]:
        initial: dict[str, Any] = {
            "ictg_available": "yes" if settings.ictg_available else "no",
            "nrm_deadline_hours": settings.nrm_deadline_hours,
            "duty_to_notify_deadline_hours": settings.duty_to_notify_deadline_hours,
        }
        for code, contact in (settings.action_contacts or {}).items():
            initial[f"contact_{code}"] = contact.get("contact", "")
            initial[f"link_{code}"] = contact.get("link", "")
        return initial

    def action_fieldsets(self) -> list[tuple[Any, list[forms.BoundField]]]:
        """One fieldset per action, so the template can group each contact with its link."""
        return [(label, [self[f"contact_{code}"], self[f"link_{code}"]]) for code, label in ReferralCode.choices]

    def settings_values(self) -> dict[str, Any]:
        """The cleaned data as pathway_settings_update's arguments. Actions left blank are left out."""
        data = self.cleaned_data
        contacts: dict[str, dict[str, str]] = {}
        for code in ReferralCode.values:
            contact, link = data[f"contact_{code}"].strip(), data[f"link_{code}"]
            if contact or link:
                contacts[code] = {"contact": contact, "link": link}
        return {
            "ictg_available": data["ictg_available"] == "yes",
            "nrm_deadline_hours": data["nrm_deadline_hours"],
            "duty_to_notify_deadline_hours": data["duty_to_notify_deadline_hours"],
            "action_contacts": contacts,
        }
