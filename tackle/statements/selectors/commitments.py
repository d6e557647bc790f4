"""What a user may see of the organisation's commitments, and how far each has got."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from tackle.accounts.door import open_for_user
from tackle.core import access
from tackle.core.permissions import require_module
from tackle.core.roles import Module
from tackle.statements.models import (
    OPEN_STATUSES,
    Action,
    ActionStatus,
    Commitment,
    CommitmentEvidence,
    CommitmentStatus,
)

# Linked actions that no longer count: dropped ones, and ones carried over (their copy in the
# next period carries the link instead).
NOT_COUNTED = (ActionStatus.DROPPED, ActionStatus.CARRIED_OVER)
EVIDENCE_SHOWN_IN_STATEMENT = 3


def commitments_visible_to(user: Any) -> QuerySet[Commitment]:
    require_module(user, Module.STATEMENTS)
    return Commitment.objects.filter(organisation_id=user.organisation_id)


def get_commitment_for_user(
    user: Any, commitment_uuid: Any, *, to_change: bool = False, request: HttpRequest | None = None
) -> Commitment:
    """Pages pass their request: the door then audits the opening."""
    action = access.Action.CHANGE if to_change else access.Action.VIEW
    visible = commitments_visible_to(user)
    return open_for_user(
        user, visible, resource=access.ACTION_PLANS, action=action, request=request, uuid=commitment_uuid
    )


def linkable_actions(commitment: Commitment) -> QuerySet[Action]:
    """Actions of the commitment's own organisation that are still worth linking."""
    return (
        Action.objects.filter(organisation_id=commitment.organisation_id)
        .exclude(status__in=NOT_COUNTED)
        .select_related("period")
        .order_by("-period__starts_on", "area", "due_on")
    )


def commitment_status(*, judged_met: bool, evidence_count: int, actions_done: int, actions_started: int) -> str:
    """Met needs both the lead's judgement and at least one piece of evidence; anything done or
    recorded makes it in progress; otherwise it has not started."""
    if judged_met and evidence_count > 0:
        return CommitmentStatus.MET
    if evidence_count > 0 or actions_done > 0 or actions_started > 0:
        return CommitmentStatus.IN_PROGRESS
    return CommitmentStatus.NOT_STARTED


@dataclass
class CommitmentProgress:
    commitment: Commitment
    actions_total: int
    actions_done: int
    actions_overdue: int
    evidence: list[CommitmentEvidence]
    status: str

    @property
    def evidence_count(self) -> int:
        return len(self.evidence)

    @property
    def status_label(self) -> str:
        return str(CommitmentStatus(self.status).label)

    @property
    def summary(self) -> str:
        """One line for tables: the status, then the linked actions."""
        values = {
            "status": self.status_label,
            "done": self.actions_done,
            "total": self.actions_total,
            "overdue": self.actions_overdue,
        }
        if not self.actions_total:
            return gettext("%(status)s. No actions linked.") % values
        if self.actions_overdue:
            return gettext("%(status)s. %(done)s of %(total)s linked actions done, %(overdue)s overdue.") % values
        return gettext("%(status)s. %(done)s of %(total)s linked actions done.") % values


def progress_of(commitments: Iterable[Commitment], today: date | None = None) -> list[CommitmentProgress]:
    """Progress for commitments fetched with with_progress_data (or any, at a query each)."""
    today = today or timezone.localdate()
    rows = []
    for commitment in commitments:
        counted = [action for action in commitment.actions.all() if action.status not in NOT_COUNTED]
        done = sum(1 for action in counted if action.status == ActionStatus.DONE)
        started = sum(1 for action in counted if action.status == ActionStatus.IN_PROGRESS)
        overdue = sum(1 for action in counted if action.status in OPEN_STATUSES and action.due_on < today)
        evidence = list(commitment.evidence.all())
        status = commitment_status(
            judged_met=commitment.met_on is not None,
            evidence_count=len(evidence),
            actions_done=done,
            actions_started=started,
        )
        rows.append(CommitmentProgress(commitment, len(counted), done, overdue, evidence, status))
    return rows


def with_progress_data(commitments: QuerySet[Commitment]) -> QuerySet[Commitment]:
    return commitments.prefetch_related(
        Prefetch("actions", queryset=Action.objects.select_related("period", "owner")),
        Prefetch("evidence", queryset=CommitmentEvidence.objects.select_related("recorded_by")),
    )


def organisation_commitment_progress(organisation_id: Any, today: date | None = None) -> list[CommitmentProgress]:
    """Every commitment of one organisation with its progress. No permission check: callers are
    pages that have already checked (the statement, the scrutiny report for councillors)."""
    commitments = Commitment.objects.filter(organisation_id=organisation_id)
    return progress_of(with_progress_data(commitments), today)


@dataclass
class CommitmentRow:
    commitment: str
    source: str
    progress: str
    evidence: str


def commitment_rows(organisation_id: Any, today: date | None = None) -> list[CommitmentRow]:
    """The statement's commitments table: the latest few pieces of evidence, in words."""
    rows = []
    for item in organisation_commitment_progress(organisation_id, today):
        latest = item.evidence[-EVIDENCE_SHOWN_IN_STATEMENT:][::-1]
        evidence = "; ".join(f"{piece.shown_text} ({date_format(piece.recorded_on, 'F Y')})" for piece in latest)
        hidden = item.evidence_count - len(latest)
        if hidden:
            evidence = gettext("%(evidence)s; and %(hidden)s more") % {"evidence": evidence, "hidden": hidden}
        rows.append(CommitmentRow(item.commitment.shown_title, item.commitment.shown_source, item.summary, evidence))
    return rows


def status_counts(rows: list[CommitmentProgress]) -> list[tuple[str, int]]:
    """Each status's label, in the active language, and how many commitments have it."""
    return [(str(label), sum(1 for row in rows if row.status == value)) for value, label in CommitmentStatus.choices]
