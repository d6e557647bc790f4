"""Exact running sums of amounts by key, in whole millionths of a pound, with numpy.

Every amount the screening accepts has at most six decimal places (see values.PLAIN_AMOUNT), so
it is a whole number of millionths: `147233.72` is 147,233,720,000. The text of a plain amount
becomes that number with C-level calls (drop the point, `int`, where the point was), never a
Decimal per row; keys and numbers wait in numpy arrays, and are summed by key when folded.

The sums are the same Decimals that adding the amounts one by one from Decimal(0) gives, digit for
digit: the value is exact, and the exponent is the smallest of the amounts' (and 0), which is
what Decimal addition keeps. So `100` + `250` is `350`, `100` + `2.50` is `102.50`. Keys are handed
back in the order each was first added, as a dict filled row by row would have them.
"""

from decimal import Decimal
from itertools import repeat
from typing import Any

import numpy as np

PLACES = 6  # decimal places kept: values.PLAIN_AMOUNT allows six at most
_INT64_LIMIT = 2**63


def to_decimal(millionths: int, places: int) -> Decimal:
    """The Decimal that adding the amounts one by one from Decimal(0) gives: `millionths` is their
    exact sum, `places` the most decimal places any of them had (0 when none had any)."""
    return Decimal(millionths // 10 ** (PLACES - places)).scaleb(-places)  # exact: no amount had more


def millionths_of(text: str) -> tuple[int, int]:
    """A plain amount's text (values.PLAIN_AMOUNT matches it) as (millionths, decimal places),
    as add_texts reads it."""
    point = text.find(".")
    places = len(text) - point - 1 if point >= 0 else 0
    return int(text.replace(".", "")) * 10 ** (PLACES - places), places


def decimal_millionths(amount: Decimal) -> tuple[int, int]:
    """An amount read by values.parse_amount (so six places at most) as (millionths, places)."""
    exponent = amount.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return int(amount.scaleb(PLACES)), places


class PendingSums:
    """Amounts waiting to be added, by int key, in the order they came. Each add says what it
    added up to, (millionths, most places), so a file's own total needs no second pass."""

    def __init__(self) -> None:
        # keys, millionths, places, and rows (None: one row an entry; see add_sums)
        self._chunks: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray | None]] = []
        self._loose: list[tuple[int, int, int]] = []  # key, millionths, places
        self.count = 0

    def add_texts(self, keys: "list[int] | np.ndarray", texts: list[str]) -> tuple[int, int]:
        """Plain amount texts (PLAIN_AMOUNT matches every one), each under its key."""
        self._settle_loose()
        size = len(texts)
        if not size:
            return 0, 0
        digits = np.fromiter(map(int, map(str.replace, texts, repeat("."), repeat(""))), np.int64, size)
        lengths = np.fromiter(map(len, texts), np.int64, size)
        points = np.fromiter(map(str.find, texts, repeat(".")), np.int64, size)
        places = np.where(points >= 0, lengths - points - 1, 0)
        millionths = digits * np.power(10, PLACES - places)  # each below 10**18: no overflow
        self._chunks.append((np.asarray(keys, dtype=np.int64), millionths, places, None))  # kept, not copied
        self.count += size
        return _total(millionths), int(places.max())

    def add_one(self, key: int, amount: Decimal) -> tuple[int, int]:
        """One amount read by values.parse_amount (so six places at most)."""
        return self.add_read(key, *decimal_millionths(amount))

    def add_read(self, key: int, millionths: int, places: int) -> tuple[int, int]:
        """One amount already read as millionths (see millionths_of and decimal_millionths)."""
        self._loose.append((key, millionths, places))
        self.count += 1
        return millionths, places

    def add_sums(self, keys: list[int], rows: list[int], millionths: list[int], places: list[int]) -> None:
        """Sums made elsewhere (see screening.columnar), an entry per key, in the order the keys
        first appeared: each stands for `rows` amounts adding up to `millionths`."""
        self._settle_loose()
        if keys:
            sums = np.array(millionths, dtype=object)
            if _fits(sums):
                sums = sums.astype(np.int64)
            self._chunks.append(
                (np.array(keys, dtype=np.int64), sums, np.array(places, dtype=np.int64), np.array(rows, dtype=np.int64))
            )
            self.count += len(keys)

    def _settle_loose(self) -> None:
        if self._loose:
            keys, millionths, places = zip(*self._loose, strict=True)
            self._chunks.append(
                (
                    np.array(keys, dtype=np.int64),
                    np.array(millionths, dtype=np.int64),
                    np.array(places, dtype=np.int64),
                    None,
                )
            )
            self._loose.clear()

    def drain(self) -> list[tuple[int, int, int, int]]:
        """(key, rows, sum in millionths, most places) for every key, in order of first
        appearance; then nothing is pending."""
        self._settle_loose()
        if not self._chunks:
            return []
        keys = np.concatenate([chunk[0] for chunk in self._chunks])
        millionths = np.concatenate([chunk[1] for chunk in self._chunks])
        places = np.concatenate([chunk[2] for chunk in self._chunks])
        rows = None
        if any(chunk[3] is not None for chunk in self._chunks):
            rows = np.concatenate(
                [np.ones(len(chunk[0]), np.int64) if chunk[3] is None else chunk[3] for chunk in self._chunks]
            )
        self._chunks.clear()
        self.count = 0
        order = np.argsort(keys, kind="stable")  # stable: a key's first row comes first
        keys, millionths, places = keys[order], millionths[order], places[order]
        starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
        counts = np.diff(np.append(starts, len(keys))) if rows is None else np.add.reduceat(rows[order], starts)
        most_places = np.maximum.reduceat(places, starts)
        if _fits(millionths):
            sums: Any = np.add.reduceat(millionths, starts)
        else:  # amounts so large an int64 sum could overflow: Python ints, slower but exact
            sums = np.array([sum(part) for part in np.split(millionths.astype(object), starts[1:])], dtype=object)
        first = np.argsort(order[starts], kind="stable")  # the keys in order of first appearance
        return list(
            zip(
                keys[starts][first].tolist(),
                counts[first].tolist(),
                sums[first].tolist(),
                most_places[first].tolist(),
                strict=True,
            )
        )


def _fits(millionths: np.ndarray) -> bool:
    """Whether any sum of these stays inside int64."""
    return int(np.abs(millionths).max()) * len(millionths) < _INT64_LIMIT


def _total(millionths: np.ndarray) -> int:
    return int(millionths.sum()) if _fits(millionths) else sum(millionths.tolist())
