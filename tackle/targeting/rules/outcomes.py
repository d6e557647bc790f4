"""Whether a line of a regulator's list records an adverse finding, from whatever words it uses.

Regulators word outcomes their own way: a food hygiene rating of 1, "Prohibition notice served",
"Simple caution", "Licence revoked", "Review hearing", three category 1 hazards, £2,000 of
arrears. Words we cannot place are not guessed at: they are reported as unfamiliar, and the
organisation's own classification of a wording (`known`) is used from then on.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass

# Read before the adverse words, so "no further action" or "no breaches found" is not adverse.
_CLEAR = re.compile(
    r"\bno (further )?action\b|\bnfa\b|\bno (breach|breaches|offence|offences|issues|concerns|hazards|"
    r"contraventions|enforcement)\b|\bnot found\b|^(broadly |fully )?compliant$"
)
_ADVERSE = re.compile(
    r"non ?compl|not compl|fail|unsatisf|poor|prohibit|improvement|notice|breach|refus|revok|revoc|suspen|"
    r"unlicen|offence|warning|enforce|clos|urgent|major|action required|caution|infring|illegal|seiz|penalt|"
    r"prosecut|convict|guilty|fined?\b|review|hazard|category 1|cat 1|contravention|deficien|remedial|"
    r"banning order|rent repayment|arrears|underpa|named\b|emergency|sanction|summons|forfeit|"
    r"not fit|unfit|dangerous|unsafe|high\b"
)
_NOT_ADVERSE = re.compile(
    r"compl|pass|satisf|no issues|good|broadly|low\b|granted|approved|ok\b|clear|exempt|awaiting|"
    r"renewed|current|valid|active|issued licence|licensed|inspected|no action"
)
_NO = frozenset({"", "no", "n", "false", "0", "none", "nil", "na", "n a", "-", "no issues", "not found"})
_YES = frozenset({"yes", "y", "true", "1", "x"})
_AMOUNT = re.compile(r"[£$€]?\s*\d[\d,]*(\.\d+)?")


@dataclass(frozen=True)
class Outcome:
    adverse: bool
    finding: str  # what was found, in the list's words, for the reasons beside the ranking
    unfamiliar: str = ""  # the result's wording, normalised, when no rule and no classification placed it


def wording(text: str) -> str:
    """A result as it is compared and remembered: 'Prohibition Notice - served' -> 'prohibition notice served'."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def outcome(
    values: Mapping[str, str], labels: Mapping[str, str] | None = None, known: Mapping[str, bool] | None = None
) -> Outcome:
    """Read the result, non-compliance and hazard-count columns of one line (field key -> value).
    `labels` are the list's own column headers, to say which count was above nought."""
    labels = labels or {}
    hazards = values.get("hazards", "").strip()
    if hazards:
        count = _count(hazards)
        if count is not None and count > 0:
            return Outcome(True, f"{count} {labels.get('hazards', 'category 1 hazards').lower()}")
        if count is None and wording(hazards) not in _NO:
            return Outcome(True, hazards)
    flag_text = values.get("non_compliance", "").strip()
    flag = wording(flag_text)
    if flag not in _NO and not _CLEAR.search(flag):
        if flag in _YES:
            return Outcome(True, "non-compliance recorded")
        if _AMOUNT.fullmatch(flag_text):
            return Outcome(True, f"{labels.get('non_compliance', 'non-compliance')}: {flag_text}")
        return Outcome(True, flag_text)
    result_text = values.get("result", "").strip()
    return _result(result_text, known or {})


def _result(text: str, known: Mapping[str, bool]) -> Outcome:
    words = wording(text)
    if not words:
        return Outcome(False, "")
    if words in known:
        return Outcome(known[words], text)
    if re.fullmatch(r"[0-5]", words):
        return Outcome(int(words) <= 2, f"rating {words}")
    if _CLEAR.search(words):
        return Outcome(False, text)
    if _ADVERSE.search(words):
        return Outcome(True, text)
    if _NOT_ADVERSE.search(words):
        return Outcome(False, text)
    return Outcome(False, text, unfamiliar=words)


def _count(text: str) -> int | None:
    digits = text.replace(",", "").strip()
    return int(digits) if digits.isascii() and digits.isdigit() else None
