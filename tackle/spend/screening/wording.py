"""The sentences a screening run stores for people to read: rejected rows' reasons, how a column was
chosen, why a run failed (issue 21).

A run stores them in English, whatever language started it: they are records, shared by everyone
who opens the import, and `tackle spend screen --json` prints them. Each is made from one of the
templates here, so a page can recognise the stored sentence and show it in the reader's language
(`in_language`). Templates are marked with gettext_noop: the catalogue holds their Welsh, and
building the stored text stays English even when a Welsh request runs the screening.
"""

from datetime import datetime

from django.utils.formats import date_format
from django.utils.translation import gettext_noop, ngettext

from tackle.core import error_wording

# How a column was chosen: the kernel's own wording, which spend stores and shows like its own.
from tackle.core.columns import CHOSEN_BY_YOU, CLOSE_TO, CONTAINS, KNOWN_NAME, NOT_FOUND
from tackle.core.stored_wording import StoredWording

# Why a row was rejected.
AMOUNT_MISSING = gettext_noop("amount is missing")
AMOUNT_NOT_A_NUMBER = gettext_noop("amount is not a number: %(text)s")
DATE_NOT_RECOGNISED = gettext_noop("date not recognised: %(text)s")
TOTAL_LINE = gettext_noop("a total line, not a payment")
LINE_UNREADABLE = gettext_noop("cannot read this line: %(error)s")
# Plural sentences are English pairs here, marked for the catalogue in _for_the_catalogue.
ROW_WIDTH = (
    "row has %(found)d field; the header has %(width)d",
    "row has %(found)d fields; the header has %(width)d",
)
ROW_WIDTH_JOINED = (
    "row has %(found)d field; the header has %(width)d (a stray quote joined lines %(start)d to %(last)d)",
    "row has %(found)d fields; the header has %(width)d (a stray quote joined lines %(start)d to %(last)d)",
)


def _for_the_catalogue() -> None:
    """Never called: makemessages reads only literal calls, and a plural needs ngettext's."""
    ngettext(
        "row has %(found)d field; the header has %(width)d", "row has %(found)d fields; the header has %(width)d", 0
    )
    ngettext(
        "row has %(found)d field; the header has %(width)d (a stray quote joined lines %(start)d to %(last)d)",
        "row has %(found)d fields; the header has %(width)d (a stray quote joined lines %(start)d to %(last)d)",
        0,
    )


# What a file's report says of its dates; `filled` is one of the last three.
NO_DATES_READ = gettext_noop(
    "No date in the column “%(header)s” could be read (%(reason)s): the column is left out and the rows are kept, "
    "%(filled)s."
)
EVERY_TIME_ONLY = gettext_noop(
    "Every date in the column “%(header)s” holds only a time of day (%(examples)s): the export lost the date. "
    "Those rows are kept, %(filled)s."
)
SOME_TIMES_ONLY = gettext_noop(
    "Some dates in the column “%(header)s” hold only a time of day (%(examples)s): the export lost the date. "
    "Those rows are kept, %(filled)s."
)
DATE_UNKNOWN = gettext_noop("with their date unknown; their money is in every total")
PERIOD_FROM_NAME = gettext_noop("in financial year %(year)s, from the period in the file's name (%(period)s)")
PERIOD_FROM_TITLE = gettext_noop("in financial year %(year)s, from the period in the file's title (%(period)s)")

# Why a whole run failed (the import's error).
SCREENING_FAILED = gettext_noop("The files could not be screened: %(reason)s")
SCREENING_STOPPED = gettext_noop("The screening could not finish: %(error)s")
NO_AMOUNT_COLUMN = gettext_noop("%(name)s: no column for the amount (line %(line)d is the header)")
NOT_TEXT = gettext_noop("%(name)s is not text in any encoding we know")
CANNOT_OPEN = gettext_noop("cannot open %(name)s: %(error)s")
# A file the kernel could not read: `problem` is one of core.error_wording's sentences.
IN_FILE = gettext_noop("%(name)s: %(problem)s")

# The background run's name and what it says of itself (core.tasks shows them through task_text).
TASK_NAME = gettext_noop("Screen spend files")
FILES_READ = gettext_noop("%(percent)d%% of the files read")
SCREENED = gettext_noop("Screened %(read)s rows: %(accepted)s accepted, %(rejected)s rejected.")

_STORED: tuple[str | tuple[str, str], ...] = (
    TASK_NAME,
    FILES_READ,
    SCREENED,
    AMOUNT_MISSING,
    AMOUNT_NOT_A_NUMBER,
    DATE_NOT_RECOGNISED,
    TOTAL_LINE,
    LINE_UNREADABLE,
    ROW_WIDTH,
    ROW_WIDTH_JOINED,
    KNOWN_NAME,
    CLOSE_TO,
    CONTAINS,
    NOT_FOUND,
    CHOSEN_BY_YOU,
    NO_DATES_READ,
    EVERY_TIME_ONLY,
    SOME_TIMES_ONLY,
    DATE_UNKNOWN,
    PERIOD_FROM_NAME,
    PERIOD_FROM_TITLE,
    SCREENING_FAILED,
    SCREENING_STOPPED,
    NO_AMOUNT_COLUMN,
    NOT_TEXT,
    CANNOT_OPEN,
    *error_wording.TEMPLATES,
    IN_FILE,  # last: it would match many sentences with a colon in them
)


def plural(forms: tuple[str, str], count: int, values: dict[str, object]) -> str:
    """The English a run stores for a sentence with a number in it."""
    return (forms[0] if count == 1 else forms[1]) % values


def _month(value: str) -> str:
    """A period ("June 2012") with its month named in the active language."""
    try:
        month = datetime.strptime(value, "%B %Y").date()
    except ValueError:
        return value
    return date_format(month, "F Y")


_WORDING = StoredWording(
    _STORED, counted="found", inside={"reason", "filled", *error_wording.INSIDE}, values={"period": _month}
)


def in_language(stored: str) -> str:
    """A stored sentence in the active language; one not made from these templates as it is."""
    return _WORDING.in_language(stored)


def task_text(stored: str) -> str | None:
    """A task run's stored name or message in the active language; None when not made here."""
    return _WORDING.recognised(stored)
