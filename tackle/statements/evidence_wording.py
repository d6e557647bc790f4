"""The words of Tackle's evidence proposals (issue 21), kept apart from the figures they carry.

A proposal, and the evidence recorded from it, stores a wording key and its values; the text is
put together when it is read, in the reader's language, with dates and numbers in that language's
format. The English text is stored as well, as the record of what was accepted.
"""

from datetime import date
from typing import Any

from django.utils import translation
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext, gettext_noop

# One whole sentence per case, so that Welsh can order its words its own way.
WORDINGS: dict[str, str] = {
    "procurement_training": gettext_noop(
        "%(percent)s%% of procurement officers were up to date with their required training on %(day)s "
        "(Tackle training records)."
    ),
    "annual_statement": gettext_noop("The modern slavery statement for %(period)s (version %(version)s) was approved."),
    "annual_statement_by": gettext_noop(
        "The modern slavery statement for %(period)s (version %(version)s) was approved by %(body)s."
    ),
    "annual_statement_on": gettext_noop(
        "The modern slavery statement for %(period)s (version %(version)s) was approved on %(day)s."
    ),
    "annual_statement_by_on": gettext_noop(
        "The modern slavery statement for %(period)s (version %(version)s) was approved by %(body)s on %(day)s."
    ),
    "annual_statement_published": gettext_noop(
        "The modern slavery statement for %(period)s (version %(version)s) was approved and published."
    ),
    "annual_statement_by_published": gettext_noop(
        "The modern slavery statement for %(period)s (version %(version)s) was approved by %(body)s and published."
    ),
    "annual_statement_on_published": gettext_noop(
        "The modern slavery statement for %(period)s (version %(version)s) was approved on %(day)s and published."
    ),
    "annual_statement_by_on_published": gettext_noop(
        "The modern slavery statement for %(period)s (version %(version)s) was approved by %(body)s on %(day)s "
        "and published."
    ),
    "nrm_referrals": gettext_noop(
        "%(referrals)s NRM referrals made in the twelve months to %(day)s (Tackle case records)."
    ),
    "nrm_referrals_few": gettext_noop(
        "fewer than %(threshold)s NRM referrals made in the twelve months to %(day)s (Tackle case records)."
    ),
    "awareness_campaign": gettext_noop("Awareness campaign “%(name)s” from %(day)s (Tackle training records)."),
    "selection_questionnaire": gettext_noop(
        "In the twelve months to %(day)s, %(answered)s bidders answered the selection questionnaire's modern "
        "slavery question; %(compliant)s of the %(required)s required to publish a statement said they comply "
        "(Tackle supplier records)."
    ),
    "tender_checks": gettext_noop(
        "%(checks)s tender checks for abnormally low bids were run in the twelve months to %(day)s; "
        "%(clarifications)s bids were sent back to the bidder to explain their price (Tackle supplier records)."
    ),
    "supplier_assessments": gettext_noop(
        "%(assessments)s supplier assessments of contracts' exploitation risks were completed with suppliers "
        "in the twelve months to %(day)s (Tackle supplier records)."
    ),
    "spend_screening": gettext_noop("Spend was screened for exploitation risk on %(day)s (Tackle spend screening)."),
    "spend_screening_share": gettext_noop(
        "Spend was screened for exploitation risk on %(day)s: %(percent)s%% of %(year)s spend went to "
        "high-risk sectors (Tackle spend screening)."
    ),
}
# Values that are dates, stored as ISO text. Who approved a statement is stored as the decision
# maker's English label ("Cabinet") or the officer's name, and worded as it is read.
DATE_VALUES = frozenset({"day"})


def _body(values: dict[str, Any]) -> str:
    """Who approved a statement: an officer's delegated decision, or a body's label translated."""
    if "officer" in values:
        return gettext("%(officer)s (delegated decision)") % {"officer": values["officer"]}
    body = values.get("body", "")
    return gettext(body) if body else ""  # gettext("") is the catalogue's header, never a word


def _shown(name: str, value: Any) -> str:
    if name in DATE_VALUES:
        return date_format(date.fromisoformat(value), "j F Y")
    if isinstance(value, int) and not isinstance(value, bool):
        return number_format(value, force_grouping=True)
    return str(value)


def worded(wording: str, values: dict[str, Any]) -> str:
    """The sentence in the active language; a wording key not known here reads as ""."""
    if wording not in WORDINGS:
        return ""
    shown = {name: _shown(name, value) for name, value in values.items()}
    if "body" in values or "officer" in values:
        shown["body"] = _body(values)
    return gettext(WORDINGS[wording]) % shown


def in_english(text: Any) -> str:
    """A lazy label read in English, whatever the reader's language: a record, or a catalogue key."""
    with translation.override("en-gb"):
        return str(text)


def worded_in_english(wording: str, values: dict[str, Any]) -> str:
    """The sentence as it is stored: records stay English, whatever the reader's language."""
    with translation.override("en-gb"):
        return worded(wording, values)
