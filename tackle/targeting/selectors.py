"""What a user may see in targeting: the lists their own organisation imported, and the ranking
made from them (with what disruption lets them see about the same premises)."""

import hashlib
from typing import Any

from django.core.cache import cache
from django.db.models import QuerySet

from tackle.core.roles import Module
from tackle.targeting.models import RegulatorList
from tackle.targeting.ranking import Ranking, rank_groups, resolve_reads
from tackle.targeting.signals import disruption_signals_for
from tackle.targeting.sources import SourceError, SourceRead, read_text

GROUPS_CACHE_SECONDS = 60 * 60


def lists_visible_to(user: Any) -> QuerySet[RegulatorList]:
    if not (user.is_authenticated and user.may_use(Module.DISRUPTION) and user.organisation_id):
        return RegulatorList.objects.none()
    return RegulatorList.objects.filter(organisation_id=user.organisation_id)


def read_list(regulator_list: RegulatorList) -> SourceRead:
    """The list as it reads with its saved mapping (saved only when it could be read)."""
    return read_text(regulator_list.source, regulator_list.content, regulator_list.mapping)


def _readable(regulator_list: RegulatorList) -> SourceRead | None:
    """A saved list always reads with its saved mapping; should one not (rules for columns changed
    since), the ranking goes on without it and its columns page says what to correct."""
    try:
        return read_list(regulator_list)
    except SourceError:
        return None


def ranking_for(user: Any) -> Ranking:
    """Scored afresh each time (intelligence and operations change), but the matching, which takes
    seconds for large lists, is kept until a list is imported again, corrected or removed."""
    lists = list(lists_visible_to(user).order_by("pk").only("uuid", "updated_at"))
    signature = "|".join(f"{item.uuid}@{item.updated_at.isoformat()}" for item in lists)
    key = f"targeting:groups:{user.organisation_id}:{hashlib.sha256(signature.encode()).hexdigest()}"
    groups = cache.get(key)
    if groups is None:
        full = RegulatorList.objects.filter(pk__in=[item.pk for item in lists])
        groups = resolve_reads([read for read in map(_readable, full) if read is not None])
        cache.set(key, groups, timeout=GROUPS_CACHE_SECONDS)
    return rank_groups(groups, disruption_signals_for(user))
