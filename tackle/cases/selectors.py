"""Who may see which cases. Pages, API, exports and statistics all read through these."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import models
from django.db.models import BooleanField, Count, Exists, ExpressionWrapper, F, OuterRef, Q, Subquery
from django.db.models.expressions import RawSQL
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from tackle.accounts.door import open_for_user
from tackle.cases.models import (
    AgeGroup,
    Case,
    CaseStatus,
    ExplanationLanguage,
    ExplanationVersion,
    LegalHold,
    RecordLegalHold,
    RetentionDecision,
    RetentionOutcome,
    RetentionPeriod,
)
from tackle.cases.retention_records import KeptRecord, RecordKind, record_kinds
from tackle.cases.rules.explanations import FALLBACK_LANGUAGE, RIGHT_TO_LEFT, ExplanationKind, language_tag
from tackle.cases.rules.retention import DEFAULT_MONTHS, RecordType, is_due, retention_ends
from tackle.core.access import CASE_WORKER_ROLES, CASES, Action, Resource, Scope, scopes_for
from tackle.core.roles import Module
from tackle.core.scoping import live_share, shared_uuids
from tackle.core.slots import Slot

# Scopes come from the policy table (tackle/core/access.py): case workers see every case of their
# organisation, frontline officers the concerns they recorded, partners only cases shared with them.


def case_list_visible_to(user: Any) -> models.QuerySet[Case]:
    kind = case_list_scope(user)
    return visible_cases(kind, user.organisation_id, user.pk) if kind else Case.objects.none()


def case_list_scope(user: Any) -> Scope | None:
    """Which of the case list's scopes the user has; None when they may see no case."""
    if not (user.is_authenticated and user.organisation_id and user.may_use(Module.CASES)):
        return None
    scopes = scopes_for(user.role, CASES, Action.VIEW)
    if Scope.ORGANISATION in scopes:
        return Scope.ORGANISATION
    return Scope.SHARED if Scope.SHARED in scopes else Scope.OWN


def visible_cases(kind: Scope, organisation_id: int, user_id: int, *, now: Any = None) -> models.QuerySet[Case]:
    """The cases a scope of that kind shows, for that organisation and user (`now` for live shares)."""
    cases = Case.objects.select_related("organisation", "recorded_by")
    if kind == Scope.ORGANISATION:
        return cases.filter(organisation_id=organisation_id)
    if kind == Scope.SHARED:
        return cases.filter(uuid__in=shared_uuids(Case, organisation_id, now=now))
    return cases.filter(organisation_id=organisation_id, recorded_by_id=user_id)


def encounters_visible_to(user: Any) -> models.QuerySet[Any]:
    """Encounters with at least one case the user may see; the page lists only those cases."""
    from tackle.cases.models import Encounter

    seen = case_list_visible_to(user).filter(encounter__isnull=False).values("encounter_id")
    return Encounter.objects.filter(pk__in=seen)


def get_case_for_user(
    user: Any,
    case_uuid: Any,
    *,
    to_change: bool = False,
    request: HttpRequest | None = None,
    note: str = "",
    resource: Resource = CASES,
) -> Case:
    """404 when the case is outside the user's scope; 403 when they may see it but not change it,
    or not this part of it (`resource`: its support record, say). Pages pass their request:
    opening the case is then audited by the door."""
    action = Action.CHANGE if to_change else Action.VIEW
    return open_for_user(
        user, case_list_visible_to(user), resource=resource, action=action, request=request, note=note, uuid=case_uuid
    )


def share_scope_for(user: Any, case: Case) -> str | None:
    """How much of another organisation's case was shared with the user's; None for their own."""
    if case.organisation_id == user.organisation_id:
        return None
    share = live_share(case, user.organisation_id)
    return share.scope if share is not None else ""


def user_may_work_on(user: Any, case: Case) -> bool:
    return user.role in CASE_WORKER_ROLES and case.organisation_id == user.organisation_id


def open_cases(cases: models.QuerySet[Case]) -> models.QuerySet[Case]:
    return cases.filter(status=CaseStatus.OPEN)


