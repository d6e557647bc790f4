"""Figures for a lead's statistics page, the exports and the FOI answer, counted in the database.

The counts come from the evidence composer (evidence.py), which reads each app's published figures
in a few aggregate queries for all the periods (financial quarters or years), so nothing is loaded
row by row. A period counts [starts_on, ends_before): a day at a boundary counts once.

Definitions
-----------
Each table carries its definition ("how this is counted"), written once beside the count it
describes: cases' figures (tackle.cases.figures.DEFINITIONS), training's (tackle.training.figures)
and the modules' rows (module_tables.py). The page and both exports print it.

Disclosure (tackle.core.disclosure): roles that see every case get internal figures (exact unless
the organisation chose otherwise); other roles with figures, councillors' figures; "for
publication", the public's (threshold 10 unless the organisation chose otherwise, optionally rounded
to the nearest 5). Every table is protected with its Total column, and the exploitation table (and
the nationalities table when it lists every nationality) with the concerns row its columns add up to,
the referrals by age group, route and time to refer with every referral sent (the route table's first
row), and the Duty to Notify by route and time with the Duty to Notify row, so that no withheld count
can be worked out from what is shown beside it. A median of days to refer is told for the years shown
only when it rests on at least the threshold's referrals. Training counts staff, not people who may be
victims, and is shown in full.
"""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils.translation import gettext_noop

from tackle.accounts.selectors import disclosure_for
from tackle.cases.figures import DEFINITIONS as CASE_DEFINITIONS
from tackle.cases.figures import REFERRAL_KINDS, ReferralRoutes
from tackle.cases.register import register_is_exact_for
from tackle.core.disclosure import Audience, Disclosure, Line, Shown, protect
from tackle.core.periods import Period, financial_year_label, financial_year_of, periods
from tackle.core.roles import Module
from tackle.disrupt.figures import BY_TYPE_DEFINITION, premises_and_operations_by_type
from tackle.reporting import wording
from tackle.reporting.evidence import (
    PeriodEvidence,
    evidence_by_period,
    referrals_by_route,
    support_outcomes_in_years,
    training_by_year,
)
from tackle.reporting.models import Release
from tackle.reporting.module_tables import DEFINITIONS as MODULE_DEFINITIONS
from tackle.reporting.module_tables import operations_rows, supply_chain_rows
from tackle.training.figures import DEFINITIONS as TRAINING_DEFINITIONS

NOT_RECORDED_IN_TACKLE = "not recorded in Tackle"
TOTAL = gettext_noop("Total")
TOP_NATIONALITIES = 10


@dataclass
class Table:
    key: str
    title: str
    row_heading: str
    columns: list[str]
    rows: list[tuple[str, list[Any]]] = field(default_factory=list)
    note: str = ""
    adds_up_to: str = ""  # the key of a table whose first row its columns add up to
    definition: str = ""  # how this is counted
    last_is_total: bool = True  # the last column adds up the row
    first_row_is_total: bool = False  # the other rows add up to the first, column by column

    def chart_bars(self) -> list[tuple[str, Any]]:
        """One row: a bar per period. Several rows: a bar per row, its total (the last column)."""
        if len(self.rows) == 1:
            _, values = self.rows[0]
            return list(zip(self.columns[:-1], values[:-1], strict=True))
        return [(label, values[-1]) for label, values in self.rows]


@dataclass
class Figures:
    first_year: int
    last_year: int
    by: str
    tables: list[Table]
    suppressed: bool
    training: list[tuple[str, str, str]]  # (year, sessions held, people trained)
    disclosure_note: str = ""
    training_definition: str = " ".join(TRAINING_DEFINITIONS.values())


def _table(
    key: str,
    title: str,
    row_heading: str,
    evidence: list[PeriodEvidence],
    counts: dict[str, list],
    adds_up_to: str = "",
    definition: str = "",
) -> Table:
    columns = [column.period.label for column in evidence] + [TOTAL]
    rows = [(label, [*values, sum(values)]) for label, values in counts.items()]
    definition = definition or CASE_DEFINITIONS.get(key) or MODULE_DEFINITIONS.get(key, "")
    return Table(key, title, row_heading, columns, rows, adds_up_to=adds_up_to, definition=definition)


