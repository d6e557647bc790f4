"""`GET` and `PATCH /api/v1/pathway-settings`: the organisation's referral pathway settings as its
Pathway settings page keeps them (deadlines, ICTG cover, a contact and a link for each action):
the page's form and pathway_settings_update (audited field by field), for the modern slavery lead."""

from typing import Any

from django.utils.translation import gettext
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.api_auth import api_user
from tackle.accounts.door import open_page_for_user
from tackle.cases.forms.pathway import PathwaySettingsForm
from tackle.cases.models import PathwaySettings, ReferralCode
from tackle.cases.services.pathway import pathway_settings_of, pathway_settings_update
from tackle.core.access import PATHWAY_SETTINGS, Action
from tackle.core.api_lists import body_or_400


class ActionContactSerializer(serializers.Serializer):
    contact = serializers.CharField(required=False, allow_blank=True, default="", help_text="A team, phone or email")
    link = serializers.CharField(required=False, allow_blank=True, default="", help_text="The form or guidance")


class PathwaySettingsSerializer(serializers.Serializer):
    ictg_available = serializers.BooleanField(help_text="The ICTG service covers the area")
    nrm_deadline_hours = serializers.IntegerField(help_text="Hours after the encounter allowed for an NRM referral")
    duty_to_notify_deadline_hours = serializers.IntegerField()
    action_contacts = serializers.DictField(
        child=ActionContactSerializer(), help_text="By action code; an action left out has no contact"
    )


class PathwaySettingsUpdateSerializer(serializers.Serializer):
    ictg_available = serializers.BooleanField(required=False)
    nrm_deadline_hours = serializers.IntegerField(required=False)
    duty_to_notify_deadline_hours = serializers.IntegerField(required=False)
    action_contacts = serializers.DictField(
        child=ActionContactSerializer(),
        required=False,
        help_text="By action code, each replacing that action's contact and link; actions left out keep theirs",
    )

    def validate_action_contacts(self, value: dict[str, Any]) -> dict[str, Any]:
        unknown = sorted(set(value) - set(ReferralCode.values))
        if unknown:
            raise ValidationError(gettext("No such action: %(codes)s") % {"codes": ", ".join(unknown)})
        return value


def _settings(settings: PathwaySettings) -> dict[str, Any]:
    return PathwaySettingsSerializer(
        {
            "ictg_available": settings.ictg_available,
            "nrm_deadline_hours": settings.nrm_deadline_hours,
            "duty_to_notify_deadline_hours": settings.duty_to_notify_deadline_hours,
            "action_contacts": settings.action_contacts or {},
        }
    ).data


def _api_name(field: str) -> str:
    """The form's `contact_call_police` as the body names it: `action_contacts.call_police.contact`."""
    for part in ("contact", "link"):
        if field.startswith(f"{part}_"):
            return f"action_contacts.{field.removeprefix(f'{part}_')}.{part}"
    return field


@extend_schema(methods=["GET"], summary="Pathway settings", responses=PathwaySettingsSerializer)
@extend_schema(
    methods=["PATCH"],
    summary="Change the pathway settings",
    description="As the Pathway settings page, through its form and service: deadlines of whole hours in the "
    "allowed range, links as full web addresses. Fields left out keep their values. Audited.",
    request=PathwaySettingsUpdateSerializer,
    responses=PathwaySettingsSerializer,
    examples=[
        OpenApiExample(
            "A shorter NRM deadline and the MASH's number",
            value={
                "nrm_deadline_hours": 24,
                "action_contacts": {"children_safeguarding_referral": {"contact": "MASH 01632 960000"}},
            },
            request_only=True,
        )
    ],
)
@api_view(["GET", "PATCH"])
def pathway_settings(request: Request) -> Response:
    user = api_user(request)
    open_page_for_user(user, resource=PATHWAY_SETTINGS, action=Action.CHANGE, object_type="")  # the lead, as the page
    organisation: Any = user.organisation
    settings = pathway_settings_of(organisation)
    if request.method == "GET":
        return Response(_settings(settings))
    incoming = body_or_400(PathwaySettingsUpdateSerializer, request)
    data = PathwaySettingsForm.initial_from(settings)
    for name in ("nrm_deadline_hours", "duty_to_notify_deadline_hours"):
        data[name] = incoming.get(name, data[name])
    if "ictg_available" in incoming:
        data["ictg_available"] = "yes" if incoming["ictg_available"] else "no"
    for code, contact in incoming.get("action_contacts", {}).items():
        data[f"contact_{code}"], data[f"link_{code}"] = contact["contact"], contact["link"]
    form = PathwaySettingsForm(data)
    if not form.is_valid():
        raise ValidationError(
            {_api_name(name): [str(error) for error in errors] for name, errors in form.errors.items()}
        )
    settings = pathway_settings_update(
        organisation=organisation, actor=user, request=request._request, **form.settings_values()
    )
    return Response(_settings(settings))
