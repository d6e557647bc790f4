"""The draft answer to the standard modern slavery FOI request, built from Tackle's records.

Questions are written in our own words. An answer goes to the world, so counts are shown as the
organisation shows them to the public (tackle.core.disclosure; by default 1 to 9 read "fewer than
10"), withheld under section 40(2) of the Freedom of Information Act 2000 (personal information): a
number that small, with the year and the council, could identify a victim. Money is not personal data and is given in
full. What Tackle does not hold is said plainly, for the records officer to complete.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Sum

from tackle.accounts.selectors import disclosure_for
from tackle.cases.figures import DEFINITIONS as CASE_DEFINITIONS
from tackle.core.disclosure import WITHHELD, Audience, Disclosure
from tackle.core.documents import word_document
from tackle.core.periods import financial_year_label
from tackle.reporting.evidence import year_evidence
from tackle.reporting.selectors import NOT_RECORDED_IN_TACKLE, published_tables
from tackle.scrutiny.models import Spend, SpendCategory
from tackle.scrutiny.selectors import current_arrangement
from tackle.training.figures import DEFINITIONS as TRAINING_DEFINITIONS
from tackle.training.figures import TrainingFigures

FOI_TITLE = "Freedom of Information request: modern slavery"


def exemption(disclosure: Disclosure) -> str:
    return (
        f"Where a figure is between 1 and {disclosure.threshold - 1} it is shown as \u201c{disclosure.label}\u201d. "
        "The exact number is withheld under section 40(2) of the Freedom of Information Act 2000 (personal "
        "information), because a number that small could identify the people concerned. A figure shown as "
        f"\u201c{WITHHELD}\u201d is withheld under the same exemption, because with the totals the council "
        "publishes it would give a small number away."
    )


@dataclass
class FoiItem:
    number: int
    question: str
    answer: list[str] = field(default_factory=list)


@dataclass
class FoiAnswer:
    organisation_name: str
    years: list[str]
    items: list[FoiItem]
    withheld: bool
    exemption: str


def _money(amount: Decimal) -> str:
    return f"\u00a3{amount:,.2f}"


def _training_line(training: TrainingFigures) -> str:
    # Staff trained are not people who may be victims: their counts are given in full.
    sessions, people = training.sessions_held, training.people_trained
    return f"{training.period.label}: {sessions} session{'' if sessions == 1 else 's'} held, {people} people trained."


def public_cells(organisation_id: int, years: list[int], disclosure: Disclosure) -> dict[tuple[str, str, str], Any]:
    """{(table key, row label, year label): count as shown} from the Figures page's tables by year,
    from the first year asked to the last, protected together for `disclosure`."""
    tables = published_tables(
        organisation_id, first_year=min(years), last_year=max(years), by="year", disclosure=disclosure
    )
    return {
        (table.key, label, column): value
        for table in tables
        for label, values in table.rows
        for column, value in zip(table.columns, values, strict=True)
    }


def build_foi_answer(organisation: Any, years: list[int]) -> FoiAnswer:
    """Numbered questions and draft answers for the financial years starting in `years`."""
    years = sorted(set(years))
    labels = [financial_year_label(year) for year in years]
    evidence = [year_evidence(organisation.pk, year) for year in years]
    disclosure = disclosure_for(organisation.pk, Audience.PUBLIC)
    withheld = False
    arrangement = current_arrangement(organisation.pk)
    items: list[FoiItem] = []

    def add(question: str, *answer: str) -> None:
        items.append(FoiItem(len(items) + 1, question, list(answer)))

    if arrangement is None:
        add(
            "Does the council have a modern slavery lead or single point of contact?", "No lead is recorded at present."
        )
        for question in (
            "Which team is the lead or single point of contact part of?",
            "Does the lead cover both children and adults?",
            "Is the lead employed for this role, or is it carried out on top of other duties?",
            "Since when has the council had a lead for modern slavery?",
        ):
            add(question, "Not applicable: no lead is recorded.")
    else:
        groups = [
            name
            for name, covered in (("children", arrangement.covers_children), ("adults", arrangement.covers_adults))
            if covered
        ]
        add("Does the council have a modern slavery lead or single point of contact?", "Yes.")
        add("Which team is the lead or single point of contact part of?", f"{arrangement.team}.")
        add(
            "Does the lead cover both children and adults?",
            "Yes, both children and adults."
            if len(groups) == 2
            else f"The lead covers {' and '.join(groups) or 'neither group'} only.",
        )
        add(
            "Is the lead employed for this role, or is it carried out on top of other duties?",
            "The post is dedicated to modern slavery."
            if arrangement.dedicated
            else "The role is carried out on top of other duties.",
        )
        add("Since when has the council had a lead for modern slavery?", f"Since {arrangement.since:%B %Y}.")

    money_lines = []
    for label in labels:
        rows = (
            Spend.objects.filter(organisation_id=organisation.pk, financial_year=label)
            .values("category")
            .annotate(total=Sum("amount"))
            .order_by("category")
        )
        if not rows:
            money_lines.append(f"{label}: no spending recorded.")
            continue
        names = dict(SpendCategory.choices)
        total = sum((row["total"] for row in rows), Decimal(0))
        parts = "; ".join(f"{names.get(row['category'], row['category'])} {_money(row['total'])}" for row in rows)
        money_lines.append(f"{label}: {_money(total)} in all ({parts}).")
    add("How much did the council spend in each year on identifying and supporting potential victims?", *money_lines)

    # The counts are read from the Figures page's tables for these years as the public sees them, so
    # the answer withholds what the published page withholds and the two cannot be set against each other.
    cells = public_cells(organisation.pk, years, disclosure) if years else {}
    count_lines = []
    for label in labels:
        concerns = cells[("concerns", "Potential victims identified (people)", label)]
        adult, child = cells[("referrals", "Adult", label)], cells[("referrals", "Child", label)]
        dtn = cells[("duty_to_notify", "Duty to Notify sent", label)]
        withheld = withheld or any(isinstance(n, str) for n in (concerns, adult, child, dtn))
        count_lines.append(
            f"{label}: {concerns} potential victims identified; NRM referrals: "
            f"{adult} adults, {child} children; Duty to Notify: {dtn}."
        )
    count_lines.append(f"How this is counted. {CASE_DEFINITIONS['potential_victims']} {CASE_DEFINITIONS['referrals']}")
    add("How many potential victims did the council identify, and how many did it refer to the NRM?", *count_lines)

    training = [_training_line(found.training) for found in evidence]
    if training:
        training.append(f"How this is counted. {TRAINING_DEFINITIONS['people_trained']}")
    add(
        "What training does the council give staff who act as first responders making NRM referrals?",
        *(
            training
            or [f"Training is {NOT_RECORDED_IN_TACKLE}: the records officer should describe the courses offered."]
        ),
    )
    add(
        "What training does the council give staff on survivors' rights to housing and accommodation?",
        f"Training on housing rights is {NOT_RECORDED_IN_TACKLE}: the records officer should describe any given.",
    )
    return FoiAnswer(organisation.name, labels, items, withheld, exemption(disclosure))


def foi_docx(answer: FoiAnswer) -> bytes:
    """The draft as a Word document a records officer can edit."""
    import io

    # Each question is a Heading 2, not bold text, so a screen reader can list and jump between them.
    document = word_document(title=f"{FOI_TITLE}, {answer.organisation_name}")
    document.add_heading(FOI_TITLE, level=1)
    document.add_paragraph(
        f"{answer.organisation_name}. Draft answer for the financial years {', '.join(answer.years)}."
    )
    for item in answer.items:
        document.add_heading(f"Q{item.number}. {item.question}", level=2)
        for line in item.answer:
            document.add_paragraph(line)
    document.add_heading("Information withheld", level=2)
    document.add_paragraph(answer.exemption)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
