"""The register: how many cases were open on a date, where each stood, and who may see which figures.

Counting happens in the database, in one grouped query: each open case's stage on the date comes
from a correlated subquery over its NRM events, so the query reads the organisation's cases once
and never loads them into Python. Python only folds the few hundred groups into the three tables.

Definitions
-----------
- A case is open on date D when it was first seen on or before D and it was not closed on or
  before D (dates in Europe/London).
- Children by stage: the open cases in the child age group, each in its stage on D (children at
  risk before a referral, and in the NRM by where they stand); they add up to the children row.
- Its stage on D is where its NRM events that occurred on or before D lead, taken in order (by
  date, then the order they were recorded in), by the rule in rules/nrm_stage.py, which the NRM
  service also moves a case by. No event: "concern". stage_on below is that rule as SQL.

Who sees what (the one rule for the page, the API and the exports)
-------------------------------------------------------------------
- Roles that see every case of their organisation (modern slavery lead, safeguarding manager):
  exact counts and the per-case export.
- Other roles with the Figures module (councillor, community safety manager, auditor): counts
  only, as the organisation shows them to councillors (tackle.core.disclosure, by default every
  count from 1 to 4 "fewer than 5"), and no per-case export. A community safety manager and an
  auditor do not work on cases, so they get what a councillor gets.
- Everyone else (frontline officers, partners, procurement, administrators): 403.

Disclosure: the three tables each add up to the total, so they are protected together
(core.disclosure.protect_breakdowns): beside a withheld small count, enough other counts read
"withheld" that none can be worked out by subtraction (issue 15, defect 5: total 24, adults 17,
children 5 and unknown "fewer than 5" gave unknown = 2).
"""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import connections, models, transaction
from django.db.models import Case as SqlCase
from django.db.models import CharField, Count, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext, gettext_noop

from tackle.accounts.models import Organisation
from tackle.accounts.selectors import disclosure_for
from tackle.cases.models import AgeGroup, Case, NrmEvent, NrmEventKind, NrmOutcome, Stage
from tackle.cases.rules.categories import (
    age_group_label,
    exploitation_categories,
    exploitation_category,
    first_responder_type,
    gender_label,
    location_label,
    yes_no,
)
from tackle.core.access import EXACT_REGISTER_ROLES  # exact figures, case-by-case export
from tackle.core.db import reporting_alias
from tackle.core.disclosure import Audience, Disclosure, protect_breakdowns
from tackle.core.errors import ApplicationError
from tackle.core.periods import end_of_day, today_in_london
from tackle.core.roles import Module

# The keys of each table, always all present, in the order pages and exports show them.
STAGE_KEYS: tuple[str, ...] = tuple(
    stage.value
    for stage in (
        Stage.CONCERN,
        Stage.NRM_REFERRED,
        Stage.POSITIVE_RG,
        Stage.NEGATIVE_RG,
        Stage.POSITIVE_CG,
        Stage.NEGATIVE_CG,
        Stage.DUTY_TO_NOTIFY,
    )
)
AGE_GROUP_KEYS: tuple[str, ...] = (AgeGroup.ADULT.value, AgeGroup.CHILD.value, AgeGroup.UNKNOWN.value)

_SENT_KINDS = (NrmEventKind.REFERRAL_SENT, NrmEventKind.DUTY_TO_NOTIFY_SENT)
# Events that set the stage by themselves; a reconsideration outcome is read against the latest of these.
_BASE_KINDS = (*_SENT_KINDS, NrmEventKind.RG_DECISION, NrmEventKind.CG_DECISION)
_STAGE_KINDS = (*_BASE_KINDS, NrmEventKind.RECONSIDERATION_OUTCOME)
_NEWEST_FIRST = ("-occurred_on", "-recorded_at", "-pk")


