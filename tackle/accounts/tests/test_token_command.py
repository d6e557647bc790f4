import pytest
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from tackle.accounts.models import ApiToken
from tackle.accounts.tests.signing_in import two_factor_set_up


def test_token_create_prints_a_working_token(lead_a, capsys):
    two_factor_set_up(lead_a)
    call_command("token", "create", lead_a.username)
    raw = capsys.readouterr().out.strip()
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert client.get("/api/v1/me").json()["username"] == lead_a.username
    token = ApiToken.objects.get(user=lead_a)
    assert (token.scope, token.modules) == ("read", [])


def test_token_create_takes_scope_modules_and_days(lead_a, capsys):
    two_factor_set_up(lead_a)
    call_command("token", "create", lead_a.username, "--scope", "write", "--module", "cases", "--days", "7")
    token = ApiToken.objects.get(user=lead_a)
    assert (token.scope, token.modules) == ("write", ["cases"])
    assert (token.expires_at - token.created_at).days in (7, 8)  # to the end of the seventh day


def test_token_create_refuses_a_user_without_two_factor(lead_a):
    with pytest.raises(CommandError, match="Set up two-factor sign-in"):
        call_command("token", "create", lead_a.username)
    assert not ApiToken.objects.exists()


def test_token_create_refuses_more_than_a_year(lead_a):
    two_factor_set_up(lead_a)
    with pytest.raises(CommandError, match="within a year"):
        call_command("token", "create", lead_a.username, "--days", "400")


def test_token_create_for_an_unknown_user_fails_clearly(db):
    with pytest.raises(CommandError, match="No active user called 'nobody'") as refused:
        call_command("token", "create", "nobody")
    assert refused.value.returncode == 2  # a person's input: one line, exit status 2
