"""The Co-operative Party's Charter against Modern Slavery, as ten commitments in our own words.

Whistleblowing is one line of the charter but two things to do (publicise it to our own staff,
and require it of contractors), so it is two commitments here. The keys never change: adopting
the charter again finds each commitment by its key and adds nothing.
"""

from dataclasses import dataclass

from django.utils.translation import gettext, gettext_noop

# Stored in English when adopted (the record); shown in the reader's language (issue 21).
COOP_CHARTER_SOURCE = gettext_noop("Co-operative Party Charter against Modern Slavery")


@dataclass(frozen=True)
class CharterCommitment:
    key: str
    title: str
    meaning: str


COOP_CHARTER: list[CharterCommitment] = [
    CharterCommitment(
        "coop_train_procurement",
        gettext_noop("Train procurement staff"),
        gettext_noop(
            "Everyone who buys for the council learns how exploitation hides in supply chains and what to "
            "do when they see signs of it."
        ),
    ),
    CharterCommitment(
        "coop_contractor_compliance",
        gettext_noop("Require contractors to comply"),
        gettext_noop(
            "Contractors and their subcontractors must follow the Modern Slavery Act, and our contract terms say so."
        ),
    ),
    CharterCommitment(
        "coop_low_cost_tenders",
        gettext_noop("Challenge abnormally low-cost tenders"),
        gettext_noop(
            "When a bid is priced so low that fair wages look impossible, we ask the bidder to explain it "
            "before we decide."
        ),
    ),
    CharterCommitment(
        "coop_union_freedom",
        gettext_noop("Workers are free to join a union"),
        gettext_noop("Contractors must not stop their workers from joining a trade union or from being represented."),
    ),
    CharterCommitment(
        "coop_publicise_whistleblowing",
        gettext_noop("Publicise whistleblowing"),
        gettext_noop(
            "Our own staff know the whistleblowing route, that it covers exploitation, and that they are "
            "protected when they use it."
        ),
    ),
    CharterCommitment(
        "coop_contractor_whistleblowing",
        gettext_noop("Require whistleblowing of contractors"),
        gettext_noop("Contractors must give their workers a safe way to raise concerns about exploitation."),
    ),
    CharterCommitment(
        "coop_review_spend",
        gettext_noop("Review spend for risk"),
        gettext_noop(
            "We look at what we buy each year and mark the categories and contracts most exposed to exploitation."
        ),
    ),
    CharterCommitment(
        "coop_highlight_risks",
        gettext_noop("Highlight risks to suppliers"),
        gettext_noop(
            "We tell suppliers where we see a risk of exploitation in what they provide and expect them to act on it."
        ),
    ),
    CharterCommitment(
        "coop_refer_concerns",
        gettext_noop("Refer concerns"),
        gettext_noop(
            "Any suspicion of exploitation, in the council or its supply chains, is referred to the right "
            "agency without delay."
        ),
    ),
    CharterCommitment(
        "coop_report_annually",
        gettext_noop("Report annually"),
        gettext_noop(
            "We publish a modern slavery statement every year, approved by councillors, saying what we did "
            "and what we will do next."
        ),
    ),
]

_CHARTER_TEXTS = frozenset({COOP_CHARTER_SOURCE} | {c.title for c in COOP_CHARTER} | {c.meaning for c in COOP_CHARTER})


def charter_worded(text: str) -> str:
    """A charter commitment's title, meaning or source in the reader's language while it is still the
    charter's own English; once the council rewrote it, as the council wrote it."""
    return gettext(text) if text in _CHARTER_TEXTS else text
