"""Published figures from the case register, for one organisation and one period. Read-only.

Other apps read cases' numbers here, never through the models. Every figure counts what falls in
[starts_on, ends_before): a concern by when it was first seen (London time), an NRM event by the
day it happened. Counts are exact; whoever shows them decides on suppression. DEFINITIONS says
how each is counted, in the words the Figures page, its exports and the FOI answer print.
"""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, Q
from django.utils import translation
from django.utils.translation import gettext_noop

from tackle.cases.models import (
    AgeGroup,
    Case,
    ConcernAbout,
    NrmEvent,
    NrmEventKind,
    NrmOutcome,
    OutcomeDomain,
    OutcomeScore,
    SupportPhase,
    SupportPhaseKind,
)
from tackle.cases.rules.categories import (
    AGE_GROUP_LABELS,
    EXPLOITATION_ORDER,
    FIRST_RESPONDER_LABELS,
    GENDER_LABELS,
    GOVERNMENT_AGENCY,
    NOT_SPECIFIED,
    age_group_label,
    exploitation_categories,
    exploitation_category,
    first_responder_type,
    gender_label,
)
from tackle.core.db import aggregate_by_period, date_in, datetime_in, reporting_alias
from tackle.core.periods import LONDON, Period

NATIONALITY_NOT_RECORDED = gettext_noop("Not recorded")

# Marked here and translated where shown (gettext(DEFINITIONS[key])): the keys and the English stay.
DEFINITIONS = {
    "concerns": gettext_noop(
        "Concerns recorded: every concern first seen in the period (the date and time it was seen, "
        "London time), whoever or whatever it is about."
    ),
    "potential_victims": gettext_noop(
        "Potential victims identified: people. Each person a concern is about counts once, so "
        "an encounter with four people is four; a concern about a supplier or the council's own staff counts "
        "only when it describes someone (an age, consent asked, danger, needs), as the pathway decides."
    ),
    "referrals": gettext_noop("NRM referrals: referrals sent in the period (the day sent), by the person's age group."),
    "duty_to_notify": gettext_noop(
        "Duty to Notify: notifications sent in the period (the day sent), for adults who did not "
        "consent to an NRM referral."
    ),
    "decisions": gettext_noop("NRM decisions: reasonable and conclusive grounds decisions by the day they were made."),
    "exploitation": gettext_noop(
        "Concerns recorded in the period, each once, in the Home Office category for its "
        "exploitation types (two types read as a pair; none reads “Not specified or unknown”)."
    ),
    "nationalities": gettext_noop(
        "Concerns recorded in the period by nationality as recorded; blank reads “Not recorded”."
    ),
    "home_office_total": gettext_noop(
        "Potential victims identified (people, counted as above) whose concern was first seen in "
        "the period, London time. Every table counts each of them once, so each adds up to this total."
    ),
    "age_at_exploitation": gettext_noop(
        "By the age the person was when exploited, where it is recorded (17 or under is a "
        "child); where it is not, by the age group the case records (adult, child, or not known)."
    ),
    "adult_or_child": gettext_noop(
        "By the age group the case records now: a child when the person is, or is treated as, under "
        "18 (an age in doubt counts as a child), an adult when 18 or over, otherwise not known."
    ),
    "gender": gettext_noop(
        "By gender as recorded. The Home Office publishes three genders; “Not known” is counted as Other, as it does."
    ),
    "nationality": gettext_noop(
        "By nationality as recorded (spelling as entered); the most common nationalities in the "
        "financial year are named, every other nationality is grouped as “Other”, and a blank reads "
        "“Not specified or unknown”."
    ),
    "exploitation_type": gettext_noop(
        "By the Home Office category for the person's exploitation types: each person once, in "
        "the category naming all their types together (labour and criminal read “Labour & Criminal”), "
        "none recorded reads “Not specified or unknown”."
    ),
    "referring_organisation": gettext_noop(
        "By the kind of organisation that recorded the concern, which is the first "
        "responder: a council is a Local Authority, police are Police, an NGO or charity is NGO and third sector, "
        "and every other agency (health, fire, GLAA, HMRC, immigration) is a Government agency."
    ),
    "support_scored": gettext_noop(
        "People scored on each outcome domain in the years shown, in the support phase they were "
        "in on the day of the score (the phase they had started most recently); “All phases” counts "
        "each person once, so it is not the sum of the phases."
    ),
    "support_improved": gettext_noop(
        "Of the people scored, those whose last score in the phase (or, under “All "
        "phases”, in the years shown) is higher than their first score on that domain ever recorded."
    ),
    "referral_routes": gettext_noop(
        "Referrals sent in the period (the day sent; every referral recorded as sent counts, as in the table by "
        "age group), by what the concern was about when it came in: a person, a supplier or contractor, or the "
        "council's own staff or activity."
    ),
    "referral_times": gettext_noop(
        "Referrals sent in the period (the day sent), by the whole days from the day the person was encountered "
        "(London time) to the day the referral was sent: same day, 1 to 7, 8 to 28, over 28. A referral dated "
        "before the encounter counts as same day. The median is the middle of those days over the years shown."
    ),
}

