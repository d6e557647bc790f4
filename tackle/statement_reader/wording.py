"""Why a statement could not be read, and what the background reading says of itself (issue 21).

The worker stores these sentences in English (ReadingRequest.error, the task run's message): it
runs outside any request, and they are records. Each is made from a template here, marked with
gettext_noop, so that a page recognises the stored sentence and shows it in the reader's language
(`in_language`). A sentence made from none of them (a fault reported by the kernel) shows as stored.
"""

from django.utils.translation import gettext_noop

from tackle.core import error_wording
from tackle.core.stored_wording import StoredWording

TOO_SLOW = gettext_noop("The file took longer than %(seconds)s seconds to read, so it was not read.")
TOO_LARGE = gettext_noop("The file must be smaller than 20 MB.")
EMPTY = gettext_noop("The file is empty.")
WRONG_KIND = gettext_noop("The file must be a .txt, .html, .pdf or .docx file.")
TOO_LONG = gettext_noop("The statement is too long to read (more than %(limit)s characters).")
NO_TEXT = gettext_noop("No text could be found in the file (a scanned PDF needs text recognition first).")
NOT_TEXT = gettext_noop("The file does not look like text saved as UTF-8 or Windows-1252.")
NOT_TEXT_AT_LINE = gettext_noop("The file does not look like text saved as UTF-8 or Windows-1252 (line %(line)s).")
PAGE_TOO_BUSY = gettext_noop(
    "The web page has more than %(limit)s elements, more than a statement needs, so it was not read. Save the "
    "statement as a PDF or Word document and upload that."
)
PAGE_TOO_LARGE = gettext_noop(
    "The web page must be smaller than %(megabytes)s MB. Save the statement as a PDF or Word document and upload that."
)
PDF_PART_TOO_LARGE = gettext_noop("The PDF could not be read: part of it unpacks to more than %(megabytes)s MB.")
PDF_UNREADABLE = gettext_noop("The PDF could not be read (%(error)s).")
PDF_TOO_MANY_PAGES = gettext_noop("The PDF has %(count)s pages; Tackle reads statements of up to %(limit)s pages.")
PDF_PAGES_TOO_LARGE = gettext_noop("The PDF could not be read: its pages unpack to more than %(megabytes)s MB.")
WORD_UNREADABLE = gettext_noop("The Word document could not be read: %(reason)s.")
WORD_DAMAGED = gettext_noop("The Word document could not be read (%(error)s).")
NO_SENTENCES = gettext_noop("No sentences could be found in the statement.")
TOO_MANY_SENTENCES = gettext_noop("The statement is too long to read (%(count)s sentences).")
FAULT = gettext_noop("The statement could not be read because of a fault in Tackle (%(error)s).")
TASK_NAME = gettext_noop("Read a statement")
READING = gettext_noop("Reading the statement")
READ = gettext_noop("Statement read: %(score)s of 8")

_WORDING = StoredWording(
    (
        TOO_SLOW, TOO_LARGE, EMPTY, WRONG_KIND, TOO_LONG, NO_TEXT, NOT_TEXT, NOT_TEXT_AT_LINE, PAGE_TOO_BUSY,
        PAGE_TOO_LARGE, PDF_PART_TOO_LARGE, PDF_UNREADABLE, PDF_TOO_MANY_PAGES, PDF_PAGES_TOO_LARGE, WORD_UNREADABLE,
        WORD_DAMAGED, NO_SENTENCES, TOO_MANY_SENTENCES, FAULT, TASK_NAME, READING, READ, *error_wording.TEMPLATES,
    ),
    inside={"reason", *error_wording.INSIDE},  # WORD_UNREADABLE's reason is the kernel's sentence
)  # fmt: skip


def in_language(stored: str) -> str:
    """A sentence stored in English, in the active language."""
    return _WORDING.in_language(stored)


def task_text(stored: str) -> str | None:
    """A task run's stored name or message in the active language; None when not made here."""
    return _WORDING.recognised(stored)
