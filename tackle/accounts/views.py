import base64
import uuid
from datetime import timedelta
from typing import Any

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from tackle.accounts.door import open_for_user, open_page_for_user
from tackle.accounts.exports import list_download, list_download_links
from tackle.accounts.forms import (
    ApiTokenCreateForm,
    ConfirmForm,
    DeactivateConfirmForm,
    InvitationPasswordForm,
    OrganisationSettingsForm,
    SignInForm,
    TokenRevokeConfirmForm,
    TwoFactorCodeForm,
    UserInviteForm,
    UserRoleForm,
    WebhookEndpointForm,
    WebhookRevokeConfirmForm,
    WebhookRotateConfirmForm,
)
from tackle.accounts.http import AuthenticatedRequest
from tackle.accounts.middleware import set_language_cookie, welsh_offered
from tackle.accounts.models import User
from tackle.accounts.selectors import (
    api_tokens_of,
    failed_sign_ins_of,
    notifications_visible_to,
    organisation_api_tokens_visible_to,
    organisation_settings_visible_to,
    pending_invitation_of,
    users_visible_to,
    webhook_deliveries_of,
    webhook_endpoints_visible_to,
)
from tackle.accounts.services import (
    SETTINGS_FIELDS,
    TOKEN_DAYS_DEFAULT,
    api_token_create,
    api_token_revoke,
    invitation_accept,
    invitation_for_token,
    invitation_issue,
    notifications_mark_read,
    organisation_settings_of,
    organisation_settings_update,
    token_module_choices,
    user_change_role,
    user_deactivate,
    user_invite,
    user_language_set,
    user_reactivate,
    user_two_factor_reset,
    user_unlock,
)
from tackle.accounts.webhooks import (
    delivery_send_again,
    endpoint_register,
    endpoint_revoke,
    endpoint_rotate_secret,
    endpoint_update,
)
from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.core import access
from tackle.core.access import Action
from tackle.core.errors import ApplicationError
from tackle.core.exports import Column
from tackle.core.form_page import form_page
from tackle.core.forms import add_application_error
from tackle.core.periods import today_in_london
from tackle.core.permissions import require_module
from tackle.core.roles import Module, Role


class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        if settings.TACKLE_SSO_ENABLED:
            context["sso_provider"] = settings.TACKLE_SSO_PROVIDER_NAME
        return context


class SignOutView(auth_views.LogoutView):
    pass


def choose_language(request: HttpRequest, code: str) -> HttpResponse:
    """The header's language switch (issue 21): for this browser, and on the account of a signed-in
    person so that it follows them. A link, as in the GOV.UK pattern: choosing changes nothing but
    how the chooser's own pages read. Back to `next` when it is an address on this site."""
    if code not in dict(settings.LANGUAGES) or (code != settings.LANGUAGE_CODE and not welsh_offered(request)):
        raise Http404("No such language here.")
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = resolve_url(settings.LOGIN_REDIRECT_URL)
    if request.user.is_authenticated:
        user_language_set(user=request.user, language=code)  # type: ignore[arg-type]
    response = redirect(target)
    set_language_cookie(response, code)
    return response


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/"
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return "/"