# A concern about a supplier or the council counts as a person when it describes someone: the
# pathway's rule (rules/pathway.py, _describes_a_person), as SQL. A test holds the two together.
DESCRIBES_A_PERSON = (
    Q(concern_about=ConcernAbout.PERSON)
    | Q(age__isnull=False)
    | Q(appears_under_18__isnull=False)
    | Q(age_disputed=True)
    | Q(consent_to_nrm__isnull=False)
    | Q(immediate_danger=True)
    | Q(care_and_support_needs=True)
    | Q(destitute=True)
)


@dataclass(frozen=True)
class CaseFigures:
    period: Period
    concerns: int
    potential_victims: int  # people: see DEFINITIONS
    referrals_adult: int
    referrals_child: int
    referrals_age_not_known: int
    cases_referred: int  # distinct cases with an NRM referral sent in the period
    duty_to_notify: int
    rg_positive: int
    rg_negative: int
    cg_trafficking: int
    cg_slavery: int
    cg_negative: int
    exploitation: tuple[tuple[str, int], ...]  # every Home Office category, in publication order
    nationalities: tuple[tuple[str, int], ...]  # as recorded, most common first

    @property
    def referrals(self) -> int:
        return self.referrals_adult + self.referrals_child + self.referrals_age_not_known


_REFERRAL = Q(kind=NrmEventKind.REFERRAL_SENT)
_RG = Q(kind=NrmEventKind.RG_DECISION)
_CG = Q(kind=NrmEventKind.CG_DECISION)
_EVENT_ROWS = {
    "referrals_adult": (_REFERRAL & Q(case__age_group=AgeGroup.ADULT),),
    "referrals_child": (_REFERRAL & Q(case__age_group=AgeGroup.CHILD),),
    "referrals_age_not_known": (_REFERRAL & ~Q(case__age_group__in=[AgeGroup.ADULT, AgeGroup.CHILD]),),
    "duty_to_notify": (Q(kind=NrmEventKind.DUTY_TO_NOTIFY_SENT),),
    "rg_positive": (_RG & Q(outcome=NrmOutcome.POSITIVE),),
    "rg_negative": (_RG & Q(outcome=NrmOutcome.NEGATIVE),),
    "cg_trafficking": (_CG & Q(outcome=NrmOutcome.TRAFFICKING),),
    "cg_slavery": (_CG & Q(outcome=NrmOutcome.SLAVERY),),
    "cg_negative": (_CG & Q(outcome=NrmOutcome.NEGATIVE),),
}
_concern_in = datetime_in("encountered_at")
_event_in = date_in("occurred_on")


def _grouped(cases: Any, spans: list[Period], column: str) -> list[dict[str, Any]]:
    """One row per distinct value of `column`: {"value": ..., "p0": count in spans[0], ...}."""
    per_period = {f"p{i}": Count("pk", filter=_concern_in(period)) for i, period in enumerate(spans)}
    return [
        {"value": row[column], **{key: row[key] for key in per_period}}
        for row in cases.order_by().values(column).annotate(**per_period)
    ]


def _by_label(rows: list[dict[str, Any]], label: Any, i: int) -> dict[str, int]:
    totals: dict[str, int] = {}
    for row in rows:
        name = label(row["value"])
        totals[name] = totals.get(name, 0) + row[f"p{i}"]
    return totals


def _nationality(value: str | None) -> str:
    return (value or "").strip() or NATIONALITY_NOT_RECORDED


