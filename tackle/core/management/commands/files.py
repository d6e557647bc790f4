from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from tackle.core.stored_files import SWEEP_AFTER, stored_files_sweep


class Command(BaseCommand):
    help = (
        "Stored files. `tackle files sweep` removes uploaded files that no record names and that are "
        "older than an hour (left by a process killed between storing a file and saving its record), "
        "and temporary upload copies that old. Run it hourly from cron on every app server."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["sweep"])

    def handle(self, *args: Any, **options: Any) -> None:
        result = stored_files_sweep()
        for name in result.removed:
            self.stdout.write(f"Removed {name}")
        hours = int(SWEEP_AFTER.total_seconds() // 3600)
        self.stdout.write(
            f"{len(result.removed)} file(s) with no record and older than {hours} hour(s) removed; {result.kept} kept."
        )
