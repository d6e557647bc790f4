"""The Home Office's NRM statistics tables, published: one financial year or one of its quarters,
as the public may see them (the organisation's public threshold, 10 unless it chose otherwise).

The counts are cases' (tackle.cases.figures.home_office_counts). A year and its four quarters are
protected together, whichever is asked for: each table's categories add up to the total in each
period, and each category's four quarters add up to its year, so no withheld count can be worked
out from the tables of the other periods of the same year, nor from the total beside it.
"""

import re
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy, gettext_noop

from tackle.accounts.selectors import disclosure_for
from tackle.cases.figures import DEFINITIONS, HOME_OFFICE_TABLES, OTHER, home_office_counts
from tackle.core.disclosure import Audience, Disclosure, Line, Shown, is_withheld, protect
from tackle.core.periods import (
    Period,
    financial_year,
    financial_year_label,
    financial_year_of,
    quarters,
    today_in_london,
)
from tackle.reporting.selectors import Table, figures_is_exact_for, released_cells

_PERIOD = re.compile(r"^(\d{4})-(\d{2})(?:-Q([1-4]))?$")
PERIOD_HINT = "Enter a financial year like 2025-26, or one of its quarters like 2025-26-Q1"


@dataclass(frozen=True)
class AskedPeriod:
    year: int  # the financial year it starts in
    quarter: int | None = None  # 1 (April to June) to 4 (January to March); None for the whole year

    @property
    def code(self) -> str:
        year = financial_year_label(self.year)
        return f"{year}-Q{self.quarter}" if self.quarter else year

    def period(self) -> Period:
        return quarters(self.year)[self.quarter - 1] if self.quarter else financial_year(self.year)


def parse_period(text: str | None) -> AskedPeriod | None:
    """ "2025-26" or "2025-26-Q1" -> the period; not given -> this financial year (London);
    anything else -> None."""
    if text is None:
        return AskedPeriod(financial_year_of(today_in_london()))
    found = _PERIOD.match(text.strip())
    if not found:
        return None
    year, end, quarter = int(found[1]), int(found[2]), found[3]
    if (year + 1) % 100 != end or not 2000 <= year <= 2099:
        return None
    return AskedPeriod(year, int(quarter) if quarter else None)


@dataclass(frozen=True)
class HomeOfficeTable:
    key: str
    title: str
    definition: str
    rows: tuple[tuple[str, Shown], ...]  # (category, count or what reads in its place)
    total: Shown


@dataclass(frozen=True)
class HomeOfficeTables:
    period: AskedPeriod
    label: str  # "2025-26" or "Q1 2025-26"
    tables: tuple[HomeOfficeTable, ...]
    total_definition: str
    disclosure_note: str


YEAR = 4  # the index of the year among the periods counted: the four quarters, then the year


def _protected(organisation_id: int, year: int, disclosure: Disclosure) -> tuple[Any, dict[Any, Shown]]:
    """The year's counts by quarter and for the year, and each as the audience sees it."""
    spans = [*quarters(year), financial_year(year)]
    counts = home_office_counts(organisation_id, spans)
    values: dict[Any, int] = {("total", p): count for p, count in enumerate(counts.total)}
    lines = [Line(tuple(("total", q) for q in range(YEAR)), ("total", YEAR))]
    names: dict[Any, tuple[str, str, str]] = {("total", p): (*TOTAL_CELL, span.label) for p, span in enumerate(spans)}
    for key, rows in counts.tables.items():
        for r, (category, by_period) in enumerate(rows):
            values |= {(key, r, p): count for p, count in enumerate(by_period)}
            names |= {(key, r, p): (released_table(key), category, span.label) for p, span in enumerate(spans)}
            lines.append(Line(tuple((key, r, q) for q in range(YEAR)), (key, r, YEAR)))
        lines += [Line(tuple((key, r, p) for r in range(len(rows))), ("total", p)) for p in range(YEAR + 1)]
    # The previous release of the same tables and periods (reporting.Release), as the Figures page does.
    released = released_cells(organisation_id, disclosure.audience) if not disclosure.exact else {}
    previous = {entry: released[name] for entry, name in names.items() if name in released}
    return counts, protect(values, lines, disclosure, previous=previous or None)


TOTAL_CELL = ("home_office", "Total")  # how a release names each period's total


def released_table(key: str) -> str:
    return f"home_office_{key}"


def release_cells(found: "HomeOfficeTables") -> list[list[Any]]:
    """The asked period's tables as a release keeps them (reporting.selectors.release_cells)."""
    period = found.period.period()
    dates = [period.starts_on.isoformat(), period.ends_before.isoformat()]
    cells = [[*TOTAL_CELL, period.label, found.tables[0].total if found.tables else 0, *dates]]
    for table in found.tables:
        cells += [[released_table(table.key), category, period.label, value, *dates] for category, value in table.rows]
    return cells