def possible_duplicates(*, organisation_id: int, person_name: str, location: str, exclude_uuid: Any = None):  # type: ignore[no-untyped-def]
    """Open cases in the organisation with the same person's name or the same address."""
    conditions = Q()
    if person_name.strip():
        conditions |= Q(person_name__iexact=person_name.strip())
    if location.strip():
        conditions |= Q(location__iexact=location.strip())
    if not conditions:
        return Case.objects.none()
    cases = Case.objects.filter(conditions, organisation_id=organisation_id, status=CaseStatus.OPEN)
    if exclude_uuid:
        cases = cases.exclude(uuid=exclude_uuid)
    return cases.order_by("-encountered_at")[:10]


QUEUE_PAGE_SIZE = 50
SEARCH_MIN_LENGTH = 3  # the trigram index finds nothing shorter


@dataclass(frozen=True)
class CaseFilters:
    """What the case list is narrowed to. Empty means "any"; `allocated_to` is a worker's user id;
    `search` matches the reference, the person's name or (as `born_on`) their date of birth."""

    status: str = ""
    stage: str = ""
    age_group: str = ""
    exploitation_type: str = ""
    overdue: bool | None = None
    allocated_to: int | None = None
    not_allocated: bool = False
    search: str = ""
    born_on: date | None = None  # the search, when it reads as a date


NOT_ALLOCATED = "none"  # what the query string says for cases nobody has


def _overdue_referral(now: Any = None) -> Exists:
    from tackle.cases.models import Referral, ReferralStatus

    due = now or timezone.now()
    return Exists(Referral.objects.filter(case_id=OuterRef("pk"), status=ReferralStatus.TO_DO, due_by__lt=due))


def cases_filtered(cases: models.QuerySet[Case], filters: CaseFilters, *, now: Any = None) -> models.QuerySet[Case]:
    """Narrow a user's cases (a `*_visible_to` selector's) by every filter given; they combine.
    "Overdue" is as at `now` (this moment when not given)."""
    if filters.status:
        cases = cases.filter(status=filters.status)
    if filters.stage:
        cases = cases.filter(stage=filters.stage)
    if filters.age_group:
        cases = cases.filter(age_group=filters.age_group)
    if filters.exploitation_type:
        # The JSON list as text holds each code in quotes, alike on SQLite and PostgreSQL; the codes
        # come from a closed list, so one cannot match inside another.
        cases = cases.filter(exploitation_types__icontains=exploitation_code_in_list(filters.exploitation_type))
    if filters.overdue is not None:
        overdue = _overdue_referral(now)
        cases = cases.filter(overdue if filters.overdue else ~overdue)
    if filters.not_allocated:
        cases = cases.filter(allocated_to__isnull=True)
    elif filters.allocated_to is not None:
        cases = cases.filter(allocated_to_id=filters.allocated_to)
    if filters.search:
        cases = case_text_matches(cases, filters.search, born_on=filters.born_on)
    return cases


def case_text_matches(cases: models.QuerySet[Case], text: str, *, born_on: date | None = None) -> models.QuerySet[Case]:
    """Cases whose reference, person's name or one of their aliases contains `text` (any case of
    letters), or whose person was born on `born_on`, through the text index (tackle/cases/text_index.py)."""
    from django.db import connections

    from tackle.cases.models import CaseAlias

    if connections[cases.db].vendor == "sqlite":
        phrase = text_phrase(text)
        in_index = RawSQL("SELECT rowid FROM cases_case_text WHERE cases_case_text MATCH %s", [phrase])
        by_alias = RawSQL(
            "SELECT case_id FROM cases_casealias WHERE id IN "
            "(SELECT rowid FROM cases_casealias_text WHERE cases_casealias_text MATCH %s)",
            [phrase],
        )
        matches = Q(pk__in=in_index) | Q(pk__in=by_alias)
    else:  # PostgreSQL: the trigram indexes serve exactly these expressions
        # The aliases' cases are read first, through their own index: an `IN (SELECT ...)` inside the
        # OR stopped the planner combining the indexes, and it read every case of the organisation
        # instead (about 100 ms against 1 ms for a name at national scale).
        aliases = CaseAlias.objects.filter(name__icontains=text, case__in=cases.values("pk"))
        alias_case_ids = list(aliases.values_list("case_id", flat=True).distinct())
        matches = Q(reference__icontains=text) | Q(person_name__icontains=text)
        if alias_case_ids:
            matches |= Q(pk__in=alias_case_ids)
    if born_on is not None:
        matches |= Q(person_date_of_birth=born_on)
    return cases.filter(matches)


