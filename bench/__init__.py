"""Benchmarks, run by `make bench`. Not part of the test suite: they measure, they do not assert."""

from dataclasses import dataclass, field


@dataclass
class Row:
    """One line of a benchmark's table: what was measured, and its figures in column order."""

    target: str
    figures: dict[str, object] = field(default_factory=dict)
