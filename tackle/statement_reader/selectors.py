"""Reading statements, overrides and the registry: who sees what, and what it adds up to."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.utils.dateformat import format as date_format
from django.utils.functional import Promise
from django.utils.translation import gettext

from tackle.accounts.selectors import users_visible_to
from tackle.core.access import STATEMENT_READINGS, Action, role_may_use, roles_with
from tackle.core.identifiers import normalise_company_number
from tackle.core.models import TaskStatus
from tackle.core.periods import today_in_london
from tackle.core.roles import Module
from tackle.statement_reader.labels import AREA_LABELS
from tackle.statement_reader.models import JudgementOverride, ReadingRequest, RegistryStatement, StatementReading
from tackle.statement_reader.registry import CLAIM_FIELDS, supplier_name_keys
from tackle.statement_reader.review import EffectiveJudgement, effective_judgements, training_rows
from tackle.statement_reader.rules.areas import AREAS
from tackle.statement_reader.rules.checks import Warning, reading_warnings
from tackle.suppliers.selectors import suppliers_of_organisation

if TYPE_CHECKING:
    from tackle.accounts.models import User
    from tackle.suppliers.models import Supplier


def readings_visible_to(user: Any) -> QuerySet[StatementReading]:
    """Statements read by the user's own organisation (a supplier's statement or the council's own)."""
    if not (user.is_authenticated and user.organisation_id):
        return StatementReading.objects.none()
    return StatementReading.objects.filter(organisation_id=user.organisation_id).select_related(
        "supplier", "created_by"
    )


def reading_requests_visible_to(user: Any) -> QuerySet[ReadingRequest]:
    """Statements waiting to be read, or that could not be, sent by the user's own organisation."""
    if not (user.is_authenticated and user.organisation_id):
        return ReadingRequest.objects.none()
    return ReadingRequest.objects.filter(organisation_id=user.organisation_id).select_related(
        "task_run", "reading__supplier", "supplier"
    )


def reading_requests_waiting(user: Any) -> QuerySet[ReadingRequest]:
    """Those not yet read and not failed: queued or running, as far as their runs say."""
    return reading_requests_visible_to(user).filter(
        reading=None, error="", task_run__status__in=[TaskStatus.QUEUED, TaskStatus.RUNNING]
    )


def follow_up_owners_for(user: Any) -> QuerySet[User]:
    """Who may own a follow-up action the user raises (the page's choices, the API's usernames): an active
    colleague whose role may mark it done, so the reminder's Mark as done link never answers 403."""
    closers = roles_with(STATEMENT_READINGS, Action.RECORD)
    may_close = [role for role in closers if role_may_use(role, Module.STATEMENTS)]
    colleagues = users_visible_to(user).filter(is_active=True, role__in=may_close)
    return colleagues.order_by("first_name", "last_name", "pk")


def suppliers_for(user: Any) -> QuerySet[Supplier]:
    return suppliers_of_organisation(user.organisation_id if user.is_authenticated else None)


def latest_assessment_for_supplier(supplier: Supplier) -> StatementReading | None:
    """The supplier's most recently read statement; its `score` counts reviewers' overrides, its
    `get_absolute_url()` is the page with the evidence."""
    return (
        StatementReading.objects.filter(organisation_id=supplier.organisation_id, supplier=supplier)
        .order_by("-created_at", "-pk")
        .first()
    )


def reading_judgements(reading: StatementReading) -> list[EffectiveJudgement]:
    overrides = list(reading.overrides.select_related("created_by").order_by("-created_at", "-pk"))
    return effective_judgements(sentences=reading.sentences, result=reading.result, overrides=overrides)


def reviewer_overrides_for_training() -> list[tuple[str, str, int]]:
    """(sentence, label, 0 or 1) taught by reviewers' overrides in every organisation, for
    `tackle statements train`. Labels are the labeller's (tackle.statement_reader.labeller.LABELS)."""
    rows: list[tuple[str, str, int]] = []
    readings = StatementReading.objects.filter(overrides__isnull=False).distinct().order_by("pk")
    for reading in readings.iterator(chunk_size=50):
        if reading.language["read"] is None:
            continue  # a Welsh statement's sentences would teach the English labeller nothing true
        overrides = list(JudgementOverride.objects.filter(reading=reading).order_by("-created_at", "-pk"))
        rows.extend(training_rows(sentences=reading.sentences, scores=reading.scores, overrides=overrides))
    return rows