@login_required
def two_factor_setup(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return redirect("accounts:two-factor-verify")
    device, _ = TOTPDevice.objects.get_or_create(user=user, confirmed=False, defaults={"name": "Authenticator app"})
    form = TwoFactorCodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            audit_record(action=AuditAction.TWO_FACTOR, request=request, note="Authenticator app set up")
            messages.success(request, gettext("Two-factor sign-in is set up"))
            return redirect(_safe_next(request))
        form.add_error("code", gettext("The code is not right. Check the time on your phone and try the newest code"))
    secret = base64.b32encode(device.bin_key).decode()
    qr_svg = segno.make(device.config_url, error="m").svg_inline(
        scale=4, title=gettext("QR code for your authenticator app")
    )
    return render(
        request,
        "accounts/two_factor_setup.html",
        {"form": form, "secret": secret, "qr_svg": qr_svg, "next": _safe_next(request)},
    )


@login_required
def two_factor_verify(request: AuthenticatedRequest) -> HttpResponse:
    form = TwoFactorCodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            audit_record(action=AuditAction.TWO_FACTOR, request=request, note="Second factor accepted")
            return redirect(_safe_next(request))
        audit_record(action=AuditAction.SIGN_IN_FAILED, request=request, note="Wrong two-factor code")
        form.add_error("code", gettext("The code is not right. Try the newest code from your app"))
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": _safe_next(request)})


@login_required
def token_list(request: AuthenticatedRequest) -> HttpResponse:
    require_module(request.user, Module.API_TOKENS)
    if not request.user.may_hold_api_tokens():
        # A token skips two-factor sign-in, so only someone who has set it up may hold one.
        messages.info(request, gettext("Set up two-factor sign-in before you create an API token"))
        return redirect(f"{reverse('accounts:two-factor-setup')}?next={reverse('accounts:token-list')}")

    def blank_form(data: Any = None) -> ApiTokenCreateForm:
        default_expiry = today_in_london() + timedelta(days=TOKEN_DAYS_DEFAULT)
        return ApiTokenCreateForm(data, modules=token_module_choices(request.user), expires_on=default_expiry)

    form = blank_form(request.POST if request.method == "POST" else None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        try:
            _, new_token = api_token_create(user=request.user, request=request, **form.cleaned_data)
            form = blank_form()
        except ApplicationError as error:
            add_application_error(form, error)
    tokens = api_tokens_of(request.user)
    return render(request, "accounts/token_list.html", {"form": form, "tokens": tokens, "new_token": new_token})


@login_required
def token_revoke(request: AuthenticatedRequest, token_uuid: str) -> HttpResponse:
    """Check before revoking one's own token (issue 18); only the page's own form revokes."""
    require_module(request.user, Module.API_TOKENS)
    visible = api_tokens_of(request.user)
    token = open_for_user(request.user, visible, resource=access.API_TOKENS, action=Action.CHANGE, uuid=token_uuid)
    return _token_revoke_page(
        request,
        token,
        back=reverse("accounts:token-list"),
        success=gettext("Token '%(name)s' was revoked") % {"name": token.name},
    )


@login_required
def organisation_token_list(request: AuthenticatedRequest) -> HttpResponse:
    """The administrator's list of every token in the organisation, each revocable."""
    open_page_for_user(
        request.user, resource=access.ORGANISATION_API_TOKENS, request=request, object_type="accounts.apitoken"
    )
    visible = organisation_api_tokens_visible_to(request.user)
    tokens = visible.order_by("user__last_name", "user__username", "-created_at")
    return render(request, "accounts/organisation_token_list.html", {"tokens": tokens})


@login_required
def organisation_token_revoke(request: AuthenticatedRequest, token_uuid: str) -> HttpResponse:
    """Check before an administrator revokes a colleague's token (issue 18)."""
    token = open_for_user(
        request.user,
        organisation_api_tokens_visible_to(request.user),
        resource=access.ORGANISATION_API_TOKENS,
        action=Action.CHANGE,
        uuid=token_uuid,
    )
    return _token_revoke_page(
        request,
        token,
        back=reverse("accounts:organisation-token-list"),
        success=gettext("%(owner)s's token '%(name)s' was revoked")
        % {"owner": token.user.display_name, "name": token.name},
    )


def _token_revoke_page(request: AuthenticatedRequest, token: Any, *, back: str, success: str) -> HttpResponse:
    """Whose token, what it may do and until when, above the warning; any POST that is not the page's
    own form shows the page again and revokes nothing."""
    return form_page(
        request,
        TokenRevokeConfirmForm(request.POST if request.method == "POST" else None),
        lambda _: api_token_revoke(token=token, actor=request.user, request=request),
        title=gettext("Revoke this API token"),
        caption=token.name,
        back=back,
        success=success,
        button=gettext("Revoke token"),
        warning=gettext(
            "You cannot undo this. The token stops working at once; a script that uses it needs a new token."
        ),
        template="accounts/token_revoke.html",
        context={"token": token},
    )


@login_required
def user_list(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    require_module(request.user, Module.USERS)
    users = users_visible_to(request.user).order_by("last_name", "username")
    confirmed = set(TOTPDevice.objects.filter(user__in=users, confirmed=True).values_list("user_id", flat=True))
    columns = (
        Column("Name", lambda u: u.display_name),
        Column("Username", lambda u: u.username),
        Column("Role", lambda u: u.get_role_display()),
        Column("Two-factor", lambda u: "Set up" if u.pk in confirmed else "Not set up"),
        Column("Last sign-in", lambda u: u.last_login),
        Column("Status", lambda u: "Active" if u.is_active else "Deactivated"),
    )
    download = list_download(request, users, resource=access.USERS, columns=columns, name="users", title="Users")
    if download is not None:
        return download
    audit_record(action=AuditAction.LIST, request=request, object_type="accounts.user", note="User list viewed")
    may_invite = access.allows(request.user.role, access.USERS, Action.RECORD)
    context = {
        "users": users,
        "confirmed": confirmed,
        "may_invite": may_invite,
        "downloads": list_download_links(request, access.USERS),
    }
    return render(request, "accounts/user_list.html", context)


# --- The team: the administrator's pages for one user --------------------------------------------


def _open_user(request: AuthenticatedRequest, user_uuid: str, action: Action = Action.CHANGE) -> User:
    """Another organisation's user does not exist (404); a role without the users module gets 403."""
    return open_for_user(
        request.user,
        users_visible_to(request.user),
        resource=access.USERS,
        action=action,
        request=request,
        uuid=user_uuid,
    )


@login_required
def invite_user(request: AuthenticatedRequest) -> HttpResponse:
    require_module(request.user, Module.USERS)
    organisation = request.user.organisation
    if organisation is None or not access.allows(request.user.role, access.USERS, Action.RECORD):
        raise PermissionDenied("Your role cannot add users.")
    form = UserInviteForm(request.POST if request.method == "POST" else None)

    def save(data: dict[str, Any]) -> User:
        user, _ = user_invite(organisation=organisation, actor=request.user, request=request, **data)
        return user

    return form_page(
        request,
        form,
        save,
        title=gettext("Invite a user"),
        back=reverse("accounts:user-list"),
        success=ngettext(
            "Invitation sent. The link works once and expires in %(days)d day.",
            "Invitation sent. The link works once and expires in %(days)d days.",
            settings.TACKLE_INVITATION_DAYS,
        )
        % {"days": settings.TACKLE_INVITATION_DAYS},
        next_url=lambda user: reverse("accounts:user-detail", args=[user.uuid]),
        button=gettext("Send invitation"),
        intro=gettext("They get an email with a link to set their password for %(organisation)s.")
        % {"organisation": request.user.organisation},
    )


@login_required
def user_detail(request: AuthenticatedRequest, user_uuid: str) -> HttpResponse:
    person = _open_user(request, user_uuid, Action.VIEW)
    context = {
        "person": person,
        "has_two_factor": TOTPDevice.objects.filter(user=person).exists(),
        "failed_sign_ins": failed_sign_ins_of(person),
        "pending_invitation": pending_invitation_of(person),
        "is_self": person.pk == request.user.pk,
    }
    return render(request, "accounts/user_detail.html", context)


@login_required
def user_role(request: AuthenticatedRequest, user_uuid: str) -> HttpResponse:
    person = _open_user(request, user_uuid)
    form = UserRoleForm(request.POST if request.method == "POST" else None, initial={"role": person.role})
    back = reverse("accounts:user-detail", args=[person.uuid])
    return form_page(
        request,
        form,
        lambda data: user_change_role(user=person, role=data["role"], actor=request.user, request=request),
        title=gettext("Change role"),
        caption=person.display_name,
        back=back,
        success=gettext("%(name)s's role was changed") % {"name": person.display_name},
    )


def _confirm_page(
    request: AuthenticatedRequest, person: User, do: Any, *, title: str, button: str, success: str, warning: str
) -> HttpResponse:
    return form_page(
        request,
        ConfirmForm(request.POST if request.method == "POST" else None),
        lambda _: do(user=person, actor=request.user, request=request),
        title=title,
        caption=person.display_name,
        back=reverse("accounts:user-detail", args=[person.uuid]),
        success=success,
        button=button,
        warning=warning,
    )


@login_required
def user_deactivate_confirm(request: AuthenticatedRequest, user_uuid: str) -> HttpResponse:
    """Check before deactivating (issue 18): what will happen, in a summary list, then the button."""
    person = _open_user(request, user_uuid)
    tokens = api_tokens_of(person).filter(revoked_at__isnull=True).count()
    return form_page(
        request,
        DeactivateConfirmForm(request.POST if request.method == "POST" else None),
        lambda _: user_deactivate(user=person, actor=request.user, request=request),
        title=gettext("Deactivate this user"),
        caption=person.display_name,
        back=reverse("accounts:user-detail", args=[person.uuid]),
        success=gettext("%(name)s was deactivated and signed out") % {"name": person.display_name},
        button=gettext("Deactivate user"),
        warning=gettext(
            "%(name)s will be signed out at once and their API tokens will stop working. "
            "What they recorded stays in Tackle."
        )
        % {"name": person.display_name},
        template="accounts/user_deactivate.html",
        context={"person": person, "tokens": tokens},
    )


@login_required
def user_two_factor_reset_confirm(request: AuthenticatedRequest, user_uuid: str) -> HttpResponse:
    person = _open_user(request, user_uuid)
    return _confirm_page(
        request,
        person,
        user_two_factor_reset,
        title=gettext("Reset two-factor sign-in"),
        button=gettext("Reset two-factor sign-in"),
        success=gettext("%(name)s's two-factor sign-in was reset") % {"name": person.display_name},
        warning=gettext(
            "Their authenticator app will stop working for Tackle. They set up a new one when they next sign in."
        ),
    )


_ONE_STEP_CHANGES = {
    "reactivate": (user_reactivate, "{name} was reactivated"),
    "unlock": (user_unlock, "{name}'s account was unlocked"),
    "invitation": (invitation_issue, "A new invitation link was sent to {name}"),
}


@login_required
@require_POST
def user_change(request: AuthenticatedRequest, user_uuid: str, change: str) -> HttpResponse:
    """Changes that undo nothing, made from a button on the user's page without a confirmation page."""
    person = _open_user(request, user_uuid)
    do, success = _ONE_STEP_CHANGES[change]
    try:
        do(user=person, actor=request.user, request=request)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success.format(name=person.display_name))
    return redirect("accounts:user-detail", user_uuid=person.uuid)


# --- Invitations: the invited person sets a password ---------------------------------------------

_INVITATION_SESSION_KEY = "invitation_token"


def invitation_open(request: HttpRequest, token: str) -> HttpResponse:
    """Keep the token in the session and drop it from the address, so it is not left in the
    browser's history or sent on in a Referer header."""
    if invitation_for_token(token) is None:
        return render(request, "accounts/invitation_invalid.html", status=410)
    request.session[_INVITATION_SESSION_KEY] = token
    return redirect("accounts:invitation-accept")


def invitation_accept_view(request: HttpRequest) -> HttpResponse:
    token = request.session.get(_INVITATION_SESSION_KEY, "")
    invitation = invitation_for_token(token) if token else None
    if invitation is None:
        return render(request, "accounts/invitation_invalid.html", status=410)
    form = InvitationPasswordForm(invitation.user, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            user = invitation_accept(
                invitation=invitation, password=form.cleaned_data["new_password1"], request=request
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            if request.user.is_authenticated and request.user.pk != user.pk:
                logout(request)
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            request.session.pop(_INVITATION_SESSION_KEY, None)
            messages.success(request, gettext("Your password is set"))
            return redirect(settings.LOGIN_REDIRECT_URL)
    return render(request, "accounts/invitation_accept.html", {"form": form, "person": invitation.user})


# --- Organisation settings ------------------------------------------------------------------------


@login_required
def organisation_settings(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    if user.organisation is None:
        raise PermissionDenied("Your account is not in an organisation.")
    organisation_settings_of(user.organisation)
    row = open_for_user(
        user,
        organisation_settings_visible_to(user),
        resource=access.ORGANISATION_SETTINGS,
        action=Action.CHANGE,
        organisation_id=user.organisation_id,
    )
    people = users_visible_to(user).filter(is_active=True).order_by("last_name", "first_name")
    initial = {field: getattr(row, field) for field in SETTINGS_FIELDS}
    form = OrganisationSettingsForm(request.POST if request.method == "POST" else None, initial=initial, people=people)
    if request.method == "POST" and form.is_valid():
        try:
            organisation_settings_update(
                organisation=user.organisation, values=form.cleaned_data, actor=user, request=request
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, gettext("Organisation settings saved"))
            return redirect("accounts:organisation-settings")
    return render(
        request, "accounts/organisation_settings.html", {"form": form, "is_lead": user.role == Role.MODERN_SLAVERY_LEAD}
    )


@login_required
def notification_list(request: AuthenticatedRequest) -> HttpResponse:
    """The user's own notifications, newest first; a POST marks one read, or all of them."""
    open_page_for_user(request.user, resource=access.NOTIFICATIONS, object_type="notifications")
    visible = notifications_visible_to(request.user)
    if request.method == "POST":
        open_page_for_user(request.user, resource=access.NOTIFICATIONS, action=Action.CHANGE, object_type="")
        chosen = request.POST.get("notification")
        notification = None
        if chosen:
            notification = open_for_user(
                request.user, visible, resource=access.NOTIFICATIONS, action=Action.CHANGE, uuid=chosen
            )
        notifications_mark_read(user=request.user, notification=notification)
        return redirect("accounts:notification-list")
    return render(request, "accounts/notification_list.html", {"notifications": visible[:200]})


# --- Webhooks (issue 19, item 5): the administrator's endpoints and their delivery log ------------


@login_required
def webhook_list(request: AuthenticatedRequest) -> HttpResponse:
    """The organisation's endpoints, and the form to register one; a new endpoint's secret is shown
    on the page that answers the form, once."""
    open_page_for_user(request.user, resource=access.WEBHOOKS, request=request, object_type="accounts.webhookendpoint")
    posted = request.method == "POST"
    form = WebhookEndpointForm(request.POST if posted else None)
    new_endpoint = None
    if posted:
        open_page_for_user(
            request.user, resource=access.WEBHOOKS, action=Action.RECORD, object_type="accounts.webhookendpoint"
        )
        organisation = request.user.organisation
        assert organisation is not None  # the page opened: the user belongs to one
        if form.is_valid():
            try:
                new_endpoint = endpoint_register(
                    actor=request.user, organisation=organisation, request=request, **form.cleaned_data
                )
                form = WebhookEndpointForm()
            except ApplicationError as error:
                add_application_error(form, error)
    endpoints = webhook_endpoints_visible_to(request.user)
    context = {"form": form, "endpoints": endpoints, "new_endpoint": new_endpoint}
    return render(request, "accounts/webhook_list.html", context, status=400 if form.errors else 200)


def _open_endpoint(request: AuthenticatedRequest, webhook_uuid: str, action: Action = Action.VIEW) -> Any:
    visible = webhook_endpoints_visible_to(request.user)
    return open_for_user(
        request.user, visible, resource=access.WEBHOOKS, action=action, request=request, uuid=webhook_uuid
    )


@login_required
def webhook_deliveries(request: AuthenticatedRequest, webhook_uuid: str) -> HttpResponse:
    """What was sent to one endpoint, each attempt's answer, and what will be tried again when."""
    endpoint = _open_endpoint(request, webhook_uuid)
    deliveries = Paginator(webhook_deliveries_of(endpoint), 50).get_page(request.GET.get("page"))
    return render(request, "accounts/webhook_deliveries.html", {"endpoint": endpoint, "deliveries": deliveries})


@login_required
def webhook_edit(request: AuthenticatedRequest, webhook_uuid: str) -> HttpResponse:
    """A live endpoint's name, address or events corrected, as PATCH /api/v1/webhooks/<uuid> does;
    its secret stays. Revoking has its own page, since it cannot be undone."""
    endpoint = _open_endpoint(request, webhook_uuid, Action.CHANGE)
    recorded = {"name": endpoint.name, "url": endpoint.url, "events": endpoint.events}
    form = WebhookEndpointForm(request.POST if request.method == "POST" else None, initial=recorded)
    return form_page(
        request,
        form,
        lambda data: endpoint_update(actor=request.user, endpoint=endpoint, request=request, **data),
        title=gettext("Change this webhook endpoint"),
        caption=endpoint.name,
        back=reverse("accounts:webhook-list"),
        success=gettext("The endpoint '%(name)s' was changed")
        % {"name": str(form.data.get("name", "")).strip() or endpoint.name},
        intro=gettext(
            "Its secret stays the same. Deliveries waiting to be tried again go to the address you save here."
        ),
    )


@login_required
def webhook_revoke(request: AuthenticatedRequest, webhook_uuid: str) -> HttpResponse:
    """Check before an endpoint stops being told; only the page's own form revokes."""
    endpoint = _open_endpoint(request, webhook_uuid, Action.CHANGE)
    return form_page(
        request,
        WebhookRevokeConfirmForm(request.POST if request.method == "POST" else None),
        lambda _: endpoint_revoke(actor=request.user, endpoint=endpoint, request=request),
        title=gettext("Revoke this webhook endpoint"),
        caption=f"{endpoint.name}: {endpoint.url}",
        back=reverse("accounts:webhook-list"),
        success=gettext("The endpoint '%(name)s' was revoked") % {"name": endpoint.name},
        button=gettext("Revoke endpoint"),
        warning=gettext(
            "You cannot undo this. Nothing more is sent to this address, and deliveries waiting to be "
            "tried again are dropped; to be told again, register the address anew with a new secret."
        ),
    )


@login_required
def webhook_rotate(request: AuthenticatedRequest, webhook_uuid: str) -> HttpResponse:
    """Check, then a new secret for the endpoint, shown on the page that answers, once."""
    endpoint = _open_endpoint(request, webhook_uuid, Action.CHANGE)
    form = WebhookRotateConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            secret = endpoint_rotate_secret(actor=request.user, endpoint=endpoint, request=request)
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            return render(request, "accounts/webhook_secret.html", {"endpoint": endpoint, "secret": secret})
    return form_page(
        request,
        form,
        lambda _: None,  # never reached: a valid form is answered above
        title=gettext("Make a new secret for this webhook endpoint"),
        caption=f"{endpoint.name}: {endpoint.url}",
        back=reverse("accounts:webhook-list"),
        success="",
        button=gettext("Make a new secret"),
        warning=gettext(
            "The old secret stops working at once: every delivery from now on, including those waiting to be "
            "tried again, is signed with the new one. Give the new secret to the system at this address."
        ),
    )


@login_required
@require_POST
def webhook_send_again(request: AuthenticatedRequest, webhook_uuid: str) -> HttpResponse:
    """A button on each row of the delivery log: the chosen delivery's event sent again."""
    endpoint = _open_endpoint(request, webhook_uuid, Action.CHANGE)
    back = reverse("accounts:webhook-deliveries", args=[endpoint.uuid])
    chosen = _uuid_or_none(request.POST.get("delivery"))
    delivery = webhook_deliveries_of(endpoint).filter(uuid=chosen).first() if chosen else None
    if delivery is None:
        messages.error(request, gettext("Choose a delivery from the log to send again"))
        return redirect(back)
    try:
        delivery_send_again(actor=request.user, delivery=delivery, request=request)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, gettext("The delivery will be sent again shortly"))
    return redirect(back)


def _uuid_or_none(value: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None
