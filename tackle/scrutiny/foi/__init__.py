"""The draft answer to a modern slavery FOI request, built from the council's records.

The officer picks the questions the request asks, in its order (foi.questions), and the periods it
asks about (foi.request); nothing else is inserted, so the numbering is the requester's. Counts of
people are shown as the organisation shows them to the public (tackle.core.disclosure; by default 1
to 9 read "fewer than 10"), withheld under section 40(2) of the Freedom of Information Act 2000
(personal information). Money is not personal data and is given in full. A period before the
council's records began (the day its settings give, else each kind of record's first) reads "not
held", or, where older records are on paper, is refused under section 12 (the cost limit); the
wording for each exemption is added only where it was used. Issuing an answer keeps its counts as a
release (tackle.reporting), which later answers and the Figures page are protected against.
The answer is written in the language the request was made in (English or, where the council offers
the Welsh service, Cymraeg: the Welsh Language Standards); the counts it releases stay in English.
"""

import io
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

from tackle.accounts.selectors import disclosure_for, records_began_on
from tackle.core.disclosure import WITHHELD, Audience, Disclosure, disclosed_in_language
from tackle.core.documents import LANGUAGE, word_document
from tackle.core.periods import financial_year, today_in_london
from tackle.scrutiny.foi.questions import QUESTIONS, Context, released_counts, shown_period
from tackle.scrutiny.foi.request import BeforeRecords, FoiRequest, PeriodKind
from tackle.scrutiny.selectors import posts_of

FOI_TITLE = gettext_noop("Freedom of Information request: modern slavery")


def exemption(disclosure: Disclosure) -> str:
    # Translators: check
    text = gettext(
        "Where a figure is between 1 and %(last)d it is shown as “%(label)s”. The exact number is withheld "
        "under section 40(2) of the Freedom of Information Act 2000 (personal information), because a number that "
        "small could identify the people concerned. A figure shown as “%(withheld)s” is withheld under the "
        "same exemption, because with the totals the council publishes, or the figures it has published for the "
        "same or an overlapping period, it would give a small number away."
    )
    values = {"last": disclosure.threshold - 1, "label": disclosed_in_language(disclosure.label)}
    return text % {**values, "withheld": gettext(WITHHELD)}


def cost_limit() -> str:
    # Translators: check
    return gettext(
        "Section 12 of the Freedom of Information Act 2000 does not oblige the council to answer a part of a request "
        "where finding the information would cost more than the appropriate limit (for a council, 18 hours of work). "
        "The parts marked above would mean searching paper files one by one. If you narrow the request, for example "
        "to the years since the council's records began, the council will consider it again."
    )


@dataclass
class FoiItem:
    number: int
    question: str
    answer: list[str] = field(default_factory=list)


@dataclass
class FoiAnswer:
    organisation_name: str
    years: list[str]  # the periods asked, in the requester's order, as releases and audit notes name them (English)
    items: list[FoiItem]
    withheld: bool
    exemption: str
    cost_limit: str = ""  # the section 12 wording, when a part was refused on cost
    cells: list[list[Any]] = field(default_factory=list)  # its counts of people, as a release keeps them
    request: FoiRequest | None = None
    language: str = settings.LANGUAGE_CODE  # the language it is written in: the request's
    shown_years: list[str] = field(default_factory=list)  # the periods asked, named in that language

    @property
    def exemptions(self) -> list[str]:
        return [
            text for used, text in ((self.withheld, self.exemption), (bool(self.cost_limit), self.cost_limit)) if used
        ]


DOCUMENT_LANGUAGES = {"cy": "cy-GB", "en-gb": "en-GB"}  # the DOCX's language tag, for Word and screen readers


def standard_request(years: list[int]) -> FoiRequest:
    """Every question, for financial years: the draft before the officer has entered a request."""
    return FoiRequest(tuple(QUESTIONS), PeriodKind.FINANCIAL, tuple(financial_year(y) for y in sorted(set(years))))


def build_foi_answer(organisation: Any, asked: FoiRequest | list[int], language: str | None = None) -> FoiAnswer:
    """The request's questions, numbered in its order, with draft answers for its periods, written in
    `language` (the request's, English by default) whatever the page's, words from other modules
    included: a council answers in the language it was asked in (Welsh Language Standards, issue 21)."""
    language = language or settings.LANGUAGE_CODE
    with translation.override(language):
        request = asked if isinstance(asked, FoiRequest) else standard_request(asked)
        disclosure = disclosure_for(organisation.pk, Audience.PUBLIC)
        context = Context(
            organisation.pk,
            request,
            disclosure,
            today_in_london(),
            posts_of(organisation.pk),
            records_began=records_began_on(organisation.pk),
        )
        with translation.override(settings.LANGUAGE_CODE):
            cells = released_counts(context)  # kept in English, as every release is: later ones match by it
        items = [
            FoiItem(number, gettext(QUESTIONS[key].text), QUESTIONS[key].answer(context))
            for number, key in enumerate(request.questions, start=1)
        ]
        return FoiAnswer(
            organisation.name,
            [period.label for period in request.periods],
            items,
            context.withheld,
            exemption(disclosure),
            cost_limit() if context.cost_limit else "",
            cells,
            request,
            language,
            [shown_period(period) for period in request.periods],
        )


def foi_docx(answer: FoiAnswer) -> bytes:
    """The draft as a Word document a records officer can edit."""
    # Each question is a Heading 2, not bold text, so a screen reader can list and jump between them.
    with translation.override(answer.language):
        title = gettext(FOI_TITLE)
        document = word_document(
            title=f"{title}, {answer.organisation_name}", language=DOCUMENT_LANGUAGES.get(answer.language, LANGUAGE)
        )
        document.add_heading(title, level=1)
        document.add_paragraph(
            gettext("%(organisation)s. Draft answer for %(periods)s.")
            % {"organisation": answer.organisation_name, "periods": ", ".join(answer.shown_years)}
        )
        for item in answer.items:
            document.add_heading(
                gettext("Q%(number)d. %(question)s") % {"number": item.number, "question": item.question}, level=2
            )
            for line in item.answer:
                document.add_paragraph(line)
        if answer.exemptions:
            document.add_heading(gettext("Information withheld"), level=2)
            for text in answer.exemptions:
                document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


__all__ = ["FOI_TITLE", "BeforeRecords", "FoiAnswer", "FoiItem", "FoiRequest", "PeriodKind", "build_foi_answer"]
