from datetime import date, timedelta
from typing import Any

from axes.models import AccessAttempt
from django.db import models
from django.utils import timezone

# Figure labels stay English here: the home page links them by label, then shows them translated.
from django.utils.translation import gettext_noop
from django_otp.plugins.otp_totp.models import TOTPDevice

from tackle.accounts.models import (
    ApiToken,
    Invitation,
    Notification,
    Organisation,
    OrganisationSettings,
    User,
    WebhookDelivery,
    WebhookEndpoint,
)
from tackle.core.access import PERSONAL_DATA_ROLES
from tackle.core.disclosure import ROUNDING_BASE, Audience, Disclosure, default_disclosure
from tackle.core.roles import Module, OrganisationKind, Role


def users_visible_to(user: Any) -> models.QuerySet[User]:
    if not (user.is_authenticated and user.organisation_id):
        return User.objects.none()
    return User.objects.filter(organisation_id=user.organisation_id).select_related("organisation")


def organisation_settings_visible_to(user: Any) -> models.QuerySet[OrganisationSettings]:
    if not (user.is_authenticated and user.organisation_id):
        return OrganisationSettings.objects.none()
    return OrganisationSettings.objects.filter(organisation_id=user.organisation_id)


def disclosure_for(organisation_id: int, audience: Audience) -> Disclosure:
    """How the organisation shows counts to `audience` (its settings, else the defaults)."""
    row = (
        OrganisationSettings.objects.filter(organisation_id=organisation_id)
        .values(
            "figures_threshold_internal",
            "figures_threshold_councillors",
            "figures_threshold_public",
            "figures_rounded_for_public",
        )
        .first()
    )
    if row is None:
        return default_disclosure(audience)
    threshold = {
        Audience.INTERNAL: row["figures_threshold_internal"],
        Audience.COUNCILLORS: row["figures_threshold_councillors"],
        Audience.PUBLIC: row["figures_threshold_public"],
    }[audience]
    rounded = audience == Audience.PUBLIC and row["figures_rounded_for_public"]
    return Disclosure(audience, threshold, ROUNDING_BASE if rounded else 1)


def records_began_on(organisation_id: int) -> date | None:
    """The day the organisation says its records began; None when it has not said."""
    return (
        OrganisationSettings.objects.filter(organisation_id=organisation_id)
        .values_list("records_began_on", flat=True)
        .first()
    )


def failed_sign_ins_of(user: User) -> int:
    """Wrong passwords django-axes holds against the username, from every address: at its limit from
    one address, the account is locked from that address."""
    attempts = AccessAttempt.objects.filter(username=user.username)
    return sum(attempts.values_list("failures_since_start", flat=True))


def pending_invitation_of(user: User) -> Invitation | None:
    """The link the user has not used yet, if any, still valid."""
    return (
        user.invitations.filter(used_at__isnull=True, voided_at__isnull=True, expires_at__gt=timezone.now())
        .order_by("-created_at")
        .first()
    )


def api_tokens_of(user: Any) -> models.QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user)


def organisation_api_tokens_visible_to(user: Any) -> models.QuerySet[ApiToken]:
    """Every token held in the user's organisation, with its owner (the administrator's list)."""
    if not (user.is_authenticated and user.organisation_id):
        return ApiToken.objects.none()
    return ApiToken.objects.filter(user__organisation_id=user.organisation_id).select_related("user")


def users_missing_two_factor(organisation_id: int) -> models.QuerySet[User]:
    confirmed = TOTPDevice.objects.filter(confirmed=True).values("user_id")
    return User.objects.filter(
        organisation_id=organisation_id, is_active=True, role__in=PERSONAL_DATA_ROLES, is_demo=False
    ).exclude(pk__in=confirmed)


def user_dashboard_figures(user: Any) -> list[dict[str, Any]]:
    from tackle.audit.selectors import audit_events_visible_to

    figures: list[dict[str, Any]] = []
    if user.may_use(Module.USERS):
        figures.append(
            {"label": gettext_noop("Active users"), "value": users_visible_to(user).filter(is_active=True).count()}
        )
        figures.append(
            {
                "label": gettext_noop("Users who still need two-factor sign-in"),
                "value": users_missing_two_factor(user.organisation_id).count(),
            }
        )
    if user.may_use(Module.AUDIT):
        since = timezone.now() - timedelta(days=30)
        figures.append(
            {
                "label": gettext_noop("Audit entries in the last 30 days"),
                "value": audit_events_visible_to(user).filter(occurred_at__gte=since).count(),
            }
        )
    if user.may_use(Module.API_TOKENS):
        active = api_tokens_of(user).filter(revoked_at__isnull=True).count()
        figures.append({"label": gettext_noop("Your active API tokens"), "value": active})
    return figures


def notifications_visible_to(user: Any) -> models.QuerySet[Notification]:
    """A person's own notifications, and nobody else's."""
    if not user.is_authenticated:
        return Notification.objects.none()
    return Notification.objects.filter(user=user)


def unread_notification_count(user: Any) -> int:
    return notifications_visible_to(user).filter(read_at__isnull=True).count()


def notified_with_key(key: str) -> list[Notification]:
    """Who was told of one event (its key), for a page that says so."""
    return list(Notification.objects.filter(key=key).select_related("user").order_by("user__username"))


def leads_of(organisation_id: int) -> list[User]:
    """Who is told as the organisation's lead: the lead named in its settings when active, else
    every active user in the modern slavery lead role."""
    leads = list(User.objects.filter(organisation_id=organisation_id, role=Role.MODERN_SLAVERY_LEAD, is_active=True))
    named = OrganisationSettings.objects.filter(organisation_id=organisation_id).values_list("lead_id", flat=True)
    named_id = next(iter(named), None)
    return [lead for lead in leads if lead.pk == named_id] or leads


def organisation_for_visitors(code: str) -> Organisation | None:
    """The organisation whose public pages a signed-out visitor reads: the one with this code, else
    the only council (or the only organisation) on this instance; None when that is not one."""
    if code:
        return Organisation.objects.filter(code=code).first()
    councils = list(Organisation.objects.filter(kind=OrganisationKind.COUNCIL)[:2])
    if len(councils) == 1:
        return councils[0]
    everyone = list(Organisation.objects.all()[:2])
    return everyone[0] if len(everyone) == 1 else None


def webhook_endpoints_visible_to(user: Any) -> models.QuerySet[WebhookEndpoint]:
    """The organisation's webhook endpoints, live and revoked."""
    return WebhookEndpoint.objects.filter(organisation_id=user.organisation_id)


def webhook_deliveries_of(endpoint: WebhookEndpoint) -> models.QuerySet[WebhookDelivery]:
    return endpoint.deliveries.order_by("-created_at")


def welsh_offered_to(user: Any) -> bool:
    """Whether the English | Cymraeg switch is offered (issue 21): to a signed-in person when their
    organisation runs a Welsh language service; before signing in, when any organisation here does
    (the sign-in page cannot know whose person is reading it)."""
    if getattr(user, "is_authenticated", False):
        return bool(
            user.organisation_id
            and OrganisationSettings.objects.filter(
                organisation_id=user.organisation_id, welsh_language_service=True
            ).exists()
        )
    return OrganisationSettings.objects.filter(welsh_language_service=True).exists()