def exploitation_code_in_list(code: str) -> str:
    """How a code reads inside the JSON list of a case's exploitation types, as text."""
    return f'"{code}"'


def text_phrase(text: str) -> str:
    """The text as one quoted FTS5 phrase: a substring, never FTS syntax."""
    return '"' + text.replace('"', '""') + '"'


# What a queue row shows (templates/cases/queue.html, with what Case.is_anonymous reads): loading
# every column of fifty cases and their workers cost more than the query that found them.
QUEUE_ROW_FIELDS = (
    "uuid",
    "reference",
    "person_name",
    "encountered_at",
    "stage",
    "status",
    "treated_as_child",
    "consent_to_nrm",
    "consent_to_share",
    "allocated_to__first_name",
    "allocated_to__last_name",
    "allocated_to__username",
)


@dataclass
class QueuePage:
    rows: list[dict[str, Any]]
    count: int
    number: int
    pages: int

    @property
    def first_shown(self) -> int:
        return (self.number - 1) * QUEUE_PAGE_SIZE + 1 if self.rows else 0

    @property
    def last_shown(self) -> int:
        return self.first_shown + len(self.rows) - 1 if self.rows else 0


def queue_for(user: Any, cases: models.QuerySet[Case], *, page: str | int | None = 1) -> QueuePage:
    """One page of the given cases (the queue passes open ones), in the database's order: untriaged
    concerns first, then those with overdue referrals, then by next due time (nothing due last),
    newest first within each. A page number that is not a page reads as the nearest one."""
    keys = queue_keys(cases)
    return queue_page(
        page,
        keys_from=lambda start: list(keys[start : start + QUEUE_PAGE_SIZE]),
        count=cases.count,
        cases_of=lambda pks: list(queue_rows(cases.db, pks)),
    )


def queue_keys(cases: models.QuerySet[Case]) -> models.QuerySet[Any]:
    """(pk, next due time, is new) of the given cases, in the queue's order."""
    from tackle.cases.models import Referral, ReferralStatus

    # A subquery per case reads the (case, status, due_by) index; a join and GROUP BY over every
    # open case's referrals cost several times more at national scale.
    next_due = (
        Referral.objects.filter(case_id=OuterRef("pk"), status=ReferralStatus.TO_DO, due_by__isnull=False)
        .order_by("due_by")
        .values("due_by")[:1]
    )
    # Overdue first then the rest, each by next due time, is next due time alone: an overdue one is
    # due before now and the others at or after it. So "overdue" is read from `next_due` in
    # `queue_page`, and the SQL neither runs the subquery a second time per case nor compiles the comparison.
    ordered = cases.annotate(
        next_due=Subquery(next_due),
        is_new=ExpressionWrapper(Q(triaged_at__isnull=True), output_field=BooleanField()),
    ).order_by(F("is_new").desc(), F("next_due").asc(nulls_last=True), "-encountered_at")
    # Sort narrow rows (the key and the ordering values), then load the page's cases whole: sorting
    # every open case with all its columns cost more than the rest of the query at national scale.
    return ordered.values_list("pk", "next_due", "is_new")


def queue_rows(db: str, pks: list[Any]) -> models.QuerySet[Case]:
    """The page's cases by key, with what a queue row shows. The keys passed the filters already:
    the filters' SQL (search, visibility) is neither compiled nor run a second time."""
    return Case.objects.using(db).select_related("allocated_to").only(*QUEUE_ROW_FIELDS).filter(pk__in=pks)


