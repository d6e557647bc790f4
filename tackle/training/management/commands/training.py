from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from tackle.accounts.models import Organisation
from tackle.core.columns import parse_map
from tackle.core.errors import ApplicationError
from tackle.core.uploads import read_table
from tackle.training.services import (
    COLUMN_LABELS,
    COLUMN_NAMES,
    MAX_IMPORT_BYTES,
    ColumnsToConfirm,
    completions_import,
)
from tackle.training.tasks import send_training_reminders

# A bad file or a bad option: the shell sees 2, as for any usage error.
BAD_INPUT = 2


class Command(BaseCommand):
    help = (
        "`tackle training remind`: queue the training reminder emails (run it from cron each week). "
        "`tackle training import FILE --organisation CODE [--map FIELD=HEADER]`: import completions from a "
        "learning system's CSV, XLSX or ODS file."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("remind", help="Queue the reminder emails")
        importer = sub.add_parser("import", help="Import completions from a CSV file")
        importer.add_argument("file", type=Path)
        importer.add_argument("--organisation", required=True, help="The organisation's code, e.g. E09000099")
        importer.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="FIELD=HEADER",
            help=f"the column holding a field, by its header ({', '.join(COLUMN_LABELS)}), over the guess",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "remind":
            queued = send_training_reminders.enqueue()
            self.stdout.write(f"Queued the training reminders ({queued.id}).")
            return
        organisation = Organisation.objects.filter(code=options["organisation"]).first()
        if organisation is None:
            raise CommandError(f"No organisation with code {options['organisation']}", returncode=BAD_INPUT)
        try:
            data = options["file"].read_bytes()
            columns = _columns(options["map"], data)
            result = completions_import(
                organisation=organisation,
                actor=None,
                data=data,
                today=timezone.localdate(),
                columns=columns,
                accept_guesses=True,
            )
        except OSError as error:
            raise CommandError(f"Cannot read {options['file']}: {error.strerror}", returncode=BAD_INPUT) from None
        except ColumnsToConfirm as error:
            found = ", ".join(repr(cell.strip()) for cell in error.header if cell.strip()) or "none"
            raise CommandError(
                f"{error.message.split('.')[0]} (the columns are {found}): name it with --map FIELD=HEADER",
                returncode=BAD_INPUT,
            ) from None
        except ApplicationError as error:
            raise CommandError(error.message, returncode=BAD_INPUT) from None
        for choice in result.columns:
            if choice.guessed:
                self.stdout.write(
                    f"{choice.label}: column '{choice.header}' guessed ({choice.how}); --map to change it"
                )
        self.stdout.write(f"Saved {result.saved} completions; rejected {len(result.rejects)} lines.")
        for reject in result.rejects:
            self.stdout.write(f"Line {reject.line}: {reject.reason}")


def _columns(pairs: list[str], data: bytes) -> dict[str, int | None] | None:
    """The --map options as columns of the file's header; None when there are none."""
    if not pairs:
        return None
    header = read_table(data, max_bytes=MAX_IMPORT_BYTES, vocabulary=COLUMN_NAMES).header
    try:
        return parse_map(pairs, header, COLUMN_LABELS)
    except ValueError as error:
        raise CommandError(str(error), returncode=BAD_INPUT) from None