AS_OF_ERROR = gettext_noop("Enter the date as YYYY-MM-DD, for example 2025-03-31")
AS_OF_RANGE_ERROR = gettext_noop("The date must be between 1900 and 2999")
# Dates outside these years are typing mistakes (as in the pathway); the bound also keeps date sums in range.
EARLIEST_AS_OF, LATEST_AS_OF = date(1900, 1, 1), date(2999, 12, 31)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_as_of(raw: str | None) -> date:
    """The date asked for as YYYY-MM-DD, or today in London when none is given.
    A bad date raises ApplicationError naming `as_of`."""
    text = (raw or "").strip()
    if not text:
        return today_in_london()
    try:
        if _ISO_DATE.fullmatch(text) is None:
            raise ValueError(text)
        as_of = date.fromisoformat(text)
    except ValueError:
        raise ApplicationError(gettext(AS_OF_ERROR), field="as_of") from None
    if not EARLIEST_AS_OF <= as_of <= LATEST_AS_OF:
        raise ApplicationError(gettext(AS_OF_RANGE_ERROR), field="as_of")
    return as_of


def empty_counts(as_of: date) -> dict[str, Any]:
    return {
        "as_of": as_of.isoformat(),
        "total": 0,
        "by_stage": dict.fromkeys(STAGE_KEYS, 0),
        "by_age_group": dict.fromkeys(AGE_GROUP_KEYS, 0),
        "by_exploitation_type": {},
        "children_by_stage": dict.fromkeys(STAGE_KEYS, 0),
    }


# children_by_stage adds up to the children of by_age_group, not to the total.
PARTS_OF = {"children_by_stage": ("by_age_group", AgeGroup.CHILD.value)}


# ---------------------------------------------------------------------------------------------
# Queries
# ---------------------------------------------------------------------------------------------


def _events_on_or_before(as_of: date, kinds: tuple[str, ...]) -> models.QuerySet[NrmEvent]:
    return NrmEvent.objects.filter(case_id=OuterRef("pk"), occurred_on__lte=as_of, kind__in=kinds)


def stage_on(as_of: date) -> Coalesce:
    """SQL for a case's stage on `as_of`, to annotate a Case queryset: the stage its latest event on
    or before that date set (the rule in rules/nrm_stage.py, as SQL), or "concern" when it has none."""
    # For a reconsideration outcome only: the latest referral or decision recorded before it.
    # CASE evaluates a branch only when it is taken, so this runs for reconsiderations alone.
    earlier = (
        Q(occurred_on__lt=OuterRef("occurred_on"))
        | Q(occurred_on=OuterRef("occurred_on"), recorded_at__lt=OuterRef("recorded_at"))
        | Q(occurred_on=OuterRef("occurred_on"), recorded_at=OuterRef("recorded_at"), pk__lt=OuterRef("pk"))
    )
    reconsidered = (
        NrmEvent.objects.filter(earlier, case_id=OuterRef("case_id"), kind__in=_BASE_KINDS)
        .order_by(*_NEWEST_FIRST)
        .values("kind")[:1]
    )
    conclusive = Q(reconsidered_kind=NrmEventKind.CG_DECISION)

    event_stage = SqlCase(
        When(kind=NrmEventKind.REFERRAL_SENT, then=Value(Stage.NRM_REFERRED)),
        When(kind=NrmEventKind.DUTY_TO_NOTIFY_SENT, then=Value(Stage.DUTY_TO_NOTIFY)),
        When(kind=NrmEventKind.RG_DECISION, outcome=NrmOutcome.NEGATIVE, then=Value(Stage.NEGATIVE_RG)),
        When(kind=NrmEventKind.RG_DECISION, then=Value(Stage.POSITIVE_RG)),
        When(kind=NrmEventKind.CG_DECISION, outcome=NrmOutcome.NEGATIVE, then=Value(Stage.NEGATIVE_CG)),
        When(kind=NrmEventKind.CG_DECISION, then=Value(Stage.POSITIVE_CG)),
        # What is left is a reconsideration outcome, read at the level it reconsiders.
        When(
            outcome=NrmOutcome.NEGATIVE,
            then=SqlCase(When(conclusive, then=Value(Stage.NEGATIVE_CG)), default=Value(Stage.NEGATIVE_RG)),
        ),
        default=SqlCase(When(conclusive, then=Value(Stage.POSITIVE_CG)), default=Value(Stage.POSITIVE_RG)),
        output_field=CharField(),
    )
    latest = (
        NrmEvent.objects.filter(case_id=OuterRef("pk"), occurred_on__lte=as_of, kind__in=_STAGE_KINDS)
        .exclude(kind=NrmEventKind.RECONSIDERATION_OUTCOME, outcome="")
        .alias(reconsidered_kind=Subquery(reconsidered))
        .annotate(event_stage=event_stage)
        .order_by(*_NEWEST_FIRST)
        .values("event_stage")[:1]
    )
    return Coalesce(Subquery(latest), Value(Stage.CONCERN), output_field=CharField())


