"""Retention of records other than cases (issue 15, item 5). An app above cases (disrupt) registers
each kind of record it keeps from its AppConfig.ready(): how to list its records, find one by
reference, anonymise and erase it. Cases keeps the periods, legal holds, decisions and the audit for
every kind, so no kind can skip a hold; cases never imports the app that registers."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class KeptRecord:
    key: str  # the record's uuid as text
    reference: str  # what people quote to tell records apart; names no one
    starts_on: date  # the retention period runs from this date


@dataclass(frozen=True)
class RecordKind:
    record_type: str
    label: "StrOrPromise"
    default_months: int
    runs_from: "StrOrPromise"  # in words, for the schedule page: "after it was received"
    records: Callable[[int], Iterable[KeptRecord]]  # an organisation's records, by its id
    find: Callable[[int, str], KeptRecord | None]  # an organisation's record by its reference
    anonymise: Callable[[int, str], None] | None = None  # organisation id, key; None: cannot be
    erase: Callable[[int, str], None] | None = None
    erase_effect: "StrOrPromise" = ""  # what erasing does to the figures, said on the decision page; "": nothing


_KINDS: dict[str, RecordKind] = {}


def register(kind: RecordKind) -> None:
    _KINDS[kind.record_type] = kind


def record_kinds() -> list[RecordKind]:
    return list(_KINDS.values())


def record_kind(record_type: str) -> RecordKind | None:
    return _KINDS.get(record_type)
