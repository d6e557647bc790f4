"""The questions a modern slavery FOI request asks, in our own words, each with how it is answered
from the council's records. The officer picks those the request asks, in its order; nothing else
is added, so the numbering is the requester's.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Sum
from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_noop, ngettext

from tackle.cases.figures import DEFINITIONS as CASE_DEFINITIONS
from tackle.cases.figures import case_figures
from tackle.core.disclosure import WITHHELD, Disclosure, Shown, disclosed_in_language, protect
from tackle.core.periods import Period
from tackle.reporting.selectors import (
    overlaps_released_by_a_small_count,
    published_tables,
    released_cells,
    released_periods,
)
from tackle.scrutiny.foi.request import BeforeRecords, FoiRequest
from tackle.scrutiny.models import LeadArrangement, Spend, SpendCategory
from tackle.training.figures import DEFINITIONS as TRAINING_DEFINITIONS
from tackle.training.figures import CourseTopic, courses_on_topic, training_figures, training_records_began


@dataclass
class Context:
    organisation_id: int
    request: FoiRequest
    disclosure: Disclosure
    today: date
    posts: list[LeadArrangement]
    withheld: bool = False  # a count was withheld: the section 40(2) wording applies
    cost_limit: bool = False  # a period was refused on cost: the section 12 wording applies
    # The day the organisation says its records began (its settings); None: each kind of record's first.
    records_began: date | None = None
    _counts: dict[tuple[str, str], Shown] | None = field(default=None, repr=False)

    @property
    def lead(self) -> LeadArrangement | None:
        current = [
            p for p in self.posts if p.is_lead and p.since <= self.today and (p.ended_on or self.today) >= self.today
        ]
        return current[-1] if current else None


def money(amount: Decimal) -> str:
    return f"\u00a3{amount:,.2f}"


def day(when: date) -> str:
    """A day in the active language ("1 March 2020", "1 Mawrth 2020")."""
    return date_format(when, "j F Y")


def month(when: date) -> str:
    return date_format(when, "F Y")


def shown_period(period: Period) -> str:
    """A period's name in the active language: a span of days is named by its days, kept in English in
    the period's label (releases are keyed by it); a year's label reads the same in both."""
    last = period.ends_before - timedelta(days=1)
    if period.label == f"{period.starts_on:%-d %B %Y} to {last:%-d %B %Y}":
        return gettext("%(first)s to %(last)s") % {"first": day(period.starts_on), "last": day(last)}
    return period.label


def _held(post: LeadArrangement) -> str:
    if post.ended_on:
        return gettext("held from %(since)s to %(until)s") % {"since": month(post.since), "until": month(post.ended_on)}
    return gettext("held from %(since)s to the present") % {"since": month(post.since)}


def describe_post(post: LeadArrangement) -> str:
    name = f"{post.lead_label} ({post.team})" if post.team else post.lead_label
    values = {"post": name, "held": _held(post)}
    if post.is_lead:
        words = gettext("%(post)s, the council's modern slavery lead, %(held)s") % values
    else:
        words = gettext("%(post)s, a post whose work included modern slavery, %(held)s") % values
    if post.amount_per_year is not None and post.funding_source:
        words = gettext("%(words)s, funded by %(source)s at %(amount)s a year") % {
            "words": words, "source": post.funding_source, "amount": money(post.amount_per_year)
        }  # fmt: skip
    elif post.amount_per_year is not None:
        words = gettext("%(words)s, funded at %(amount)s a year") % {
            "words": words, "amount": money(post.amount_per_year)
        }  # fmt: skip
    elif post.funding_source:
        words = gettext("%(words)s, funded by %(source)s") % {"words": words, "source": post.funding_source}
    return words + "." + (f" {post.notes.strip()}" if post.notes.strip() else "")


def before_records(context: Context, period: Period, began: date | None) -> str | None:
    """The line for a period wholly before the records began, or None when records cover it."""
    if began is not None and period.ends_before > began:
        return None
    values = {"period": shown_period(period), "began": day(began) if began else ""}
    if context.request.before_records == BeforeRecords.COST_LIMIT:
        context.cost_limit = True
        if began:
            # Translators: check
            text = gettext(
                "%(period)s: the council's records before %(began)s are on paper; finding this would mean reading "
                "each file, which would cost more than the appropriate limit (section 12, see below)."
            )
        else:
            # Translators: check
            text = gettext(
                "%(period)s: the council's records are on paper; finding this would mean reading each file, which "
                "would cost more than the appropriate limit (section 12, see below)."
            )
        return text % values
    if began is None:
        return gettext("%(period)s: not held. The council holds no records of this.") % values
    return gettext("%(period)s: not held. The council's records of this begin on %(began)s.") % values


def _part_year(period: Period, began: date | None) -> str:
    if began is not None and period.starts_on < began < period.ends_before:
        return gettext(" (records begin on %(began)s, part-way through)") % {"began": day(began)}
    return ""


# --- The lead ------------------------------------------------------------------------------------


def _no_lead(context: Context) -> list[str]:
    return [gettext("Not applicable: the council has no specialist lead or single point of contact at present.")]


def answer_lead(context: Context) -> list[str]:
    lead = context.lead
    lines = [gettext("Yes: %(post)s") % {"post": describe_post(lead)} if lead else gettext("No, not at present.")]
    others = [describe_post(post) for post in context.posts if post is not lead]
    if others:
        lines.append(
            gettext("Posts held before or besides it:")
            if lead
            else gettext("Posts the council has held on modern slavery:")
        )
        lines += others
    return lines


def answer_lead_team(context: Context) -> list[str]:
    lead = context.lead
    return [f"{lead.team}."] if lead else _no_lead(context)


def answer_lead_groups(context: Context) -> list[str]:
    lead = context.lead
    if lead is None:
        return _no_lead(context)
    if lead.covers_children and lead.covers_adults:
        return [gettext("Both children and adults.")]
    return [gettext("Children only.") if lead.covers_children else gettext("Adults only.")]


def answer_lead_dedicated(context: Context) -> list[str]:
    lead = context.lead
    if lead is None:
        return _no_lead(context)
    return [
        gettext("The post is employed for this role.")
        if lead.dedicated
        else gettext("The role sits on top of other duties.")
    ]


def answer_lead_since(context: Context) -> list[str]:
    leads = [post for post in context.posts if post.is_lead]
    if leads:
        return [gettext("Since %(since)s.") % {"since": month(leads[0].since)}]
    if context.posts:
        return [
            gettext("The council has not had a specialist lead. %(post)s") % {"post": describe_post(context.posts[0])}
        ]
    return [gettext("The council has not had a specialist lead or single point of contact.")]


# --- Money ---------------------------------------------------------------------------------------


def _post_cost(post: LeadArrangement, year: Period) -> Decimal:
    """A year's cost of a post, pro rata by the days it was held in `year` (its end day included)."""
    assert post.amount_per_year is not None
    starts = max(post.since, year.starts_on)
    ends = min((post.ended_on or year.ends_before - timedelta(days=1)) + timedelta(days=1), year.ends_before)
    days, in_year = (ends - starts).days, (year.ends_before - year.starts_on).days
    if days <= 0:
        return Decimal(0)
    return (post.amount_per_year * days / in_year).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _funding_began(context: Context) -> date | None:
    from tackle.core.periods import parse_financial_year

    starts = [date(year, 4, 1) for label in _spend(context).values_list("financial_year", flat=True) if
              (year := parse_financial_year(label)) is not None]  # fmt: skip
    starts += [post.since for post in context.posts if post.amount_per_year is not None]
    if context.records_began is not None:
        return context.records_began
    return min(starts) if starts else None