def cases_open_on(*, organisation_id: int, as_of: date) -> models.QuerySet[Case]:
    """The organisation's cases open on `as_of`: first seen by the end of that day, and not closed by then."""
    boundary = end_of_day(as_of)
    return Case.objects.using(reporting_alias()).filter(
        Q(closed_at__isnull=True) | Q(closed_at__gte=boundary),
        organisation_id=organisation_id,
        encountered_at__lt=boundary,
    )


@contextmanager
def _without_jit(alias: str) -> Iterator[None]:
    """PostgreSQL compiles a query this size just in time (its cost estimate is over jit_above_cost),
    which took longer than running it: about 90 ms of a 130 ms query at national scale. Off for this
    transaction only; other databases have nothing to switch off."""
    connection = connections[alias]
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic(using=alias):
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL jit = off")
        yield


def stage_expression(as_of: date) -> Any:
    """The stage on `as_of` as SQL. From today on it is the case's stored stage: the NRM services keep
    it equal to the stage its events lead to (events cannot be dated in the future), and reading one
    column is far cheaper than working it out from the events, which an earlier date needs."""
    if as_of >= today_in_london():
        return F("stage")
    return stage_on(as_of)


def register_counts(*, organisation_id: int, as_of: date) -> dict[str, Any]:
    """Open cases on `as_of`, each counted once in its stage on that date, by stage, age group and
    Home Office exploitation category. Every stage and age group key is present; exploitation
    categories appear when they have a case, in the Home Office order."""
    groups = (
        cases_open_on(organisation_id=organisation_id, as_of=as_of)
        .annotate(stage_then=stage_expression(as_of))
        .order_by()
        .values("stage_then", "age_group", "exploitation_types")
        .annotate(n=Count("pk"))
    )
    with _without_jit(groups.db):
        rows = list(groups)
    counts = empty_counts(as_of)
    by_category: dict[str, int] = {}
    for group in rows:
        n = group["n"]
        counts["total"] += n
        counts["by_stage"][group["stage_then"]] += n
        age_group = group["age_group"] if group["age_group"] in counts["by_age_group"] else AgeGroup.UNKNOWN
        counts["by_age_group"][age_group] += n
        if age_group == AgeGroup.CHILD:
            counts["children_by_stage"][group["stage_then"]] += n
        category = exploitation_category(group["exploitation_types"])
        by_category[category] = by_category.get(category, 0) + n
    counts["by_exploitation_type"] = {
        category: by_category[category] for category in exploitation_categories() if category in by_category
    }
    return counts


# ---------------------------------------------------------------------------------------------
# Who may see what
# ---------------------------------------------------------------------------------------------


def register_is_exact_for(user: Any) -> bool:
    """True: exact figures and case-by-case exports. False: suppressed counts only.
    PermissionDenied: this role does not see organisation-wide figures at all."""
    if not (user.is_authenticated and user.organisation_id and user.may_use(Module.REPORTING)):
        raise PermissionDenied(gettext("Your role cannot see the register."))
    return user.role in EXACT_REGISTER_ROLES and user.may_use(Module.CASES)


