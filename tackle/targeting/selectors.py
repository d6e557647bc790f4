"""What a user may see in targeting: the lists their own organisation imported, and the ranking
made from them (with what disruption lets them see about the same premises)."""

import hashlib
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db.models import QuerySet

from tackle.core.columns import ColumnChoice, confidence
from tackle.core.roles import Module
from tackle.targeting.list_columns import FIELD_LABELS, VOCABULARY
from tackle.targeting.models import OutcomeWording, RegulatorList
from tackle.targeting.ranking import Ranking, rank_groups, resolve_reads
from tackle.targeting.signals import disruption_signals_for
from tackle.targeting.sources import Outcomes, SourceError, SourceRead, read_text, table

GROUPS_CACHE_SECONDS = 60 * 60


def lists_visible_to(user: Any) -> QuerySet[RegulatorList]:
    if not (user.is_authenticated and user.may_use(Module.DISRUPTION) and user.organisation_id):
        return RegulatorList.objects.none()
    return RegulatorList.objects.filter(organisation_id=user.organisation_id)


def outcomes_of(organisation_id: int) -> Outcomes:
    """The result wordings the organisation has classified: wording -> adverse?"""
    rows = OutcomeWording.objects.filter(organisation_id=organisation_id).values_list("wording", "adverse")
    return dict(rows)


def read_list(regulator_list: RegulatorList, outcomes: Outcomes | None = None) -> SourceRead:
    """The list as it reads with its saved mapping (saved only when it could be read) and the
    organisation's classified wordings."""
    if outcomes is None:
        outcomes = outcomes_of(regulator_list.organisation_id)
    return read_text(regulator_list.source, regulator_list.content, regulator_list.mapping, outcomes)


def _readable(regulator_list: RegulatorList, outcomes: Outcomes) -> SourceRead | None:
    """A saved list always reads with its saved mapping; should one not (rules for columns changed
    since), the ranking goes on without it and its columns page says what to correct."""
    try:
        return read_list(regulator_list, outcomes)
    except SourceError:
        return None


@dataclass(frozen=True)
class Unfamiliar:
    wording: str
    lines: int
    lists: tuple[str, ...]


def unfamiliar_outcomes_for(user: Any) -> list[Unfamiliar]:
    """Result wordings in the user's organisation's lists that no rule places and no one has
    classified yet, most lines first: each is read as no finding until someone says otherwise."""
    lines: Counter[str] = Counter()
    lists: dict[str, list[str]] = {}
    for regulator_list in lists_visible_to(user).order_by("source").only("source", "unfamiliar"):
        for wording, count in regulator_list.unfamiliar.items():
            lines[wording] += count
            lists.setdefault(wording, []).append(regulator_list.source)
    classified = set(outcome_wordings_visible_to(user).values_list("wording", flat=True))
    ordered = sorted((wording for wording in lines if wording not in classified), key=lambda w: (-lines[w], w))
    return [Unfamiliar(wording, lines[wording], tuple(lists[wording])) for wording in ordered]


def outcome_wordings_visible_to(user: Any) -> QuerySet[OutcomeWording]:
    if not (user.is_authenticated and user.may_use(Module.DISRUPTION) and user.organisation_id):
        return OutcomeWording.objects.none()
    return OutcomeWording.objects.filter(organisation_id=user.organisation_id)


def ranking_for(user: Any) -> Ranking:
    """Scored afresh each time (intelligence and operations change), but the matching, which takes
    seconds for large lists, is kept until a list is imported again, corrected or removed."""
    lists = list(lists_visible_to(user).order_by("pk").only("uuid", "updated_at"))
    outcomes = outcomes_of(user.organisation_id) if lists else {}
    signature = "|".join(f"{item.uuid}@{item.updated_at.isoformat()}" for item in lists)
    signature += "|" + "|".join(f"{wording}={adverse}" for wording, adverse in sorted(outcomes.items()))
    key = f"targeting:groups:{user.organisation_id}:{hashlib.sha256(signature.encode()).hexdigest()}"
    groups = cache.get(key)
    if groups is None:
        full = RegulatorList.objects.filter(pk__in=[item.pk for item in lists])
        reads = [_readable(item, outcomes) for item in full]
        groups = resolve_reads([read for read in reads if read is not None])
        cache.set(key, groups, timeout=GROUPS_CACHE_SECONDS)
    return rank_groups(groups, disruption_signals_for(user))


SAMPLE_ROWS = 3


def list_column_choices(regulator_list: RegulatorList, read: SourceRead) -> list[ColumnChoice]:
    """Each field's column in the list as the shared columns table shows it (core.columns): how
    sure the guess is and the first values under it; a column the person chose is theirs."""
    header = read.header
    guessed = VOCABULARY.assign(header)
    samples: list[list[str]] = []
    for row in table(regulator_list.content):  # a saved list read before, so its first rows read
        if any(cell.strip() for cell in row.cells):
            samples.append(row.cells)
        if len(samples) == SAMPLE_ROWS:
            break
    choices = []
    for key, label in FIELD_LABELS.items():
        column = read.mapping.get(key, "")
        at = header.index(column) if column in header else None
        sure, how = (0.0, "not found") if at is None else (1.0, "chosen by you")
        if at is not None and key in guessed and guessed[key][0] == at:
            sure, how = confidence(guessed[key][1].score), guessed[key][1].how
        values = [row[at].strip() for row in samples if at is not None and at < len(row)]
        choices.append(
            ColumnChoice(
                field=key,
                label=label,
                required=False,
                column=at,
                header=column,
                confidence=sure,
                how=how,
                samples=tuple(value for value in values if value),
            )
        )
    return choices
