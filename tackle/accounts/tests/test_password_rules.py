"""The password rules (AUTH_PASSWORD_VALIDATORS: 12 characters, not common, not all numbers, not
like the username) on every path that sets a password (issue 15, build item 8): the invitation
link, a user created with a password, `tackle changepassword`, and `tackle createsuperuser` with and
without a prompt. `tackle users create` sets none: the person chooses one through the link."""

import getpass

import pytest
from django.core.management import CommandError, call_command

from tackle.accounts.models import Invitation, User
from tackle.accounts.services import invitation_accept, user_create, user_invite
from tackle.core.errors import ApplicationError
from tackle.core.roles import Role

WEAK = ("123", "password1234", "123456789012")
STRONG = "a long enough passphrase"


class _Terminal:
    """Standard input that says it is a terminal, as createsuperuser requires before prompting."""

    def isatty(self) -> bool:
        return True


def _answers(monkeypatch, passwords: list[str], typed: list[str] | None = None) -> list[str]:
    """What a person types at the prompts (the terminal lies outside the machine)."""
    asked: list[str] = []
    pending_passwords, pending_typed = iter(passwords), iter(typed or [])

    def typed_password(prompt: str = "") -> str:
        return next(pending_passwords)

    def typed_line(prompt: str = "") -> str:
        asked.append(prompt)
        return next(pending_typed)

    monkeypatch.setattr(getpass, "getpass", typed_password)
    monkeypatch.setattr("builtins.input", typed_line)
    return asked


@pytest.mark.parametrize("weak", WEAK)
def test_the_invitation_link_refuses_a_weak_password_even_without_the_form(admin_a, weak):
    user, _link = user_invite(
        organisation=admin_a.organisation, actor=admin_a, username="jsmith", email="j@example.gov.uk",
        role=Role.COUNCILLOR,
    )  # fmt: skip
    invitation = Invitation.objects.get(user=user)
    with pytest.raises(ApplicationError) as error:
        invitation_accept(invitation=invitation, password=weak)
    assert error.value.field == "new_password1"
    user.refresh_from_db()
    assert not user.has_usable_password()
    invitation.refresh_from_db()
    assert invitation.used_at is None  # the link still works for a better password
    invitation_accept(invitation=invitation, password=STRONG)


def test_a_password_like_the_username_is_refused(admin_a):
    with pytest.raises(ApplicationError, match="too similar") as error:
        user_create(
            organisation=admin_a.organisation, username="maximilian.jones", role=Role.COUNCILLOR,
            password="maximilian.jones1",
        )  # fmt: skip
    assert error.value.field == "password"
    assert not User.objects.filter(username="maximilian.jones").exists()


@pytest.mark.parametrize("weak", WEAK)
def test_a_user_created_with_a_password_gets_the_rules(council_a, weak):
    with pytest.raises(ApplicationError):
        user_create(organisation=council_a, username="someone", role=Role.COUNCILLOR, password=weak)
    assert not User.objects.filter(username="someone").exists()


def test_tackle_users_create_sets_no_password_to_get_round_the_rules(council_a, capsys):
    call_command("users", "create", "jsmith", "--role", "councillor", "--organisation", council_a.code,
                 "--email", "j@example.gov.uk")  # fmt: skip
    assert not User.objects.get(username="jsmith").has_usable_password()


def test_changepassword_refuses_weak_passwords(councillor_a, monkeypatch):
    _answers(monkeypatch, ["123", "123"] * 3)
    with pytest.raises(CommandError, match="Aborting password change"):
        call_command("changepassword", councillor_a.username, stdout=None)
    councillor_a.refresh_from_db()
    assert councillor_a.check_password("correct-horse-battery")


def test_changepassword_accepts_a_strong_one(councillor_a, monkeypatch):
    _answers(monkeypatch, [STRONG, STRONG])
    call_command("changepassword", councillor_a.username)
    councillor_a.refresh_from_db()
    assert councillor_a.check_password(STRONG)


def test_createsuperuser_at_the_prompt_never_lets_the_rules_be_bypassed(db, monkeypatch, capsys):
    # Django asks "Bypass password validation and create user anyway? [y/N]"; Tackle answers no
    # itself, so the person typing "y" is never asked and must choose a strong password.
    asked = _answers(monkeypatch, ["123", "123", STRONG, STRONG], typed=["y"])
    call_command("createsuperuser", "--username", "root", "--email", "root@example.org", stdin=_Terminal())
    assert not any("Bypass" in prompt for prompt in asked)
    assert "cannot be bypassed" in capsys.readouterr().err
    assert User.objects.get(username="root").check_password(STRONG)
