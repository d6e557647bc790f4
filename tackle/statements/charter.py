"""The Co-operative Party's Charter against Modern Slavery, as ten commitments in our own words.

Whistleblowing is one line of the charter but two things to do (publicise it to our own staff,
and require it of contractors), so it is two commitments here. The keys never change: adopting
the charter again finds each commitment by its key and adds nothing.
"""

from dataclasses import dataclass

COOP_CHARTER_SOURCE = "Co-operative Party Charter against Modern Slavery"


@dataclass(frozen=True)
class CharterCommitment:
    key: str
    title: str
    meaning: str


COOP_CHARTER: list[CharterCommitment] = [
    CharterCommitment(
        "coop_train_procurement",
        "Train procurement staff",
        "Everyone who buys for the council learns how exploitation hides in supply chains and what to "
        "do when they see signs of it.",
    ),
    CharterCommitment(
        "coop_contractor_compliance",
        "Require contractors to comply",
        "Contractors and their subcontractors must follow the Modern Slavery Act, and our contract terms say so.",
    ),
    CharterCommitment(
        "coop_low_cost_tenders",
        "Challenge abnormally low-cost tenders",
        "When a bid is priced so low that fair wages look impossible, we ask the bidder to explain it "
        "before we decide.",
    ),
    CharterCommitment(
        "coop_union_freedom",
        "Workers are free to join a union",
        "Contractors must not stop their workers from joining a trade union or from being represented.",
    ),
    CharterCommitment(
        "coop_publicise_whistleblowing",
        "Publicise whistleblowing",
        "Our own staff know the whistleblowing route, that it covers exploitation, and that they are "
        "protected when they use it.",
    ),
    CharterCommitment(
        "coop_contractor_whistleblowing",
        "Require whistleblowing of contractors",
        "Contractors must give their workers a safe way to raise concerns about exploitation.",
    ),
    CharterCommitment(
        "coop_review_spend",
        "Review spend for risk",
        "We look at what we buy each year and mark the categories and contracts most exposed to exploitation.",
    ),
    CharterCommitment(
        "coop_highlight_risks",
        "Highlight risks to suppliers",
        "We tell suppliers where we see a risk of exploitation in what they provide and expect them to act on it.",
    ),
    CharterCommitment(
        "coop_refer_concerns",
        "Refer concerns",
        "Any suspicion of exploitation, in the council or its supply chains, is referred to the right "
        "agency without delay.",
    ),
    CharterCommitment(
        "coop_report_annually",
        "Report annually",
        "We publish a modern slavery statement every year, approved by councillors, saying what we did "
        "and what we will do next.",
    ),
]
