"""Reading training data: what a user must do and team dashboards (figures for other apps: figures.py)."""

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet
from django.utils import timezone

from tackle.accounts.models import Organisation, User
from tackle.training.access import is_training_admin
from tackle.training.models import (
    Campaign,
    Completion,
    Course,
    MeetingAction,
    PartnerService,
    PartnershipGroup,
    Requirement,
    Team,
    TeamMembership,
    TrainingSession,
)
from tackle.training.rules.compliance import Status, compliance_status, due_on


@dataclass(frozen=True)
class RequirementStatus:
    requirement: Requirement
    status: Status
    last_completed_on: date | None
    due_on: date | None


def organisation_id_of(user: User) -> int:
    if user.organisation_id is None:
        raise ValueError("The user has no organisation")
    return user.organisation_id


def courses_visible_to(user: User) -> QuerySet[Course]:
    return Course.objects.filter(organisation_id=organisation_id_of(user))


def teams_visible_to(user: User) -> QuerySet[Team]:
    return Team.objects.filter(organisation_id=organisation_id_of(user)).select_related("manager")


def teams_managed_by(user: User) -> QuerySet[Team]:
    teams = teams_visible_to(user)
    return teams if is_training_admin(user) else teams.filter(manager=user)


def requirements_visible_to(user: User) -> QuerySet[Requirement]:
    return Requirement.objects.filter(organisation_id=organisation_id_of(user)).select_related("course", "team")


def sessions_visible_to(user: User) -> QuerySet[TrainingSession]:
    return TrainingSession.objects.filter(organisation_id=organisation_id_of(user)).select_related("course")


def completions_visible_to(user: User) -> QuerySet[Completion]:
    """Everyone's completions of the organisation's courses; the caller has checked the role."""
    return Completion.objects.filter(course__organisation_id=organisation_id_of(user)).select_related("user", "course")


def campaigns_visible_to(user: User) -> QuerySet[Campaign]:
    return Campaign.objects.filter(organisation_id=organisation_id_of(user))


def services_visible_to(user: User) -> QuerySet[PartnerService]:
    return PartnerService.objects.filter(organisation_id=organisation_id_of(user))


def groups_visible_to(user: User) -> QuerySet[PartnershipGroup]:
    return PartnershipGroup.objects.filter(organisation_id=organisation_id_of(user))


def open_actions_visible_to(user: User) -> QuerySet[MeetingAction]:
    return MeetingAction.objects.filter(
        meeting__group__organisation_id=organisation_id_of(user), closed_on__isnull=True
    ).select_related("meeting__group", "owner")


def open_actions_filtered(
    user: User, *, group: PartnershipGroup | None = None, overdue_on: date | None = None
) -> QuerySet[MeetingAction]:
    """The open actions as the Partnership groups page filters them (and so its download): one
    group's, and only those due before `overdue_on`."""
    actions = open_actions_visible_to(user)
    if group is not None:
        actions = actions.filter(meeting__group=group)
    if overdue_on is not None:
        actions = actions.filter(due_on__lt=overdue_on)
    return actions


def _requirements_by_user(organisation_id: int, users: list[User]) -> dict[int, list[Requirement]]:
    requirements = list(Requirement.objects.filter(organisation_id=organisation_id).select_related("course", "team"))
    team_ids: dict[int, set[int]] = {user.pk: set() for user in users}
    for user_id, team_id in TeamMembership.objects.filter(user__in=users).values_list("user_id", "team_id"):
        team_ids[user_id].add(team_id)
    return {
        user.pk: [
            requirement
            for requirement in requirements
            if (not requirement.role or requirement.role == user.role)
            and (requirement.team_id is None or requirement.team_id in team_ids[user.pk])
        ]
        for user in users
    }


def _latest_completions(users: list[User]) -> dict[tuple[int, int], date]:
    latest: dict[tuple[int, int], date] = {}
    for user_id, course_id, completed_on in Completion.objects.filter(user__in=users).values_list(
        "user_id", "course_id", "completed_on"
    ):
        key = (user_id, course_id)
        if key not in latest or completed_on > latest[key]:
            latest[key] = completed_on
    return latest


def compliance_for_users(users: list[User], *, today: date | None = None) -> dict[int, list[RequirementStatus]]:
    """Each user's requirements with their status. Users must share one organisation."""
    if not users:
        return {}
    today = today or timezone.localdate()
    organisation_id = users[0].organisation_id
    assert organisation_id is not None
    requirements = _requirements_by_user(organisation_id, users)
    latest = _latest_completions(users)
    result: dict[int, list[RequirementStatus]] = {}
    for user in users:
        rows = []
        for requirement in requirements[user.pk]:
            last = latest.get((user.pk, requirement.course_id))
            status = compliance_status(last_completed_on=last, every_months=requirement.every_months, today=today)
            rows.append(RequirementStatus(requirement, status, last, due_on(last, requirement.every_months)))
        result[user.pk] = rows
    return result


def team_members(team: Team) -> list[User]:
    return list(User.objects.filter(team_memberships__team=team, is_active=True).order_by("last_name", "username"))


def training_compliance_rate(organisation: Organisation, role: str | None = None) -> float | None:
    """Share (0.0 to 1.0) of the organisation's active users with at least one requirement who are
    in date (compliant or due) on every requirement; None when no one has a requirement."""
    users = User.objects.filter(organisation=organisation, is_active=True)
    if role:
        users = users.filter(role=role)
    statuses = compliance_for_users(list(users))
    required = [rows for rows in statuses.values() if rows]
    if not required:
        return None
    compliant = sum(1 for rows in required if all(row.status.in_date for row in rows))
    return compliant / len(required)
