import json

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client

from tackle.accounts.models import User
from tackle.core.roles import Role


def test_create_prints_a_link_that_sets_the_password(council_a, capsys):
    call_command(
        "users",
        "create",
        "jsmith",
        "--role",
        "councillor",
        "--organisation",
        council_a.code,
        "--email",
        "j@example.gov.uk",
    )
    link = capsys.readouterr().out.strip()
    assert "/account/invitation/" in link and link in mail.outbox[0].body
    user = User.objects.get(username="jsmith")
    assert user.role == Role.COUNCILLOR and user.organisation == council_a
    client = Client()
    assert client.get(link.removeprefix("http://127.0.0.1:8000")).status_code == 302


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--role", "boss", "--organisation", "E09000001"], "No role 'boss'"),
        (["--role", "councillor", "--organisation", "NOPE"], "No organisation with the code 'NOPE'"),
    ],
)
def test_create_with_a_bad_role_or_organisation_fails_clearly(council_a, arguments, message):
    with pytest.raises(CommandError, match=message) as refused:
        call_command("users", "create", "jsmith", *arguments, "--email", "j@example.gov.uk")
    assert refused.value.returncode == 2  # a person's input: one line, exit status 2
    assert not User.objects.filter(username="jsmith").exists()


def test_create_with_a_taken_username_fails_clearly(council_a, lead_a):
    with pytest.raises(CommandError, match="A user with this username already exists"):
        call_command(
            "users",
            "create",
            lead_a.username,
            "--role",
            "councillor",
            "--organisation",
            council_a.code,
            "--email",
            "x@example.gov.uk",
        )


def test_deactivate_signs_the_user_out(client_for, frontline_a, capsys):
    client = client_for(frontline_a)
    call_command("users", "deactivate", frontline_a.username)
    assert "deactivated" in capsys.readouterr().out
    frontline_a.refresh_from_db()
    assert not frontline_a.is_active and client.get("/").status_code == 302


def test_deactivate_an_unknown_user_fails_clearly(db):
    with pytest.raises(CommandError, match="No user called 'nobody'") as refused:
        call_command("users", "deactivate", "nobody")
    assert refused.value.returncode == 2


def test_deactivate_the_last_administrator_fails_clearly(admin_a):
    with pytest.raises(CommandError, match="last active administrator"):
        call_command("users", "deactivate", admin_a.username)


def test_list_as_json(lead_a, frontline_a, lead_b, capsys):
    call_command("users", "list", "--organisation", lead_a.organisation.code, "--json")
    rows = json.loads(capsys.readouterr().out)
    assert {row["username"] for row in rows} == {lead_a.username, frontline_a.username}
    assert set(rows[0]) >= {"username", "email", "role", "is_active", "last_login"}


def test_list_an_unknown_organisation_fails_clearly(db):
    with pytest.raises(CommandError, match="No organisation with the code 'NOPE'") as refused:
        call_command("users", "list", "--organisation", "NOPE")
    assert refused.value.returncode == 2
