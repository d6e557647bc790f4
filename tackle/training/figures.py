"""Published figures from training records, for one organisation and one period. Read-only.

Other apps read training's numbers here. A period counts [starts_on, ends_before): a session held
on 1 April belongs to the financial year that starts that day, never to the one before. DEFINITIONS
says how each is counted, in the words the Figures page, its exports and the FOI answer print.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count
from django.utils import timezone

from tackle.core.periods import Period
from tackle.training.models import Campaign, Completion, TrainingSession

DEFINITIONS = {
    "sessions_held": "Sessions held: training sessions the organisation held, by the day held.",
    "people_trained": "People trained: everyone who attended a session the organisation held in the period "
    "(its own staff and other organisations'), and its own staff with a training completion dated in the "
    "period (e-learning, imported); a person named on a session or a completion counts once however many "
    "they attended, and attendees not named count once per session.",
}


@dataclass(frozen=True)
class TrainingFigures:
    period: Period
    sessions_held: int  # sessions the organisation held
    people_trained: int  # attendees and completions: see DEFINITIONS
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
    counted = list(sessions.annotate(named=Count("attendees")).values_list("attendee_count", "named"))
    unnamed = sum(max(0, attendees - named) for attendees, named in counted)
    named = set(
        Completion.objects.filter(
            user__organisation_id=organisation_id,
            completed_on__gte=period.starts_on,
            completed_on__lt=period.ends_before,
        ).values_list("user_id", flat=True)
    )
    named |= set(sessions.filter(attendees__isnull=False).values_list("attendees", flat=True))
    return TrainingFigures(period, len(counted), unnamed + len(named), timezone.localdate())


def campaigns_begun(organisation_id: int, period: Period) -> list[CampaignFigure]:
    """Awareness campaigns that started in the period, latest first."""
    campaigns = Campaign.objects.filter(
        organisation_id=organisation_id, starts_on__gte=period.starts_on, starts_on__lt=period.ends_before
    )
    return [CampaignFigure(c.pk, c.name, c.description, c.starts_on) for c in campaigns.order_by("-starts_on", "pk")]
