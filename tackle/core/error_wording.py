"""Why an upload or a fetch failed, in whole sentences with named values (issue 21).

UploadError and FetchError carry the sentence twice: `message` in the active language, for a form
that shows it at once, and `english`, for whoever stores it (a screening run, a failed reading):
stored text stays English and is shown through the app's StoredWording, which includes TEMPLATES
and treats the values named in INSIDE as stored sentences themselves.
"""

from django.utils.translation import gettext, gettext_noop

# Reading an upload (core.uploads, core.table_stream, core.ods).
TOO_BIG = gettext_noop("The file must be smaller than %(size)s")
NOT_ZIP = gettext_noop("The file is not a readable zip archive (BadZipFile)")
TOO_MANY_PARTS = gettext_noop("The file holds %(parts)s parts; at most %(most)s are read")
UNPACKS_TOO_BIG = gettext_noop("The file unpacks to more than %(size)s; it cannot be read")
OLD_XLS = gettext_noop("The file is an old Excel .xls workbook: save it as CSV or XLSX")
NUL_BYTE = gettext_noop("The file must be a CSV file saved as UTF-8 or Windows-1252 (line %(line)d holds a NUL byte)")
TOO_MANY_VALUES = gettext_noop("Line %(line)d has %(values)s values; a file may have at most %(columns)s columns")
TOO_MANY_ROWS = gettext_noop("The file has more than %(rows)s rows; split it into files of at most %(most)s")
VALUE_TOO_LONG = gettext_noop("A value on this line is longer than %(chars)s characters")
NOT_CSV_LINE = gettext_noop("The line could not be read as CSV (%(error)s)")
FIRST_LINE = gettext_noop("The first line, which names the columns: %(problem)s")
EMPTY = gettext_noop("The file is empty: the first line must name the columns")
MARKUP = gettext_noop("The file is XML or HTML, not CSV: save it as CSV or XLSX and try again")
NOT_ODS = gettext_noop("The file is not a readable ODS spreadsheet: %(error)s")
UNREADABLE_ODS = gettext_noop("The file is not a readable ODS spreadsheet (%(error)s)")
NOT_XLSX = gettext_noop("The file is not a readable XLSX workbook (%(error)s)")

# Fetching a file from an address (core.fetch).
NOT_HTTP = gettext_noop("The address must start with http:// or https://.")
HOST_UNKNOWN = gettext_noop("The address %(host)s could not be found.")
PRIVATE = gettext_noop("That address is on a private network, which Tackle does not fetch from.")
FETCH_TOO_BIG = gettext_noop("The file is larger than %(megabytes)s MB.")
ONE_SECOND = gettext_noop("The server took longer than 1 second.")
SECONDS = gettext_noop("The server took longer than %(seconds)s seconds.")
NOT_DOWNLOADED = gettext_noop("The file could not be downloaded (%(error)s).")
ANSWERED = gettext_noop("The server answered %(status)s (%(reason)s).")
REDIRECTS = gettext_noop("The address redirected more than %(most)s times.")
UNREACHABLE = gettext_noop("The server could not be reached (%(error)s).")

TEMPLATES = (
    TOO_BIG, NOT_ZIP, TOO_MANY_PARTS, UNPACKS_TOO_BIG, OLD_XLS, NUL_BYTE, TOO_MANY_VALUES, TOO_MANY_ROWS,
    VALUE_TOO_LONG, NOT_CSV_LINE, FIRST_LINE, EMPTY, MARKUP, NOT_ODS, UNREADABLE_ODS, NOT_XLSX,
    NOT_HTTP, HOST_UNKNOWN, PRIVATE, FETCH_TOO_BIG, ONE_SECOND, SECONDS, NOT_DOWNLOADED, ANSWERED, REDIRECTS,
    UNREACHABLE,
)  # fmt: skip
INSIDE = frozenset({"problem"})


def worded(template: str, values: dict[str, object] | None = None) -> tuple[str, str]:
    """The sentence in the active language and in English. A value named in INSIDE is a pair too."""
    shown = {name: value[0] if name in INSIDE else value for name, value in (values or {}).items()}  # type: ignore[index]
    english = {name: value[1] if name in INSIDE else value for name, value in (values or {}).items()}  # type: ignore[index]
    return gettext(template) % shown, template % english
