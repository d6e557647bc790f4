"""Changes to accounts. Each writes its audit event in the same transaction."""

from collections.abc import Collection
from datetime import date, timedelta
from typing import Any

from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext
from django_otp.plugins.otp_totp.models import TOTPDevice

from tackle.accounts.models import (
    ApiToken,
    Invitation,
    Notification,
    Organisation,
    OrganisationSettings,
    TokenScope,
    User,
    hash_token,
)
from tackle.accounts.selectors import welsh_offered_to
from tackle.audit.models import AuditAction
from tackle.audit.records import record_update_fields
from tackle.audit.services import audit_record
from tackle.core.access import role_may_use
from tackle.core.disclosure import HIGHEST_THRESHOLD
from tackle.core.errors import ApplicationError
from tackle.core.periods import end_of_day, today_in_london
from tackle.core.roles import Module, Role

TOKEN_DAYS_DEFAULT = 90
TOKEN_DAYS_MOST = 365


@transaction.atomic
def api_token_create(
    *,
    user: User,
    name: str,
    scope: str = TokenScope.READ,
    modules: Collection[str] = (),
    expires_on: date | None = None,
    request: Any = None,
) -> tuple[ApiToken, str]:
    """Returns the token and its raw value, which is shown once and never stored. Only someone who
    has set up two-factor sign-in may hold a token; it reaches at most what their role does."""
    if not user.may_hold_api_tokens():
        raise ApplicationError(gettext("Set up two-factor sign-in before you create an API token"))
    name = name.strip()
    if not name:
        raise ApplicationError(gettext("Enter a name for the token"), field="name")
    if scope not in TokenScope.values:
        raise ApplicationError(gettext("Select what the token may do"), field="scope")
    allowed = {module for module, _label in token_module_choices(user)}
    if not set(modules) <= allowed:
        raise ApplicationError(gettext("Select only parts of Tackle your role can use"), field="modules")
    today = today_in_london()
    expires_on = expires_on or today + timedelta(days=TOKEN_DAYS_DEFAULT)
    if expires_on <= today:
        raise ApplicationError(gettext("The expiry date must be in the future"), field="expires_on")
    if expires_on > today + timedelta(days=TOKEN_DAYS_MOST):
        raise ApplicationError(gettext("The expiry date must be within a year from today"), field="expires_on")
    if user.api_tokens.filter(revoked_at__isnull=True, expires_at__gt=timezone.now(), name=name).exists():
        raise ApplicationError(gettext("You already have a token with this name"), field="name")
    raw = ApiToken.generate_raw()
    token = ApiToken.objects.create(
        user=user,
        name=name[:100],
        key_hash=hash_token(raw),
        prefix=raw[3:9],
        scope=scope,
        modules=sorted(set(modules)),
        expires_at=end_of_day(expires_on),
    )
    audit_record(
        action=AuditAction.CREATE,
        actor=user,
        request=request,
        obj=token,
        changed_fields=["expires_at", "modules", "name", "scope"],
        note="API token created",
    )
    return token, raw


def token_module_choices(user: User) -> list[tuple[str, str]]:
    """The parts of Tackle a token of this user may be limited to: those their role uses."""
    return [
        (module.value, str(module.label))
        for module in Module
        if module not in (Module.HOME, Module.API_TOKENS) and role_may_use(user.role, module)
    ]


@transaction.atomic
def api_token_revoke(*, token: ApiToken, actor: User, request: Any = None) -> ApiToken:
    if token.revoked_at is not None:
        raise ApplicationError(gettext("This token was already revoked"))
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit_record(
        action=AuditAction.UPDATE,
        actor=actor,
        request=request,
        obj=token,
        changed_fields=["revoked_at"],
        note="API token revoked",
    )
    return token


def check_password_rules(password: str, *, user: User, field: str) -> None:
    """AUTH_PASSWORD_VALIDATORS on every path that sets a password, not only the forms."""
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise ApplicationError(" ".join(error.messages), field=field) from None


@transaction.atomic
def user_create(
    *,
    organisation: Organisation,
    username: str,
    role: str,
    password: str | None,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    is_demo: bool = False,
    actor: User | None = None,
    request: Any = None,
) -> User:
    if role not in Role.values:
        raise ApplicationError(gettext("Choose a role from the list"), field="role")
    if User.objects.filter(username__iexact=username).exists():
        raise ApplicationError(gettext("A user with this username already exists"), field="username")
    user = User(
        username=username,
        organisation=organisation,
        role=role,
        first_name=first_name,
        last_name=last_name,
        email=email,
        is_demo=is_demo,
    )
    if password:
        check_password_rules(password, user=user, field="password")
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    audit_record(
        action=AuditAction.CREATE,
        actor=actor,
        request=request,
        obj=user,
        organisation_id=organisation.pk,
        changed_fields=["username", "role", "organisation", "first_name", "last_name", "email"],
    )
    return user