# The registry -------------------------------------------------------------------------------------


def registry_rows_for_supplier(supplier: Supplier) -> QuerySet[RegistryStatement]:
    """The registry's rows for this supplier, by company number or by name (trading names included)."""
    match = Q(pk__in=[])
    number = normalise_company_number(supplier.company_number) or ""
    if number:
        match |= Q(company_number=number)
    names = supplier_name_keys(supplier.name, supplier.other_names)
    if names:
        match |= Q(name_key__in=names)
    return RegistryStatement.objects.filter(match).order_by("-year", "organisation_name")


@dataclass(frozen=True)
class ClaimCheck:
    area: str
    title: str | Promise
    claimed: bool
    ours: bool | None  # None: we have not read a statement of this supplier
    promised: bool = False  # ours is False because the statement only promises it

    @property
    def disagrees(self) -> bool:
        return self.ours is not None and self.ours != self.claimed


@dataclass(frozen=True)
class RegistryYear:
    row: RegistryStatement
    reading: StatementReading | None
    checks: list[ClaimCheck]

    @property
    def disagreements(self) -> int:
        return sum(1 for check in self.checks if check.disagrees)


def _reading_for(row: RegistryStatement, readings: list[StatementReading]) -> StatementReading | None:
    """Our reading of the same statement: same period end, else same end year, else the latest."""
    for matches in (
        lambda reading: row.period_end is not None and reading.period_end == row.period_end,
        lambda reading: reading.period_end is not None and reading.period_end.year == row.year,
    ):
        found = next((reading for reading in readings if matches(reading)), None)
        if found is not None:
            return found
    return readings[0] if readings else None


def registry_history_for_supplier(supplier: Supplier) -> list[RegistryYear]:
    readings = list(
        StatementReading.objects.filter(organisation_id=supplier.organisation_id, supplier=supplier).order_by(
            "-created_at", "-pk"
        )
    )
    judgements_by_reading = {
        reading.pk: {judgement.name: judgement for judgement in reading_judgements(reading)} for reading in readings
    }
    history = []
    for row in registry_rows_for_supplier(supplier):
        reading = _reading_for(row, readings)
        ours = judgements_by_reading[reading.pk] if reading is not None else {}
        checks = [
            ClaimCheck(
                area,
                AREA_LABELS[area],
                claimed=bool(getattr(row, CLAIM_FIELDS[area])),
                ours=ours[area].covered if area in ours else None,
                promised=area in ours and ours[area].future_only,
            )
            for area in AREAS
        ]
        history.append(RegistryYear(row=row, reading=reading, checks=checks))
    return history


def reading_warnings_for(reading: StatementReading, *, today: date | None = None) -> list[Warning]:
    """What a reader should check before relying on this reading: it names another organisation
    than the one it was read for, or it is out of date (see rules.checks)."""
    if reading.supplier_id and reading.supplier is not None:
        expected = [reading.supplier.name, *(reading.supplier.other_names or [])]
    else:
        expected = [reading.organisation.name]
    found = reading_warnings(
        reading.sentences, expected, reading.period_start, reading.period_end, today or today_in_london()
    )
    return [Warning(warning.kind, _warning_in_page_language(warning), warning.details) for warning in found]


def _warning_in_page_language(warning: Warning) -> str:
    details = warning.details
    if warning.kind == "other_organisation":
        return gettext(
            "The statement names %(names)s but not %(expected)s: check that it is this organisation's statement, "
            "or a group statement that covers it."
        ) % {"names": details["names"], "expected": details["expected"]}
    if warning.kind == "out_of_date":
        end, due = date_format(details["end"], "j F Y"), date_format(details["next_due"], "j F Y")
        if details["start"] is None:
            sentence = gettext(
                "The statement covers a year to %(end)s: it is out of date. A statement is due each financial year, "
                "within six months of its end, so the next one was due by %(due)s."
            )
            return sentence % {"end": end, "due": due}
        sentence = gettext(
            "The statement covers %(start)s to %(end)s: it is out of date. A statement is due each financial year, "
            "within six months of its end, so the next one was due by %(due)s."
        )
        return sentence % {"start": date_format(details["start"], "j F Y"), "end": end, "due": due}
    return warning.message
