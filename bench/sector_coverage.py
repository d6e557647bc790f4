"""Sector coverage on real councils' spend files: how much is still left in "other".

Every CSV file under TACKLE_SHARED_DATA/spend/ (each folder's SOURCES.md says where it came from)
is screened as `tackle spend screen` screens it, twice: with the first sector rules alone
(Classifier(more_words=False)) and with the later words too (spend/rules/sector_words.py). For each
file and overall it prints the share of rows and of money whose sector is still "other", and then
the payees with the most money still in "other", with the expense types they were paid under: what
to read next when adding words. No supplier register is used: these councils' registers are not here.
"""

import os
from collections import Counter, defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

from bench import Row

TITLE = 'Sector coverage on real spend files: share still "other", first rules -> with sector_words'
SAMPLE = 15


def run() -> list[Row]:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tackle.settings")
    os.environ.setdefault("TACKLE_DEMO", "1")
    import django

    django.setup()
    from django.conf import settings

    from tackle.spend.screening.payment_sectors import load_lexicon

    shared = Path(settings.TACKLE_SHARED_DATA)
    lexicon = load_lexicon(shared.parent / "reference")
    paths = sorted((shared / "spend").rglob("*.csv"))
    rows, overall = [], {False: _Shares(), True: _Shares()}
    remaining: Counter[str] = Counter()
    bought: dict[str, Counter[str]] = defaultdict(Counter)
    for path in paths:
        shares = {}
        for more_words in (False, True):
            shares[more_words] = _screen(path, lexicon, more_words, remaining if more_words else None, bought)
            overall[more_words].add(shares[more_words])
        rows.append(_row(str(path.relative_to(shared / "spend")), shares))
    rows.append(_row("all files", overall))
    print(f'\nMost money still "other" with the later words (payee: expense types seen), top {SAMPLE}:')
    for name, amount in remaining.most_common(SAMPLE):
        types = ", ".join(text for text, _ in bought[name].most_common(3)) or "(no expense type in the file)"
        print(f"  £{amount:>12,.0f}  {name}: {types}")
    return rows


class _Shares:
    def __init__(self) -> None:
        self.rows = self.other_rows = 0
        self.money = self.other_money = Decimal(0)

    def add(self, other: "_Shares") -> None:
        self.rows += other.rows
        self.other_rows += other.other_rows
        self.money += other.money
        self.other_money += other.other_money


def _screen(
    path: Path,
    lexicon: Any,
    more_words: bool,
    remaining: Counter[str] | None,
    bought: dict[str, Counter[str]],
) -> _Shares:
    from tackle.spend.screening.payment_sectors import Classification, Classifier
    from tackle.spend.screening.screener import Screener

    class Noting(Classifier):
        """Notes the expense types of payments left in "other", for the sample."""

        def classify(self, **cells: Any) -> Classification:
            found = super().classify(**cells)
            if more_words and found.sector == "other" and cells["category"]:
                bought[cells["supplier"]][" ".join(cells["category"].split())] += 1
            return found

    screener = Screener(lexicon=lexicon)
    screener.buckets.classifier = Noting(lexicon, more_words=more_words)
    result = screener.screen([path])
    shares = _Shares()
    for (payee_key, sector, _year), (count, amount, _reason) in result.totals.rows.items():
        shares.rows += count
        shares.money += abs(amount)
        if sector == "other":
            shares.other_rows += count
            shares.other_money += abs(amount)
            if remaining is not None:
                remaining[result.totals.payees[payee_key].name] += abs(amount)
    return shares


def _row(target: str, shares: dict[bool, _Shares]) -> Row:
    before, after = shares[False], shares[True]
    return Row(
        target,
        {
            "rows": after.rows,
            "rows other": f"{_share(before.other_rows, before.rows)} -> {_share(after.other_rows, after.rows)}",
            "£": f"{after.money:,.0f}",
            "money other": f"{_share(before.other_money, before.money)} -> {_share(after.other_money, after.money)}",
        },
    )


def _share(part: int | Decimal, whole: int | Decimal) -> str:
    return f"{100 * float(part) / float(whole):.1f}%" if whole else "-"