# --- The team: invitations, roles, leavers -------------------------------------------------------


def invitation_link(raw: str) -> str:
    return settings.TACKLE_BASE_URL + reverse("accounts:invitation-open", args=[raw])


@transaction.atomic
def user_invite(
    *,
    organisation: Organisation,
    username: str,
    email: str,
    role: str,
    first_name: str = "",
    last_name: str = "",
    actor: User | None = None,
    request: Any = None,
) -> tuple[User, str]:
    """A new user with no password, and the one-time link (emailed, and returned) that sets it."""
    email = email.strip()
    if not email:
        raise ApplicationError(gettext("Enter their email address"), field="email")
    if User.objects.filter(email__iexact=email, is_active=True).exists():
        raise ApplicationError(gettext("An active user already has this email address"), field="email")
    user = user_create(
        organisation=organisation,
        username=username.strip(),
        role=role,
        password=None,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        email=email,
        actor=actor,
        request=request,
    )
    return user, invitation_issue(user=user, actor=actor, request=request)


def invitation_language(*, user: User, actor: User | None) -> str:
    """The language an invitation is written in (docs/i18n.md): the invited person's choice if they
    have one, else the inviter's, where the organisation offers Welsh; otherwise English."""
    chosen = user.language or (actor.language if actor is not None else "")
    if chosen and chosen != settings.LANGUAGE_CODE and welsh_offered_to(user):
        return chosen
    return settings.LANGUAGE_CODE


@transaction.atomic
def invitation_issue(*, user: User, actor: User | None = None, request: Any = None) -> str:
    """Email a new one-time link to set the password, voiding any earlier link. Returns the link."""
    if not user.is_active:
        raise ApplicationError(gettext("Reactivate this user before sending them a link"))
    if not user.email:
        raise ApplicationError(gettext("This user has no email address to send the link to"))
    now = timezone.now()
    user.invitations.filter(used_at__isnull=True, voided_at__isnull=True).update(voided_at=now)
    raw = Invitation.generate_raw()
    days = settings.TACKLE_INVITATION_DAYS
    invitation = Invitation.objects.create(
        user=user, token_hash=hash_token(raw), invited_by=actor, expires_at=now + timedelta(days=days)
    )
    link = invitation_link(raw)
    organisation_name = user.organisation.name if user.organisation else "Tackle"
    values = {"organisation": organisation_name, "name": user.display_name, "username": user.username, "link": link}
    with translation.override(invitation_language(user=user, actor=actor)):
        send_mail(
            subject=gettext("You have been invited to Tackle by %(organisation)s") % values,
            message=ngettext(
                "Hello %(name)s,\n\n"
                "%(organisation)s has given you an account on Tackle. Your username is %(username)s.\n\n"
                "Set your password with this link within %(days)d day. It works once:\n%(link)s\n\n"
                "If you did not expect this email, ignore it and tell your administrator.",
                "Hello %(name)s,\n\n"
                "%(organisation)s has given you an account on Tackle. Your username is %(username)s.\n\n"
                "Set your password with this link within %(days)d days. It works once:\n%(link)s\n\n"
                "If you did not expect this email, ignore it and tell your administrator.",
                days,
            )
            % {**values, "days": days},
            from_email=None,
            recipient_list=[user.email],
        )
    audit_record(
        action=AuditAction.CREATE,
        actor=actor,
        request=request,
        obj=invitation,
        organisation_id=user.organisation_id,
        note=f"Invitation link sent to user {user.username}",
    )
    return link


def invitation_for_token(raw: str) -> Invitation | None:
    """The invitation this raw token opens, if it is unused, not voided, unexpired and its user active."""
    return (
        Invitation.objects.select_related("user")
        .filter(
            token_hash=hash_token(raw),
            used_at__isnull=True,
            voided_at__isnull=True,
            expires_at__gt=timezone.now(),
            user__is_active=True,
        )
        .first()
    )


@transaction.atomic
def invitation_accept(*, invitation: Invitation, password: str, request: Any = None) -> User:
    """Set the invited user's password, under the password rules, and use the link up."""
    check_password_rules(password, user=invitation.user, field="new_password1")
    now = timezone.now()
    claimed = Invitation.objects.filter(
        pk=invitation.pk, used_at__isnull=True, voided_at__isnull=True, expires_at__gt=now
    ).update(used_at=now)
    if not claimed:
        raise ApplicationError(gettext("This link has expired or has already been used"))
    user = invitation.user
    user.set_password(password)
    user.save(update_fields=["password"])
    audit_record(
        action=AuditAction.UPDATE,
        actor=user,
        request=request,
        obj=user,
        changed_fields=["password"],
        note="Password set from an invitation link",
    )
    return user


