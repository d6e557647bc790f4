"""Django's createsuperuser, with the password rules applied on every path: on --noinput to
DJANGO_SUPERUSER_PASSWORD (which Django does not check), and at the prompt without Django's offer to
bypass them ("Bypass password validation and create user anyway?"), which Tackle always answers no."""

import builtins
import os
from typing import Any

from django.contrib.auth.management.commands import createsuperuser
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError

_BYPASS_PROMPT = "Bypass password validation"


class Command(createsuperuser.Command):
    def handle(self, *args: Any, **options: Any) -> None:
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD")
        if not options["interactive"] and password:
            try:
                validate_password(password)
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from None
        # Django's prompt calls input() by its module-level name: answer its bypass question here.
        createsuperuser.input = self._input  # type: ignore[attr-defined]
        try:
            super().handle(*args, **options)
        finally:
            del createsuperuser.input  # type: ignore[attr-defined]

    def _input(self, prompt: str = "") -> str:
        if prompt.startswith(_BYPASS_PROMPT):
            self.stderr.write("The password rules cannot be bypassed: choose another password.")
            return "n"
        return builtins.input(prompt)