def _spend(context: Context) -> Any:
    return Spend.objects.filter(organisation_id=context.organisation_id)


def answer_funding_by_year(context: Context) -> list[str]:
    lines = []
    if not context.request.by_financial_year:
        lines.append(
            gettext("The council records money by financial year (1 April to 31 March), so it is given so here.")
        )
    began, names = _funding_began(context), dict(SpendCategory.choices)
    for year in context.request.financial_years():
        refused = before_records(context, year, began)
        if refused:
            lines.append(refused)
            continue
        parts: list[tuple[str, Decimal]] = []
        for post in context.posts:
            if post.amount_per_year is not None and (cost := _post_cost(post, year)):
                whole = cost == post.amount_per_year
                post_name = (
                    gettext("the %(post)s post") if whole else gettext("the %(post)s post (part of the year)")
                ) % {"post": post.lead_label}
                parts.append((post_name, cost))
        spent = (
            _spend(context).filter(financial_year=year.label).values("category", "note").annotate(total=Sum("amount"))
        )
        for row in spent.order_by("category", "note"):
            name = names.get(row["category"], row["category"]).lower()
            parts.append((f"{name}{' (' + row['note'] + ')' if row['note'] else ''}", row["total"]))
        if not parts:
            lines.append(
                gettext("%(period)s: none recorded%(part_year)s.")
                % {"period": year.label, "part_year": _part_year(year, began)}
            )
            continue
        total = sum((amount for _, amount in parts), Decimal(0))
        detail = "; ".join(f"{name} {money(amount)}" for name, amount in parts)
        lines.append(
            gettext("%(period)s: %(total)s in all (%(detail)s)%(part_year)s.")
            % {"period": year.label, "total": money(total), "detail": detail, "part_year": _part_year(year, began)}
        )
    return lines


