"""Disclosure control: the one place that decides which counts a reader may see.

Who reads a figure sets how much is withheld (`Audience`); the organisation sets each audience's
threshold (tackle.accounts, OrganisationSettings), and these defaults apply until it does:

- internal (roles that see every case: the lead, the safeguarding manager): threshold 0, exact counts;
- councillors (and other roles with figures only): threshold 5, counts 1 to 4 withheld;
- public (the Figures page "for publication", FOI answers, the published statement): threshold 10,
  counts 1 to 9 withheld, as close as a council's numbers allow to CTDC's k = 11, and optionally
  rounded to the nearest 5.

Primary suppression: a count from 1 to threshold - 1 reads "fewer than <threshold>"; zero stays 0.
Secondary (complementary) suppression: a table is a set of `Line`s (members that add up to a total
shown beside them: a row and its total, a column and its total, one table's column and another
table's cell). More counts read "withheld" until
1. no line has exactly one withheld entry (subtraction would give it),
2. in a line whose total is shown, the withheld members add up to at least the threshold, so the
   withheld group is not itself a small number, and
3. no withheld count is a linear combination of what is shown (`recoverable`: sparse Gaussian elimination
   in exact fractions over the withheld entries), which catches what 1 misses, such as a cell
   joining two otherwise separate groups of withheld cells.
The extra count chosen is the smallest non-zero member of the line concerned, so as little as
possible is lost; withholding is also tried choosing cells before totals, and whichever way leaves
more totals shown is kept (a total is shared: the Figures page, the Home Office tables and an FOI
answer print the same one, so it should stay published). Rounding, when asked for, comes last and
only to counts shown, never to 0; totals are rounded on their own, so rounded rows may not add up
(the notes say so).

The previous release of the same table (`protect(previous=...)`, what it showed: counts and labels)
is a second set of equations over the same entries, and a reader may take as unchanged whatever
did not change. So, before the rules above:
(a) an entry it showed as WITHHELD stays withheld (it may be unchanged, and showing it would give
    its previous value); one it showed as "fewer than" may be shown once it is no longer small (the
    reader then knows it changed, not by how much);
(b) an entry it showed whose change is from 1 to threshold - 1 is withheld now: the change is a
    small count (12 then 14 tells of 2 people); an unchanged one is never chosen to be withheld
    (it would read as before).
Then entries are withheld until neither release's withheld counts follow from both together,
taking as unchanged every entry withheld in both (`_worked_out_across`). The previous release's
true values are not needed; entries it lacks are new rows, left out of its lines.
"""

from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from typing import Any

from django.utils.translation import gettext_noop

from tackle.core.stored_wording import StoredWording

# What a reader is shown, made in English (releases and answers keep it, later ones match by it)
# from these templates, and shown in the reader's language by `disclosed_in_language` (issue 21).
WITHHELD = gettext_noop("withheld")  # a count withheld so that a smaller one cannot be worked out
FEWER_THAN = gettext_noop("fewer than %(threshold)d")
SMALL_COUNTS_ALONE_NOTE = gettext_noop("Counts from 1 to %(last)d read “%(label)s”.")
EXACT_NOTE = gettext_noop("Exact counts, for people who may see every case.")
SMALL_COUNTS_NOTE = gettext_noop(
    "Any count from 1 to %(last)d reads “%(label)s” so that no one can be identified, and some other counts "
    "read “withheld” so that a small one cannot be worked out from the totals. Zero is shown as 0."
)
NOTHING_WITHHELD_NOTE = gettext_noop("No count is withheld.")
ROUNDED_NOTE = gettext_noop("%(note)s Counts are rounded to the nearest %(base)d, so totals may not add up.")
DISCLOSURE_TEMPLATES = (
    WITHHELD, FEWER_THAN, SMALL_COUNTS_ALONE_NOTE, EXACT_NOTE, SMALL_COUNTS_NOTE, NOTHING_WITHHELD_NOTE, ROUNDED_NOTE,
)  # fmt: skip
_WORDING = StoredWording(DISCLOSURE_TEMPLATES, inside={"label", "note"})


def disclosed_in_language(shown: Any) -> Any:
    """A disclosed value (a count, "fewer than N", "withheld") or a disclosure note in the active
    language; a count, and text these templates did not make, as it is."""
    return _WORDING.in_language(shown) if isinstance(shown, str) else shown


class Audience(StrEnum):
    INTERNAL = "internal"
    COUNCILLORS = "councillors"
    PUBLIC = "public"


DEFAULT_THRESHOLDS: dict[Audience, int] = {Audience.INTERNAL: 0, Audience.COUNCILLORS: 5, Audience.PUBLIC: 10}
HIGHEST_THRESHOLD = 50  # beyond this a council's figures would all be withheld
ROUNDING_BASE = 5

