"""Who may see which scrutiny records: own organisation only (404 otherwise); councillors read and
fill self-assessments, officers also keep the lead, spending and FOI records (403 for councillors)."""

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpRequest

from tackle.accounts.door import open_for_user
from tackle.core.access import ASSESSMENTS, SCRUTINY_OFFICER_ROLES, Action
from tackle.core.periods import today_in_london
from tackle.core.permissions import require_module
from tackle.core.roles import Module
from tackle.scrutiny.models import Assessment, LeadArrangement, Spend


def require_scrutiny(user: Any) -> None:
    require_module(user, Module.SCRUTINY)
    if not user.organisation_id:
        raise PermissionDenied("You are not in an organisation.")


def require_officer(user: Any) -> None:
    """Lead arrangements, spending and FOI drafts are kept by officers, not councillors."""
    require_scrutiny(user)
    if user.role not in SCRUTINY_OFFICER_ROLES:
        raise PermissionDenied("Councillors read the self-assessment; officers keep these records.")


def assessments_visible_to(user: Any) -> models.QuerySet[Assessment]:
    require_scrutiny(user)
    return Assessment.objects.filter(organisation_id=user.organisation_id)


def get_assessment_for_user(
    user: Any,
    assessment_uuid: Any,
    *,
    action: Action = Action.VIEW,
    request: HttpRequest | None = None,
    note: str = "",
) -> Assessment:
    """Pages pass their request: the door then audits the opening or the export."""
    visible = assessments_visible_to(user)
    return open_for_user(
        user, visible, resource=ASSESSMENTS, action=action, request=request, note=note, uuid=assessment_uuid
    )


def arrangements_visible_to(user: Any) -> models.QuerySet[LeadArrangement]:
    require_officer(user)
    return LeadArrangement.objects.filter(organisation_id=user.organisation_id).select_related("lead_user")


def spend_visible_to(user: Any) -> models.QuerySet[Spend]:
    require_officer(user)
    return Spend.objects.filter(organisation_id=user.organisation_id)


def _held_on(day: date) -> models.Q:
    """A post held on `day`: begun by then and not yet ended."""
    return models.Q(since__lte=day) & (models.Q(ended_on__isnull=True) | models.Q(ended_on__gte=day))


def arrangements_filtered(
    user: Any, *, is_lead: bool | None = None, current: bool | None = None
) -> models.QuerySet[LeadArrangement]:
    """The page's and the API's filters: leads only (or others only), and held today (or not)."""
    arrangements = arrangements_visible_to(user)
    if is_lead is not None:
        arrangements = arrangements.filter(is_lead=is_lead)
    if current is not None:
        held = _held_on(today_in_london())
        arrangements = arrangements.filter(held) if current else arrangements.exclude(held)
    return arrangements


def spending_filtered(user: Any, *, financial_year: str = "", category: str = "") -> models.QuerySet[Spend]:
    """The page's and the API's filters: one financial year, one category."""
    spending = spend_visible_to(user)
    if financial_year:
        spending = spending.filter(financial_year=financial_year)
    if category:
        spending = spending.filter(category=category)
    return spending


def current_arrangement(organisation_id: int, today: date | None = None) -> LeadArrangement | None:
    """The lead or single point of contact in post on `today` (by default today in London)."""
    today = today or today_in_london()
    return (
        LeadArrangement.objects.filter(_held_on(today), organisation_id=organisation_id, is_lead=True)
        .select_related("lead_user")
        .order_by("-since", "-pk")
        .first()
    )


def posts_of(organisation_id: int) -> list[LeadArrangement]:
    """Every post and role held, ended or not, earliest first: what an FOI answer describes."""
    return list(LeadArrangement.objects.filter(organisation_id=organisation_id).order_by("since", "pk"))
