"""The Modern Slavery Act section of the selection questionnaire.

Q1: is the bidder a relevant commercial organisation (section 54: turnover of £36m or more)?
Q2 (only if yes): is it compliant with the annual reporting requirement?
  yes: give the web address of the statement; no: explain why not.
A bidder that is not relevant answers nothing more. The answers decide the outcome; the
council then decides whether a non-compliant bidder's explanation is acceptable.
"""

from dataclasses import dataclass

# Marked for the catalogue only; they stay English here and are translated where shown.
from django.utils.translation import gettext_noop


@dataclass(frozen=True, slots=True)
class MsaAnswers:
    is_relevant_organisation: bool | None
    is_compliant: bool | None = None
    statement_url: str = ""
    explanation: str = ""


def answer_errors(answers: MsaAnswers) -> dict[str, str]:
    """Field name -> the GOV.UK error message for it. Empty when the answers hang together."""
    errors: dict[str, str] = {}
    if answers.is_relevant_organisation is None:
        errors["is_relevant_organisation"] = gettext_noop(
            "Select whether the bidder is a relevant commercial organisation"
        )
        return errors
    if not answers.is_relevant_organisation:
        if answers.is_compliant is not None or answers.statement_url or answers.explanation:
            errors["is_compliant"] = gettext_noop(
                "Leave compliance blank when the bidder is not a relevant commercial organisation"
            )
        return errors
    if answers.is_compliant is None:
        errors["is_compliant"] = gettext_noop(
            "Select whether the bidder complies with the annual reporting requirement"
        )
    elif answers.is_compliant:
        if not answers.statement_url.strip():
            errors["statement_url"] = gettext_noop("Enter the web address of the bidder's modern slavery statement")
        if answers.explanation.strip():
            errors["explanation"] = gettext_noop("Leave the explanation blank when the bidder is compliant")
    else:
        if not answers.explanation.strip():
            errors["explanation"] = gettext_noop("Explain why the bidder does not comply")
        if answers.statement_url.strip():
            errors["statement_url"] = gettext_noop("Leave the web address blank when the bidder does not comply")
    return errors


def outcome(answers: MsaAnswers) -> str:
    """One of the MsaAnswer values. Call only with answers that have no errors."""
    if not answers.is_relevant_organisation:
        return "not_relevant"
    return "compliant" if answers.is_compliant else "not_compliant"
