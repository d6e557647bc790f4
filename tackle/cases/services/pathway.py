"""Each organisation's pathway settings: reading them as rules, and changing them with an audit entry."""

from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext

from tackle.accounts.models import Organisation
from tackle.audit.records import record_update_fields
from tackle.cases.models import PathwaySettings, ReferralCode
from tackle.cases.rules.pathway import PathwayRules
from tackle.core.errors import ApplicationError

# A deadline longer than a week would defeat the point of having one.
DEADLINE_HOURS_MIN, DEADLINE_HOURS_MAX = 1, 168


def pathway_settings_of(organisation: Organisation) -> PathwaySettings:
    """The organisation's settings, created with the defaults the first time they are needed."""
    settings, _ = PathwaySettings.objects.get_or_create(organisation=organisation)
    return settings


def pathway_rules_for(organisation: Organisation) -> PathwayRules:
    settings = pathway_settings_of(organisation)
    return PathwayRules(
        ictg_available=settings.ictg_available,
        nrm_deadline_hours=settings.nrm_deadline_hours,
        duty_to_notify_deadline_hours=settings.duty_to_notify_deadline_hours,
    )


def pathway_settings_update(
    *,
    organisation: Organisation,
    actor: Any,
    request: HttpRequest | None = None,
    ictg_available: bool,
    nrm_deadline_hours: int,
    duty_to_notify_deadline_hours: int,
    action_contacts: dict[str, dict[str, str]],
) -> PathwaySettings:
    """Save the settings and audit which fields changed. Saving the same values changes nothing."""
    for field, hours in (
        ("nrm_deadline_hours", nrm_deadline_hours),
        ("duty_to_notify_deadline_hours", duty_to_notify_deadline_hours),
    ):
        if not DEADLINE_HOURS_MIN <= hours <= DEADLINE_HOURS_MAX:
            raise ApplicationError(
                gettext("The deadline must be between %(low)s and %(high)s hours")
                % {"low": DEADLINE_HOURS_MIN, "high": DEADLINE_HOURS_MAX},
                field=field,
            )
    unknown = set(action_contacts) - set(ReferralCode.values)
    if unknown:
        raise ApplicationError(
            gettext("No such action: %(codes)s") % {"codes": ", ".join(sorted(unknown))}, field="action_contacts"
        )
    new_values: dict[str, Any] = {
        "ictg_available": ictg_available,
        "nrm_deadline_hours": nrm_deadline_hours,
        "duty_to_notify_deadline_hours": duty_to_notify_deadline_hours,
        "action_contacts": action_contacts,
    }
    with transaction.atomic():
        pathway_settings_of(organisation)
        settings = PathwaySettings.objects.select_for_update().get(organisation=organisation)
        record_update_fields(
            settings,
            new_values,
            actor=actor,
            request=request,
            note="Pathway settings changed",
            organisation_id=organisation.pk,
        )
    return settings