def answer_funding_examples(context: Context) -> list[str]:
    labels = [year.label for year in context.request.financial_years()]
    starts, ends = min(y.starts_on for y in context.request.financial_years()), context.request.span.ends_before
    lines = [
        describe_post(post)
        for post in context.posts
        if post.amount_per_year is not None and post.since < ends and (post.ended_on is None or post.ended_on >= starts)
    ]
    names = dict(SpendCategory.choices)
    for row in _spend(context).filter(financial_year__in=labels).order_by("financial_year", "category", "pk"):
        note = f": {row.note}" if row.note else ""
        lines.append(f"{row.financial_year}, {names.get(row.category, row.category).lower()}{note}.")
    return lines or [gettext("No spending is recorded for these years.")]


# --- Training ------------------------------------------------------------------------------------


def _training_on(topic: CourseTopic) -> Callable[[Context], list[str]]:
    def answer(context: Context) -> list[str]:
        courses = courses_on_topic(context.organisation_id, topic)
        if not courses:
            return [
                gettext("No course the council records is marked as covering %(topic)s.")
                % {"topic": str(topic.label).lower()}
            ]
        names = "; ".join(course.title + (f" ({course.provider})" if course.provider else "") for course in courses)
        lines = [ngettext("Course: %(names)s.", "Courses: %(names)s.", len(courses)) % {"names": names}]
        began = context.records_began or training_records_began(context.organisation_id)
        ids = [course.course_id for course in courses]
        for period in context.request.periods:
            refused = before_records(context, period, began)
            if refused:
                lines.append(refused)
                continue
            found = training_figures(context.organisation_id, period, courses=ids)
            sessions, people = found.sessions_held, found.people_trained
            held = ngettext("%(count)d session held", "%(count)d sessions held", sessions) % {"count": sessions}
            trained = ngettext("%(count)d person trained", "%(count)d people trained", people) % {"count": people}
            lines.append(
                gettext("%(period)s: %(held)s, %(trained)s.")
                % {"period": shown_period(period), "held": held, "trained": trained}
            )
        return [*lines, _how_counted(TRAINING_DEFINITIONS["people_trained"])]

    return answer


# --- Counts of people ----------------------------------------------------------------------------

_COUNT_CELLS = {  # row key: (Figures page table, row)
    "potential_victims": ("concerns", "Potential victims identified (people)"),
    "adults": ("referrals", "Adult"),
    "children": ("referrals", "Child"),
    "duty_to_notify": ("duty_to_notify", "Duty to Notify sent"),
}


def _counts(context: Context) -> dict[tuple[str, str], Shown]:
    """Financial years are read from the Figures page's tables as the public sees them, so the answer
    withholds what the page withholds; other periods are counted and small counts withheld alone."""
    if context._counts is not None:
        return context._counts
    periods, disclosure = context.request.periods, context.disclosure
    counts: dict[tuple[str, str], Shown] = {}
    if context.request.by_financial_year:
        years = [p.starts_on.year for p in periods]
        tables = published_tables(
            context.organisation_id, first_year=min(years), last_year=max(years), by="year", disclosure=disclosure
        )
        cells = {
            (t.key, label, column): value
            for t in tables
            for label, values in t.rows
            for column, value in zip(t.columns, values, strict=True)
        }
        for key, (table, row) in _COUNT_CELLS.items():
            counts.update({(key, p.label): cells[(table, row, p.label)] for p in periods})
    else:
        audience = disclosure.audience
        released, overlapping = (
            released_cells(context.organisation_id, audience),
            released_periods(context.organisation_id, audience),
        )
        for period in periods:
            found = case_figures(context.organisation_id, period)
            exact = {
                "potential_victims": found.potential_victims,
                "adults": found.referrals_adult,
                "children": found.referrals_child,
                "duty_to_notify": found.duty_to_notify,
            }
            # An earlier answer for the same period: what it withheld stays withheld (disclosure).
            previous = {key: released[(*_COUNT_CELLS[key], period.label)] for key in exact
                        if (*_COUNT_CELLS[key], period.label) in released}  # fmt: skip
            shown = protect(exact, [], disclosure, previous=previous)
            for key, value in exact.items():
                if not isinstance(shown[key], str) and overlaps_released_by_a_small_count(
                    value, *_COUNT_CELLS[key], period, overlapping, disclosure
                ):
                    shown[key] = WITHHELD
            counts.update({(key, period.label): value for key, value in shown.items()})
    context.withheld = context.withheld or any(isinstance(value, str) for value in counts.values())
    context._counts = counts
    return counts


