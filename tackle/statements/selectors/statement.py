"""What a user may see of the action plan and statement, and the figures and tables it quotes."""

import difflib
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from tackle.accounts.door import open_for_user
from tackle.accounts.selectors import disclosure_for
from tackle.core import access
from tackle.core.disclosure import Audience, disclosed_in_language
from tackle.core.permissions import require_module
from tackle.core.roles import Module
from tackle.reporting.evidence import statement_evidence, statement_period
from tackle.statements.models import Action, ActionStatus, Area, Statement, StatementPeriod, StatementStatus
from tackle.statements.sections import TEXT_SECTIONS


def require_lead(user: Any) -> None:
    if not access.allows(user.role, access.STATEMENTS, access.Action.CHANGE):
        raise PermissionDenied("Only the modern slavery lead can change the action plan or statement.")


def periods_visible_to(user: Any) -> QuerySet[StatementPeriod]:
    require_module(user, Module.STATEMENTS)
    return StatementPeriod.objects.filter(organisation_id=user.organisation_id)


def actions_visible_to(user: Any) -> QuerySet[Action]:
    require_module(user, Module.STATEMENTS)
    return Action.objects.filter(organisation_id=user.organisation_id).select_related("owner", "period")


def statements_visible_to(user: Any) -> QuerySet[Statement]:
    require_module(user, Module.STATEMENTS)
    return Statement.objects.filter(organisation_id=user.organisation_id).select_related("period", "approved_by")


def _doing(to_change: bool) -> access.Action:
    return access.Action.CHANGE if to_change else access.Action.VIEW


def get_period_for_user(user: Any, period_uuid: Any, *, to_change: bool = False) -> StatementPeriod:
    visible = periods_visible_to(user)
    return open_for_user(user, visible, resource=access.ACTION_PLANS, action=_doing(to_change), uuid=period_uuid)


def get_action_for_user(user: Any, action_uuid: Any, *, to_change: bool = False) -> Action:
    visible = actions_visible_to(user)
    return open_for_user(user, visible, resource=access.ACTION_PLANS, action=_doing(to_change), uuid=action_uuid)


def get_statement_for_user(
    user: Any, statement_uuid: Any, *, to_change: bool = False, request: HttpRequest | None = None
) -> Statement:
    """Pages pass their request: the door then audits the opening."""
    visible = statements_visible_to(user)
    action = _doing(to_change)
    return open_for_user(user, visible, resource=access.STATEMENTS, action=action, request=request, uuid=statement_uuid)


def current_period(organisation_id: Any, today: date | None = None) -> StatementPeriod | None:
    today = today or timezone.localdate()
    periods = StatementPeriod.objects.filter(organisation_id=organisation_id)
    return periods.filter(starts_on__lte=today, ends_on__gte=today).first() or periods.order_by("-starts_on").first()


def actions_by_area(actions: QuerySet[Action]) -> list[tuple[str, list[Action]]]:
    return [(str(label), [a for a in actions if a.area == value]) for value, label in Area.choices]


def actions_by_owner(actions: QuerySet[Action]) -> list[tuple[str, list[Action]]]:
    groups: dict[str, list[Action]] = {}
    for action in actions:
        groups.setdefault(action.owner_label, []).append(action)
    return sorted(groups.items())


def overdue_actions(actions: QuerySet[Action], today: date | None = None) -> QuerySet[Action]:
    today = today or timezone.localdate()
    return actions.filter(due_on__lt=today).exclude(
        status__in=[ActionStatus.DONE, ActionStatus.DROPPED, ActionStatus.CARRIED_OVER]
    )


@dataclass
class ReviewRow:
    area: str
    proposed: str
    done: str
    status: str


def review_rows(period: StatementPeriod) -> list[ReviewRow]:
    """Proposed against done: each action with its latest progress note."""
    rows = []
    for action in period.actions.prefetch_related("updates").order_by("area", "due_on"):
        notes = [update.what_was_done for update in action.updates.all()]
        rows.append(
            ReviewRow(action.get_area_display(), action.title, notes[-1] if notes else "", action.get_status_display())
        )
    return rows


def previous_period(period: StatementPeriod) -> StatementPeriod | None:
    earlier = StatementPeriod.objects.filter(organisation_id=period.organisation_id, starts_on__lt=period.starts_on)
    return earlier.order_by("-starts_on").first()


def next_activity_rows(period: StatementPeriod) -> list[ReviewRow]:
    actions = period.actions.exclude(status__in=[ActionStatus.DROPPED, ActionStatus.CARRIED_OVER])
    return [
        ReviewRow(a.get_area_display(), a.title, date_format(a.due_on, "F Y"), a.owner_label)
        for a in actions.select_related("owner").order_by("area", "due_on")
    ]


@dataclass
class Figure:
    label: str
    value: str
    source: str
    as_of: date


def live_figures(statement: Statement, today: date | None = None) -> list[Figure]:
    today = today or timezone.localdate()
    period = statement.period
    found = statement_evidence(
        statement.organisation_id, statement_period(period.label, period.starts_on, period.ends_on)
    )
    # A statement is published: counts of people who may be victims are shown as the organisation
    # shows them to the public; staff trained are not withheld.
    shown = disclosure_for(statement.organisation_id, Audience.PUBLIC).show

    def count(value: int) -> str:
        figure = shown(value)
        return f"{figure:,}" if isinstance(figure, int) else disclosed_in_language(figure)

    return [
        Figure(gettext("NRM referrals made"), count(found.cases_referred), gettext("Tackle case records"), today),
        Figure(
            gettext("People trained"),
            f"{found.training.people_trained:,}",
            gettext("Tackle training records"),
            found.training.as_of,
        ),
        Figure(
            gettext("Training sessions held"),
            f"{found.training.sessions_held:,}",
            gettext("Tackle training records"),
            found.training.as_of,
        ),
    ]


def section_rows(statement: Statement, *, language: str = "en") -> list[tuple[str, str, str]]:
    """(key, title, text) of each section, the text in English or the council's Welsh ("cy")."""
    texts = {section.key: section.text_cy if language == "cy" else section.text for section in statement.sections.all()}
    return [(key, title, texts.get(key, "")) for key, title in TEXT_SECTIONS]


def section_diff(older: Statement, newer: Statement) -> list[tuple[str, list[str]]]:
    before = {key: text for key, _, text in section_rows(older)}
    changed = []
    for key, title, text in section_rows(newer):
        if before.get(key, "") != text:
            lines = difflib.unified_diff(before.get(key, "").splitlines(), text.splitlines(), lineterm="", n=1)
            changed.append((title, [line for line in lines if not line.startswith(("---", "+++", "@@"))]))
    return changed


@dataclass
class CheckItem:
    label: str
    done: bool


def publish_checklist(statement: Statement) -> list[CheckItem]:
    approved = statement.status in (StatementStatus.APPROVED, StatementStatus.PUBLISHED)
    decided = bool(statement.decision_maker and statement.approval_date and statement.minute_reference)
    return [
        CheckItem(gettext("Signed by at least one person"), statement.signatories.exists()),
        CheckItem(gettext("Approval recorded: who decided, when, and the minute reference"), approved and decided),
        CheckItem(gettext("Published link recorded"), bool(statement.published_url)),
    ]