POTENTIAL_VICTIMS_ROW = "Potential victims identified (people)"
_SAME_CATEGORIES = {"exploitation": "exploitation_type", "nationalities": "nationality"}  # Figures: Home Office


def figures_page_links(
    organisation_id: int, first_year: int, views: dict[str, list[Table]], disclosure: Disclosure
) -> tuple[set[Any], set[Any]]:
    """(withhold, keep): the Figures page's cells that print a count these tables print for the same
    period, to be withheld there where withheld here and never withheld there where shown here.
    `views` holds the page's exact tables by quarter and by year ({"quarter": [...], "year": [...]}).
    A period's potential victims are this table's total; where every concern in a period was a person
    (concerns equal potential victims), the page's concerns by exploitation type and by nationality
    are these tables' people by the same category."""
    withhold: set[Any] = set()
    keep: set[Any] = set()
    tables = {view: {t.key: t for t in found} for view, found in views.items()}
    years = len(tables["year"]["concerns"].columns) - 1
    for offset in range(years):
        counts, shown = _protected(organisation_id, first_year + offset, disclosure)
        others = {key: {category: r for r, (category, _) in enumerate(counts.tables[key]) if category != OTHER}
                  for key in _SAME_CATEGORIES.values()}  # fmt: skip
        columns = {"quarter": {q: 4 * offset + q for q in range(YEAR)}, "year": {YEAR: offset}}
        for view, by_key in tables.items():
            concerns = dict(by_key["concerns"].rows)
            pv_row = [label for label, _ in by_key["concerns"].rows].index(POTENTIAL_VICTIMS_ROW)
            for p, c in columns[view].items():
                pairs: list[tuple[Any, Any]] = [(("total", p), (view, "concerns", pv_row, c))]
                if concerns["Concerns recorded"][c] == concerns[POTENTIAL_VICTIMS_ROW][c]:
                    for key, theirs in _SAME_CATEGORIES.items():
                        for r, (label, _) in enumerate(by_key[key].rows if key in by_key else []):
                            if label in others[theirs]:
                                pairs.append(((theirs, others[theirs][label], p), (view, key, r, c)))
                for ours, page in pairs:
                    (withhold if is_withheld(shown[ours]) else keep).add(page)
    return withhold, keep


def home_office_tables(organisation_id: int, asked: AskedPeriod) -> HomeOfficeTables:
    """The tables for the asked period, as the organisation publishes them to the public."""
    disclosure = disclosure_for(organisation_id, Audience.PUBLIC)
    counts, shown = _protected(organisation_id, asked.year, disclosure)
    p = asked.quarter - 1 if asked.quarter else YEAR
    tables = tuple(
        HomeOfficeTable(
            key,
            title,
            DEFINITIONS[key],
            tuple((category, shown[(key, r, p)]) for r, (category, _) in enumerate(counts.tables[key])),
            shown[("total", p)],
        )
        for key, title in HOME_OFFICE_TABLES
    )
    return HomeOfficeTables(asked, asked.period().label, tables, DEFINITIONS["home_office_total"], disclosure.note())


def home_office_tables_for_user(user: Any, asked: AskedPeriod) -> HomeOfficeTables:
    """The user's own organisation's tables, whatever their role's audience (always the public's).
    PermissionDenied for a role without figures."""
    figures_is_exact_for(user)
    return home_office_tables(user.organisation_id, asked)


def export_rows(found: HomeOfficeTables) -> list[tuple[Any, ...]]:
    """Long format for the CSV: one row per table and category, then each table's total."""
    rows: list[tuple[Any, ...]] = []
    for table in found.tables:
        rows += [(table.title, category, found.label, value, table.definition) for category, value in table.rows]
        rows.append((table.title, TOTAL, found.label, table.total, found.total_definition))
    rows.append((SMALL_NUMBERS, "", found.label, "", found.disclosure_note))
    return rows


# English here; each download shows them in its reader's language (reporting.wording.in_language).
TOTAL = gettext_noop("Total")
SMALL_NUMBERS = gettext_noop("Small numbers")
# Read by people: lazy, read (str) per download in the language of its request.
EXPORT_HEADER = (
    gettext_lazy("Table"),
    gettext_lazy("Category"),
    gettext_lazy("Period"),
    gettext_lazy("Potential victims"),
    gettext_lazy("How this is counted"),
)


def periods_offered(first_year: int, last_year: int) -> list[AskedPeriod]:
    """Each financial year shown, then its quarters: what the Figures page links to."""
    return [AskedPeriod(year, quarter) for year in range(first_year, last_year + 1) for quarter in (None, 1, 2, 3, 4)]