def queue_page(
    page: str | int | None,
    *,
    keys_from: Callable[[int], list[Any]],
    count: Callable[[], int],
    cases_of: Callable[[list[Any]], list[Case]],
) -> QueuePage:
    """The queue's paging over its queries (`queue_for`'s ORM ones, or the prepared ones of
    tackle/cases/prepared_list.py): a page's keys from a start, the count, the cases of some keys."""
    now = timezone.now()
    try:
        asked = max(1, int(page or 1))
    except (TypeError, ValueError):
        asked = 1
    page_keys = keys_from(0) if asked == 1 else []
    if asked == 1 and len(page_keys) < QUEUE_PAGE_SIZE:
        total, number = len(page_keys), 1  # a first page that is not full is every case: no count
    else:
        total = count()
        number = min(asked, max(1, -(-total // QUEUE_PAGE_SIZE)))
        if asked != 1:  # another page, or a page past the end read as the last one
            page_keys = keys_from((number - 1) * QUEUE_PAGE_SIZE)
    pages = max(1, -(-total // QUEUE_PAGE_SIZE))
    cases_by_pk = {case.pk: case for case in cases_of([pk for pk, *_ in page_keys])} if page_keys else {}
    rows = [
        {"case": cases_by_pk[pk], "next_due": due, "overdue": due is not None and due < now, "new": is_new}
        for pk, due, is_new in page_keys
        if pk in cases_by_pk
    ]
    return QueuePage(rows=rows, count=total, number=number, pages=pages)


def case_workers_of(organisation_id: Any, *, with_former: bool = False) -> models.QuerySet[Any]:
    """The users a case of this organisation may be allocated to: active, in a case-working role.
    `with_former`: also anyone who still has cases allocated (left, or moved to another role)."""
    from tackle.accounts.models import User

    may_work = Q(role__in=CASE_WORKER_ROLES, is_active=True)
    if with_former:
        has_cases = Case.objects.filter(allocated_to_id=OuterRef("pk"), organisation_id=OuterRef("organisation_id"))
        may_work |= Q(Exists(has_cases))
    workers = User.objects.filter(may_work, organisation_id=organisation_id)
    return workers.order_by("first_name", "last_name", "username")


@dataclass(frozen=True)
class Caseload:
    worker: Any  # None: the open cases nobody has
    open: int
    overdue: int


def caseloads_for(user: Any) -> list[Caseload]:
    """Each case worker of the user's organisation with their open and overdue cases, then the open
    cases not allocated to anyone. Workers without cases are listed too (with nothing)."""
    rows = (
        open_cases(Case.objects.filter(organisation_id=user.organisation_id))
        .values("allocated_to")
        .annotate(open=Count("pk"), overdue=Count("pk", filter=Q(_overdue_referral())))
    )
    counts: dict[int | None, tuple[int, int]] = {row["allocated_to"]: (row["open"], row["overdue"]) for row in rows}
    workers = list(case_workers_of(user.organisation_id, with_former=True))
    loads = [Caseload(worker, *counts.get(worker.pk, (0, 0))) for worker in workers]
    return [*loads, Caseload(None, *counts.get(None, (0, 0)))]


def allocations_of(case: Case) -> models.QuerySet[Any]:
    """The case's allocation history, newest first."""
    return case.allocations.select_related("allocated_to", "allocated_by")


def case_periods(case: Case) -> dict[str, Any]:
    """Dates that follow from the case's NRM decisions, computed from the dated rules tables."""
    from tackle.cases.models import NrmEventKind, NrmOutcome
    from tackle.cases.rules.nrm_periods import move_on_support_ends_on, recovery_period_ends_on, rg_decision_target

    events = list(case.nrm_events.all())
    referred = next((e.occurred_on for e in events if e.kind == NrmEventKind.REFERRAL_SENT), None)
    positive_rg = next(
        (
            e.occurred_on
            for e in reversed(events)
            if e.kind == NrmEventKind.RG_DECISION and e.outcome == NrmOutcome.POSITIVE
        ),
        None,
    )
    cg = next((e for e in reversed(events) if e.kind == NrmEventKind.CG_DECISION), None)
    positive_cg_on = cg.occurred_on if cg is not None and cg.outcome != NrmOutcome.NEGATIVE else None
    return {
        "referred_on": referred,
        "rg_decision_due_on": rg_decision_target(referred) if referred else None,
        "recovery_period_ends_on": (
            recovery_period_ends_on(positive_rg, cg.occurred_on if cg else None) if positive_rg else None
        ),
        "recovery_period_is_minimum": positive_rg is not None and cg is None,
        "move_on_support_ends_on": move_on_support_ends_on(positive_cg_on) if positive_cg_on else None,
    }


def case_dashboard_figures(user: Any) -> list[dict[str, Any]]:
    """Home page figures for anyone who works with cases: what needs them now. Labels stay English
    (the home page links figures by label) and are translated where shown."""
    from django.utils import timezone

    from tackle.cases.models import Referral, ReferralStatus

    if not user.may_use(Module.CASES):
        return []
    cases = open_cases(case_list_visible_to(user))
    overdue = Referral.objects.filter(case__in=cases, status=ReferralStatus.TO_DO, due_by__lt=timezone.now())
    figures = [{"label": gettext_noop("Open cases"), "value": cases.count()}]
    if user.role in CASE_WORKER_ROLES:
        figures.append(
            {"label": gettext_noop("New concerns to triage"), "value": cases.filter(triaged_at__isnull=True).count()}
        )
        figures.append({"label": gettext_noop("Overdue actions"), "value": overdue.count(), "alert": True})
    return figures


# Where the person was found, when a higher app knows (disruption registers its operations).
# Each provider takes (user, case) and answers {"name", "date", "url"} or None.
case_found_in = Slot("the operation or event that found the person in a case")


def found_in(user: Any, case: Any) -> dict[str, Any] | None:
    """Where this person was found, linked when the user may open it."""
    return case_found_in.first(user, case)


def case_of_organisation(organisation_id: int, reference: str) -> Case | None:
    """One of the organisation's cases by the reference its pages show, for the audit log's search
    (an auditor may not open the case, so this is not a `*_visible_to` read: it names the case only).
    The reference may be typed without its "C-"."""
    typed = reference.strip().upper()
    candidates = {typed, f"C-{typed}"} if typed and not typed.startswith("C-") else {typed}
    return Case.objects.filter(organisation_id=organisation_id, reference__in=candidates).first()


def openable_case_uuids(user: Any, uuids: Any) -> set[Any]:
    """Which of these cases `user` may open, so that a page of another app links only those."""
    return set(case_list_visible_to(user).filter(uuid__in=list(uuids)).values_list("uuid", flat=True))


def concerns_recorded_since(organisation_id: int, since: Any) -> models.QuerySet[Case]:
    """New concerns of one organisation, newest first (the multi-agency meeting's briefing shows
    their reference, date and type only)."""
    return Case.objects.filter(organisation_id=organisation_id, created_at__gte=since).order_by("-created_at")


@dataclass(frozen=True)
class ReminderRecipients:
    """Who the case's reminders reach: its worker, else the organisation's lead (`to_lead`); with no
    one, nobody is told, and the case page says so."""

    users: tuple[Any, ...]
    to_lead: bool

    @property
    def without_email(self) -> tuple[Any, ...]:
        return tuple(user for user in self.users if not user.email)


def reminder_recipients(case: Case) -> ReminderRecipients:
    from tackle.accounts.selectors import leads_of

    worker = case.allocated_to
    if worker is not None and worker.is_active:
        return ReminderRecipients((worker,), to_lead=False)
    return ReminderRecipients(tuple(leads_of(case.organisation_id)), to_lead=True)


# --- Retention (UK GDPR): what the organisation keeps, for how long, and what is past its date ---


def cases_of_organisation(user: Any) -> models.QuerySet[Case]:
    """Every case of the user's organisation, for the retention and subject access door: the
    administrator decides on them without seeing casework (the door checks the role)."""
    if not (user.is_authenticated and user.organisation_id):
        return Case.objects.none()
    return Case.objects.select_related("organisation").filter(organisation_id=user.organisation_id)


def case_of_organisation_named(user: Any, reference: str) -> Case | None:
    """Of `cases_of_organisation`, the case a legal hold or a subject access request names by its
    reference, in any case of letters; None when the user's organisation has none with it."""
    return cases_of_organisation(user).filter(reference__iexact=reference.strip()).first()


def retention_months_of(organisation_id: int) -> dict[str, int]:
    """Each record type's period: the organisation's where it set one, the default otherwise."""
    chosen = dict(RetentionPeriod.objects.filter(organisation_id=organisation_id).values_list("record_type", "months"))
    defaults = {**DEFAULT_MONTHS, **{kind.record_type: kind.default_months for kind in record_kinds()}}
    return {record_type: chosen.get(record_type, months) for record_type, months in defaults.items()}


def case_record_type(case: Case) -> str:
    child = case.treated_as_child or case.age_group == AgeGroup.CHILD
    return RecordType.CHILD_CASE if child else RecordType.ADULT_CASE


def live_legal_hold(case: Case) -> LegalHold | None:
    return LegalHold.objects.filter(case=case, lifted_at__isnull=True).first()


@dataclass(frozen=True)
class RetentionDue:
    case: Case
    record_type: str
    ends_on: date

    @property
    def record_type_label(self) -> str:
        return str(RecordType(self.record_type).label)  # in the reader's language


def retention_review(organisation_id: int, today: date) -> tuple[list[RetentionDue], list[LegalHold]]:
    """The organisation's closed records past their retention date, oldest first, and its live legal
    holds. A held case is never due; an anonymised case has nothing left to decide on."""
    months = retention_months_of(organisation_id)
    holds = list(
        LegalHold.objects.filter(case__organisation_id=organisation_id, lifted_at__isnull=True).select_related(
            "case", "placed_by"
        )
    )
    held = {hold.case_id for hold in holds}
    decisions = RetentionDecision.objects.filter(organisation_id=organisation_id, case__isnull=False)
    anonymised = set(decisions.filter(outcome=RetentionOutcome.ANONYMISED).values_list("case_id", flat=True))
    extended: dict[tuple[int | None, str], date] = {}
    for decision in decisions.filter(outcome=RetentionOutcome.EXTENDED).only("case_id", "record_type", "keep_until"):
        key, until = (decision.case_id, decision.record_type), decision.keep_until
        if until is not None and (key not in extended or until > extended[key]):
            extended[key] = until
    closed = (
        Case.objects.filter(organisation_id=organisation_id, status=CaseStatus.CLOSED)
        .exclude(pk__in=anonymised)
        .annotate(document_count=Count("documents"))
        .order_by("closed_at")
    )
    due = []
    for case in closed:
        closed_on = timezone.localdate(case.closed_at)
        types = [case_record_type(case)] + ([RecordType.SUPPORT_DOCUMENT] if case.document_count else [])
        for record_type in types:
            ends_on = retention_ends(
                closed_on=closed_on, months=months[record_type], extended_to=extended.get((case.pk, record_type))
            )
            if is_due(ends_on=ends_on, today=today, on_hold=case.pk in held):
                due.append(RetentionDue(case=case, record_type=record_type, ends_on=ends_on))
    return due, holds


@dataclass(frozen=True)
class OtherRecordDue:
    """A record of another kind (cases/retention_records.py) past its retention date."""

    kind: RecordKind
    record: KeptRecord
    ends_on: date


def other_records_review(organisation_id: int, today: date) -> tuple[list[OtherRecordDue], list[RecordLegalHold]]:
    """As retention_review, for every kind another app registered: held records are never due, an
    anonymised one has nothing left to decide on, a later extension moves the date."""
    months = retention_months_of(organisation_id)
    holds = list(
        RecordLegalHold.objects.filter(organisation_id=organisation_id, lifted_at__isnull=True).select_related(
            "placed_by"
        )
    )
    held = {(hold.record_type, hold.record_key) for hold in holds}
    decisions = RetentionDecision.objects.filter(organisation_id=organisation_id).exclude(record_key="")
    anonymised = set(decisions.filter(outcome=RetentionOutcome.ANONYMISED).values_list("record_type", "record_key"))
    extended: dict[tuple[str, str], date] = {}
    for decision in decisions.filter(outcome=RetentionOutcome.EXTENDED):
        key, until = (decision.record_type, decision.record_key), decision.keep_until
        if until is not None and (key not in extended or until > extended[key]):
            extended[key] = until
    due = []
    for kind in record_kinds():
        for record in kind.records(organisation_id):
            key = (kind.record_type, record.key)
            if key in anonymised:
                continue
            ends_on = retention_ends(
                closed_on=record.starts_on, months=months[kind.record_type], extended_to=extended.get(key)
            )
            if is_due(ends_on=ends_on, today=today, on_hold=key in held):
                due.append(OtherRecordDue(kind=kind, record=record, ends_on=ends_on))
    due.sort(key=lambda item: item.ends_on)
    return due, holds


# The organisation's explanation texts (issue 21, item 4): the lead's pages and the consent page.


def explanation_languages_visible_to(user: Any) -> models.QuerySet[ExplanationLanguage]:
    """The languages the user's organisation keeps its explanation texts in."""
    if not (user.is_authenticated and user.organisation_id):
        return ExplanationLanguage.objects.none()
    return ExplanationLanguage.objects.filter(organisation_id=user.organisation_id)


def offered_versions(language: ExplanationLanguage) -> list[ExplanationVersion]:
    """Each kind's offered version (the approved one approved last), in the kinds' order."""
    offered: dict[str, ExplanationVersion] = {}
    for version in language.versions.filter(approved_at__isnull=False).order_by("approved_at", "number"):
        offered[version.kind] = version
    return [offered[kind] for kind in ExplanationKind if kind in offered]


@dataclass(frozen=True)
class ExplanationOffer:
    """What the consent page shows for the person's language: `asked` is their language, `language`
    the one the texts are in (English, read by an interpreter, where none is approved in theirs)."""

    asked: str
    language: str
    versions: list[ExplanationVersion]

    @property
    def in_their_language(self) -> bool:
        return self.asked == self.language

    @property
    def lang(self) -> str:
        return language_tag(self.language)

    @property
    def right_to_left(self) -> bool:
        return self.language in RIGHT_TO_LEFT


def explanation_offer(organisation_id: int, asked: str) -> ExplanationOffer:
    kept = {each.language: each for each in ExplanationLanguage.objects.filter(organisation_id=organisation_id)}
    for language in (asked, FALLBACK_LANGUAGE):
        versions = offered_versions(kept[language]) if language in kept else []
        if versions:
            return ExplanationOffer(asked=asked, language=language, versions=versions)
    return ExplanationOffer(asked=asked, language=FALLBACK_LANGUAGE, versions=[])


def consent_explanations_of(case: Case) -> list[ExplanationVersion]:
    """The versions read to the person when they last answered about the NRM, in the kinds' order."""
    versions = list(case.consent_explanations.select_related("language"))
    order = list(ExplanationKind)
    return sorted(versions, key=lambda version: order.index(ExplanationKind(version.kind)))


def consent_explanation_words(case: Case) -> str:
    """Which texts were read, in which language and by whom, in words; empty when none was recorded."""
    versions = consent_explanations_of(case)
    if not versions:
        return ""
    texts = ", ".join(
        gettext("%(kind)s (version %(number)s)") % {"kind": version.kind_label, "number": version.number}
        for version in versions
    )
    values = {"texts": texts, "language": versions[0].language.language}
    if case.consent_explanation_read_by_interpreter:
        return gettext("%(texts)s, in %(language)s, read by an interpreter") % values
    return gettext("%(texts)s, in %(language)s, read by the officer") % values


CASE_HOLD = "case"  # the record type a hold on a case is listed under, beside the kinds others register


@dataclass(frozen=True)
class HeldRecord:
    """A legal hold on a case or on a record of another kind, as the holds list and its download show it."""

    uuid: Any
    record_type: str
    kind_label: str
    reference: str
    reason: str
    placed_by: str
    placed_at: Any
    lifted_at: Any
    lift_reason: str


def legal_holds_of(
    organisation_id: int, *, live: bool | None = True, record_type: str = "", uuid: Any = None
) -> list[HeldRecord]:
    """The organisation's legal holds, newest first: live ones (`live`), lifted ones, or all (None);
    of one kind of record when `record_type` names it (`CASE_HOLD` for cases); the one hold `uuid` names."""
    where: dict[str, Any] = {} if live is None else {"lifted_at__isnull": live}
    if uuid is not None:  # one hold read by key, not every hold of the organisation
        where["uuid"] = uuid
    labels = {kind.record_type: str(kind.label) for kind in record_kinds()}
    held: list[HeldRecord] = []
    if record_type in ("", CASE_HOLD):
        on_cases = LegalHold.objects.filter(case__organisation_id=organisation_id, **where)
        held += [
            HeldRecord(hold.uuid, CASE_HOLD, gettext("Case"), hold.case.reference, hold.reason,
                       hold.placed_by.display_name, hold.placed_at, hold.lifted_at, hold.lift_reason)
            for hold in on_cases.select_related("case", "placed_by")
        ]  # fmt: skip
    if record_type != CASE_HOLD:
        others = RecordLegalHold.objects.filter(organisation_id=organisation_id, **where)
        if record_type:
            others = others.filter(record_type=record_type)
        held += [
            HeldRecord(hold.uuid, hold.record_type, labels.get(hold.record_type, hold.record_type), hold.reference,
                       hold.reason, hold.placed_by.display_name, hold.placed_at, hold.lifted_at, hold.lift_reason)
            for hold in others.select_related("placed_by")
        ]  # fmt: skip
    return sorted(held, key=lambda hold: hold.placed_at, reverse=True)
