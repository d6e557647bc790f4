from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from tackle.accounts.models import Organisation
from tackle.core.errors import ApplicationError
from tackle.training.services import completions_import
from tackle.training.tasks import send_training_reminders


class Command(BaseCommand):
    help = (
        "`tackle training remind`: queue the training reminder emails (run it from cron each week). "
        "`tackle training import FILE --organisation CODE`: import completions from a learning system's CSV."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("remind", help="Queue the reminder emails")
        importer = sub.add_parser("import", help="Import completions from a CSV file")
        importer.add_argument("file", type=Path)
        importer.add_argument("--organisation", required=True, help="The organisation's code, e.g. E09000099")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "remind":
            queued = send_training_reminders.enqueue()
            self.stdout.write(f"Queued the training reminders ({queued.id}).")
            return
        organisation = Organisation.objects.filter(code=options["organisation"]).first()
        if organisation is None:
            raise CommandError(f"No organisation with code {options['organisation']}")
        try:
            data = options["file"].read_bytes()
            result = completions_import(organisation=organisation, actor=None, data=data, today=timezone.localdate())
        except OSError as error:
            raise CommandError(f"Cannot read {options['file']}: {error.strerror}") from None
        except ApplicationError as error:
            raise CommandError(error.message) from None
        self.stdout.write(f"Saved {result.saved} completions; rejected {len(result.rejects)} lines.")
        for reject in result.rejects:
            self.stdout.write(f"Line {reject.line}: {reject.reason}")
