"""Published figures from training records, for one organisation and one period. Read-only.

Other apps read training's numbers here. A period counts [starts_on, ends_before): a session held
on 1 April belongs to the financial year that starts that day, never to the one before.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Sum
from django.utils import timezone

from tackle.core.periods import Period
from tackle.training.models import Campaign, Completion, TrainingSession


@dataclass(frozen=True)
class TrainingFigures:
    period: Period
    sessions_held: int  # sessions the organisation held
    people_trained: int  # its own staff with a completion, plus other organisations' staff at its sessions
    as_of: date  # the day the figures were taken


@dataclass(frozen=True)
class CampaignFigure:
    campaign_id: int
    name: str
    description: str
    starts_on: date


def training_figures(organisation_id: int, period: Period) -> TrainingFigures:
    sessions = TrainingSession.objects.filter(
        organisation_id=organisation_id, held_on__gte=period.starts_on, held_on__lt=period.ends_before
    )
    external = sessions.aggregate(total=Sum("external_attendee_count"))["total"] or 0
    own = (
        Completion.objects.filter(
            user__organisation_id=organisation_id,
            completed_on__gte=period.starts_on,
            completed_on__lt=period.ends_before,
        )
        .values("user_id")
        .distinct()
        .count()
    )
    return TrainingFigures(period, sessions.count(), own + external, timezone.localdate())


def campaigns_begun(organisation_id: int, period: Period) -> list[CampaignFigure]:
    """Awareness campaigns that started in the period, latest first."""
    campaigns = Campaign.objects.filter(
        organisation_id=organisation_id, starts_on__gte=period.starts_on, starts_on__lt=period.ends_before
    )
    return [CampaignFigure(c.pk, c.name, c.description, c.starts_on) for c in campaigns.order_by("-starts_on", "pk")]
