from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from tackle.accounts.selectors import organisation_for_visitors
from tackle.core.errors import ApplicationError
from tackle.suppliers.rules.ocds import MAX_OCDS_BYTES
from tackle.suppliers.services import OcdsRejected, contracts_import_ocds
from tackle.suppliers.tasks import send_assessment_reminders, send_follow_up_reminders

# A bad file or bad option: the shell sees 2, as for any usage error.
BAD_INPUT = 2


class Command(BaseCommand):
    help = (
        "`tackle suppliers remind`: queue reminders of annual supplier assessments and of statement follow-up "
        "actions past their due date (run it from cron each day). "
        "`tackle suppliers ocds-import FILE --organisation CODE`: add the contracts of an OCDS release or record "
        "package (Contracts Finder, Find a Tender) to the organisation's register, updating those of a process already "
        "imported (same ocid); a bad release or record imports nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("remind", help="Queue the reminder emails to contract managers and follow-up owners")
        ocds = sub.add_parser("ocds-import", help="Import the contracts of an OCDS release or record package (JSON)")
        ocds.add_argument("file", type=Path)
        ocds.add_argument("--organisation", required=True, metavar="CODE", help="The organisation's code")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "ocds-import":
            self._ocds_import(options["file"], options["organisation"])
            return
        queued = send_assessment_reminders.enqueue()
        self.stdout.write(f"Queued the supplier assessment reminders ({queued.id}).")
        queued = send_follow_up_reminders.enqueue()
        self.stdout.write(f"Queued the statement follow-up reminders ({queued.id}).")

    def _ocds_import(self, path: Path, code: str) -> None:
        organisation = organisation_for_visitors(code)
        if organisation is None:
            raise CommandError(f"No organisation with the code {code!r}", returncode=BAD_INPUT)
        try:
            with path.open("rb") as file:
                data = file.read(MAX_OCDS_BYTES + 1)
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}", returncode=BAD_INPUT) from None
        try:
            imported = contracts_import_ocds(
                actor=None, organisation=organisation, data=data, today=timezone.localdate()
            )
        except OcdsRejected as error:
            lines = "\n".join(f"{path.name}, {problem}" for problem in error.problems)
            raise CommandError(f"Nothing imported.\n{lines}", returncode=BAD_INPUT) from None
        except ApplicationError as error:
            raise CommandError(f"Nothing imported.\n{path.name}: {error.message}", returncode=BAD_INPUT) from None
        self.stdout.write(
            f"{len(imported.contracts_added)} contracts added, {len(imported.suppliers_added)} suppliers added, "
            f"{len(imported.contracts_updated)} contracts updated, {imported.already_held} already held unchanged."
        )