def case_figures_by_period(organisation_id: int, spans: list[Period]) -> list[CaseFigures]:
    """The figures for each period in `spans` (consecutive, in order), in a few aggregate queries."""
    alias = reporting_alias()
    cases = Case.objects.using(alias).filter(
        organisation_id=organisation_id,
        encountered_at__gte=spans[0].start_at,
        encountered_at__lt=spans[-1].end_at,
    )
    events = NrmEvent.objects.using(alias).filter(
        case__organisation_id=organisation_id,
        occurred_on__gte=spans[0].starts_on,
        occurred_on__lt=spans[-1].ends_before,
    )
    people = aggregate_by_period(
        cases, _concern_in, spans, {"concerns": (Q(),), "potential_victims": (DESCRIBES_A_PERSON,)}
    )
    concerns = people["concerns"]
    counts = aggregate_by_period(events, _event_in, spans, _EVENT_ROWS)
    referred = events.aggregate(
        **{
            f"p{i}": Count("case", distinct=True, filter=_event_in(period) & _REFERRAL)
            for i, period in enumerate(spans)
        }
    )
    exploitation = _grouped(cases, spans, "exploitation_types")
    nationalities = _grouped(cases, spans, "nationality")
    found = []
    for i, period in enumerate(spans):
        by_category = _by_label(exploitation, exploitation_category, i)
        by_nationality = _by_label(nationalities, _nationality, i)
        found.append(
            CaseFigures(
                period=period,
                concerns=concerns[i],
                potential_victims=people["potential_victims"][i],
                cases_referred=referred[f"p{i}"],
                exploitation=tuple((name, by_category.get(name, 0)) for name in exploitation_categories()),
                nationalities=tuple(
                    sorted(((n, c) for n, c in by_nationality.items() if c), key=lambda item: (-item[1], item[0]))
                ),
                **{name: values[i] for name, values in counts.items()},
            )
        )
    return found


def case_figures(organisation_id: int, period: Period) -> CaseFigures:
    return case_figures_by_period(organisation_id, [period])[0]


def organisation_has_cases(organisation_id: int) -> bool:
    """Whether the organisation has recorded any concern at all, in any period."""
    return Case.objects.filter(organisation_id=organisation_id).exists()


# The Home Office's NRM statistics tables ---------------------------------------------------------

HOME_OFFICE_TABLES: tuple[tuple[str, str], ...] = (
    ("age_at_exploitation", gettext_noop("Age at exploitation")),
    ("adult_or_child", gettext_noop("Adult or child")),
    ("gender", gettext_noop("Gender")),
    ("nationality", gettext_noop("Nationality")),
    ("exploitation_type", gettext_noop("Exploitation type")),
    ("referring_organisation", gettext_noop("Referring organisation type")),
)
HOME_OFFICE_NATIONALITIES = 10  # named; the rest are "Other"
OTHER = gettext_noop("Other")
CHILD_UNDER = 18


@dataclass(frozen=True)
class HomeOfficeCounts:
    """Potential victims in each period of `periods`, by each Home Office table's categories. Every
    table has the same categories in every period, and adds up to `total` in each."""

    periods: tuple[Period, ...]
    total: tuple[int, ...]
    tables: dict[str, tuple[tuple[str, tuple[int, ...]], ...]]  # key -> ((category, count per period), ...)


def _age_at_exploitation(age_group: str, age_at_exploitation: int | None) -> str:
    if age_at_exploitation is None:
        return age_group_label(age_group)
    return AGE_GROUP_LABELS[AgeGroup.CHILD if age_at_exploitation < CHILD_UNDER else AgeGroup.ADULT]


