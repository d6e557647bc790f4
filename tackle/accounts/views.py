import base64

import segno
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from tackle.accounts.forms import ApiTokenCreateForm, SignInForm, TwoFactorCodeForm
from tackle.accounts.http import AuthenticatedRequest
from tackle.accounts.selectors import api_tokens_of, users_visible_to
from tackle.accounts.services import api_token_create, api_token_revoke
from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.core.errors import ApplicationError
from tackle.core.forms import add_application_error
from tackle.core.permissions import get_visible_or_404, require_module
from tackle.core.roles import Module


class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    pass


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
            messages.success(request, "Two-factor sign-in is set up")
            return redirect(_safe_next(request))
        form.add_error("code", "The code is not right. Check the time on your phone and try the newest code")
    secret = base64.b32encode(device.bin_key).decode()
    qr_svg = segno.make(device.config_url, error="m").svg_inline(scale=4, title="QR code for your authenticator app")
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
        form.add_error("code", "The code is not right. Try the newest code from your app")
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": _safe_next(request)})


@login_required
def token_list(request: AuthenticatedRequest) -> HttpResponse:
    require_module(request.user, Module.API_TOKENS)
    form = ApiTokenCreateForm(request.POST if request.method == "POST" else None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        try:
            _, new_token = api_token_create(user=request.user, name=form.cleaned_data["name"], request=request)
            form = ApiTokenCreateForm()
        except ApplicationError as error:
            add_application_error(form, error)
    tokens = api_tokens_of(request.user)
    return render(request, "accounts/token_list.html", {"form": form, "tokens": tokens, "new_token": new_token})


@login_required
@require_POST
def token_revoke(request: AuthenticatedRequest, token_uuid: str) -> HttpResponse:
    require_module(request.user, Module.API_TOKENS)
    token = get_visible_or_404(api_tokens_of(request.user), uuid=token_uuid)
    try:
        api_token_revoke(token=token, actor=request.user, request=request)
        messages.success(request, f"Token '{token.name}' was revoked")
    except ApplicationError as error:
        messages.error(request, error.message)
    return redirect("accounts:token-list")


@login_required
def user_list(request: AuthenticatedRequest) -> HttpResponse:
    require_module(request.user, Module.USERS)
    users = users_visible_to(request.user).order_by("last_name", "username")
    confirmed = set(TOTPDevice.objects.filter(user__in=users, confirmed=True).values_list("user_id", flat=True))
    audit_record(action=AuditAction.LIST, request=request, object_type="accounts.user", note="User list viewed")
    return render(request, "accounts/user_list.html", {"users": users, "confirmed": confirmed})
