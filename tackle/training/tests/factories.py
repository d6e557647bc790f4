"""Small builders for training tests."""

from datetime import date
from typing import Any

from tackle.accounts.models import Organisation, User
from tackle.training.models import (
    Campaign,
    Course,
    Material,
    Meeting,
    MeetingAction,
    PartnerService,
    PartnershipGroup,
    Requirement,
    Team,
    TeamMembership,
)


def make_course(organisation: Organisation, code: str = "MS-101", **extra: Any) -> Course:
    defaults = {"title": f"Course {code}", "validity_months": 12}
    return Course.objects.create(organisation=organisation, code=code, **{**defaults, **extra})


def make_team(organisation: Organisation, *, manager: User | None = None, members: tuple[User, ...] = ()) -> Team:
    team = Team.objects.create(organisation=organisation, name=f"Team {Team.objects.count() + 1}", manager=manager)
    for member in members:
        TeamMembership.objects.create(team=team, user=member)
    return team


def make_requirement(course: Course, **extra: Any) -> Requirement:
    return Requirement.objects.create(organisation=course.organisation, course=course, **extra)


def make_partnership_records(organisation: Organisation) -> dict[str, Any]:
    group = PartnershipGroup.objects.create(organisation=organisation, name="Partnership", level="strategic")
    meeting = Meeting.objects.create(group=group, held_on=date(2025, 1, 10), minutes="Minutes")
    action = MeetingAction.objects.create(meeting=meeting, text="Do the thing", due_on=date(2025, 2, 1))
    campaign = Campaign.objects.create(organisation=organisation, name="Spot the signs", starts_on=date(2025, 1, 1))
    material = Material.objects.create(campaign=campaign, title="Leaflet", kind="leaflet")
    service = PartnerService.objects.create(
        organisation=organisation, name="Helpline", kind="helpline", offers="Advice", how_to_refer="Call"
    )
    return {
        "group": group,
        "meeting": meeting,
        "action": action,
        "campaign": campaign,
        "material": material,
        "service": service,
    }
