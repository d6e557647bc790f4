from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tackle.core.errors import ApplicationError
from tackle.statement_reader.registry import registry_download, registry_import


class Command(BaseCommand):
    help = (
        "`tackle registry import FILE.csv`: load a year of the Home Office modern slavery statement registry. "
        "`tackle registry import --year YYYY`: download that year from REGISTRY_DOWNLOAD_URL and load it."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        importer = sub.add_parser("import", help="Load the registry's yearly CSV")
        importer.add_argument("file", nargs="?", type=Path, help="The downloaded CSV (omit to download --year)")
        importer.add_argument("--year", type=int, help="The statement year; rows of other years are rejected")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path | None = options["file"]
        year: int | None = options["year"]
        if path is None and year is None:
            raise CommandError("Give the CSV file, or --year YYYY to download that year's file.")
        try:
            if path is not None:
                data = path.read_bytes()
            else:
                assert year is not None
                self.stdout.write(f"Downloading the registry file for {year}...")
                data = registry_download(year)
            result = registry_import(data=data, year=year)
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from None
        except ApplicationError as error:
            raise CommandError(error.message) from None
        years = ", ".join(map(str, result.years)) or "no year"
        self.stdout.write(
            f"Imported {result.saved} rows for {years} ({result.linked} linked to suppliers); "
            f"rejected {len(result.rejects)} lines."
        )
        for reject in result.rejects:
            self.stdout.write(f"Line {reject.line}: {reject.reason}")
