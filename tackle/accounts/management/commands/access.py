from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tackle.core.access import policy_markdown


class Command(BaseCommand):
    help = "The access policy. `tackle access doc [--output docs/access.md]` prints it as Markdown."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["doc"])
        parser.add_argument("--output", type=Path, help="Write to this file instead of standard output")

    def handle(self, *args: Any, **options: Any) -> None:
        text = policy_markdown()
        if options["output"] is None:
            self.stdout.write(text, ending="")
            return
        try:
            options["output"].write_text(text, encoding="utf-8")
        except OSError as error:  # a path the person typed: no such folder, a folder, not writable
            raise CommandError(f"{options['output']}: {error.strerror or error}", returncode=2) from None