def _is_last_active_administrator(user: User) -> bool:
    if user.role != Role.ADMINISTRATOR or not user.is_active or user.organisation_id is None:
        return False
    others = User.objects.filter(organisation_id=user.organisation_id, role=Role.ADMINISTRATOR, is_active=True)
    return not others.exclude(pk=user.pk).exists()


def _refuse_if_last_administrator(user: User, actor: User | None, doing: str) -> None:
    if _is_last_active_administrator(user):
        words = {"name": user.display_name, "organisation": user.organisation, "doing": doing}
        if actor is not None and actor.pk == user.pk:
            message = gettext(
                "You are the last active administrator of %(organisation)s. "
                "Make someone else an administrator before you %(doing)s."
            )
        else:
            message = gettext(
                "%(name)s is the last active administrator of %(organisation)s. "
                "Make someone else an administrator before you %(doing)s."
            )
        raise ApplicationError(message % words)


def _locked(user: User) -> User:
    """The caller's own instance, reloaded under a row lock, so two administrators cannot race."""
    user.refresh_from_db(from_queryset=User.objects.select_for_update())
    return user


@transaction.atomic
def user_change_role(*, user: User, role: str, actor: User | None = None, request: Any = None) -> User:
    if role not in Role.values:
        raise ApplicationError(gettext("Choose a role from the list"), field="role")
    user = _locked(user)
    if user.role == role:
        return user
    if role != Role.ADMINISTRATOR:
        _refuse_if_last_administrator(user, actor, gettext("change this role"))
    before = user.get_role_display()
    user.role = role
    user.save(update_fields=["role"])
    audit_record(
        action=AuditAction.UPDATE,
        actor=actor,
        request=request,
        obj=user,
        changed_fields=["role"],
        note=f"Role changed from {before} to {user.get_role_display()}",
    )
    return user


def _end_sessions_of(user: User) -> int:
    """Sign the user out everywhere now, rather than at their next request or the idle timeout."""
    ended = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get(SESSION_KEY) == str(user.pk):
            session.delete()
            ended += 1
    return ended


@transaction.atomic
def user_deactivate(*, user: User, actor: User | None = None, request: Any = None) -> User:
    """A leaver: no sign-in, no session, no API token, from now. Their records and history stay."""
    user = _locked(user)
    if not user.is_active:
        raise ApplicationError(gettext("This user is already deactivated"))
    _refuse_if_last_administrator(user, actor, gettext("deactivate this account"))
    user.is_active = False
    user.save(update_fields=["is_active"])
    now = timezone.now()
    revoked = ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=now)
    Invitation.objects.filter(user=user, used_at__isnull=True, voided_at__isnull=True).update(voided_at=now)
    sessions = _end_sessions_of(user)
    audit_record(
        action=AuditAction.UPDATE,
        actor=actor,
        request=request,
        obj=user,
        changed_fields=["is_active"],
        note=f"Deactivated: {sessions} session(s) ended, {revoked} API token(s) revoked",
    )
    return user


@transaction.atomic
def user_reactivate(*, user: User, actor: User | None = None, request: Any = None) -> User:
    """Sign-in works again with the same password; revoked API tokens stay revoked."""
    user = _locked(user)
    if user.is_active:
        raise ApplicationError(gettext("This user is already active"))
    user.is_active = True
    user.save(update_fields=["is_active"])
    audit_record(
        action=AuditAction.UPDATE,
        actor=actor,
        request=request,
        obj=user,
        changed_fields=["is_active"],
        note="Reactivated",
    )
    return user


@transaction.atomic
def user_unlock(*, user: User, actor: User | None = None, request: Any = None) -> int:
    """Clear the failed sign-in attempts that locked the account (django-axes). Returns how many."""
    cleared = axes_reset(username=user.username)
    audit_record(
        action=AuditAction.UPDATE,
        actor=actor,
        request=request,
        obj=user,
        note=f"Unlocked: {cleared} failed sign-in record(s) cleared",
    )
    return cleared


@transaction.atomic
def user_two_factor_reset(*, user: User, actor: User | None = None, request: Any = None) -> int:
    """Remove the user's authenticator apps: they set up a new one at their next sign-in."""
    removed, _ = TOTPDevice.objects.filter(user=user).delete()
    audit_record(
        action=AuditAction.TWO_FACTOR,
        actor=actor,
        request=request,
        obj=user,
        note=f"Two-factor sign-in reset: {removed} authenticator app(s) removed",
    )
    return removed