def register_disclosure_for(user: Any) -> Disclosure:
    """Internal figures for roles that see every case, councillors' for the rest (PermissionDenied
    for a role without figures)."""
    audience = Audience.INTERNAL if register_is_exact_for(user) else Audience.COUNCILLORS
    return disclosure_for(user.organisation_id, audience)


def register_for_user(user: Any, *, as_of: date) -> tuple[dict[str, Any], Disclosure]:
    """The register as this user may see it, and the disclosure control applied."""
    disclosure = register_disclosure_for(user)
    counts = register_counts(organisation_id=user.organisation_id, as_of=as_of)
    return protect_breakdowns(counts, disclosure, parts_of=PARTS_OF), disclosure


# ---------------------------------------------------------------------------------------------
# The case-by-case export
# ---------------------------------------------------------------------------------------------

EXPORT_COLUMNS: tuple[str, ...] = (
    "Reference",
    "Age group",
    "Gender",
    "Nationality",
    "Exploitation type",
    "Exploitation location",
    "County lines",
    "Stage",
    "First responder type",
    "Referral date",
)


@dataclass(frozen=True)
class ExportRow:
    """One open case in Home Office categories. Nothing here identifies the person."""

    reference: str
    age_group: str
    gender: str
    nationality: str
    exploitation_type: str
    exploitation_location: str
    county_lines: str
    stage: str
    first_responder_type: str
    referral_date: date | None

    def cells(self) -> tuple[Any, ...]:
        return (
            self.reference,
            self.age_group,
            self.gender,
            self.nationality,
            self.exploitation_type,
            self.exploitation_location,
            self.county_lines,
            self.stage,
            self.first_responder_type,
            self.referral_date,
        )


def register_export_rows(user: Any, *, as_of: date, chunk_size: int = 2000) -> Iterator[ExportRow]:
    """Every case open on `as_of` in the user's organisation, one row each, read in chunks as the
    caller iterates. Only roles with exact figures may export: the others get PermissionDenied
    here, at the call, before anything is read."""
    if not register_is_exact_for(user):
        raise PermissionDenied(gettext("Councillors and other roles with figures only cannot export cases one by one."))
    return _export_rows(organisation_id=user.organisation_id, as_of=as_of, chunk_size=chunk_size)


def _export_rows(*, organisation_id: int, as_of: date, chunk_size: int) -> Iterator[ExportRow]:
    organisation_kind = (
        Organisation.objects.using(reporting_alias()).values_list("kind", flat=True).get(pk=organisation_id)
    )
    responder = first_responder_type(organisation_kind)
    referral_date = (
        NrmEvent.objects.filter(case_id=OuterRef("pk"), occurred_on__lte=as_of, kind__in=_SENT_KINDS)
        .order_by("occurred_on", "recorded_at", "pk")
        .values("occurred_on")[:1]
    )
    stage_labels = dict(Stage.choices)
    rows = (
        cases_open_on(organisation_id=organisation_id, as_of=as_of)
        .annotate(stage_then=stage_on(as_of), referral_date=Subquery(referral_date))
        .order_by("encountered_at", "pk")
        .values_list(
            "reference",
            "age_group",
            "gender",
            "nationality",
            "exploitation_types",
            "exploitation_location",
            "county_lines",
            "stage_then",
            "referral_date",
        )
    )
    for reference, age_group, gender, nationality, types, location, county_lines, stage, referred in rows.iterator(
        chunk_size=chunk_size
    ):
        yield ExportRow(
            reference=reference,
            age_group=age_group_label(age_group),
            gender=gender_label(gender),
            nationality=nationality,
            exploitation_type=exploitation_category(types),
            exploitation_location=location_label(location),
            county_lines=yes_no(county_lines),
            stage=str(stage_labels.get(stage) or stage),
            first_responder_type=responder,
            referral_date=referred,
        )
