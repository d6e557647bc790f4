from fractions import Fraction

from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from tackle.core.disclosure import (
    WITHHELD,
    Audience,
    Disclosure,
    Line,
    default_disclosure,
    disclosed_in_language,
    grid_lines,
    protect,
    protect_breakdowns,
    protect_grid,
    recoverable,
)

COUNCILLORS = Disclosure(Audience.COUNCILLORS, 5)
PUBLIC = Disclosure(Audience.PUBLIC, 10)


# --- An independent check: a reader's linear algebra --------------------------------------------


def _rank(rows: list[list[Fraction]]) -> int:
    rows = [list(row) for row in rows]
    rank = 0
    for c in range(len(rows[0]) if rows else 0):
        pivot = next((i for i in range(rank, len(rows)) if rows[i][c] != 0), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        for i in range(rank + 1, len(rows)):
            factor = rows[i][c] / rows[rank][c]
            rows[i] = [a - factor * b for a, b in zip(rows[i], rows[rank], strict=True)]
        rank += 1
    return rank


def worked_out_by_a_reader(shown: dict, lines: list[Line]) -> set:
    """Masked entries whose value follows from the equations with the shown values moved to the
    right: entry m is determined iff its unit vector lies in the row space of the equations
    restricted to the masked entries (the rank does not grow when it is added)."""
    masked = [name for name, value in shown.items() if isinstance(value, str)]
    matrix = []
    for line in lines:
        row = [Fraction(0)] * len(masked)
        for i, name in enumerate(masked):
            row[i] += line.members.count(name) - (1 if line.total == name else 0)
        matrix.append(row)
    found = set()
    for i, name in enumerate(masked):
        unit = [Fraction(int(j == i)) for j in range(len(masked))]
        if _rank(matrix) == _rank([*matrix, unit]):
            found.add(name)
    return found


def assert_safe(values: dict, lines: list[Line], rules: Disclosure) -> dict:
    shown = protect(values, lines, rules)
    for name, value in values.items():
        if rules.is_small(value):
            assert shown[name] == rules.label
        elif not isinstance(shown[name], str):
            assert shown[name] == value  # what is shown is true
    assert worked_out_by_a_reader(shown, lines) == set()
    for line in lines:  # a withheld group is never itself a small number
        hidden = [m for m in line.members if isinstance(shown[m], str)]
        if hidden and not isinstance(shown[line.total], str) and any(rules.is_small(values[m]) for m in hidden):
            assert sum(values[m] for m in hidden) >= rules.threshold
    return shown


# --- Tables the property tests generate ----------------------------------------------------------

small_counts = st.sampled_from([0, 0, 0, 1, 2, 3, 4, 6, 9, 12, 20])
thresholds = st.integers(min_value=2, max_value=11)


@st.composite
def grids(draw):
    rows, columns = draw(st.integers(1, 5)), draw(st.integers(2, 5))
    body = [[draw(small_counts) for _ in range(columns)] for _ in range(rows)]
    row_totals, column_totals = draw(st.booleans()), draw(st.booleans())
    if row_totals:
        body = [[*row, sum(row)] for row in body]
    if column_totals:
        body.append([sum(column) for column in zip(*body, strict=True)])
    return body, row_totals, column_totals


@settings(max_examples=200, deadline=None)
@given(cells=st.lists(small_counts, min_size=1, max_size=8), threshold=thresholds)
def test_no_withheld_count_of_a_one_way_table_can_be_worked_out(cells, threshold):
    values = {("cell", i): value for i, value in enumerate(cells)} | {"total": sum(cells)}
    assert_safe(values, [Line(tuple(("cell", i) for i in range(len(cells))), "total")], Disclosure("public", threshold))


@settings(max_examples=200, deadline=None)
@given(table=grids(), threshold=thresholds)
def test_no_withheld_count_of_a_two_way_table_with_margins_can_be_worked_out(table, threshold):
    body, row_totals, column_totals = table
    values = {(r, c): value for r, row in enumerate(body) for c, value in enumerate(row)}
    lines = grid_lines(len(body), len(body[0]), row_totals=row_totals, column_totals=column_totals)
    assert_safe(values, lines, Disclosure("public", threshold))


@settings(max_examples=100, deadline=None)
@given(
    stages=st.lists(small_counts, min_size=2, max_size=7),
    ages=st.lists(small_counts, min_size=2, max_size=3),
    threshold=thresholds,
)
def test_two_breakdowns_of_one_total_are_safe_together(stages, ages, threshold):
    # Two partitions of one total: make the second add up to the same total as the first.
    ages = [*ages[:-1], max(0, sum(stages) - sum(ages[:-1]))]
    if sum(ages) != sum(stages):
        ages = [sum(stages)] + [0] * (len(ages) - 1)
    values = {"total": sum(stages)}
    values |= {("stage", i): v for i, v in enumerate(stages)} | {("age", i): v for i, v in enumerate(ages)}
    lines = [
        Line(tuple(("stage", i) for i in range(len(stages))), "total"),
        Line(tuple(("age", i) for i in range(len(ages))), "total"),
    ]
    assert_safe(values, lines, Disclosure("councillors", threshold))


# --- Cases worth naming --------------------------------------------------------------------------


def test_a_councillor_cannot_work_out_unknown_age_from_total_adults_and_children():
    """Issue 15, defect 5: total 24, adults 17, children 5, unknown 2 showed unknown as "fewer
    than 5" beside everything else, so unknown was 24 - 17 - 5 = 2."""
    counts = {"as_of": "2025-06-01", "total": 24, "by_age_group": {"adult": 17, "child": 5, "unknown": 2}}
    shown = protect_breakdowns(counts, COUNCILLORS)
    assert shown == {
        "as_of": "2025-06-01",
        "total": 24,
        "by_age_group": {"adult": 17, "child": WITHHELD, "unknown": "fewer than 5"},
    }


def test_a_breakdown_of_one_entry_is_protected_with_that_entry():
    """Children by stage add up to the children, not to the total: 7 children, 1 referred."""
    counts = {
        "total": 20,
        "by_age_group": {"adult": 13, "child": 7},
        "children_by_stage": {"concern": 6, "nrm_referred": 1},
    }
    shown = protect_breakdowns(counts, COUNCILLORS, parts_of={"children_by_stage": ("by_age_group", "child")})
    assert shown["children_by_stage"] == {"concern": WITHHELD, "nrm_referred": "fewer than 5"}
    assert shown["by_age_group"] == {"adult": 13, "child": 7}


def test_the_same_table_for_the_public_withholds_until_the_group_is_not_small():
    counts = {"total": 24, "by_age_group": {"adult": 17, "child": 5, "unknown": 2}}
    shown = protect_breakdowns(counts, PUBLIC)
    assert shown["by_age_group"] == {"adult": WITHHELD, "child": "fewer than 10", "unknown": "fewer than 10"}
    assert shown["total"] == 24


def test_a_cell_joining_two_withheld_blocks_is_protected_though_every_line_has_two():
    """Withheld cells in two separate 2x2 blocks and one cell between them: every row and column
    has two withheld cells, yet the joining cell is rows 0-1 minus columns 0-1. The audit finds it."""
    withheld = {(0, 0), (0, 1), (1, 0), (1, 1), (1, 2), (2, 2), (2, 3), (3, 2), (3, 3)}
    lines = grid_lines(5, 5, row_totals=True, column_totals=True)
    assert recoverable(withheld, lines) == {(1, 2)}


def test_withholding_goes_on_until_no_withheld_count_follows_from_the_others():
    """Found by a search when only rules 1 and 2 were applied: every line had two withheld
    entries and each withheld group was large enough, yet one entry could still be worked out."""
    body = [[3, 12, 3, 1, 20, 39], [0, 0, 6, 0, 0, 6], [2, 9, 0, 0, 1, 12], [0, 9, 0, 0, 9, 18], [5, 30, 9, 1, 30, 75]]
    values = {(r, c): value for r, row in enumerate(body) for c, value in enumerate(row)}
    assert_safe(values, grid_lines(5, 6, row_totals=True, column_totals=True), Disclosure("public", 5))


def test_a_lone_small_count_with_no_total_is_withheld_alone():
    assert PUBLIC.show(3) == "fewer than 10" and PUBLIC.show(0) == 0 and PUBLIC.show(10) == 10


def test_zero_is_shown_and_nothing_is_withheld_beside_a_zero_line():
    values = {"a": 0, "b": 0, "total": 0}
    assert protect(values, [Line(("a", "b"), "total")], PUBLIC) == values


def test_rounding_to_5_rounds_what_is_shown_and_never_makes_a_count_zero():
    rules = Disclosure(Audience.PUBLIC, 3, round_to=5)
    assert [rules.rounded(n) for n in (0, 1, 2, 3, 7, 8, 12, 13)] == [0, 5, 5, 5, 5, 10, 10, 15]
    assert protect_grid([[12, 13, 25]], rules, row_totals=True, column_totals=False) == [[10, 15, 25]]
    assert "rounded to the nearest 5" in rules.note()


def test_internal_figures_are_exact_by_default():
    rules = default_disclosure(Audience.INTERNAL)
    assert rules.exact and protect({"a": 1, "t": 1}, [Line(("a",), "t")], rules) == {"a": 1, "t": 1}
    assert default_disclosure(Audience.COUNCILLORS).threshold == 5
    assert default_disclosure(Audience.PUBLIC).threshold == 10


def test_a_one_column_table_withholds_its_total_with_its_only_cell():
    grid = [[3, 3], [20, 20], [23, 23]]
    shown = protect_grid(grid, COUNCILLORS, row_totals=True, column_totals=True)
    assert shown[0] == ["fewer than 5", "fewer than 5"]
    assert (
        worked_out_by_a_reader(
            {(r, c): v for r, row in enumerate(shown) for c, v in enumerate(row)},
            grid_lines(3, 2, row_totals=True, column_totals=True),
        )
        == set()
    )


def test_a_cell_is_withheld_rather_than_a_total_that_other_tables_share():
    """A 1 beside 30 in a row, 6 above it in its column: the totals 30, 37 and 7 used to be withheld
    to cover it, though withholding the cells of a 2 x 2 block covers it with every total shown."""
    grid = [[0, 6, 6], [30, 1, 31], [30, 7, 37]]
    shown = protect_grid(grid, COUNCILLORS, row_totals=True, column_totals=True)
    assert shown == [[WITHHELD, WITHHELD, 6], [WITHHELD, "fewer than 5", 31], [30, 7, 37]]


def test_counts_another_publication_withholds_or_shows_are_withheld_or_kept_here_too():
    """A row of three quarters and its total: another table withholds the 40 and shows the 30, so
    here the 40 is withheld though large, and the cell chosen beside the 3 is never the 30."""
    values = {"q1": 3, "q2": 30, "q3": 40, "total": 73}
    lines = [Line(("q1", "q2", "q3"), "total")]
    shown = protect(values, lines, COUNCILLORS, withhold={"q3"}, keep={"q2"})
    assert shown == {"q1": "fewer than 5", "q2": 30, "q3": WITHHELD, "total": 73}
    assert protect(values, lines, COUNCILLORS) == {"q1": "fewer than 5", "q2": WITHHELD, "q3": 40, "total": 73}


def test_a_disclosed_value_and_its_notes_read_in_welsh_while_stored_in_english():
    """Issue 21: core says its own words in the reader's language; what is kept stays English."""
    public = Disclosure(Audience.PUBLIC, 10, round_to=5)
    kept = [public.show(3), WITHHELD, public.note(), public.small_counts_note(), 12]
    assert kept[0] == "fewer than 10" and kept[2].startswith("Any count from 1 to 9 reads \u201cfewer than 10\u201d")
    with translation.override("cy"):
        shown = [disclosed_in_language(value) for value in kept]
        exact = disclosed_in_language(default_disclosure(Audience.INTERNAL).note())
    assert shown[0] == "llai na 10"
    assert shown[1] == "wedi\u2019i atal"
    assert "\u201cllai na 10\u201d" in shown[2] and shown[2].endswith(
        "felly efallai na fydd y cyfansymiau\u2019n adio."
    )
    assert shown[3] == "Mae cyfrifon o 1 i 9 yn darllen \u201cllai na 10\u201d."
    assert shown[4] == 12
    assert exact == "Cyfrifon union, ar gyfer pobl sy\u2019n cael gweld pob achos."
    assert disclosed_in_language("Not made by disclosure") == "Not made by disclosure"