def _by_name(named: list[tuple[tuple[str, int], ...]], limit: int | None = None) -> dict[str, list[int]]:
    """[(name, count) per period] -> {name: [count per period]}, names that never count left out, in
    the order given (exploitation) or most common first (`limit` of them)."""
    totals: dict[str, list[int]] = {}
    for i, pairs in enumerate(named):
        for name, count in pairs:
            totals.setdefault(name, [0] * len(named))[i] += count
    names = [name for name, values in totals.items() if sum(values)]
    if limit is not None:
        names = sorted(names, key=lambda name: (-sum(totals[name]), name))[:limit]
    return {name: totals[name] for name in names}


def _every_name_shown(named: list[tuple[tuple[str, int], ...]], limit: int) -> bool:
    return len({name for pairs in named for name, count in pairs if count}) <= limit


def figures_tables(
    *, organisation_id: int, first_year: int, last_year: int, by: str = "quarter", disclosure: Disclosure | None = None
) -> list[Table]:
    """Every table for the organisation's financial years first_year..last_year, exact counts;
    `disclosure` decides only whether a median may be told (None: it may)."""
    evidence = evidence_by_period(organisation_id, periods(first_year, last_year, by=by))
    cases = [column.cases for column in evidence]
    return [
        _table(
            "concerns",
            gettext_noop("Concerns recorded and potential victims identified"),
            gettext_noop("Concerns"),
            evidence,
            {
                gettext_noop("Concerns recorded"): [c.concerns for c in cases],
                gettext_noop("Potential victims identified (people)"): [c.potential_victims for c in cases],
            },
            definition=wording.CONCERNS_DEFINITION,
        ),
        _table(
            "referrals",
            gettext_noop("NRM referrals"),
            gettext_noop("Age group"),
            evidence,
            {
                gettext_noop("Adult"): [c.referrals_adult for c in cases],
                gettext_noop("Child"): [c.referrals_child for c in cases],
                gettext_noop("Age not known"): [c.referrals_age_not_known for c in cases],
            },
            adds_up_to="referral_routes",  # its first row is every referral sent
        ),
        *referral_tables(organisation_id, evidence, disclosure),
        _table(
            "duty_to_notify",
            gettext_noop("Duty to Notify (adults who did not consent to an NRM referral)"),
            gettext_noop("Notifications"),
            evidence,
            {gettext_noop("Duty to Notify sent"): [c.duty_to_notify for c in cases]},
        ),
        _table(
            "decisions",
            gettext_noop("NRM decisions by outcome"),
            gettext_noop("Decision"),
            evidence,
            {
                gettext_noop("Reasonable grounds: positive"): [c.rg_positive for c in cases],
                gettext_noop("Reasonable grounds: negative"): [c.rg_negative for c in cases],
                gettext_noop("Conclusive grounds: trafficking"): [c.cg_trafficking for c in cases],
                gettext_noop("Conclusive grounds: slavery or forced labour"): [c.cg_slavery for c in cases],
                gettext_noop("Conclusive grounds: negative"): [c.cg_negative for c in cases],
            },
        ),
        _table(
            "exploitation",
            gettext_noop("Concerns by exploitation type (Home Office categories)"),
            gettext_noop("Exploitation type"),
            evidence,
            _by_name([c.exploitation for c in cases]),
            adds_up_to="concerns",  # every concern has one category, "Not specified or unknown" included
        ),
        _table(
            "nationalities",
            wording.NATIONALITIES_TITLE % {"count": TOP_NATIONALITIES},
            gettext_noop("Nationality"),
            evidence,
            _by_name([c.nationalities for c in cases], TOP_NATIONALITIES),
            adds_up_to="concerns" if _every_name_shown([c.nationalities for c in cases], TOP_NATIONALITIES) else "",
        ),
        _table(
            "operations",
            gettext_noop("Multi-agency operations led"),
            gettext_noop("Operations"),
            evidence,
            operations_rows(evidence),
        ),
        _table(
            "premises_and_operations",
            gettext_noop("Premises and operations by type"),
            gettext_noop("Type"),
            evidence,
            premises_and_operations_by_type(organisation_id, [column.period for column in evidence]),
            definition=BY_TYPE_DEFINITION,
        ),
        _table(
            "supply_chain",
            gettext_noop("Supply-chain risk"),
            gettext_noop("Contracts and checks"),
            evidence,
            supply_chain_rows(evidence),
        ),
        *support_tables(organisation_id, first_year, last_year),
    ]


