"""The Figures tables' titles, row names and notes, shown in the reader's language (issue 21).

Tables are built in English: a release keeps each count under its table and row name, and later
releases find the earlier count by the same names, so they must not change with the reader's
language. Each is marked (gettext_noop) where it is made and translated only where it is shown:
`in_language` here, the `figures_text` filter in templates.
"""

from typing import Any

from django.utils.translation import gettext, gettext_noop

from tackle.cases.figures import DEFINITIONS as CASE_DEFINITIONS
from tackle.core.disclosure import disclosed_in_language
from tackle.core.stored_wording import StoredWording

# The concerns table counts both, so its definition is the two of the cases app's, each translated.
_CONCERNS_PARTS = (CASE_DEFINITIONS["concerns"], CASE_DEFINITIONS["potential_victims"])
CONCERNS_DEFINITION = " ".join(_CONCERNS_PARTS)
NATIONALITIES_TITLE = gettext_noop("Concerns by nationality (the %(count)d most common)")
SUPPORT_SCORED_TITLE = gettext_noop("Support outcomes: people scored, by phase (%(period)s)")
SUPPORT_IMPROVED_TITLE = gettext_noop("Support outcomes: people whose score improved, by phase (%(period)s)")
# Whole sentences for each referral kind, so Welsh can order them.
MEDIAN = {
    "nrm": gettext_noop("Median days from encounter to NRM referral sent, %(period)s: %(days)s."),
    "dtn": gettext_noop("Median days from encounter to Duty to Notify sent, %(period)s: %(days)s."),
}
MEDIAN_WITHHELD = {
    "nrm": gettext_noop(
        "Median days from encounter to NRM referral sent, %(period)s: withheld, as it would rest on fewer than "
        "%(threshold)d referrals."
    ),
    "dtn": gettext_noop(
        "Median days from encounter to Duty to Notify sent, %(period)s: withheld, as it would rest on fewer than "
        "%(threshold)d referrals."
    ),
}

# A release's name for a column that is not one period: a Total or a support phase, with its years.
OVER_YEARS = gettext_noop("%(column)s (%(first)s to %(last)s)")
# A Figures page release's period (Release.period_label), by how it counted; and who it was for.
RELEASED_YEARS = {
    "quarter": gettext_noop("%(first)s to %(last)s by quarter"),
    "year": gettext_noop("%(first)s to %(last)s by year"),
}
AUDIENCES = (gettext_noop("Public"), gettext_noop("Councillors"), gettext_noop("Internal"))
_WORDING = StoredWording(
    inside={"column"},
    otherwise=gettext,
    templates=[
        OVER_YEARS,
        *RELEASED_YEARS.values(),
        *AUDIENCES,
        NATIONALITIES_TITLE,
        SUPPORT_SCORED_TITLE,
        SUPPORT_IMPROVED_TITLE,
        *MEDIAN.values(),
        *MEDIAN_WITHHELD.values(),
    ],
)


def in_language(text: Any) -> Any:
    """A table's title, row or column name, note, definition or withheld count in the active
    language. Names made elsewhere (the cases and disruption figures) are in the catalogue where
    their app marked them; a name in none (a nationality as recorded) and a number are as they are."""
    if not isinstance(text, str) or not text:
        return text
    if text == CONCERNS_DEFINITION:
        return " ".join(gettext(part) for part in _CONCERNS_PARTS)
    translated = gettext(text)
    if translated != text:
        return translated
    # A count's "fewer than N", "withheld" and the small-numbers note: core says them (disclosure).
    disclosed = disclosed_in_language(text)
    return disclosed if disclosed != text else _WORDING.in_language(text)
