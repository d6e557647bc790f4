"""From sentence labels to the six areas of section 54(5), approval and signature.

Plain functions over plain data: no database, no model. See docs/statement-reader.md for the
reasoning behind each rule.
"""

import datetime
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from tackle.statement_reader.rules.sign_off import (
    Decision,
    Signatory,
    approval_date,
    judge,
    signatory,
    signature_sentences,
)

AREAS: tuple[str, ...] = (
    "structure_business_supply_chains",
    "policies",
    "due_diligence",
    "risk_assessment_management",
    "effectiveness_kpis",
    "training",
)
AREA_NAMES: dict[str, str] = {
    "structure_business_supply_chains": "Structure, business and supply chains",
    "policies": "Policies",
    "due_diligence": "Due diligence",
    "risk_assessment_management": "Risk assessment and management",
    "effectiveness_kpis": "Effectiveness and key performance indicators",
    "training": "Training",
    "approval": "Approved by the board",
    "signature": "Signed by a director",
}
# The six areas, then approval and signature: everything the score counts.
JUDGEMENTS: tuple[str, ...] = (*AREAS, "approval", "signature")
THRESHOLD = 0.5

STRUCTURE_LABELS = ("C2 (structure)", "C2 (operations)", "C2 (supply chains)")
MITIGATION = "C4 (risk mitigation)"
REMEDIATION = "C4 (remediation)"
# The label that stands for each judgement when a reviewer's correction becomes training data
# (structure uses whichever C2 label the sentence scored highest).
JUDGEMENT_LABELS: dict[str, str] = {
    "policies": MITIGATION,
    "due_diligence": MITIGATION,
    "training": MITIGATION,
    "risk_assessment_management": "C3 (risk description)",
    "effectiveness_kpis": "C5 (effectiveness)",
    "approval": "Approval",
    "signature": "Signature",
}

# Risk mitigation is one label; which of the three areas a sentence serves is told by its words.
_TRAINING_WORDS = re.compile(
    r"\b(train(?:ed|ing|s)?|e-?learning|workshops?|inductions?|courses?|webinars?|toolbox talks?|"
    r"briefings?|educat\w+|upskill\w*|awareness (?:sessions?|raising|campaigns?|programmes?))\b",
    re.IGNORECASE,
)
# Training counts for section 54(5)(f) only when it is about slavery and trafficking: its subject
# or its audience (buyers, the supply chain) or the way to raise a concern, in the sentence or in
# the heading above it. "Our job evaluators received training in the new grading scheme" is not.
_TRAINING_TOPIC = re.compile(
    r"\b(slavery|traffick\w*|forced (?:or compulsory )?labour|bonded labour|child labour|servitude|"
    r"exploit\w*|human rights|labour (?:rights|standards|abuses?)|modern day slavery|red flags|"
    r"(?:signs|indicators) of (?:abuse|slavery|exploitation|trafficking)|spot(?:ting)? the signs|"
    r"supply chains?|suppliers?|buyers?|procurement|purchasing|sourcing|ethical (?:trade|sourcing)|"
    r"whistle-?blow\w*|speak(?:ing)?[- ]up|msa|modern slavery act)\b",
    re.IGNORECASE,
)
_POLICY_WORDS = re.compile(
    r"\b(polic(?:y|ies)|codes? of (?:conduct|ethics|practice)|supplier code|procedures?|whistle-?blow\w*|"
    r"speak(?:ing)?[- ]up|terms and conditions|contract(?:ual)? (?:clauses?|terms|requirements)|clauses?|"
    r"charter|handbook|guidelines?|standards?)\b",
    re.IGNORECASE,
)
_DUE_DILIGENCE_WORDS = re.compile(
    r"\b(due diligence|audit\w*|questionnaires?|screen\w*|pre-?qualif\w*|onboard\w*|vett\w*|monitor\w*|"
    r"inspect\w*|site visits?|visit\w*|verif\w*|checks?|checked|certif\w*|traceab\w*|map(?:ped|ping)|"
    r"self-assessments?|sedex|smeta|supplier (?:assessments?|reviews?|approvals?)|assess\w* (?:\w+ )?suppliers|"
    r"grievance|hotline|helpline|investigat\w*|remed\w*)\b",
    re.IGNORECASE,
)

