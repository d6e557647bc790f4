"""Dated rule tables: the periods, tests and rates that law or policy sets, each row with the date it
took effect. Laws change: add a row, never edit a past one, so every record keeps the rule that was
in force on its own date.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class DatedRule[T]:
    in_force_from: date
    value: T


def value_on[T](rules: Sequence[DatedRule[T]], on: date) -> T | None:
    """The value of the newest rule in force on `on`; None before the first took effect."""
    in_force = [rule for rule in rules if rule.in_force_from <= on]
    return max(in_force, key=lambda rule: rule.in_force_from).value if in_force else None


def rule_on[T](rules: Sequence[DatedRule[T]], on: date) -> T:
    """As value_on, for a table that has always had a rule (its first row from date.min)."""
    in_force = [rule for rule in rules if rule.in_force_from <= on]
    if not in_force:
        raise ValueError(f"No rule in force on {on}: the table's first row should start at date.min")
    return max(in_force, key=lambda rule: rule.in_force_from).value
