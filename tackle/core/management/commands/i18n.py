from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tackle.core.catalogue import REVIEW_MARKER, catalogue_path, counts, read_catalogue


class Command(BaseCommand):
    help = (
        "The Welsh catalogue (docs/i18n.md). `tackle i18n` counts its strings: translated, untranslated, "
        f"and translated but marked '{REVIEW_MARKER}'. `tackle i18n review-list` lists those marked, one "
        "per line (file, English, Welsh, separated by tabs), for the council's translation service."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", nargs="?", choices=["counts", "review-list"], default="counts")

    def handle(self, *args: Any, **options: Any) -> None:
        path = catalogue_path()
        if not path.exists():
            raise CommandError(f"No Welsh catalogue at {path}: run `make messages`.")
        entries = read_catalogue(path)
        if options["action"] == "review-list":
            self.stdout.write("file\tmsgid\tmsgstr")
            for entry in entries:
                if entry.to_check:
                    welsh = " | ".join(entry.msgstr)
                    self.stdout.write(f"{', '.join(entry.files)}\t{_one_line(entry.msgid)}\t{_one_line(welsh)}")
            return
        tally = counts(entries)
        self.stdout.write(
            f"Welsh catalogue {path}: {tally.translated} translated, {tally.untranslated} untranslated, "
            f"{tally.to_check} to check (marked '{REVIEW_MARKER}')."
        )


def _one_line(text: str) -> str:
    return text.replace("\t", " ").replace("\n", "\\n")