def released_counts(context: Context) -> list[list[Any]]:
    """The counts of people the answer gives, as a release keeps them (reporting.Release): keyed by the
    Figures page's table and row, so that a later answer or page for the same period follows them.
    None asked: none kept."""
    if not set(context.request.questions) & set(_COUNT_CELLS):
        return []
    counts = _counts(context)
    return [
        [*_COUNT_CELLS[key], p.label, counts[(key, p.label)], p.starts_on.isoformat(), p.ends_before.isoformat()]
        for key in _COUNT_CELLS
        for p in context.request.periods
    ]


def _not_held(context: Context, period: Period) -> str | None:
    """A count for a period wholly before the day the organisation says its records began; counts
    are otherwise read from the records, however few (zero is an answer)."""
    return before_records(context, period, context.records_began) if context.records_began else None


def _period_count(period: Period, shown: Shown) -> str:
    return gettext("%(period)s: %(count)s.") % {"period": shown_period(period), "count": disclosed_in_language(shown)}


def _how_counted(definition: str) -> str:
    return gettext("How this is counted. %(definition)s") % {"definition": gettext(definition)}


def answer_potential_victims(context: Context) -> list[str]:
    counts = _counts(context)
    lines = [
        _not_held(context, p) or _period_count(p, counts[("potential_victims", p.label)])
        for p in context.request.periods
    ]
    return [*lines, _how_counted(CASE_DEFINITIONS["potential_victims"])]


def answer_nrm_referrals(context: Context) -> list[str]:
    counts = _counts(context)
    lines = [
        _not_held(context, p)
        or gettext("%(period)s: %(adults)s adults, %(children)s children.")
        % {
            "period": shown_period(p),
            "adults": disclosed_in_language(counts[("adults", p.label)]),
            "children": disclosed_in_language(counts[("children", p.label)]),
        }
        for p in context.request.periods
    ]
    return [*lines, _how_counted(CASE_DEFINITIONS["referrals"])]


def answer_duty_to_notify(context: Context) -> list[str]:
    counts = _counts(context)
    return [
        _not_held(context, p) or _period_count(p, counts[("duty_to_notify", p.label)]) for p in context.request.periods
    ]


@dataclass(frozen=True)
class Question:
    key: str
    text: str  # English, marked for the catalogue: the form and the answer show it translated (gettext)
    answer: Callable[[Context], list[str]]


QUESTIONS: dict[str, Question] = {
    q.key: q
    for q in (
        Question(
            "lead",
            gettext_noop("Does the council have a specialist lead or single point of contact for modern slavery?"),
            answer_lead,
        ),
        Question(
            "lead_team", gettext_noop("Which team is the lead or single point of contact part of?"), answer_lead_team
        ),
        Question(
            "lead_groups",
            gettext_noop("Does the lead cover both children and adults, or only one?"),
            answer_lead_groups,
        ),
        Question(
            "lead_dedicated",
            gettext_noop("Is the lead employed for this role alone, or does it sit on top of other duties?"),
            answer_lead_dedicated,
        ),
        Question(
            "lead_since",
            gettext_noop(
                "In what year did the council first employ a lead or single point of contact for modern slavery?"
            ),
            answer_lead_since,
        ),
        Question(
            "funding_by_year",
            gettext_noop(
                "How much did the council invest in identifying and supporting potential victims in each year?"
            ),
            answer_funding_by_year,
        ),
        Question(
            "funding_examples",
            gettext_noop("What was the money invested in (for example training or commissioned support)?"),
            answer_funding_examples,
        ),
        Question(
            "training_first_responders",
            gettext_noop(
                "What training does the council give staff who act as first responders referring people to the NRM?"
            ),
            _training_on(CourseTopic.FIRST_RESPONDER),
        ),
        Question(
            "training_housing",
            gettext_noop(
                "What training does the council give staff on survivors' rights to housing and accommodation?"
            ),
            _training_on(CourseTopic.HOUSING_RIGHTS),
        ),
        Question(
            "potential_victims",
            gettext_noop("How many potential victims did the council identify?"),
            answer_potential_victims,
        ),
        Question(
            "nrm_referrals",
            gettext_noop("How many potential victims did the council refer to the NRM, adults and children?"),
            answer_nrm_referrals,
        ),
        Question(
            "duty_to_notify",
            gettext_noop("How many Duty to Notify reports did the council send to the Home Office?"),
            answer_duty_to_notify,
        ),
    )
}
