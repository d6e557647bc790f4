"""The running sums behind the screening: exact, in Decimal's own form, and in the order keys came."""

from decimal import Decimal, localcontext

from hypothesis import given, settings
from hypothesis import strategies as st

from tackle.spend.screening.sums import PendingSums, to_decimal


def _one_by_one(pairs: list[tuple[int, Decimal]]) -> list[tuple[int, int, Decimal]]:
    """What a dict of Decimal sums, filled row by row from Decimal(0), gives."""
    sums: dict[int, list[object]] = {}
    with localcontext(prec=60):
        for key, amount in pairs:
            slot = sums.setdefault(key, [0, Decimal(0)])
            slot[0] += 1  # type: ignore[operator]
            slot[1] += amount  # type: ignore[operator]
    return [(key, count, amount) for key, (count, amount) in sums.items()]  # type: ignore[misc]


def _drained(sums: PendingSums) -> list[tuple[int, int, Decimal]]:
    with localcontext(prec=60):
        return [(key, count, to_decimal(millionths, places)) for key, count, millionths, places in sums.drain()]


def _same(got: list[tuple[int, int, Decimal]], expected: list[tuple[int, int, Decimal]]) -> None:
    # str() as well as ==: 350 and 350.00 are equal, but the JSON prints what str gives.
    assert [(key, count, str(amount)) for key, count, amount in got] == [
        (key, count, str(amount)) for key, count, amount in expected
    ]


def test_sums_keep_the_decimal_places_the_amounts_had():
    sums = PendingSums()
    sums.add_texts([1, 1, 2, 2, 3], ["100", "250", "100", "2.50", "-0.00"])
    _same(_drained(sums), [(1, 2, Decimal("350")), (2, 2, Decimal("102.50")), (3, 1, Decimal("0.00"))])


def test_keys_come_back_in_the_order_they_first_came_whatever_their_values():
    sums = PendingSums()
    sums.add_one(90, Decimal("-5.5"))
    sums.add_texts([7, 90, 3, 7], ["1", "2", "3", "4"])
    sums.add_one(3, Decimal("0.000001"))
    assert [key for key, *_ in sums.drain()] == [90, 7, 3]
    assert sums.drain() == []  # drained means empty


def test_amounts_too_large_for_a_64_bit_sum_are_still_added_exactly():
    texts = ["999999999999.999999"] * 50 + ["-1.5"]
    sums = PendingSums()
    added = sums.add_texts([4] * len(texts), texts)
    expected = sum((Decimal(text) for text in texts), Decimal(0))
    _same(_drained(sums), [(4, len(texts), expected)])
    assert to_decimal(*added) == expected


def test_sums_made_elsewhere_count_their_rows_and_keep_their_place():
    """add_sums takes an entry per key that stands for several rows (screening by columns)."""
    sums = PendingSums()
    sums.add_one(8, Decimal("1.5"))
    sums.add_sums([5, 8], [3, 2], [5 * 10**18, 250_000], [2, 1])  # 5 x 10**18: past int64 with the next
    sums.add_sums([5], [1], [5 * 10**18], [6])
    assert sums.drain() == [(8, 3, 1_750_000, 1), (5, 4, 10**19, 6)]


_PLAIN_TEXT = st.builds(
    lambda sign, whole, point, fraction: f"{sign}{whole}{point}{fraction if point else ''}",
    st.sampled_from(["", "-"]),
    st.integers(min_value=0, max_value=10**12 - 1).map(str),
    st.sampled_from(["", "."]),
    st.text(alphabet="0123456789", max_size=6),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(min_value=0, max_value=5), _PLAIN_TEXT, st.booleans()), max_size=60))
def test_any_plain_amounts_sum_exactly_as_decimals_added_one_by_one_do(rows):
    sums = PendingSums()
    pairs = []
    for key, text, loose in rows:
        pairs.append((key, Decimal(text)))
        if loose:
            sums.add_one(key, Decimal(text))
        else:
            sums.add_texts([key], [text])
    _same(_drained(sums), _one_by_one(pairs))
