"""The daily briefing pack for the multi-agency meeting: what is new since the last meeting (and
never less than the last 24 hours, so a meeting held twice in a morning still shows the day's news),
the open actions, and the operations coming up."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from tackle.cases.selectors import concerns_recorded_since

if TYPE_CHECKING:
    from tackle.cases.models import Case
from tackle.disrupt import selectors
from tackle.disrupt.models import Action, Briefing, Intelligence, Operation

UPCOMING_DAYS = 14


@dataclass
class BriefingPack:
    since: datetime
    generated_at: datetime
    last_briefing: Briefing | None
    intelligence: list[Intelligence]
    summaries: list[Intelligence]
    concerns: list[Case]
    open_actions: list[Action]
    upcoming: list[Operation]


def briefing_start(organisation_id: int, now: datetime) -> tuple[datetime, Briefing | None]:
    last = Briefing.objects.filter(organisation_id=organisation_id).order_by("-held_at").first()
    day_ago = now - timedelta(hours=24)
    if last is None:
        return day_ago, None
    return min(last.held_at, day_ago), last


def briefing_pack(user: Any, *, now: datetime | None = None) -> BriefingPack:
    now = now or timezone.now()
    since, last = briefing_start(user.organisation_id, now)
    today = timezone.localdate(now)
    return BriefingPack(
        since=since,
        generated_at=now,
        last_briefing=last,
        intelligence=list(selectors.intelligence_visible_to(user).filter(recorded_at__gte=since)),
        summaries=list(selectors.intelligence_summaries_visible_to(user).filter(recorded_at__gte=since)),
        concerns=list(concerns_recorded_since(user.organisation_id, since).select_related("operation_link__operation")),
        open_actions=list(selectors.open_actions(user)),
        upcoming=list(
            selectors.upcoming_operations(user, today=today).filter(
                operation_date__lte=today + timedelta(days=UPCOMING_DAYS)
            )
        ),
    )