_NRM, _DTN = REFERRAL_KINDS


def _median_note(whole: ReferralRoutes, kind: str, disclosure: Disclosure | None) -> str:
    """The median over the years shown, told only when it rests on at least the audience's threshold
    of referrals: a median of two or three is nearly the referrals themselves."""
    if whole.median_days is None:
        return ""
    if disclosure is not None and not disclosure.exact and whole.sent < disclosure.threshold:
        return wording.MEDIAN_WITHHELD[kind] % {"period": whole.period.label, "threshold": disclosure.threshold}
    return wording.MEDIAN[kind] % {"period": whole.period.label, "days": f"{whole.median_days:g}"}


def referral_tables(organisation_id: int, evidence: list[PeriodEvidence], disclosure: Disclosure | None) -> list[Table]:
    """NRM referrals and Duty to Notify by route and by time to refer. The NRM route table's first
    row is every referral sent, which the age-group table and the time table add up to; the Duty to
    Notify tables add up to the Duty to Notify table."""
    spans = [column.period for column in evidence]
    nrm, nrm_whole = referrals_by_route(organisation_id, spans, _NRM)
    dtn, dtn_whole = referrals_by_route(organisation_id, spans, _DTN)

    def rows(found: list[ReferralRoutes], part: str) -> dict[str, list[int]]:
        labels = [label for label, _ in getattr(found[0], part)]
        return {label: [dict(getattr(f, part))[label] for f in found] for label in labels}

    routes = _table(
        "referral_routes",
        gettext_noop("NRM referrals by route"),
        gettext_noop("Route"),
        evidence,
        {gettext_noop("NRM referrals sent"): [f.sent for f in nrm], **rows(nrm, "by_route")},
    )
    routes.first_row_is_total = True
    tables = [
        routes,
        _table(
            "referral_times",
            gettext_noop("NRM referrals by time to refer"),
            gettext_noop("Days"),
            evidence,
            rows(nrm, "by_days"),
            "referral_routes",
        ),
        _table(
            "duty_to_notify_routes",
            gettext_noop("Duty to Notify by route"),
            gettext_noop("Route"),
            evidence,
            rows(dtn, "by_route"),
            "duty_to_notify",
            CASE_DEFINITIONS["referral_routes"],
        ),
        _table(
            "duty_to_notify_times",
            gettext_noop("Duty to Notify by time to notify"),
            gettext_noop("Days"),
            evidence,
            rows(dtn, "by_days"),
            "duty_to_notify",
            CASE_DEFINITIONS["referral_times"],
        ),
    ]
    tables[1].note = _median_note(nrm_whole, "nrm", disclosure)
    tables[3].note = _median_note(dtn_whole, "dtn", disclosure)
    return tables


def support_tables(organisation_id: int, first_year: int, last_year: int) -> list[Table]:
    """Merton's matrix: outcome domains by support phase, for the years shown (not by period)."""
    found = support_outcomes_in_years(organisation_id, first_year, last_year)
    return [
        Table(
            key,
            title,
            gettext_noop("Outcome domain"),
            list(found.columns),
            [(label, list(values)) for label, values in rows],
            definition=CASE_DEFINITIONS[key],
            last_is_total=False,
        )
        for key, title, rows in (
            ("support_scored", wording.SUPPORT_SCORED_TITLE % {"period": found.period.label}, found.scored),
            (
                "support_improved",
                wording.SUPPORT_IMPROVED_TITLE % {"period": found.period.label},
                found.improved,
            ),
        )
    ]


