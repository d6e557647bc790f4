"""Whether a statement was approved by its board, signed by a director, and says how it measures
effectiveness: judgements about the whole statement, each with the sentences that show it.

The sentence labeller's probabilities are combined with patterns for the way statements close:
"This statement was approved by the Board on 12 June 2025", a printed name and title under a
signature image ("Jane Smith / Chief Executive Officer / 30 June 2025"), "Signed: ...", "Full name:
... Title: ...". Plain functions over plain data; each judgement's rule over the statement's
features (SIGN_OFF_DECISIONS) was chosen by grouped cross-validation on the training statements
only (bench/statement_judgements.py, docs/statement-reader.md).
"""

import datetime
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from tackle.statement_reader.rules.period_covered import _DATE, parse_date

# Each judgement is decided for the whole statement by a linear rule over a few features of its
# sentences (statement_features): covered when bias + sum(weight * feature) >= 0. A plain threshold on
# the best sentence is the rule {"max": 1}, -threshold. Which kind of rule, and its weights, were
# chosen by cross-validation grouped by statement on the training statements only
# (bench/statement_judgements.py, docs/statement-reader.md); these were fitted the same way on the
# out-of-fold scores of both gold sets together.
LABEL_OF = {"approval": "Approval", "signature": "Signature", "effectiveness": "C5 (effectiveness)"}

_BODY = (
    r"(?:board|directors|governing body|trustees|council|cabinet|committee|members|shareholders?|partners|"
    r"management board|executive|governors|senate)"
)
_APPROVED = re.compile(
    rf"\bapprov(?:ed|al)\b[^.]{{0,120}}\b{_BODY}\b|\b{_BODY}\b[^.]{{0,80}}\b(?:approved|has approved|have approved)\b",
    re.IGNORECASE,
)
# "approved suppliers", "approved by the Home Office": approval of something else.
_WHAT_WAS_APPROVED = re.compile(
    r"\b(?:statement|report|this|it)\b|^\s*approv|\bapproved (?:on|at|by)\b[^.]*\b(?:on|dated?)\b", re.IGNORECASE
)
_NOT_APPROVAL = re.compile(
    r"\bapproved (?:suppliers?|vendors?|lists?|contractors?)\b|\bwill be approved\b", re.IGNORECASE
)

_TITLE = re.compile(
    r"\b(?:(?:managing |executive |non-executive |finance |group |company |sole )?director|"
    r"chief [a-z]+ officer|chief executive|ceo|cfo|coo|chair(?:man|woman|person)?(?: of the board)?|president|"
    r"company secretary|(?:managing |senior )?partner|trustee|vice[- ]chancellor|principal|"
    r"leader of the council|head of paid service|general manager|country (?:manager|lead)|owner|founder|proprietor)\b",
    re.IGNORECASE,
)
_SIGNED = re.compile(
    r"\b(?:signed|signature|signatory|docusign\w*|e-signed|for and on behalf of|on behalf of the board|"
    r"authority to bind)\b|_{5,}|\b(?:full )?name\s*:|\btitle\s*:",
    re.IGNORECASE,
)
# A printed name: two to four capitalised words (initials allowed), optionally after Mr, Ms, Dr...
_NAME = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Cllr)\.?\s+)?"
    r"(?:[A-Z][a-zA-Z'\-]+|[A-Z]\.)(?:\s+(?:[A-Z][a-zA-Z'\-]+|[A-Z]\.)){1,3}"
)
_DATE_IN = re.compile(_DATE, re.IGNORECASE)
_EFFECTIVENESS = re.compile(
    r"\b(?:key performance indicators?|kpis?|(?:measur|assess|review|evaluat|track|monitor)\w* "
    r"(?:the |our |its )?effectiveness|effectiveness of (?:our|these|the|its) (?:actions|measures|steps|approach))\b",
    re.IGNORECASE,
)
_SHORT = 16  # words: a closing line; a longer sentence that names a director is about something else


@dataclass(frozen=True)
class Signatory:
    name: str = ""
    title: str = ""
    date: datetime.date | None = None


@dataclass
class SignOff:
    """One statement-level judgement: covered or not, and the indexes of the sentences showing it."""

    covered: bool
    evidence: list[int] = field(default_factory=list)


def approval_sentences(sentences: list[str]) -> list[int]:
    return [
        index
        for index, sentence in enumerate(sentences)
        if _APPROVED.search(sentence) and _WHAT_WAS_APPROVED.search(sentence) and not _NOT_APPROVAL.search(sentence)
    ]


def _words(sentence: str) -> int:
    return len(sentence.split())


def _name_only(sentence: str) -> bool:
    text = sentence.strip().strip(",")
    return _words(text) <= 5 and bool(_NAME.fullmatch(text)) and not _TITLE.search(text)


def _near(sentences: list[str], index: int, offsets: tuple[int, ...]) -> list[str]:
    return [sentences[index + offset] for offset in offsets if 0 <= index + offset < len(sentences)]


def _closing_line(sentences: list[str], index: int) -> bool:
    sentence = sentences[index]
    short = _words(sentence) <= _SHORT
    if not short and not _SIGNED.search(sentence[:80]):
        return False
    named = bool(_NAME.search(sentence)) or any(map(_name_only, _near(sentences, index, (-2, -1, 1))))
    if _TITLE.search(sentence) and named:
        return True  # "Jane Smith, Chief Executive"
    if _SIGNED.search(sentence) and short:
        return True  # "Signed:", "Full name: ...", a line of underscores
    # A name alone with a title on the next line or the one after.
    below = _near(sentences, index, (1, 2))
    return _name_only(sentence) and any(_TITLE.search(line) and _words(line) <= _SHORT for line in below)


