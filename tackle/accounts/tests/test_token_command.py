import pytest
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient


def test_token_create_prints_a_working_token(lead_a, capsys):
    call_command("token", "create", lead_a.username)
    raw = capsys.readouterr().out.strip()
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert client.get("/api/v1/me").json()["username"] == lead_a.username


def test_token_create_for_an_unknown_user_fails_clearly(db):
    with pytest.raises(CommandError, match="No active user called 'nobody'"):
        call_command("token", "create", "nobody")
