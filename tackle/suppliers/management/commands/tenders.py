import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from tackle.core.columns import check_map_fields
from tackle.core.uploads import UploadError, read_path
from tackle.suppliers.rules.tenders import (
    DEFAULT_THRESHOLD,
    MAX_BIDS_FILE_BYTES,
    OPTIONAL_COLUMNS,
    REQUIRED_COLUMNS,
    BidFileError,
    TenderReport,
    check_bids,
    money,
    parse_bids,
    parse_threshold,
)

# A bad file or bad option: the shell sees 2, as for any usage error.
BAD_INPUT = 2


class Command(BaseCommand):
    help = (
        "`tackle tenders check FILE [--json] [--threshold 0.7] [--map FIELD=HEADER]`: flag abnormally low bids for "
        "one lot (CSV, XLSX or ODS; a column for the bidder and one for the price, named as you like, or named with "
        "--map; optionally labour hours and year)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        check = sub.add_parser("check", help="Check the bids in a CSV file")
        check.add_argument("file", type=Path)
        check.add_argument("--json", action="store_true", help="Print JSON instead of a table")
        check.add_argument(
            "--threshold",
            default=str(DEFAULT_THRESHOLD),
            help="Flag a bid below this share of the median of the other bids: 0.7, 70 or 70%% (default 0.7)",
        )
        check.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="FIELD=HEADER",
            help="the column holding a field (bidder, price, labour_hours, year), by its header, over the guess",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            threshold = parse_threshold(options["threshold"])
        except ValueError as error:
            raise CommandError(str(error), returncode=BAD_INPUT) from None
        try:
            check_map_fields(options["map"], (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS))
        except ValueError as error:
            raise CommandError(str(error), returncode=BAD_INPUT) from None
        path: Path = options["file"]
        try:
            data = read_path(path, max_bytes=MAX_BIDS_FILE_BYTES)
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}", returncode=BAD_INPUT) from None
        except UploadError as error:
            raise CommandError(f"Cannot check the bids.\n{path.name}: {error.message}", returncode=BAD_INPUT) from None
        try:
            bids = parse_bids(data, column_map=options["map"])
        except BidFileError as error:
            lines = "\n".join(f"{path.name}, line {line}: {problem}" for line, problem in error.problems)
            raise CommandError(f"Cannot check the bids.\n{lines}", returncode=BAD_INPUT) from None
        except UploadError as error:
            raise CommandError(f"Cannot check the bids.\n{path.name}: {error.message}", returncode=BAD_INPUT) from None
        report = check_bids(bids, threshold=threshold, today=timezone.localdate())
        if options["json"]:
            self.stdout.write(json.dumps(report.as_json(), indent=2, ensure_ascii=False))
        else:
            self.stdout.write(_table(report))


def _table(report: TenderReport) -> str:
    rows = [("Bidder", "Price", "Flags")]
    for result in report.results:
        rows.append((result.bid.bidder, money(result.bid.price), ", ".join(result.flags) or "none"))
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    out = [f"Median of all bids: {money(report.median) if report.median is not None else 'none'}", ""]
    for number, row in enumerate(rows):
        out.append(f"{row[0]:<{widths[0]}}  {row[1]:>{widths[1]}}  {row[2]}")
        if number == 0:
            out.append("  ".join("-" * width for width in widths))
    flagged = [result for result in report.results if result.flags]
    out.append("")
    out.append(f"{len(flagged)} of {len(report.results)} bids flagged.")
    for result in flagged:
        out.append(f"- {result.bid.bidder}: {result.explanation}")
    return "\n".join(out)