def signature_sentences(sentences: list[str]) -> list[int]:
    """A closing block: a short line that says it is signed, or names a senior title beside a name,
    and a date on its own just below it."""
    found: list[int] = []
    for index, sentence in enumerate(sentences):
        if _closing_line(sentences, index) or (
            found and found[-1] == index - 1 and _words(sentence) <= 6 and _DATE_IN.search(sentence)
        ):
            found.append(index)
    return found


def effectiveness_sentences(sentences: list[str]) -> list[int]:
    return [index for index, sentence in enumerate(sentences) if _EFFECTIVENESS.search(sentence)]


def signatory(sentences: list[str], evidence: list[int]) -> Signatory:
    """The name, title and date of the closing block, read from its sentences (the last block wins)."""
    block = [sentences[index] for index in sorted(evidence)[-4:]]
    title = name = ""
    when: datetime.date | None = None
    for sentence in block:
        if not title and (match := _TITLE.search(sentence)):
            title = match[0]
            before = sentence[: match.start()].strip(" ,-_:")
            names = _NAME.findall(before)
            name = name or (names[-1] if names else "")
        if not name and _name_only(sentence):
            name = sentence.strip().strip(",")
        for match in _DATE_IN.finditer(sentence):
            when = parse_date(match[0]) or when
    if not name:
        for sentence in block:
            labelled = re.search(r"\bname\s*:\s*(" + _NAME.pattern + ")", sentence)
            if labelled:
                name = labelled[1]
    return Signatory(name=name.strip(), title=title.strip(), date=when)


def approval_date(sentences: list[str], evidence: list[int]) -> datetime.date | None:
    for index in evidence:
        for match in _DATE_IN.finditer(sentences[index]):
            if parsed := parse_date(match[0]):
                return parsed
    return None


@dataclass(frozen=True)
class Decision:
    """A statement-level rule: covered when bias + sum(weight * feature) >= 0."""

    weights: Mapping[str, float]
    bias: float

    @classmethod
    def threshold(cls, value: float, patterns: bool = False) -> "Decision":
        """The best sentence's label at `value` or more, or (with `patterns`) a sentence that reads as one."""
        return cls({"max": 1.0, "pattern": 1.0} if patterns else {"max": 1.0}, -value)

    def covers(self, features: Mapping[str, float]) -> bool:
        return self.bias + sum(weight * features[name] for name, weight in self.weights.items()) >= 0


_FINDERS = {"approval": approval_sentences, "signature": signature_sentences, "effectiveness": effectiveness_sentences}
_EVIDENCE_AT = 0.5  # a covered statement's evidence: its sentences at this or more, and its best one


def statement_features(sentences: list[str], scores: list[dict[str, float]], name: str) -> dict[str, float]:
    """What the statement-level rule for `name` may weigh: the labeller's best score, the mean of its
    three best, how many sentences reach 0.5 and 0.3 (log), whether and how often the patterns find it,
    the best score among the pattern's sentences, where the best sentence stands (0 first, 1 last), the
    best score in the last fifth, and the statement's length (log)."""
    values = [row.get(LABEL_OF[name], 0.0) for row in scores] or [0.0]
    ranked = sorted(values, reverse=True)
    found = _FINDERS[name](sentences)
    best = values.index(ranked[0])
    return {
        "max": ranked[0],
        "top3": sum(ranked[:3]) / len(ranked[:3]),
        "above_half": math.log1p(sum(value >= 0.5 for value in values)),
        "above_0_3": math.log1p(sum(value >= 0.3 for value in values)),
        "pattern": float(bool(found)),
        "patterns": math.log1p(len(found)),
        "pattern_max": max((values[i] for i in found), default=0.0),
        "position": best / max(len(values) - 1, 1),
        "tail_max": max(values[int(len(values) * 0.8) :]),
        "length": math.log(len(values)),
    }


# logistic(max, pattern_max, above_half, pattern; C=1) on both gold sets' out-of-fold scores, with the
# fine-tuned encoder (issue 20): the best sentence, the best sentence the patterns find, how many
# sentences reach 0.5, and whether the patterns find it at all.
SIGN_OFF_DECISIONS: dict[str, Decision] = {
    "approval": Decision(
        {"max": 2.252461, "pattern_max": 1.747502, "above_half": 1.370528, "pattern": 1.229259}, -3.537957
    ),
    "signature": Decision(
        {"max": 2.664290, "pattern_max": 1.490838, "above_half": 0.264644, "pattern": 0.891719}, -3.330663
    ),
    "effectiveness": Decision(
        {"max": 0.163070, "pattern_max": 1.400413, "above_half": 1.291534, "pattern": 0.683613}, -2.421513
    ),
}


def judge(
    sentences: list[str],
    scores: list[dict[str, float]],
    decisions: Mapping[str, Decision] | None = None,
) -> dict[str, SignOff]:
    """Approval, signature and effectiveness for the whole statement, each by its rule over the
    statement's features. A covered judgement's evidence is the sentences the labeller gives its label
    0.5 or more, its best sentence, and, where the rule weighs the patterns, the sentences they find."""
    chosen = {**SIGN_OFF_DECISIONS, **(decisions or {})}
    out = {}
    for name, decision in chosen.items():
        if not scores or not decision.covers(statement_features(sentences, scores, name)):
            out[name] = SignOff(covered=False)
            continue
        values = [row.get(LABEL_OF[name], 0.0) for row in scores]
        evidence = {i for i, value in enumerate(values) if value >= _EVIDENCE_AT}
        evidence.add(values.index(max(values)))
        if {"pattern", "patterns", "pattern_max"} & set(decision.weights):
            evidence.update(_FINDERS[name](sentences))
        out[name] = SignOff(covered=True, evidence=sorted(evidence))
    return out
