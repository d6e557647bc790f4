"""Disclosure control against the previous release of the same table (issue 17, item 2): a reader
who holds both releases, and takes as unchanged whatever did not change, works out no withheld
count of either, and no change from 1 to threshold - 1 is shown."""

from hypothesis import given, settings
from hypothesis import strategies as st

from tackle.core.disclosure import WITHHELD, Audience, Disclosure, Line, grid_lines, protect
from tackle.core.tests.test_disclosure import grids, thresholds, worked_out_by_a_reader

COUNCILLORS = Disclosure(Audience.COUNCILLORS, 5)
ROW = [Line(("a", "b"), "total")]


def worked_out_from_both(before: dict, now: dict, shown_before: dict, shown_now: dict, lines: list[Line]) -> set:
    """The reader's check over both releases: each release's lines, and an entry taken as the same
    in both wherever it did not change."""
    shown = {("before", n): v for n, v in shown_before.items()} | {("now", n): v for n, v in shown_now.items()}
    equations = [
        Line(tuple((when, m) for m in line.members), (when, line.total)) for when in ("before", "now") for line in lines
    ]
    equations += [Line((("before", n),), ("now", n)) for n in now if before[n] == now[n]]
    return worked_out_by_a_reader(shown, equations)


def assert_safe_across(before: dict, now: dict, lines: list[Line], rules: Disclosure) -> dict:
    shown_before = protect(before, lines, rules)
    shown_now = protect(now, lines, rules, previous=shown_before)
    for name, value in now.items():
        if rules.is_small(value):
            assert shown_now[name] == rules.label
        elif not isinstance(shown_now[name], str):
            assert shown_now[name] == value
            if not isinstance(shown_before[name], str):  # a change shown is never a small count
                assert not rules.is_small(abs(value - before[name]))
    assert worked_out_by_a_reader(shown_now, lines) == set()
    assert worked_out_from_both(before, now, shown_before, shown_now, lines) == set()
    return shown_now


changes = st.sampled_from([0, 0, 0, 0, 1, 2, -1, -3, 5, 12])


@st.composite
def revised_grids(draw):
    """A table and the same table released again with some counts changed."""
    body, row_totals, column_totals = draw(grids())
    rows = len(body) - 1 if column_totals else len(body)
    columns = len(body[0]) - 1 if row_totals else len(body[0])
    cells = [row[:columns] for row in body[:rows]]
    revised = [[max(0, value + draw(changes)) for value in row] for row in cells]

    def with_margins(grid: list[list[int]]) -> list[list[int]]:
        if row_totals:
            grid = [[*row, sum(row)] for row in grid]
        if column_totals:
            grid = [*grid, [sum(column) for column in zip(*grid, strict=True)]]
        return grid

    return with_margins(cells), with_margins(revised), row_totals, column_totals


@settings(max_examples=200, deadline=None)
@given(tables=revised_grids(), threshold=thresholds)
def test_no_withheld_count_of_either_release_can_be_worked_out_from_both(tables, threshold):
    first, second, row_totals, column_totals = tables
    lines = grid_lines(len(first), len(first[0]), row_totals=row_totals, column_totals=column_totals)
    before = {(r, c): value for r, row in enumerate(first) for c, value in enumerate(row)}
    now = {(r, c): value for r, row in enumerate(second) for c, value in enumerate(row)}
    assert_safe_across(before, now, lines, Disclosure("public", threshold))


def test_a_count_shown_as_12_then_14_is_withheld_with_a_cell_beside_it():
    before, now = {"a": 12, "b": 20, "total": 32}, {"a": 14, "b": 20, "total": 34}
    shown = assert_safe_across(before, now, ROW, COUNCILLORS)
    assert shown["a"] == WITHHELD and shown["total"] == WITHHELD and shown["b"] == 20


def test_an_unchanged_count_and_a_change_of_at_least_the_threshold_are_shown():
    before, now = {"a": 12, "b": 20, "total": 32}, {"a": 17, "b": 20, "total": 37}
    assert assert_safe_across(before, now, ROW, COUNCILLORS) == now


def test_a_count_withheld_beside_a_small_one_stays_withheld_when_the_small_one_grows():
    """3 and 17 (withheld) making 20, then 6 and 17 making 23: showing 17 would give the 3."""
    before, now = {"a": 3, "b": 17, "total": 20}, {"a": 6, "b": 17, "total": 23}
    assert protect(before, ROW, COUNCILLORS) == {"a": "fewer than 5", "b": WITHHELD, "total": 20}
    shown = assert_safe_across(before, now, ROW, COUNCILLORS)
    assert shown["b"] == WITHHELD and protect(now, ROW, COUNCILLORS) == now


def test_a_small_count_that_is_no_longer_small_is_shown():
    """The 17 withheld beside the 3 stays withheld, and the 8 (was 40) is withheld with it, not the 9."""
    before = {"a": 3, "b": 17, "c": 30, "d": 40, "total": 90}
    now = {"a": 9, "b": 17, "c": 30, "d": 8, "total": 64}
    lines = [Line(("a", "b", "c", "d"), "total")]
    shown = assert_safe_across(before, now, lines, COUNCILLORS)
    assert shown == {"a": 9, "b": WITHHELD, "c": 30, "d": WITHHELD, "total": 64}