# Sentences that only promise: plans, intentions and work not yet done.
_PROMISE = re.compile(
    r"\b(?:we|we'll|the (?:company|group|council|business|organisation|board)|it)\s+"
    r"(?:will|shall|intends? to|plans? to|aims? to|are planning|is planning|expects? to|hopes? to|"
    r"proposes? to|are looking to|is looking to|aspires? to|would like to)\b"
    r"|\b(?:is|are) (?:being|yet to be|still being) (?:developed|drafted|prepared|designed|introduced|"
    r"rolled out|implemented|established|written|created|finalised|piloted|considered|explored)\b"
    r"|\bwill be (?:developed|introduced|launched|rolled out|implemented|established|created|piloted|"
    r"extended|delivered|published|carried out|undertaken)\b"
    r"|\bin the (?:coming|next|forthcoming|following|year ahead|months ahead)\b"
    r"|\b(?:next|coming) (?:year|financial year|reporting period|12 months|twelve months)\b"
    r"|\b(?:going forward|over the next|by the end of (?:next|the coming)|plans? for 20\d\d|future plans)\b"
    # Targets (issue 20): "our target is to...", "all buyers to be trained by 2027".
    r"|\b(?:target|goal|ambition|aim|objective|commitment) (?:is|for 20\d\d is) to\b"
    r"|\bto be (?:\w+ed|done|made|written|taken|set up)\b[^.]{0,60}\bby (?:the end of )?(?:20\d\d|next year)\b"
    r"|\bby (?:the end of )?20\d\d,? we (?:will|aim|plan|intend)\b",
    re.IGNORECASE,
)
# ...but "we will not tolerate", "we will continue to" and "if we find..., we will" describe what
# is done now: a standing rule, an ongoing activity or a procedure.
_NOT_A_PROMISE = re.compile(
    r"\bwill (?:not|never|always|continue|remain|only)\b|\bwe'll continue\b|\bcontinu(?:e|es|ing) to\b"
    r"|^(?:if|where|when|whenever|should|in the event|any)\b",
    re.IGNORECASE,
)
# A sentence that reports something done counts as action even if it also looks ahead.
_DONE = re.compile(
    r"\b(?:we|they|it|the (?:company|group|council|business))\s+(?:have|has|had|did)\s+(?!not\b|yet\b)\w+"
    r"|\b(?:during|in|over) (?:the|this) (?:year|period|reporting period|financial year)\b"
    r"|(?<!will be )(?<!to be )(?<!being )"
    r"\b(?:completed|introduced|launched|carried out|undertook|conducted|trained|audited|rolled out|"
    r"implemented|published|delivered|achieved)\b(?![^.]*\bwill\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Evidence:
    index: int
    sentence: str
    label: str
    promise: bool = False


@dataclass
class Judgement:
    covered: bool
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(frozen=True)
class SignOffDetails:
    signatory: Signatory = field(default_factory=Signatory)
    approved_on: datetime.date | None = None


@dataclass
class Assessment:
    sentence_count: int
    judgements: dict[str, Judgement]
    future_only: list[str]
    # Per area, the sentences reporting something done and those only promising (issue 20).
    done: dict[str, list[Evidence]] = field(default_factory=dict)
    promised: dict[str, list[Evidence]] = field(default_factory=dict)
    sign_off: SignOffDetails = field(default_factory=SignOffDetails)

    @property
    def score(self) -> int:
        return sum(1 for name in JUDGEMENTS if self.judgements[name].covered)


def is_promise(sentence: str) -> bool:
    """True when the sentence only says what will be done, not what has been or is being done."""
    text = sentence.strip()
    if not _PROMISE.search(text) or _NOT_A_PROMISE.search(text):
        return False
    return not _DONE.search(text)


def is_heading(sentence: str) -> bool:
    """A title rather than a sentence: a few words without a full stop."""
    text = sentence.strip()
    return len(text.split()) <= 4 and not re.search(r"[.!?]['\")\]]*$", text)


def mitigation_areas(sentence: str, heading: str = "") -> list[str]:
    """Which of policies, due diligence and training a risk-mitigation sentence serves; a sentence
    naming none of them is taken as due diligence, the broad heading for steps taken on risk.
    Training needs its subject too, in the sentence or its heading (see _TRAINING_TOPIC); training
    about something else says nothing of the three."""
    areas = [
        area
        for area, words in (
            ("policies", _POLICY_WORDS),
            ("due_diligence", _DUE_DILIGENCE_WORDS),
            ("training", _TRAINING_WORDS),
        )
        if words.search(sentence)
    ]
    if "training" in areas and not (_TRAINING_TOPIC.search(sentence) or _TRAINING_TOPIC.search(heading)):
        areas.remove("training")
        if not areas:
            return []
    return areas or ["due_diligence"]


def headings_above(sentences: list[str]) -> list[str]:
    """For each sentence, the last heading before it ("" before the first)."""
    above, heading = [], ""
    for sentence in sentences:
        above.append(heading)
        if is_heading(sentence):
            heading = sentence
    return above


def areas_for(
    sentence: str, scores: dict[str, float], threshold: float = THRESHOLD, heading: str = ""
) -> dict[str, str]:
    """Judgement name -> the label that put the sentence there. `heading`: the title above it."""
    found: dict[str, str] = {}

    def positive(label: str) -> bool:
        return scores.get(label, 0.0) >= threshold

    structure = [label for label in STRUCTURE_LABELS if positive(label)]
    if structure:
        found["structure_business_supply_chains"] = max(structure, key=lambda label: scores[label])
    if positive("C3 (risk description)"):
        found["risk_assessment_management"] = "C3 (risk description)"
    if positive("C5 (effectiveness)"):
        found["effectiveness_kpis"] = "C5 (effectiveness)"
    if positive(MITIGATION):
        for area in mitigation_areas(sentence, heading):
            found[area] = MITIGATION
    if positive(REMEDIATION):
        found.setdefault("due_diligence", REMEDIATION)
    for name in ("Approval", "Signature"):
        if positive(name):
            found[name.lower()] = name
    return found


def assess(
    sentences: list[str],
    scores: Iterable[dict[str, float]],
    threshold: float = THRESHOLD,
    *,
    closing_patterns: bool = True,
    sign_off_decisions: Mapping[str, Decision] | None = None,
) -> Assessment:
    """The areas, approval and signature. With `closing_patterns` (issue 20) approval, signature and
    effectiveness are judged for the whole statement by rules/sign_off.py: a rule over the statement's
    features (the labeller's scores, the patterns of a closing block) chosen by grouped cross-validation. Without, as
    before: any sentence the labeller gives the label 0.5 or more."""
    rows = list(scores)
    done: dict[str, list[Evidence]] = {name: [] for name in JUDGEMENTS}
    promised: dict[str, list[Evidence]] = {name: [] for name in JUDGEMENTS}
    above = headings_above(sentences)
    extra: dict[str, list[int]] = {}
    signed = SignOffDetails()
    # A statement the labeller did not read (a Welsh one: every row empty) is left for a person.
    if closing_patterns and any(rows):
        judged = judge(sentences, rows, sign_off_decisions)
        extra = {
            "approval": judged["approval"].evidence,
            "signature": judged["signature"].evidence,
            "effectiveness_kpis": judged["effectiveness"].evidence,
        }
        # The name, title and date come from the closing block, whether or not its patterns decided.
        block = judged["signature"].evidence
        if block:
            block = sorted({*block, *signature_sentences(sentences)})
        signed = SignOffDetails(
            signatory(sentences, block),
            approval_date(sentences, judged["approval"].evidence),
        )
    for index, (sentence, sentence_scores) in enumerate(zip(sentences, rows, strict=True)):
        found = areas_for(sentence, sentence_scores, threshold, above[index])
        for name, indexes in extra.items():
            if index in indexes:
                found.setdefault(name, JUDGEMENT_LABELS[name])
            else:
                found.pop(name, None)  # the statement-level judgement decides these three
        if is_heading(sentence):
            # "Training" or "Due diligence" as a title says nothing was done; a signature line may
            # be short, so approval and signature keep short lines.
            found = {name: label for name, label in found.items() if name not in AREAS}
        if not found:
            continue
        promise = is_promise(sentence)
        for name, label in found.items():
            # Approval and signature are facts about the document, never promises.
            if promise and name in AREAS:
                promised[name].append(Evidence(index, sentence, label, promise=True))
            else:
                done[name].append(Evidence(index, sentence, label))
    judgements = {
        name: Judgement(covered=bool(done[name]), evidence=done[name] or promised[name]) for name in JUDGEMENTS
    }
    future_only = [name for name in AREAS if not done[name] and promised[name]]
    return Assessment(
        sentence_count=len(sentences),
        judgements=judgements,
        future_only=future_only,
        done={name: done[name] for name in AREAS},
        promised={name: promised[name] for name in AREAS},
        sign_off=signed,
    )


def area_state(assessment: Assessment, area: str) -> str:
    """ "done" when the statement reports something done for the area, "promised" when it only says
    what will be done, "none" when it says nothing of it (issue 20: promise or action)."""
    if assessment.done.get(area):
        return "done"
    return "promised" if assessment.promised.get(area) else "none"


def promise_or_action_json(assessment: Assessment) -> dict[str, dict[str, object]]:
    """Each area's state with its sentences: what was done and, separately, what was only promised."""

    def lines(items: list[Evidence]) -> list[dict[str, object]]:
        return [{"sentence": item.sentence, "index": item.index} for item in items]

    return {
        area: {
            "state": area_state(assessment, area),
            "done": lines(assessment.done.get(area, [])),
            "promised": lines(assessment.promised.get(area, [])),
        }
        for area in AREAS
    }


def sign_off_json(assessment: Assessment) -> dict[str, object]:
    """Who signed and when, and when the board approved: read from the closing block."""
    details = assessment.sign_off
    return {
        "signatory": {
            "name": details.signatory.name or None,
            "title": details.signatory.title or None,
            "date": details.signatory.date.isoformat() if details.signatory.date else None,
        },
        "approved_on": details.approved_on.isoformat() if details.approved_on else None,
    }


def judgement_json(judgement: Judgement) -> dict[str, object]:
    return {
        "covered": judgement.covered,
        "evidence": [{"sentence": item.sentence, "index": item.index} for item in judgement.evidence],
    }
