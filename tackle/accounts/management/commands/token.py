from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from tackle.accounts.models import User
from tackle.accounts.services import api_token_create
from tackle.core.errors import ApplicationError


class Command(BaseCommand):
    help = "API tokens for scripts. `tackle token create USERNAME` prints a new token."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["create"])
        parser.add_argument("username")
        parser.add_argument("--name", default="", help="What the token is for (default: a dated name)")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"], is_active=True).first()
        if user is None:
            raise CommandError(f"No active user called {options['username']!r}")
        name = options["name"] or f"Command line {timezone.now():%Y-%m-%d %H:%M:%S}"
        try:
            _, raw = api_token_create(user=user, name=name)
        except ApplicationError as error:
            raise CommandError(error.message) from None
        self.stdout.write(raw)
