"""Creating an API token: only after two-factor sign-in, read only and 90 days unless chosen
otherwise, never past a year, never for a module the owner's role does not use; audited."""

from datetime import timedelta

import pytest

from tackle.accounts.models import ApiToken
from tackle.accounts.services import api_token_create, api_token_revoke
from tackle.accounts.tests.signing_in import two_factor_set_up
from tackle.audit.models import AuditAction, AuditEvent
from tackle.core.errors import ApplicationError
from tackle.core.periods import end_of_day, today_in_london


def test_a_user_without_two_factor_cannot_create_a_token(frontline_a):
    with pytest.raises(ApplicationError, match="Set up two-factor sign-in"):
        api_token_create(user=frontline_a, name="script")
    assert not ApiToken.objects.exists()


def test_a_demo_user_in_demo_mode_is_exempt_as_from_two_factor(settings, frontline_a):
    settings.TACKLE_DEMO = True
    frontline_a.is_demo = True
    token, _ = api_token_create(user=frontline_a, name="script")
    assert token.pk


def test_a_new_token_reads_only_every_module_for_90_days_and_is_audited(frontline_a):
    two_factor_set_up(frontline_a)
    token, raw = api_token_create(user=frontline_a, name="script")
    assert (token.scope, token.modules) == ("read", [])
    assert token.expires_at == end_of_day(today_in_london() + timedelta(days=90))
    assert raw.startswith("tk_") and token.key_hash != raw
    event = AuditEvent.objects.get(object_id=str(token.uuid), action=AuditAction.CREATE)
    assert event.changed_fields == ["expires_at", "modules", "name", "scope"]


def test_scope_modules_and_expiry_are_kept_as_chosen(lead_a):
    two_factor_set_up(lead_a)
    expires_on = today_in_london() + timedelta(days=365)
    token, _ = api_token_create(
        user=lead_a, name="script", scope="write", modules=["reporting", "cases"], expires_on=expires_on
    )
    assert (token.scope, token.modules, token.expires_at) == ("write", ["cases", "reporting"], end_of_day(expires_on))


@pytest.mark.parametrize(
    ("days", "message"), [(0, "must be in the future"), (-3, "must be in the future"), (366, "within a year")]
)
def test_an_expiry_today_in_the_past_or_past_a_year_is_refused(lead_a, days, message):
    two_factor_set_up(lead_a)
    with pytest.raises(ApplicationError, match=message) as error:
        api_token_create(user=lead_a, name="script", expires_on=today_in_london() + timedelta(days=days))
    assert error.value.field == "expires_on"


def test_a_module_the_owners_role_does_not_use_is_refused(frontline_a):
    two_factor_set_up(frontline_a)
    with pytest.raises(ApplicationError, match="your role can use") as error:
        api_token_create(user=frontline_a, name="script", modules=["audit"])
    assert error.value.field == "modules"


def test_an_unknown_scope_is_refused(lead_a):
    two_factor_set_up(lead_a)
    with pytest.raises(ApplicationError) as error:
        api_token_create(user=lead_a, name="script", scope="admin")
    assert error.value.field == "scope"


def test_a_name_may_be_reused_once_the_old_token_is_revoked(lead_a):
    two_factor_set_up(lead_a)
    old, _ = api_token_create(user=lead_a, name="script")
    with pytest.raises(ApplicationError, match="already have a token with this name"):
        api_token_create(user=lead_a, name="script")
    api_token_revoke(token=old, actor=lead_a)
    assert api_token_create(user=lead_a, name="script")[0].pk != old.pk