def home_office_counts(organisation_id: int, spans: list[Period]) -> HomeOfficeCounts:
    """The Home Office tables for each period in `spans` (the first and last bound what is read):
    potential victims as DEFINITIONS["potential_victims"] counts them, in one aggregate query."""
    columns = ("age_group", "age_at_exploitation", "gender", "nationality", "exploitation_types", "organisation__kind")
    start, end = min(s.start_at for s in spans), max(s.end_at for s in spans)
    per_period = {f"p{i}": Count("pk", filter=_concern_in(period)) for i, period in enumerate(spans)}
    groups = (
        Case.objects.using(reporting_alias())
        .filter(DESCRIBES_A_PERSON, organisation_id=organisation_id, encountered_at__gte=start, encountered_at__lt=end)
        .order_by()
        .values(*columns)
        .annotate(**per_period)
    )
    blank = (0,) * len(spans)
    found: dict[str, dict[str, list[int]]] = {key: {} for key, _ in HOME_OFFICE_TABLES}
    nationality_sizes: dict[str, int] = {}
    for group in groups:
        counts = [group[f"p{i}"] for i in range(len(spans))]
        nationality = (group["nationality"] or "").strip()
        if nationality:
            nationality_sizes[nationality] = nationality_sizes.get(nationality, 0) + sum(counts)
        categories = {
            "age_at_exploitation": _age_at_exploitation(group["age_group"], group["age_at_exploitation"]),
            "adult_or_child": age_group_label(group["age_group"]),
            "gender": gender_label(group["gender"]),
            "nationality": nationality or NOT_SPECIFIED,
            "exploitation_type": exploitation_category(group["exploitation_types"]),
            "referring_organisation": first_responder_type(group["organisation__kind"]),
        }
        for key, category in categories.items():
            into = found[key].setdefault(category, [0] * len(spans))
            for i, count in enumerate(counts):
                into[i] += count
    named = sorted(nationality_sizes, key=lambda n: (-nationality_sizes[n], n))[:HOME_OFFICE_NATIONALITIES]
    nationalities: dict[str, list[int]] = {name: [0] * len(spans) for name in [*named, OTHER, NOT_SPECIFIED]}
    for name, counts in found["nationality"].items():
        into = nationalities[name if name in nationalities else OTHER]
        for i, count in enumerate(counts):
            into[i] += count
    found["nationality"] = nationalities
    singles = [label for _, label in EXPLOITATION_ORDER]
    orders = {
        "age_at_exploitation": list(dict.fromkeys(AGE_GROUP_LABELS.values())),
        "adult_or_child": list(dict.fromkeys(AGE_GROUP_LABELS.values())),
        "gender": list(dict.fromkeys(GENDER_LABELS.values())),
        "nationality": list(nationalities),
        # The five single types and "not specified" always; a combination when someone has it.
        "exploitation_type": [
            c
            for c in exploitation_categories()
            if c in singles or c == NOT_SPECIFIED or c in found["exploitation_type"]
        ],
        "referring_organisation": sorted({*FIRST_RESPONDER_LABELS.values(), GOVERNMENT_AGENCY}),
    }
    tables = {
        key: tuple((category, tuple(found[key].get(category, blank))) for category in orders[key])
        for key, _ in HOME_OFFICE_TABLES
    }
    total = tuple(sum(counts[i] for _, counts in tables["gender"]) for i in range(len(spans)))
    return HomeOfficeCounts(tuple(spans), total, tables)


# Support outcomes (Merton's matrix) ---------------------------------------------------------------

NO_PHASE = gettext_noop("No phase recorded")
ALL_PHASES = gettext_noop("All phases")
PHASE_COLUMNS: tuple[tuple[str, str], ...] = (
    (SupportPhaseKind.IMMEDIATE, gettext_noop("Immediate")),
    (SupportPhaseKind.SHORT_TERM, gettext_noop("Short term")),
    (SupportPhaseKind.MEDIUM_TERM, gettext_noop("Medium term")),
    (SupportPhaseKind.LONG_TERM, gettext_noop("Long term")),
    ("", NO_PHASE),
)


@dataclass(frozen=True)
class SupportOutcomes:
    period: Period
    columns: tuple[str, ...]  # the phases, NO_PHASE, then ALL_PHASES
    scored: tuple[tuple[str, tuple[int, ...]], ...]  # (domain label, people per column), domains scored only
    improved: tuple[tuple[str, tuple[int, ...]], ...]


def _phase_on(phases: list[tuple[Any, str]], day: Any) -> str:
    """The phase started most recently on or before `day` ("" when none had started)."""
    current = ""
    for started_on, phase in phases:
        if started_on > day:
            break
        current = phase
    return current


def support_outcomes(organisation_id: int, period: Period) -> SupportOutcomes:
    """People scored, and improving, by outcome domain and support phase: see DEFINITIONS."""
    alias = reporting_alias()
    scores = (
        OutcomeScore.objects.using(alias)
        .filter(case__organisation_id=organisation_id, assessed_on__lt=period.ends_before)
        .order_by("case_id", "domain", "assessed_on", "pk")
        .values_list("case_id", "domain", "assessed_on", "score")
    )
    phases: dict[int, list[tuple[Any, str]]] = {}
    for case_id, phase, started_on in (
        SupportPhase.objects.using(alias)
        .filter(case__organisation_id=organisation_id)
        .order_by("case_id", "started_on", "pk")
        .values_list("case_id", "phase", "started_on")
    ):
        phases.setdefault(case_id, []).append((started_on, phase))
    keys = [key for key, _ in PHASE_COLUMNS] + [ALL_PHASES]
    scored: dict[str, dict[str, set[int]]] = {}
    improved: dict[str, dict[str, set[int]]] = {}
    first: dict[tuple[int, str], int] = {}
    last: dict[tuple[int, str, str], int] = {}  # (case, domain, phase or ALL_PHASES) -> last score in period
    for case_id, domain, assessed_on, score in scores:
        first.setdefault((case_id, domain), score)
        if assessed_on < period.starts_on:
            continue
        for column in (_phase_on(phases.get(case_id, []), assessed_on), ALL_PHASES):
            last[(case_id, domain, column)] = score
    for (case_id, domain, column), score in last.items():
        scored.setdefault(domain, {}).setdefault(column, set()).add(case_id)
        if score > first[(case_id, domain)]:
            improved.setdefault(domain, {}).setdefault(column, set()).add(case_id)
    with translation.override(settings.LANGUAGE_CODE):  # figures carry English labels; shown through gettext
        labels = {domain.value: str(domain.label) for domain in OutcomeDomain}

    def rows(found: dict[str, dict[str, set[int]]]) -> tuple[tuple[str, tuple[int, ...]], ...]:
        return tuple(
            (labels[domain], tuple(len(found.get(domain, {}).get(key, ())) for key in keys))
            for domain in OutcomeDomain.values
            if domain in scored
        )

    columns = (*(label for _, label in PHASE_COLUMNS), ALL_PHASES)
    return SupportOutcomes(period, columns, rows(scored), rows(improved))


