"""createsuperuser --noinput applies the password rules (issue 15, defect 14)."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tackle.accounts.models import User


@pytest.mark.django_db
def test_a_weak_password_is_refused_without_a_prompt(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "123")
    with pytest.raises(CommandError, match="too short"):
        call_command("createsuperuser", "--noinput", "--username", "root", "--email", "root@example.org")
    assert not User.objects.filter(username="root").exists()


@pytest.mark.django_db
def test_a_strong_password_still_creates_the_superuser(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a long passphrase of words")
    call_command("createsuperuser", "--noinput", "--username", "root", "--email", "root@example.org", verbosity=0)
    assert User.objects.get(username="root").is_superuser
