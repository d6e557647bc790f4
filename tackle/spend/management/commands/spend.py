import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from tackle.accounts.models import Organisation
from tackle.core.columns import check_map_fields
from tackle.spend.screening.headers import FIELDS
from tackle.spend.screening.payment_sectors import load_lexicon
from tackle.spend.screening.readers import SpendFileError
from tackle.spend.screening.screener import Screener, ScreenResult
from tackle.spend.screening.summary import file_mappings, summary
from tackle.suppliers.selectors import supplier_register_entries

UNREADABLE = 2


class Command(BaseCommand):
    help = (
        "`tackle spend screen FILE... [--json] [--organisation CODE] [--map FIELD=HEADER]`: screen published "
        "spend files (CSV, XLSX or ODS) for payments in high-risk sectors. Exit status 2 when a file cannot be read."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        screen = sub.add_parser("screen", help="Screen spend files and print what was found")
        screen.add_argument("files", nargs="+", type=Path)
        screen.add_argument("--json", action="store_true", help="print the figures as one JSON object")
        screen.add_argument(
            "--jobs",
            type=int,
            default=1,
            help="screen this many files at once, in separate processes (default 1; see docs/spend.md)",
        )
        screen.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="FIELD=HEADER",
            help=f"the column holding a field in every file, by its header, over the guess ({', '.join(FIELDS)})",
        )
        screen.add_argument(
            "--organisation", help="match payees to this organisation's supplier register (its code, e.g. E09000099)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            check_map_fields(options["map"], FIELDS)
        except ValueError as error:
            raise CommandError(str(error), returncode=UNREADABLE) from None
        register = []
        if options["organisation"]:
            organisation = Organisation.objects.filter(code=options["organisation"]).first()
            if organisation is None:
                raise CommandError(f"No organisation with code {options['organisation']}")
            register = supplier_register_entries(organisation.pk)
        reference = Path(settings.TACKLE_SHARED_DATA) / "reference"
        screener = Screener(
            register=register,
            lexicon=load_lexicon(reference if reference.is_dir() else None),
            column_map=options["map"],
        )
        try:
            result = screener.screen(options["files"], jobs=max(1, options["jobs"]))
        except SpendFileError as error:
            raise CommandError(str(error), returncode=UNREADABLE) from None
        if options["json"]:
            self.stdout.write(json.dumps(summary(result), ensure_ascii=False))
        else:
            self.stdout.write(_readable(result))


def _readable(result: ScreenResult) -> str:
    figures = summary(result)
    lines = [
        f"{figures['files']} file(s), {figures['rows_read']:,} rows read: "
        f"{figures['rows_accepted']:,} accepted, {figures['rows_rejected']:,} rejected.",
        f"Total £{figures['total_amount']} paid to {figures['suppliers']:,} suppliers.",
        f"High-risk sectors: {figures['high_risk']['rows']:,} rows, £{figures['high_risk']['amount']}.",
    ]
    for sector, slot in figures["high_risk"]["by_sector"].items():
        lines.append(f"  {sector}: {slot['rows']:,} rows, £{slot['amount']}")
    lines.append(f"Other: {figures['rows_by_sector'].get('other', 0):,} rows.")
    lines.append("")
    for mapping in file_mappings(result):
        found = ", ".join(
            f"{column['label'].lower()} = column {column['column']} ({column['header']!r})"
            for column in mapping["columns"]
            if column["column"]
        )
        lines.append(f"{mapping['file']}: header on line {mapping['header_line']}, {mapping['encoding']}; {found}")
        lines.extend(f"  {gap}" for gap in mapping["gaps"])
    if figures["rejects"]:
        lines.append("")
        lines.append("Rejected rows:")
        lines.extend(f"  {r['file']} line {r['line']}: {r['reason']}" for r in figures["rejects"])
    return "\n".join(lines)