# --- Organisation settings ------------------------------------------------------------------------

SETTINGS_FIELDS = (
    "lead",
    "deputy",
    "mash_phone",
    "mash_email",
    "adult_safeguarding_phone",
    "adult_safeguarding_email",
    "first_responder_name",
    "first_responder_role",
    "first_responder_organisation",
    "first_responder_phone",
    "first_responder_email",
    "figures_threshold_internal",
    "figures_threshold_councillors",
    "figures_threshold_public",
    "figures_rounded_for_public",
    "records_began_on",
    "welsh_language_service",
)


_THRESHOLDS = ("figures_threshold_internal", "figures_threshold_councillors", "figures_threshold_public")


def _check_thresholds(chosen: dict[str, Any]) -> None:
    """Each between 0 and HIGHEST_THRESHOLD, and a wider audience never sees more than a narrower one."""
    for name in _THRESHOLDS:
        value = chosen[name]
        if not isinstance(value, int) or not 0 <= value <= HIGHEST_THRESHOLD:
            raise ApplicationError(
                gettext("The threshold must be a whole number from 0 to %(most)s") % {"most": HIGHEST_THRESHOLD},
                field=name,
            )
    if chosen["figures_threshold_councillors"] < chosen["figures_threshold_internal"]:
        raise ApplicationError(
            gettext("The threshold for councillors must be at least the one for staff who see every case"),
            field="figures_threshold_councillors",
        )
    if chosen["figures_threshold_public"] < chosen["figures_threshold_councillors"]:
        raise ApplicationError(
            gettext("The threshold for the public must be at least the one for councillors"),
            field="figures_threshold_public",
        )


def organisation_settings_of(organisation: Organisation) -> OrganisationSettings:
    settings_row, _ = OrganisationSettings.objects.get_or_create(organisation=organisation)
    return settings_row


@transaction.atomic
def organisation_settings_update(
    *, organisation: Organisation, values: dict[str, Any], actor: User, request: Any = None
) -> OrganisationSettings:
    """Save the settings; the audit entry names every field that changed. The same values change nothing."""
    unknown = set(values) - set(SETTINGS_FIELDS)
    if unknown:
        raise ApplicationError(f"No such setting: {', '.join(sorted(unknown))}")
    for field in ("lead", "deputy"):
        person = values.get(field)
        if person is not None and (person.organisation_id != organisation.pk or not person.is_active):
            raise ApplicationError(gettext("Choose an active user of your organisation"), field=field)
    if values.get("lead") is not None and values.get("lead") == values.get("deputy"):
        raise ApplicationError(gettext("The deputy must be someone other than the lead"), field="deputy")
    organisation_settings_of(organisation)
    row = OrganisationSettings.objects.select_for_update().get(organisation=organisation)
    _check_thresholds({name: values.get(name, getattr(row, name)) for name in _THRESHOLDS})
    record_update_fields(
        row, values, actor=actor, request=request, note="Organisation settings changed", organisation_id=organisation.pk
    )
    return row


def user_language_set(*, user: User, language: str) -> None:
    """Remember the language the person chose (issue 21). Not audited: it changes only how their own
    pages read, like marking their notifications read."""
    if language not in dict(settings.LANGUAGES):
        raise ApplicationError(f"No such language: {language}")
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])


def notify(*, user: User, subject: str, body: str = "", url: str = "", key: str) -> Notification | None:
    """Tell `user` once per `key`: a notification in their list and, when they have an email address,
    the same by email once the caller's transaction commits. None when nobody new was told: the key
    was used before, or the user has left (an inactive account reads nothing)."""
    if not user.is_active:
        return None
    notification, created = Notification.objects.get_or_create(
        user=user, key=key[:200], defaults={"subject": subject[:200], "body": body, "url": url[:300]}
    )
    if not created:
        return None
    if user.email:
        transaction.on_commit(lambda: _email_notification(notification), robust=True)
    return notification


def _email_notification(notification: Notification) -> None:
    link = f"\n\n{settings.TACKLE_BASE_URL}{notification.url}" if notification.url else ""
    send_mail(
        subject=notification.subject,
        message=f"{notification.body}{link}\n",
        from_email=None,
        recipient_list=[notification.user.email],
    )
    Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())


def notifications_mark_read(*, user: User, notification: Notification | None = None) -> int:
    """Mark one of the user's notifications read, or all of them. Not audited: the user's own list
    holds nothing of anyone else, and what it told them is kept as it was."""
    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    if notification is not None:
        unread = unread.filter(pk=notification.pk)
    return unread.update(read_at=timezone.now())
