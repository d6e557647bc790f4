"""What a reading says once reviewers' overrides are applied, and what those overrides teach the
labeller. Plain functions over a reading's stored sentences, scores and result."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.utils.functional import Promise

from tackle.statement_reader.labels import AREA_LABELS
from tackle.statement_reader.rules.areas import (
    AREAS,
    JUDGEMENT_LABELS,
    JUDGEMENTS,
    STRUCTURE_LABELS,
    areas_for,
    headings_above,
    is_promise,
)


class OverrideLike(Protocol):
    judgement: str
    covered: bool
    only_promised: bool
    reason: str
    evidence_added: list[int]
    evidence_removed: list[int]


@dataclass(frozen=True)
class EvidenceLine:
    index: int
    sentence: str
    promise: bool
    added_by_reviewer: bool = False


@dataclass
class EffectiveJudgement:
    name: str
    title: str | Promise  # in the page's language
    covered: bool
    machine_covered: bool
    future_only: bool
    evidence: list[EvidenceLine]
    # The sentences the machine gave as evidence, whatever a reviewer did since.
    machine_indexes: list[int] = field(default_factory=list)
    override: Any = None
    history: list[Any] = field(default_factory=list)
    # Issue 20: for an area the machine found done, what the statement also only promises.
    also_promised: list[EvidenceLine] = field(default_factory=list)


def _result_judgement(result: dict[str, Any], name: str) -> dict[str, Any]:
    return result["areas"][name] if name in AREAS else result[name]


def effective_judgements(
    *, sentences: Sequence[str], result: dict[str, Any], overrides: Sequence[OverrideLike]
) -> list[EffectiveJudgement]:
    """overrides: newest first. The newest override of a judgement decides it."""
    judgements = []
    for name in JUDGEMENTS:
        history = [override for override in overrides if override.judgement == name]
        latest = history[0] if history else None
        machine = _result_judgement(result, name)
        machine_indexes = indexes = [item["index"] for item in machine["evidence"]]
        added: list[int] = []
        if latest is not None:
            indexes = [index for index in indexes if index not in latest.evidence_removed]
            added = [index for index in latest.evidence_added if index not in indexes and index < len(sentences)]
        evidence = [
            EvidenceLine(index, sentences[index], promise=name in AREAS and is_promise(sentences[index]))
            for index in indexes
        ] + [EvidenceLine(index, sentences[index], promise=False, added_by_reviewer=True) for index in added]
        judgements.append(
            EffectiveJudgement(
                name=name,
                title=AREA_LABELS[name],
                covered=latest.covered if latest is not None else machine["covered"],
                machine_covered=machine["covered"],
                future_only=latest.only_promised if latest is not None else name in result["future_only"],
                evidence=sorted(evidence, key=lambda line: line.index),
                machine_indexes=machine_indexes,
                override=latest,
                history=history,
                also_promised=_also_promised(sentences, result, name, indexes),
            )
        )
    return judgements


def _also_promised(sentences: Sequence[str], result: dict[str, Any], name: str, shown: list[int]) -> list[EvidenceLine]:
    states = result.get("promise_or_action") or {}
    promised = states.get(name, {}).get("promised", [])
    return [
        EvidenceLine(item["index"], sentences[item["index"]], promise=True)
        for item in promised
        if item["index"] not in shown and item["index"] < len(sentences)
    ]


def effective_score(judgements: Sequence[EffectiveJudgement]) -> int:
    return sum(1 for judgement in judgements if judgement.covered)


def training_label(name: str, scores: dict[str, float]) -> str:
    """The labeller's label that a judgement's evidence stands for."""
    if name == "structure_business_supply_chains":
        return max(STRUCTURE_LABELS, key=lambda label: scores.get(label, 0.0))
    return JUDGEMENT_LABELS[name]


def training_rows(
    *, sentences: Sequence[str], scores: Sequence[dict[str, float]], overrides: Sequence[OverrideLike]
) -> list[tuple[str, str, int]]:
    """(sentence, label, 0 or 1) from the newest override of each judgement of one reading.

    A sentence a reviewer added is a positive example of the judgement's label. A sentence they
    removed is a negative one, unless it is still evidence for another judgement with the same label
    (policies, due diligence and training share risk mitigation): then the label was right and only
    the split between areas was wrong, which the labeller does not decide."""
    latest: dict[str, OverrideLike] = {}
    for override in overrides:
        latest.setdefault(override.judgement, override)
    rows: dict[tuple[str, str], int] = {}
    kept: dict[str, set[int]] = {}
    above = headings_above(list(sentences))
    for index, sentence in enumerate(sentences):
        for name, label in areas_for(sentence, scores[index], heading=above[index]).items():
            removed = name in latest and index in latest[name].evidence_removed
            if not removed:
                kept.setdefault(label, set()).add(index)
    for name, override in latest.items():
        for index in override.evidence_added:
            if 0 <= index < len(sentences):
                label = training_label(name, scores[index])
                rows[(sentences[index], label)] = 1
                kept.setdefault(label, set()).add(index)
    for name, override in latest.items():
        for index in override.evidence_removed:
            if not 0 <= index < len(sentences):
                continue
            label = areas_for(sentences[index], scores[index], heading=above[index]).get(name) or training_label(
                name, scores[index]
            )
            if index not in kept.get(label, set()):
                rows.setdefault((sentences[index], label), 0)
    return [(sentence, label, value) for (sentence, label), value in rows.items()]
