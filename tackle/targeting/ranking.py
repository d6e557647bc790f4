"""Regulators' lists in, premises ranked by combined risk out. No database: the command line,
the pages and the benchmark all call `rank`."""

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from tackle.targeting.resolve import resolve
from tackle.targeting.rules.risk import Signals, premises_kind, score
from tackle.targeting.sources import Record, SourceRead

SignalIndex = Mapping[tuple[str, str], Signals]  # (postcode, name key) -> what disruption knows


@dataclass
class Entity:
    entity_id: str
    name: str
    postcode: str
    address: str
    premises_type: str
    sources: list[str]
    score: int
    reasons: list[str]
    records: list[Record] = field(repr=False)

    def as_json(self) -> dict[str, Any]:
        return {
            "entity_id": self.entity_id,
            "name": self.name,
            "postcode": self.postcode or None,
            "sources": self.sources,
            "score": self.score,
            "reasons": self.reasons,
        }


@dataclass
class Ranking:
    records: int
    ranked: list[Entity]

    def as_json(self, *, top: int = 0) -> dict[str, Any]:
        """Every entity is counted; `top` (when above 0) keeps only the first ones in "ranked"."""
        shown = self.ranked[:top] if top > 0 else self.ranked
        return {"entities": len(self.ranked), "records": self.records, "ranked": [e.as_json() for e in shown]}


def source_names(paths: Sequence[str]) -> list[str]:
    """A source's name is its file name without the extension; a repeated name gets ' (2)'."""
    names: list[str] = []
    for path in paths:
        stem = PurePath(path).stem or "list"
        name, count = stem, 1
        while name in names:
            count += 1
            name = f"{stem} ({count})"
        names.append(name)
    return names


def entity_id(records: Sequence[Record]) -> str:
    """The same records give the same id, whatever order the files came in."""
    digest = hashlib.sha256("\n".join(sorted(record.key for record in records)).encode())
    return "E" + digest.hexdigest()[:12]


def _most_common(values: list[str]) -> str:
    counts = Counter(value for value in values if value)
    if not counts:
        return ""
    # Most often given, then not in capitals, then the fullest, then alphabetical: the same answer
    # whatever the order of the files.
    return min(counts, key=lambda value: (-counts[value], value.isupper(), -len(value), value))


def _signals_for(records: Sequence[Record], signals: SignalIndex) -> Signals | None:
    keys = {(record.postcode, key) for record in records for key in (record.name_key, record.trading_key) if key}
    found = [signals[key] for key in sorted(keys) if key in signals]
    if not found:
        return None
    intelligence = tuple(dict.fromkeys(line for item in found for line in item.intelligence))
    operations = tuple(dict.fromkeys(line for item in found for line in item.operations))
    return Signals(intelligence=intelligence, operations=operations)


def build_entity(records: Sequence[Record], signals: SignalIndex | None = None) -> Entity:
    result = score(records, _signals_for(records, signals) if signals else None)
    return Entity(
        entity_id=entity_id(records),
        name=_most_common([record.name for record in records]),
        postcode=_most_common([record.postcode for record in records]),
        address=_most_common([record.address for record in records]),
        premises_type=premises_kind(records),
        sources=sorted({record.source for record in records}),
        score=result.points,
        reasons=result.reasons,
        records=sorted(records, key=lambda record: (record.source, record.line)),
    )


def resolve_reads(reads: Sequence[SourceRead]) -> list[list[Record]]:
    """The records of every list, grouped into one list per business at one premises."""
    records = [record for read in reads for record in read.records]
    return [[records[i] for i in group] for group in resolve(records)]


def rank_groups(groups: Sequence[Sequence[Record]], signals: SignalIndex | None = None) -> Ranking:
    entities = [build_entity(group, signals) for group in groups]
    entities.sort(key=lambda entity: (-entity.score, entity.name.lower(), entity.entity_id))
    return Ranking(records=sum(len(group) for group in groups), ranked=entities)


def rank(reads: Sequence[SourceRead], signals: SignalIndex | None = None) -> Ranking:
    return rank_groups(resolve_reads(reads), signals)