Shown = int | str


@dataclass(frozen=True)
class Disclosure:
    """How counts are shown to one audience."""

    audience: Audience
    threshold: int
    round_to: int = 1  # 5: every count shown is rounded to the nearest 5

    @property
    def exact(self) -> bool:
        return self.threshold <= 1 and self.round_to == 1

    @property
    def label(self) -> str:
        return FEWER_THAN % {"threshold": self.threshold}

    def is_small(self, value: int) -> bool:
        return 0 < value < self.threshold

    def rounded(self, value: int) -> int:
        if self.round_to <= 1 or value == 0:
            return value
        return max(self.round_to, (value + self.round_to // 2) // self.round_to * self.round_to)

    def show(self, value: int) -> Shown:
        """A count standing alone, with no total beside it: withheld only when it is small."""
        return self.label if self.is_small(value) else self.rounded(value)

    def small_counts_note(self) -> str:
        """For counts that stand alone (no totals beside them), "" when nothing is withheld."""
        if self.threshold <= 1:
            return ""
        return SMALL_COUNTS_ALONE_NOTE % {"last": self.threshold - 1, "label": self.label}

    def note(self) -> str:
        """What a reader is told about the figures they see, for pages and exports."""
        if self.exact:
            return EXACT_NOTE
        words = SMALL_COUNTS_NOTE % {"last": self.threshold - 1, "label": self.label}
        if self.threshold <= 1:
            words = NOTHING_WITHHELD_NOTE
        if self.round_to > 1:
            words = ROUNDED_NOTE % {"note": words, "base": self.round_to}
        return words


def default_disclosure(audience: Audience) -> Disclosure:
    return Disclosure(audience, DEFAULT_THRESHOLDS[audience])


@dataclass(frozen=True)
class Line:
    """`members` add up to `total`, and a reader sees both (or knows the total from elsewhere)."""

    members: tuple[Hashable, ...]
    total: Hashable

    def entries(self) -> tuple[Hashable, ...]:
        return (*self.members, self.total)


def recoverable(withheld: Iterable[Hashable], lines: Iterable[Line]) -> set[Hashable]:
    """The withheld entries a reader can work out exactly by adding and subtracting what is shown.
    Each line gives an equation in the withheld entries; reduced to row echelon form (exact
    fractions, rows kept sparse: a line touches a few entries of a large table), an entry is
    determined when its pivot row holds nothing else."""
    hidden = set(withheld)
    pivots: dict[Hashable, dict[Hashable, Fraction]] = {}  # pivot entry -> its row, fully reduced
    for line in lines:
        row: dict[Hashable, Fraction] = {}
        for name, sign in [*((m, 1) for m in line.members), (line.total, -1)]:
            if name in hidden:
                row[name] = row.get(name, Fraction(0)) + sign
        row = {name: value for name, value in row.items() if value}
        for pivot in [name for name in row if name in pivots]:
            factor = row.get(pivot, Fraction(0))
            if factor:
                for name, value in pivots[pivot].items():
                    row[name] = row.get(name, Fraction(0)) - factor * value
                row = {name: value for name, value in row.items() if value}
        if not row:
            continue
        pivot = next(iter(row))
        scale = row[pivot]
        row = {name: value / scale for name, value in row.items()}
        for other, other_row in pivots.items():
            if other_row.get(pivot):
                factor = other_row[pivot]
                for name, value in row.items():
                    other_row[name] = other_row.get(name, Fraction(0)) - factor * value
                pivots[other] = {name: value for name, value in other_row.items() if value}
        pivots[pivot] = row
    return {pivot for pivot, row in pivots.items() if len(row) == 1}


def _smallest(
    candidates: Iterable[Hashable],
    values: Mapping[Any, int],
    helps: Collection[Hashable] = (),
    totals: Collection[Hashable] = (),
) -> Hashable | None:
    """The next entry to withhold: a cell before any of `totals` when given, then one that also
    mends another line (`helps`), then the smallest count above 0, then a zero; None when none."""
    ordered = sorted(candidates, key=lambda name: (name in totals, name not in helps, values[name] == 0, values[name]))
    return ordered[0] if ordered else None


def withheld_entries(
    values: Mapping[Any, int],
    lines: Sequence[Line],
    threshold: int,
    *,
    withhold: Collection[Hashable] = (),
    keep: Collection[Hashable] = (),
) -> tuple[set[Hashable], set[Hashable]]:
    """(primary, secondary): the small counts, and those withheld beside them. See the docstring.
    `withhold` and `keep` fix entries another publication already withholds or shows (the same
    count printed there): the first are withheld from the start, the second are never chosen.
    Withholding is grown twice, once choosing cells before totals and once by size alone, and the
    way that leaves more totals shown (then fewer counts withheld) is kept: a total is often shared
    with another page, yet reaching for cells first can sometimes cost a total anyway, and more."""
    primary = {name for name, value in values.items() if 0 < value < threshold}
    lines = [line for line in lines if len(line.members) > 0]
    totals = {line.total for line in lines}
    ways = [
        _grown(values, lines, primary, threshold, totals if first else set(), set(withhold) - primary, keep)
        for first in (True, False)
    ]
    secondary = min(ways, key=lambda found: (len(found & totals), len(found)))
    return primary, secondary


def _grown(
    values: Mapping[Any, int],
    lines: Sequence[Line],
    primary: set[Hashable],
    threshold: int,
    totals: Collection[Hashable],
    forced: set[Hashable],
    keep: Collection[Hashable],
) -> set[Hashable]:
    withheld = primary | forced
    while True:
        extra = _next_to_withhold(values, lines, withheld, primary, threshold, totals, keep)
        if extra is None:
            return withheld - primary
        withheld.add(extra)


def _next_to_withhold(
    values: Mapping[Any, int],
    lines: Sequence[Line],
    withheld: set[Hashable],
    primary: set[Hashable],
    threshold: int,
    totals: Collection[Hashable],
    keep: Collection[Hashable] = (),
) -> Hashable | None:
    taken = withheld | set(keep)  # what may not be chosen: withheld already, or shown elsewhere
    alone = [line for line in lines if sum(name in withheld for name in line.entries()) == 1]
    for line in alone:
        # An entry of another line that has one withheld entry mends both at once.
        helps = {name for other in alone if other is not line for name in other.entries()}
        choice = _smallest((m for m in line.entries() if m not in taken), values, helps, totals)
        if choice is not None:
            return choice
    for line in lines:
        if line.total in withheld or not any(m in primary for m in line.members):
            continue
        if sum(values[m] for m in line.members if m in withheld) < threshold:
            choice = _smallest((m for m in line.members if m not in taken), values)
            if choice is not None:
                return choice
    for name in sorted(recoverable(withheld, lines), key=str):
        for line in lines:
            if name in line.entries():
                choice = _smallest((m for m in line.entries() if m not in taken), values, totals=totals)
                if choice is not None:
                    return choice
    return None


def protect(
    values: Mapping[Any, int],
    lines: Sequence[Line],
    disclosure: Disclosure,
    *,
    withhold: Collection[Hashable] = (),
    keep: Collection[Hashable] = (),
    previous: Mapping[Any, Shown] | None = None,
) -> dict[Any, Shown]:
    """Every value as the audience may see it: a count (rounded if asked), the small-count label,
    or WITHHELD. Names in `lines` must all be keys of `values`. `withhold` and `keep`: see
    withheld_entries (counts another publication prints, withheld or shown there). `previous`: what
    the previous release of this table showed for the same audience (see the module docstring)."""
    if disclosure.threshold <= 1:
        return {name: disclosure.rounded(value) for name, value in values.items()}
    if previous:
        primary, secondary = _withheld_after(values, lines, disclosure, previous, set(withhold), set(keep))
    else:
        primary, secondary = withheld_entries(values, lines, disclosure.threshold, withhold=withhold, keep=keep)
    shown: dict[Any, Shown] = {}
    for name, value in values.items():
        if name in primary:
            shown[name] = disclosure.label
        elif name in secondary:
            shown[name] = WITHHELD
        else:
            shown[name] = disclosure.rounded(value)
    return shown


@dataclass(frozen=True)
class _Before:
    """An entry as the previous release had it: an unknown of its own, linked to the entry now
    only where a reader may take it as unchanged."""

    name: Hashable


def _against_previous(
    values: Mapping[Any, int], previous: Mapping[Any, Shown], disclosure: Disclosure
) -> tuple[set[Hashable], set[Hashable]]:
    """(withhold, keep): rules (a) and (b) of the module docstring."""
    withhold, keep = set(), set()
    for name, before in previous.items():
        if name not in values:
            continue
        if before == WITHHELD:
            withhold.add(name)
        elif not is_withheld(before):
            change = abs(disclosure.rounded(values[name]) - int(before))
            if 0 < change < disclosure.threshold:
                withhold.add(name)
            elif change == 0:
                keep.add(name)
    return withhold, keep - withhold


def _worked_out_across(
    values: Mapping[Any, int],
    lines: Sequence[Line],
    previous: Mapping[Any, Shown],
    withheld: set[Hashable],
    disclosure: Disclosure,
) -> set[Hashable]:
    """Entries withheld now, or in the previous release, that follow from both releases together."""
    before_hidden = {_Before(name) for name, shown in previous.items() if is_withheld(shown)}
    equations = [*lines]
    for line in lines:
        if line.total in previous:
            members = tuple(_Before(m) for m in line.members if m in previous)
            equations.append(Line(members, _Before(line.total)))
    for name in withheld:  # a reader may take as unchanged what may be unchanged
        if _Before(name) in before_hidden or previous.get(name) == disclosure.rounded(values[name]):
            equations.append(Line((_Before(name),), name))
    found = recoverable(before_hidden | withheld, equations)
    return {name.name if isinstance(name, _Before) else name for name in found}


def _withheld_after(
    values: Mapping[Any, int],
    lines: Sequence[Line],
    disclosure: Disclosure,
    previous: Mapping[Any, Shown],
    withhold: set[Hashable],
    keep: set[Hashable],
) -> tuple[set[Hashable], set[Hashable]]:
    """withheld_entries for a table released before: withhold more until `_worked_out_across` finds
    nothing, choosing in a line of an entry found; stopping when only entries that read as before
    are left there (what remains found then rests on taking as unchanged what changed)."""
    more_withhold, more_keep = _against_previous(values, previous, disclosure)
    withhold |= more_withhold
    keep = (keep | more_keep) - withhold
    while True:
        primary, secondary = withheld_entries(values, lines, disclosure.threshold, withhold=withhold, keep=keep)
        withheld = primary | secondary
        found = _worked_out_across(values, lines, previous, withheld, disclosure)
        near = [m for line in lines if found & set(line.entries()) for m in line.entries() if m not in withheld]
        # One that reads as before (in keep) adds no unknown: withholding it would not help.
        extra = _smallest([m for m in near if m not in keep], values)
        if not found or extra is None:
            return primary, secondary
        withhold.add(extra)
        keep.discard(extra)


def grid_lines(rows: int, columns: int, *, row_totals: bool, column_totals: bool) -> list[Line]:
    """The lines of a grid addressed (row, column) whose last column holds the row totals when
    `row_totals` and whose last row holds the column totals when `column_totals`."""
    body_rows = rows - 1 if column_totals else rows
    body_columns = columns - 1 if row_totals else columns
    lines = []
    if row_totals:
        last = rows if column_totals else body_rows  # the totals row adds up too
        lines += [Line(tuple((r, c) for c in range(body_columns)), (r, columns - 1)) for r in range(last)]
    if column_totals:
        last = columns if row_totals else body_columns
        lines += [Line(tuple((r, c) for r in range(body_rows)), (rows - 1, c)) for c in range(last)]
    return lines


def protect_grid(
    grid: Sequence[Sequence[int]], disclosure: Disclosure, *, row_totals: bool, column_totals: bool
) -> list[list[Shown]]:
    """A two-way table with its margins (see grid_lines), as the audience may see it."""
    values = {(r, c): value for r, row in enumerate(grid) for c, value in enumerate(row)}
    columns = len(grid[0]) if grid else 0
    lines = grid_lines(len(grid), columns, row_totals=row_totals, column_totals=column_totals)
    shown = protect(values, lines, disclosure)
    return [[shown[(r, c)] for c in range(len(row))] for r, row in enumerate(grid)]


def protect_breakdowns(
    counts: dict[str, Any],
    disclosure: Disclosure,
    *,
    total: str = "total",
    parts_of: dict[str, tuple[str, str]] | None = None,
) -> dict[str, Any]:
    """A total and the breakdowns of it ({"by_x": {name: count}}), each adding up to the total, as
    the audience may see them. `parts_of` names a breakdown that adds up to one entry of another
    instead ({"children_by_stage": ("by_age_group", "child")}). Other keys (a date) pass through."""
    parts_of = parts_of or {}
    values: dict[Any, int] = {total: counts[total]}
    lines = []
    for key, breakdown in counts.items():
        if isinstance(breakdown, dict):
            values.update({(key, name): count for name, count in breakdown.items()})
            whole = parts_of.get(key)
            lines.append(Line(tuple((key, name) for name in breakdown), whole if whole else total))
    shown = protect(values, lines, disclosure)
    return {
        key: {name: shown[(key, name)] for name in value}
        if isinstance(value, dict)
        else shown[key]
        if key == total
        else value
        for key, value in counts.items()
    }


def is_withheld(value: Any) -> bool:
    return isinstance(value, str) and (value == WITHHELD or value.startswith("fewer than "))
