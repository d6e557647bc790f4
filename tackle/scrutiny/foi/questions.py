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
from django.utils.translation import gettext_noop

from tackle.cases.figures import DEFINITIONS as CASE_DEFINITIONS
from tackle.cases.figures import case_figures
from tackle.core.disclosure import WITHHELD, Disclosure, Shown, protect
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


def _held(post: LeadArrangement) -> str:
    end = f"{post.ended_on:%B %Y}" if post.ended_on else "the present"
    return f"from {post.since:%B %Y} to {end}"


def describe_post(post: LeadArrangement) -> str:
    kind = "the council's modern slavery lead" if post.is_lead else "a post whose work included modern slavery"
    words = f"{post.lead_label}"
    if post.team:
        words += f" ({post.team})"
    words += f", {kind}, held {_held(post)}"
    if post.amount_per_year is not None:
        source = f" by {post.funding_source}" if post.funding_source else ""
        words += f", funded{source} at {money(post.amount_per_year)} a year"
    elif post.funding_source:
        words += f", funded by {post.funding_source}"
    return words + "." + (f" {post.notes.strip()}" if post.notes.strip() else "")


def before_records(context: Context, period: Period, began: date | None) -> str | None:
    """The line for a period wholly before the records began, or None when records cover it."""
    if began is not None and period.ends_before > began:
        return None
    since = f" before {began:%-d %B %Y}" if began else ""
    if context.request.before_records == BeforeRecords.COST_LIMIT:
        context.cost_limit = True
        return (
            f"{period.label}: the council's records{since} are on paper; finding this would mean reading "
            "each file, which would cost more than the appropriate limit (section 12, see below)."
        )
    if began is None:
        return f"{period.label}: not held. The council holds no records of this."
    return f"{period.label}: not held. The council's records of this begin on {began:%-d %B %Y}."


def _part_year(period: Period, began: date | None) -> str:
    if began is not None and period.starts_on < began < period.ends_before:
        return f" (records begin on {began:%-d %B %Y}, part-way through)"
    return ""


# --- The lead ------------------------------------------------------------------------------------


def _no_lead(context: Context) -> list[str]:
    return ["Not applicable: the council has no specialist lead or single point of contact at present."]


def answer_lead(context: Context) -> list[str]:
    lead = context.lead
    lines = [f"Yes: {describe_post(lead)}" if lead else "No, not at present."]
    others = [describe_post(post) for post in context.posts if post is not lead]
    if others:
        lines.append("Posts held before or besides it:" if lead else "Posts the council has held on modern slavery:")
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
        return ["Both children and adults."]
    return [f"{'Children' if lead.covers_children else 'Adults'} only."]


def answer_lead_dedicated(context: Context) -> list[str]:
    lead = context.lead
    if lead is None:
        return _no_lead(context)
    return ["The post is employed for this role." if lead.dedicated else "The role sits on top of other duties."]


def answer_lead_since(context: Context) -> list[str]:
    leads = [post for post in context.posts if post.is_lead]
    if leads:
        return [f"Since {leads[0].since:%B %Y}."]
    if context.posts:
        return ["The council has not had a specialist lead. " + describe_post(context.posts[0])]
    return ["The council has not had a specialist lead or single point of contact."]


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
        lines.append("The council records money by financial year (1 April to 31 March), so it is given so here.")
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
                parts.append((f"the {post.lead_label} post{'' if whole else ' (part of the year)'}", cost))
        spent = (
            _spend(context).filter(financial_year=year.label).values("category", "note").annotate(total=Sum("amount"))
        )
        for row in spent.order_by("category", "note"):
            name = names.get(row["category"], row["category"]).lower()
            parts.append((f"{name}{' (' + row['note'] + ')' if row['note'] else ''}", row["total"]))
        if not parts:
            lines.append(f"{year.label}: none recorded{_part_year(year, began)}.")
            continue
        total = sum((amount for _, amount in parts), Decimal(0))
        detail = "; ".join(f"{name} {money(amount)}" for name, amount in parts)
        lines.append(f"{year.label}: {money(total)} in all ({detail}){_part_year(year, began)}.")
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
    return lines or ["No spending is recorded for these years."]


# --- Training ------------------------------------------------------------------------------------


def _training_on(topic: CourseTopic) -> Callable[[Context], list[str]]:
    def answer(context: Context) -> list[str]:
        courses = courses_on_topic(context.organisation_id, topic)
        if not courses:
            return [f"No course the council records is marked as covering {topic.label.lower()}."]
        names = "; ".join(course.title + (f" ({course.provider})" if course.provider else "") for course in courses)
        lines = [f"Course{'s' if len(courses) > 1 else ''}: {names}."]
        began = context.records_began or training_records_began(context.organisation_id)
        ids = [course.course_id for course in courses]
        for period in context.request.periods:
            refused = before_records(context, period, began)
            if refused:
                lines.append(refused)
                continue
            found = training_figures(context.organisation_id, period, courses=ids)
            sessions, people = found.sessions_held, found.people_trained
            lines.append(
                f"{period.label}: {sessions} session{'' if sessions == 1 else 's'} held, "
                f"{people} {'person' if people == 1 else 'people'} trained."
            )
        return [*lines, f"How this is counted. {TRAINING_DEFINITIONS['people_trained']}"]

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


def answer_potential_victims(context: Context) -> list[str]:
    counts = _counts(context)
    lines = [
        _not_held(context, p) or f"{p.label}: {counts[('potential_victims', p.label)]}."
        for p in context.request.periods
    ]
    return [*lines, f"How this is counted. {CASE_DEFINITIONS['potential_victims']}"]


def answer_nrm_referrals(context: Context) -> list[str]:
    counts = _counts(context)
    lines = [
        _not_held(context, p)
        or f"{p.label}: {counts[('adults', p.label)]} adults, {counts[('children', p.label)]} children."
        for p in context.request.periods
    ]
    return [*lines, f"How this is counted. {CASE_DEFINITIONS['referrals']}"]


def answer_duty_to_notify(context: Context) -> list[str]:
    counts = _counts(context)
    return [
        _not_held(context, p) or f"{p.label}: {counts[('duty_to_notify', p.label)]}." for p in context.request.periods
    ]


@dataclass(frozen=True)
class Question:
    key: str
    text: str  # English, as the drafted answer writes it; marked for the catalogue, so the form can offer it translated
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