Cell = tuple[str, str, int, int]  # (view, table key, row, column)


def _lines(tables: list[Table], view: str) -> tuple[dict[Cell, int], list[Line]]:
    """The counts of one view's tables and what adds up in them: each row to its Total, and each
    column of a table that adds up to another to that table's first row."""
    values: dict[Cell, int] = {}
    lines: list[Line] = []
    by_key = {table.key: table for table in tables}
    for table in tables:
        for r, (_, row) in enumerate(table.rows):
            values |= {(view, table.key, r, c): value for c, value in enumerate(row)}
            if table.last_is_total:
                last = len(row) - 1
                lines.append(Line(tuple((view, table.key, r, c) for c in range(last)), (view, table.key, r, last)))
        if table.first_row_is_total and len(table.rows) > 1:
            lines += [
                Line(tuple((view, table.key, r, c) for r in range(1, len(table.rows))), (view, table.key, 0, c))
                for c in range(len(table.columns))
            ]
        if table.adds_up_to in by_key and table.rows:
            lines += [
                Line(tuple((view, table.key, r, c) for r in range(len(table.rows))), (view, table.adds_up_to, 0, c))
                for c in range(len(table.columns))
            ]
    return values, lines


def _shown(tables: list[Table], view: str, shown: dict[Any, Any]) -> list[Table]:
    return [
        Table(
            table.key,
            table.title,
            table.row_heading,
            table.columns,
            [
                (label, [shown[(view, table.key, r, c)] for c in range(len(row))])
                for r, (label, row) in enumerate(table.rows)
            ],
            table.note,
            table.adds_up_to,
            table.definition,
            table.last_is_total,
            table.first_row_is_total,
        )
        for table in tables
    ]


def protect_tables(tables: list[Table], disclosure: Disclosure) -> list[Table]:
    """One view's tables as `disclosure`'s audience may see them, protected together."""
    if disclosure.exact:
        return tables
    values, lines = _lines(tables, "one")
    return _shown(tables, "one", protect(values, lines, disclosure))


def protect_views(
    quarterly: list[Table],
    yearly: list[Table],
    disclosure: Disclosure,
    *,
    withhold: set[Any] | None = None,
    keep: set[Any] | None = None,
    previous: dict[Any, Shown] | None = None,
) -> tuple[list[Table], list[Table]]:
    """The same years by quarter and by financial year, protected together, so that a reader with
    both views cannot work out a withheld quarter from the year it belongs to: each year's four
    quarters add up to its year cell, and the two Total columns are one."""
    if disclosure.exact:
        return quarterly, yearly
    values, lines = _lines(quarterly, "quarter")
    year_values, year_lines = _lines(yearly, "year")
    values |= year_values
    lines += year_lines
    years = {table.key: table for table in yearly if table.last_is_total}
    for table in quarterly:
        other = years.get(table.key)
        if other is None:
            continue
        rows = {label: r for r, (label, _) in enumerate(other.rows)}
        for rq, (label, row) in enumerate(table.rows):
            ry = rows[label]
            for y in range(len(other.columns) - 1):
                quarters = tuple(("quarter", table.key, rq, 4 * y + q) for q in range(4))
                lines.append(Line(quarters, ("year", table.key, ry, y)))
            lines.append(
                Line((("quarter", table.key, rq, len(row) - 1),), ("year", table.key, ry, len(other.columns) - 1))
            )
    shown = protect(
        values, lines, disclosure, withhold=withhold or set(), keep=keep or set(), previous=previous or None
    )
    return _shown(quarterly, "quarter", shown), _shown(yearly, "year", shown)


