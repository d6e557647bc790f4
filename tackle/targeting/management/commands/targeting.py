import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tackle.core.columns import KNOWN_SCORE
from tackle.core.uploads import read_path
from tackle.targeting.list_columns import FIELD_KEYS, FIELD_LABELS, VOCABULARY, Mapping, guess_mapping
from tackle.targeting.ranking import rank, source_names
from tackle.targeting.sources import (
    MAX_FILE_BYTES,
    MAX_LIST_ROWS,
    SourceError,
    SourceRead,
    decode,
    read_header,
    read_source,
)

USAGE_ERROR = 2
# Ranking holds every record of every list in memory at once (about 5 KB each): past this many the
# command refuses rather than run a small machine out of memory.
MAX_RECORDS = 2 * MAX_LIST_ROWS


class Command(BaseCommand):
    help = (
        "`tackle targeting rank FILE... [--json]`: join regulators' CSV lists, find the same premises "
        "across them and rank premises by combined risk, with reasons."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        ranker = sub.add_parser("rank", help="Rank premises across regulators' CSV lists")
        ranker.add_argument("files", nargs="+", type=Path, help="one CSV file per regulator; its name names the source")
        ranker.add_argument("--json", action="store_true", help="print the ranking as JSON")
        ranker.add_argument("--top", type=int, default=0, help="only the first N premises (default: all)")
        ranker.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="FILE:FIELD=COLUMN",
            help=f"correct the guessed column for a field ({', '.join(FIELD_KEYS)}); COLUMN empty to ignore one",
        )
        ranker.add_argument("--organisation", help="also count intelligence and operations this organisation holds")

    def handle(self, *args: Any, **options: Any) -> None:
        files: list[Path] = options["files"]
        corrections = _corrections(options["map"], files)
        organisation = _organisation(options.get("organisation"))
        outcomes = _outcomes(organisation)
        names = source_names([str(path) for path in files])
        reads: list[SourceRead] = []
        for path, name in zip(files, names, strict=True):
            mapping = corrections.get(path)
            try:
                data = read_path(path, max_bytes=MAX_FILE_BYTES)
                if mapping is not None:
                    mapping = {**guess_mapping(read_header(decode(data))), **mapping}
                reads.append(read_source(name, data, mapping, outcomes))
            except OSError as error:
                raise CommandError(f"{path}: cannot be read ({error.strerror})", returncode=USAGE_ERROR) from None
            except SourceError as error:
                raise CommandError(f"{path}: {error.message}", returncode=USAGE_ERROR) from None
            if sum(len(read.records) for read in reads) > MAX_RECORDS:
                raise CommandError(
                    f"The lists hold more than {MAX_RECORDS:,} records together; rank fewer at once",
                    returncode=USAGE_ERROR,
                )
        signals = _signals(organisation)
        ranking = rank(reads, signals)
        for read in reads:
            _say_guessed(read)
            for reject in read.rejects:
                sys.stderr.write(f"{reject}\n")
            for wording, lines in read.unfamiliar.most_common():
                sys.stderr.write(
                    f"{read.name}: outcome “{wording}” ({lines} line{'s' if lines != 1 else ''}) is not understood and "
                    "counts as nothing found; classify it on the Outcomes to classify page and rank with "
                    "--organisation\n"
                )
        if options["json"]:
            self.stdout.write(json.dumps(ranking.as_json(top=options["top"]), ensure_ascii=False))
            return
        for read in reads:
            columns = ", ".join(f"{FIELD_LABELS[key]} = “{column}”" for key, column in read.mapping.items())
            self.stdout.write(f"{read.name}: {len(read.records)} records, {len(read.rejects)} rejected; {columns}")
        self.stdout.write(f"{len(ranking.ranked)} premises from {ranking.records} records")
        shown = ranking.ranked[: options["top"]] if options["top"] > 0 else ranking.ranked
        for place, entity in enumerate(shown, start=1):
            self.stdout.write(f"{place}. {entity.name}, {entity.postcode or 'no postcode'}: {entity.score}")
            for reason in entity.reasons:
                self.stdout.write(f"   - {reason}")


def _say_guessed(read: SourceRead) -> None:
    """A column taken by a close spelling or a known word within its header, not by its name: the
    page would ask about it; here it is used and said, with how to change it."""
    for key, (at, guess) in VOCABULARY.assign(read.header).items():
        if guess.score < KNOWN_SCORE and read.mapping.get(key) == read.header[at]:
            sys.stderr.write(
                f"{read.name}: {FIELD_LABELS[key]} is column “{read.header[at]}”, guessed ({guess.how}); "
                f"--map {read.name}:{key}=COLUMN to change it\n"
            )


def _corrections(values: list[str], files: list[Path]) -> dict[Path, Mapping]:
    """--map trading_standards.csv:postcode=Post Code -> {path: {"postcode": "Post Code"}}."""
    corrections: dict[Path, Mapping] = {}
    for value in values:
        target, _, assignment = value.rpartition(":")
        field, equals, column = assignment.partition("=")
        matches = [path for path in files if target in {str(path), path.name, path.stem}]
        if not target or not equals or field not in FIELD_KEYS:
            raise CommandError(
                f"--map {value}: write FILE:FIELD=COLUMN, FIELD one of {', '.join(FIELD_KEYS)}",
                returncode=USAGE_ERROR,
            )
        if len(matches) != 1:
            raise CommandError(f"--map {value}: {target} is not one of the files given", returncode=USAGE_ERROR)
        corrections.setdefault(matches[0], {})[field] = column
    return corrections


def _organisation(code: str | None) -> Any:
    if not code:
        return None
    from tackle.accounts.models import Organisation

    organisation = Organisation.objects.filter(code=code).first()
    if organisation is None:
        raise CommandError(f"No organisation with code {code}", returncode=USAGE_ERROR)
    return organisation


def _outcomes(organisation: Any) -> Any:
    """The outcome wordings the organisation has classified (none without one)."""
    if organisation is None:
        return None
    from tackle.targeting.selectors import outcomes_of

    return outcomes_of(organisation.pk)


def _signals(organisation: Any) -> Any:
    if organisation is None:
        return None
    from tackle.targeting.signals import disruption_signals

    return disruption_signals(organisation.pk)
