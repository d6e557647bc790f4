import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tackle.accounts.models import Organisation, User
from tackle.accounts.services import user_deactivate, user_invite
from tackle.core.errors import ApplicationError
from tackle.core.roles import Role

# A person's input the command cannot use (an unknown name or code, a path it cannot write): one
# line and exit status 2, as every tackle command says it.
BAD_INPUT = 2


class Command(BaseCommand):
    help = (
        "The team from the command line. `tackle users create USERNAME --role ROLE --organisation CODE "
        "--email EMAIL` invites a user and prints their one-time link; `tackle users deactivate USERNAME`; "
        "`tackle users list --organisation CODE [--json]`."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="Invite a user: emails and prints the link to set a password")
        create.add_argument("username")
        create.add_argument("--role", required=True, help=f"One of: {', '.join(Role.values)}")
        create.add_argument("--organisation", required=True, help="The organisation's code, e.g. E09000099")
        create.add_argument("--email", required=True)
        create.add_argument("--first-name", default="")
        create.add_argument("--last-name", default="")
        deactivate = actions.add_parser("deactivate", help="A leaver: ends their sessions and API tokens now")
        deactivate.add_argument("username")
        listing = actions.add_parser("list", help="The organisation's users")
        listing.add_argument("--organisation", required=True, help="The organisation's code")
        listing.add_argument("--json", action="store_true", help="A JSON list instead of a table")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            getattr(self, f"_{options['action']}")(options)
        except ApplicationError as error:
            raise CommandError(error.message, returncode=BAD_INPUT) from None

    def _organisation(self, code: str) -> Organisation:
        organisation = Organisation.objects.filter(code__iexact=code).first()
        if organisation is None:
            raise CommandError(f"No organisation with the code {code!r}", returncode=BAD_INPUT)
        return organisation

    def _create(self, options: dict[str, Any]) -> None:
        if options["role"] not in Role.values:
            raise CommandError(
                f"No role {options['role']!r}; choose one of: {', '.join(Role.values)}", returncode=BAD_INPUT
            )
        _, link = user_invite(
            organisation=self._organisation(options["organisation"]),
            username=options["username"],
            email=options["email"],
            role=options["role"],
            first_name=options["first_name"],
            last_name=options["last_name"],
        )
        self.stdout.write(link)

    def _deactivate(self, options: dict[str, Any]) -> None:
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"No user called {options['username']!r}", returncode=BAD_INPUT)
        user_deactivate(user=user)
        self.stdout.write(f"{user.username} is deactivated: their sessions and API tokens no longer work")

    def _list(self, options: dict[str, Any]) -> None:
        organisation = self._organisation(options["organisation"])
        users = User.objects.filter(organisation=organisation).order_by("username")
        rows = [
            {
                "username": user.username,
                "name": user.get_full_name(),
                "email": user.email,
                "role": user.role,
                "is_active": user.is_active,
                "last_login": user.last_login.isoformat() if user.last_login else None,
            }
            for user in users
        ]
        if options["json"]:
            self.stdout.write(json.dumps(rows, indent=2))
            return
        for row in rows:
            status = "active" if row["is_active"] else "deactivated"
            self.stdout.write(
                f"{row['username']}\t{row['role']}\t{status}\t{row['email']}\t{row['last_login'] or 'never'}"
            )