def published_tables(
    organisation_id: int, *, first_year: int, last_year: int, by: str, disclosure: Disclosure
) -> list[Table]:
    """The Figures page's tables for `by` as the audience sees them, protected with the other view
    of the same years (see protect_views): what the page, its exports and the FOI answer show."""
    tables = figures_tables(
        organisation_id=organisation_id, first_year=first_year, last_year=last_year, by=by, disclosure=disclosure
    )
    if disclosure.exact:
        return tables
    other = figures_tables(
        organisation_id=organisation_id,
        first_year=first_year,
        last_year=last_year,
        by="year" if by == "quarter" else "quarter",
    )
    quarterly, yearly = (tables, other) if by == "quarter" else (other, tables)
    withhold: set[Any] = set()
    keep: set[Any] = set()
    if disclosure.audience == Audience.PUBLIC:
        # The Home Office tables are the public's too and print some of the same counts: the page
        # follows what they withhold and show. (Imported here: home_office reads this module.)
        from tackle.reporting.home_office import figures_page_links

        views = {"quarter": quarterly, "year": yearly}
        withhold, keep = figures_page_links(organisation_id, first_year, views, disclosure)
    views = {"quarter": quarterly, "year": yearly}
    previous = _previous_release(released_cells(organisation_id, disclosure.audience), views, first_year, last_year)
    overlapping = released_periods(organisation_id, disclosure.audience)
    withhold |= _overlapping_withhold(overlapping, views, first_year, last_year, disclosure)
    quarterly, yearly = protect_views(quarterly, yearly, disclosure, withhold=withhold, keep=keep, previous=previous)
    return quarterly if by == "quarter" else yearly


# --- Releases: what was published, and the previous release of a table --------------------------

CellKey = tuple[str, str, str]  # (table, row, column key)


def column_key(column: str, first_year: int, last_year: int) -> tuple[str, Period | None]:
    """A column named by a period of the years shown keeps its label (the same quarter or year in any
    release is the same count); a Total or a support phase is named with the years it spans."""
    spans = {p.label: p for by in ("quarter", "year") for p in periods(first_year, last_year, by=by)}
    if column in spans:
        return column, spans[column]
    key = wording.OVER_YEARS % {
        "column": column,
        "first": financial_year_label(first_year),
        "last": financial_year_label(last_year),
    }
    if column == "Total":
        whole = periods(first_year, last_year, by="year")
        return key, Period(key, whole[0].starts_on, whole[-1].ends_before)
    return key, None


def release_cells(tables: list[Table], first_year: int, last_year: int) -> list[list[Any]]:
    """Tables as shown, as a release keeps them: [table, row, column key, shown, starts, ends before]
    (the dates of a column that is a period, else None)."""
    cells = []
    for table in tables:
        keys = [column_key(column, first_year, last_year) for column in table.columns]
        for label, values in table.rows:
            for (key, period), value in zip(keys, values, strict=True):
                dates = [period.starts_on.isoformat(), period.ends_before.isoformat()] if period else [None, None]
                cells.append([table.key, label, key, value, *dates])
    return cells


def released_cells(organisation_id: int, audience: str) -> dict[CellKey, Shown]:
    """Each cell as the latest release to `audience` showed it (Figures page, Home Office tables and
    FOI answers alike: the same table, row and period is the same count, whoever printed it)."""
    found: dict[CellKey, Shown] = {}
    releases = Release.objects.filter(organisation_id=organisation_id, audience=audience).order_by("released_at", "pk")
    for cells in releases.values_list("cells", flat=True):
        for table, row, column, shown, *_ in cells:
            found[(table, row, column)] = shown
    return found


def released_periods(organisation_id: int, audience: str) -> list[tuple[str, str, Period, Shown]]:
    """(table, row, period, shown) of every released cell that counts a period, latest last."""
    found = []
    releases = Release.objects.filter(organisation_id=organisation_id, audience=audience).order_by("released_at", "pk")
    for cells in releases.values_list("cells", flat=True):
        for table, row, column, shown, starts, ends in cells:
            if starts and ends:
                found.append((table, row, Period(column, date.fromisoformat(starts), date.fromisoformat(ends)), shown))
    return found


