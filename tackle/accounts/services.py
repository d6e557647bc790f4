"""Changes to accounts. Each writes its audit event in the same transaction."""

from typing import Any

from django.db import transaction
from django.utils import timezone

from tackle.accounts.models import ApiToken, Organisation, User, hash_token
from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.core.errors import ApplicationError
from tackle.core.roles import Role


@transaction.atomic
def api_token_create(*, user: User, name: str, request: Any = None) -> tuple[ApiToken, str]:
    """Returns the token and its raw value, which is shown once and never stored."""
    name = name.strip()
    if not name:
        raise ApplicationError("Enter a name for the token", field="name")
    if user.api_tokens.filter(revoked_at__isnull=True, name=name).exists():
        raise ApplicationError("You already have a token with this name", field="name")
    raw = ApiToken.generate_raw()
    token = ApiToken.objects.create(user=user, name=name[:100], key_hash=hash_token(raw), prefix=raw[3:9])
    audit_record(action=AuditAction.CREATE, actor=user, request=request, obj=token, note="API token created")
    return token, raw


@transaction.atomic
def api_token_revoke(*, token: ApiToken, actor: User, request: Any = None) -> ApiToken:
    if token.revoked_at is not None:
        raise ApplicationError("This token was already revoked")
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
        raise ApplicationError("Choose a role from the list", field="role")
    if User.objects.filter(username__iexact=username).exists():
        raise ApplicationError("A user with this username already exists", field="username")
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
