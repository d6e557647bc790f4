"""Published figures from training records, for one organisation and one period. Read-only.

Other apps read training's numbers here. A period counts [starts_on, ends_before): a session held
on 1 April belongs to the financial year that starts that day, never to the one before. DEFINITIONS
says how each is counted, in the words the Figures page, its exports and the FOI answer print.
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_noop

from tackle.core.periods import Period
from tackle.training.models import Campaign, Completion, Course, TrainingSession
from tackle.training.models import CourseTopic as CourseTopic  # what other apps name a topic by

# Marked here and translated where shown (gettext(DEFINITIONS[key])): the keys and the English stay.
DEFINITIONS = {
    "sessions_held": gettext_noop("Sessions held: training sessions the organisation held, by the day held."),
    "people_trained": gettext_noop(
        "People trained: everyone who attended a session the organisation held in the period "
        "(its own staff and other organisations'), and its own staff with a training completion dated in the "
        "period (e-learning, imported); a person named on a session or a completion counts once however many "
        "they attended, and attendees not named count once per session."
    ),
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


def training_figures(
    organisation_id: int, period: Period, *, courses: Collection[int] | None = None
) -> TrainingFigures:
    """Every course's sessions and completions, or only those of `courses` (ids) when given."""
    sessions = TrainingSession.objects.filter(
        organisation_id=organisation_id, held_on__gte=period.starts_on, held_on__lt=period.ends_before
    )
    completions = Completion.objects.filter(
        user__organisation_id=organisation_id, completed_on__gte=period.starts_on, completed_on__lt=period.ends_before
    )
    if courses is not None:
        sessions, completions = sessions.filter(course_id__in=courses), completions.filter(course_id__in=courses)
    counted = list(sessions.annotate(named=Count("attendees")).values_list("attendee_count", "named"))
    unnamed = sum(max(0, attendees - named) for attendees, named in counted)
    named = set(completions.values_list("user_id", flat=True))
    named |= set(sessions.filter(attendees__isnull=False).values_list("attendees", flat=True))
    return TrainingFigures(period, len(counted), unnamed + len(named), timezone.localdate())


def campaigns_begun(organisation_id: int, period: Period) -> list[CampaignFigure]:
    """Awareness campaigns that started in the period, latest first."""
    campaigns = Campaign.objects.filter(
        organisation_id=organisation_id, starts_on__gte=period.starts_on, starts_on__lt=period.ends_before
    )
    return [CampaignFigure(c.pk, c.name, c.description, c.starts_on) for c in campaigns.order_by("-starts_on", "pk")]


@dataclass(frozen=True)
class CourseOnTopic:
    course_id: int
    title: str
    provider: str


def courses_on_topic(organisation_id: int, topic: CourseTopic) -> list[CourseOnTopic]:
    """The organisation's courses marked as covering `topic`, by title."""
    courses = Course.objects.filter(organisation_id=organisation_id).order_by("title")
    return [CourseOnTopic(c.pk, c.title, c.provider) for c in courses if topic in (c.topics or [])]


def training_records_began(organisation_id: int) -> date | None:
    """The day of the first session held or completion recorded; None when there is none."""
    days = [
        TrainingSession.objects.filter(organisation_id=organisation_id)
        .order_by("held_on")
        .values_list("held_on", flat=True)
        .first(),
        Completion.objects.filter(user__organisation_id=organisation_id)
        .order_by("completed_on")
        .values_list("completed_on", flat=True)
        .first(),
    ]
    found = [day for day in days if day is not None]
    return min(found) if found else None