# Referrals by route and time to refer --------------------------------------------------------------

ROUTE_LABELS: dict[str, str] = {
    ConcernAbout.PERSON: gettext_noop("Concern about a person"),
    ConcernAbout.SUPPLIER: gettext_noop("Concern about a supplier or contractor"),
    ConcernAbout.COUNCIL: gettext_noop("Concern about the council's own staff or activity"),
}
# (label, most days after the encounter): a referral dated before the encounter counts as same day.
DAYS_BANDS: tuple[tuple[str, int | None], ...] = (
    (gettext_noop("Same day"), 0),
    (gettext_noop("1 to 7 days"), 7),
    (gettext_noop("8 to 28 days"), 28),
    (gettext_noop("Over 28 days"), None),
)
REFERRAL_KINDS = (NrmEventKind.REFERRAL_SENT, NrmEventKind.DUTY_TO_NOTIFY_SENT)


def _band(days: int) -> str:
    for label, most in DAYS_BANDS:
        if most is None or days <= most:
            return label
    raise AssertionError("the last band has no upper bound")


def _median(values: list[int]) -> float | None:
    if not values:
        return None
    ordered, middle = sorted(values), len(values) // 2
    return float(ordered[middle]) if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


@dataclass(frozen=True)
class ReferralRoutes:
    """One kind of referral (NRM or Duty to Notify) sent in one period: see DEFINITIONS."""

    period: Period
    kind: str  # NrmEventKind.REFERRAL_SENT or DUTY_TO_NOTIFY_SENT
    sent: int
    by_route: tuple[tuple[str, int], ...]  # every route, in ROUTE_LABELS order
    by_days: tuple[tuple[str, int], ...]  # every band, in DAYS_BANDS order
    median_days: float | None  # None when none was sent


def referral_routes_by_period(organisation_id: int, spans: list[Period], kind: str) -> list[ReferralRoutes]:
    """Each period of `spans` (the first and last bound what is read). Days are worked out per
    referral in Python: a referral is one row, and the London date of an encounter is plain there."""
    if kind not in REFERRAL_KINDS:
        raise ValueError(f"not a kind of referral: {kind}")
    start, end = min(s.starts_on for s in spans), max(s.ends_before for s in spans)
    rows = (
        NrmEvent.objects.using(reporting_alias())
        .filter(case__organisation_id=organisation_id, kind=kind, occurred_on__gte=start, occurred_on__lt=end)
        .values_list("occurred_on", "case__encountered_at", "case__concern_about")
    )
    sent = [(on, max((on - at.astimezone(LONDON).date()).days, 0), about) for on, at, about in rows]
    found = []
    for period in spans:
        inside = [(days, about) for on, days, about in sent if period.starts_on <= on < period.ends_before]
        routes = [ROUTE_LABELS.get(about, ROUTE_LABELS[ConcernAbout.PERSON]) for _, about in inside]
        bands = [_band(days) for days, _ in inside]
        found.append(
            ReferralRoutes(
                period=period,
                kind=kind,
                sent=len(inside),
                by_route=tuple((label, routes.count(label)) for label in ROUTE_LABELS.values()),
                by_days=tuple((label, bands.count(label)) for label, _ in DAYS_BANDS),
                median_days=_median([days for days, _ in inside]),
            )
        )
    return found


def referral_routes(organisation_id: int, period: Period, kind: str) -> ReferralRoutes:
    return referral_routes_by_period(organisation_id, [period], kind)[0]
