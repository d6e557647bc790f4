"""The modern slavery risk score of a contract: points for each known risk factor, with the reason
for each, so a contract manager can see why a contract sits where it does in the register.

Factors and points (our own weighting of the government guidance on supply chain risk):
- the work is in a high-risk sector (the contract's category or any of the supplier's sectors): 3
- most of the price pays for people's time (labour intensive): 2
- goods or labour come from overseas: 2
- the supplier subcontracts or uses agency labour: 2
- value £1 million or more: 2; £100,000 to under £1 million: 1
- the supplier must publish a modern slavery statement (turnover £36m or more) but none is on file: 2
- the latest annual assessment found serious concerns: 3; improvement needed: 1
Score 0-3 low, 4-7 medium, 8 and over high.
"""

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

# Reasons are marked for the catalogue only: they stay English here and are translated where shown.
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

from tackle.suppliers.sectors import LABOUR_INTENSIVE_SECTORS, Sector, is_high_risk

HIGH_VALUE = Decimal("1000000")
MEDIUM_VALUE = Decimal("100000")
MEDIUM_FROM = 4
HIGH_FROM = 8


class RiskLevel(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def tag_class(self) -> str:
        return {"low": "govuk-tag--green", "medium": "govuk-tag--yellow", "high": "govuk-tag--red"}[self.value]


# The levels as pages show them (capitalised), marked for the catalogue; templates translate them.
LEVEL_WORDS = (gettext_noop("Low"), gettext_noop("Medium"), gettext_noop("High"))


@dataclass(frozen=True, slots=True)
class ContractFacts:
    category: str
    supplier_sectors: tuple[str, ...]
    value: Decimal
    labour_intensive: bool = False
    overseas_supply_chain: bool = False
    subcontracted: bool = False
    statement_required: bool = False
    statement_on_file: bool = False
    latest_assessment_outcome: str = ""


@dataclass(frozen=True, slots=True)
class Reason:
    points: int
    text: str  # English, as the register's download and the API give it
    sectors: tuple[str, ...] = ()  # the high-risk sectors the text names, by code

    @property
    def shown(self) -> str:
        """The reason in the active language, for a page."""
        if self.sectors:
            labels = dict(Sector.choices)
            names = ", ".join(str(labels.get(code, code)).lower() for code in self.sectors)
            return gettext("High-risk sector: %(names)s") % {"names": names}
        return gettext(self.text)


@dataclass(frozen=True, slots=True)
class RiskScore:
    score: int
    level: RiskLevel
    reasons: tuple[Reason, ...]


def level_for(score: int) -> RiskLevel:
    if score >= HIGH_FROM:
        return RiskLevel.HIGH
    if score >= MEDIUM_FROM:
        return RiskLevel.MEDIUM
    return RiskLevel.LOW


def contract_risk(facts: ContractFacts) -> RiskScore:
    labels = dict(Sector.choices)
    reasons: list[Reason] = []
    risky = [code for code in (facts.category, *facts.supplier_sectors) if is_high_risk(code)]
    if risky:
        with translation.override("en-gb"):  # the English text; Reason.shown words it for a page
            names = ", ".join(dict.fromkeys(str(labels.get(code, code)).lower() for code in risky))
        reasons.append(Reason(3, f"High-risk sector: {names}", sectors=tuple(dict.fromkeys(risky))))
    if facts.labour_intensive or facts.category in LABOUR_INTENSIVE_SECTORS:
        reasons.append(Reason(2, gettext_noop("Labour intensive: most of the price pays for people's time")))
    if facts.overseas_supply_chain:
        reasons.append(Reason(2, gettext_noop("Goods or labour come from overseas")))
    if facts.subcontracted:
        reasons.append(Reason(2, gettext_noop("Work is subcontracted or uses agency labour")))
    if facts.value >= HIGH_VALUE:
        reasons.append(Reason(2, gettext_noop("Worth £1 million or more")))
    elif facts.value >= MEDIUM_VALUE:
        reasons.append(Reason(1, gettext_noop("Worth £100,000 or more")))
    if facts.statement_required and not facts.statement_on_file:
        reasons.append(
            Reason(2, gettext_noop("Turnover of £36 million or more but no modern slavery statement on file"))
        )
    if facts.latest_assessment_outcome == "serious_concerns":
        reasons.append(Reason(3, gettext_noop("Latest supplier assessment found serious concerns")))
    elif facts.latest_assessment_outcome == "improvement_needed":
        reasons.append(Reason(1, gettext_noop("Latest supplier assessment found improvement needed")))
    score = sum(reason.points for reason in reasons)
    return RiskScore(score=score, level=level_for(score), reasons=tuple(reasons))
