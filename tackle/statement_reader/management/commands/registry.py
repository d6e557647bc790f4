from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tackle.core.errors import ApplicationError
from tackle.statement_reader.registry import COLUMN_NAMES, registry_download, registry_import

BAD_INPUT = 2  # a file that cannot be read, a column that is not there: one line, exit status 2


class Command(BaseCommand):
    help = (
        "`tackle registry import FILE.csv`: load a year of the Home Office modern slavery statement registry. "
        "`tackle registry import --year YYYY`: download that year from REGISTRY_DOWNLOAD_URL and load it. "
        "--map FIELD=HEADER names the column holding a field where the header does not."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        importer = sub.add_parser("import", help="Load the registry's yearly CSV")
        importer.add_argument("file", nargs="?", type=Path, help="The downloaded CSV (omit to download --year)")
        importer.add_argument("--year", type=int, help="The statement year; rows of other years are rejected")
        importer.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="FIELD=HEADER",
            help="the column holding a registry field, by its header, over the guess (FIELD as the registry "
            f"names its columns: {', '.join(COLUMN_NAMES.fields)})",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path | None = options["file"]
        year: int | None = options["year"]
        if path is None and year is None:
            raise CommandError("Give the CSV file, or --year YYYY to download that year's file.", returncode=BAD_INPUT)
        try:
            if path is not None:
                data = path.read_bytes()
            else:
                assert year is not None
                self.stdout.write(f"Downloading the registry file for {year}...")
                data = registry_download(year)
            result = registry_import(data=data, year=year, column_map=options["map"])
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.", returncode=BAD_INPUT) from None
        except ApplicationError as error:
            raise CommandError(error.message, returncode=BAD_INPUT) from None
        years = ", ".join(map(str, result.years)) or "no year"
        self.stdout.write(
            f"Imported {result.saved} rows for {years} ({result.linked} linked to suppliers); "
            f"rejected {len(result.rejects)} lines."
        )
        for reject in result.rejects:
            self.stdout.write(f"Line {reject.line}: {reject.reason}")