def overlaps_released_by_a_small_count(
    value: int,
    table: str,
    row: str,
    period: Period,
    released: list[tuple[str, str, Period, Shown]],
    disclosure: Disclosure,
) -> bool:
    """True when a released count of the same table and row, for a period that overlaps this one without
    being it, differs from this count (as it would be shown) by 1 to threshold - 1: subtracting one
    from the other would tell a small count (a financial year's 12 and a calendar year's 14)."""
    if disclosure.threshold <= 1:
        return False
    shown = disclosure.rounded(value)
    for their_table, their_row, theirs, count in released:
        if (their_table, their_row) != (table, row) or isinstance(count, str) or count is None:
            continue
        same = (theirs.starts_on, theirs.ends_before) == (period.starts_on, period.ends_before)
        overlap = theirs.starts_on < period.ends_before and period.starts_on < theirs.ends_before
        if overlap and not same and 0 < abs(shown - int(count)) < disclosure.threshold:
            return True
    return False


def _overlapping_withhold(
    released: list[tuple[str, str, Period, Shown]],
    views: dict[str, list[Table]],
    first_year: int,
    last_year: int,
    disclosure: Disclosure,
) -> set[Any]:
    """The cells of both views to withhold by the overlapping periods rule (see above)."""
    withhold: set[Any] = set()
    tables_released = {(table, row) for table, row, *_ in released}
    for view, tables in views.items():
        for table in tables:
            spans = [column_key(column, first_year, last_year)[1] for column in table.columns]
            for r, (label, row) in enumerate(table.rows):
                if (table.key, label) not in tables_released:
                    continue
                for c, span in enumerate(spans[: len(row)]):
                    if span and overlaps_released_by_a_small_count(
                        row[c], table.key, label, span, released, disclosure
                    ):
                        withhold.add((view, table.key, r, c))
    return withhold


def _previous_release(
    released: dict[CellKey, Shown], views: dict[str, list[Table]], first_year: int, last_year: int
) -> dict[Any, Shown]:
    """The cells of both views that a release showed before, keyed as protect_views keys them."""
    previous: dict[Any, Shown] = {}
    if not released:
        return previous
    for view, tables in views.items():
        for table in tables:
            keys = [column_key(column, first_year, last_year)[0] for column in table.columns]
            for r, (label, row) in enumerate(table.rows):
                for c, key in enumerate(keys[: len(row)]):
                    if (table.key, label, key) in released:
                        previous[(view, table.key, r, c)] = released[(table.key, label, key)]
    return previous


def release_records(organisation_id: int) -> QuerySet[Release]:
    """The organisation's releases, latest first: the page's and the API's."""
    return Release.objects.filter(organisation_id=organisation_id)


def releases_of(organisation_id: int) -> list[Release]:
    """The organisation's releases, latest first, with who released each."""
    return list(release_records(organisation_id).select_related("released_by"))


def figures_is_exact_for(user: Any) -> bool:
    """True: this user may see exact counts. PermissionDenied: no figures at all."""
    if not (user.is_authenticated and user.organisation_id and user.may_use(Module.REPORTING)):
        raise PermissionDenied("Your role cannot see figures.")
    return register_is_exact_for(user)


def figures_audience(user: Any, *, publication: bool = False) -> Audience:
    """The public's figures for publication; otherwise internal for roles that see every case and
    councillors' for the rest. PermissionDenied for a role without figures."""
    exact = figures_is_exact_for(user)
    if publication:
        return Audience.PUBLIC
    return Audience.INTERNAL if exact else Audience.COUNCILLORS


def figures_for_user(
    user: Any, *, first_year: int, last_year: int, by: str = "quarter", publication: bool = False
) -> Figures:
    disclosure = disclosure_for(user.organisation_id, figures_audience(user, publication=publication))
    tables = published_tables(
        user.organisation_id, first_year=first_year, last_year=last_year, by=by, disclosure=disclosure
    )
    return Figures(
        first_year=first_year,
        last_year=last_year,
        by=by,
        tables=tables,
        suppressed=not disclosure.exact,
        training=[
            (found.period.label, str(found.sessions_held), str(found.people_trained))
            for found in training_by_year(user.organisation_id, first_year, last_year)
        ],
        disclosure_note=disclosure.note(),
    )


def default_years(today: date) -> tuple[int, int]:
    last = financial_year_of(today)
    return last - 1, last
