from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from tackle.accounts.models import TokenScope, User
from tackle.accounts.services import TOKEN_DAYS_DEFAULT, TOKEN_DAYS_MOST, api_token_create
from tackle.core.errors import ApplicationError
from tackle.core.periods import today_in_london
from tackle.core.roles import Module

# A person's input the command cannot use (an unknown name or code, a path it cannot write): one
# line and exit status 2, as every tackle command says it.
BAD_INPUT = 2


class Command(BaseCommand):
    help = (
        "API tokens for scripts. `tackle token create USERNAME` prints a new token of the user's, who must "
        "have set up two-factor sign-in. It reads only, every module their role uses, for 90 days, unless "
        "--scope write, --module and --days say otherwise."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["create"])
        parser.add_argument("username")
        parser.add_argument("--name", default="", help="What the token is for (default: a dated name)")
        parser.add_argument("--scope", choices=TokenScope.values, default=TokenScope.READ)
        parser.add_argument(
            "--module",
            dest="modules",
            action="append",
            choices=[module.value for module in Module],
            default=[],
            help="limit the token to this module (repeat for more); default: every module the role uses",
        )
        parser.add_argument(
            "--days", type=int, default=TOKEN_DAYS_DEFAULT, help=f"days until it expires (1 to {TOKEN_DAYS_MOST})"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"], is_active=True).first()
        if user is None:
            raise CommandError(f"No active user called {options['username']!r}", returncode=BAD_INPUT)
        name = options["name"] or f"Command line {timezone.now():%Y-%m-%d %H:%M:%S}"
        try:
            _, raw = api_token_create(
                user=user,
                name=name,
                scope=options["scope"],
                modules=options["modules"],
                expires_on=today_in_london() + timedelta(days=options["days"]),
            )
        except ApplicationError as error:
            raise CommandError(error.message, returncode=BAD_INPUT) from None
        self.stdout.write(raw)
