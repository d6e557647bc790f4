"""The Food Standards Agency's food hygiene ratings, read in the XML it publishes.

Each `EstablishmentDetail` becomes one row whose columns are its fields' tag names (BusinessName,
PostCode, RatingValue, and the Scores and Geocode parts by their own names), so the list is then
read like any CSV list: the same guessed columns, the same corrections, the same rejects.

The text has already passed the upload reader's size limit. ElementTree never fetches external
entities; a document type (where entities are declared) is refused outright, since the Agency's
files have none and it is only needed to inflate one.
"""

import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from xml.parsers import expat

from django.utils.translation import gettext

from tackle.core.uploads import Bounds, Row, Table, UploadError, UploadLimitError

FHRS_XML = "FHRS XML"
ESTABLISHMENT = "EstablishmentDetail"


def looks_like_xml(text: str) -> bool:
    """XML, but not a web page (which the upload reader names as such)."""
    start = text.lstrip("\ufeff \r\n\t")[:5].lower()
    return start == "<?xml" or (start.startswith("<") and not start.startswith(("<!", "<html")))


class _Declared(Exception):
    pass


def _refuse(*_: object) -> None:
    raise _Declared


def _check_plain(text: str) -> None:
    """Well-formed, with no document type: then there is no entity to expand or fetch."""
    checker = expat.ParserCreate()
    checker.StartDoctypeDeclHandler = _refuse
    checker.EntityDeclHandler = _refuse
    try:
        checker.Parse(text, True)
    except _Declared:
        raise UploadError(
            gettext("The XML file declares a document type; a food hygiene ratings file has none"),
            line=checker.CurrentLineNumber,
        ) from None
    except expat.ExpatError as error:
        reason = expat.errors.messages[error.code] if error.code else str(error)
        where = {"reason": reason, "line": error.lineno}
        raise UploadError(
            gettext("The XML file cannot be read (%(reason)s, line %(line)d)") % where, line=error.lineno
        ) from None


def _tag(element: ElementTree.Element) -> str:
    return element.tag.rsplit("}", 1)[-1]  # without a namespace


def _fields(establishment: ElementTree.Element) -> dict[str, str]:
    """Every field holding text, nested ones (Scores/Hygiene) by their own tag name."""
    values: dict[str, str] = {}
    for element in establishment.iter():
        if element is not establishment and len(element) == 0:
            values.setdefault(_tag(element), (element.text or "").strip())
    return values


def fhrs_table(text: str, *, bounds: Bounds) -> Table:
    """The establishments of a food hygiene ratings file as a header and rows; row N is the Nth
    establishment (counting the header as line 1, as a CSV export of the file would)."""
    _check_plain(text)
    root = ElementTree.fromstring(text)  # noqa: S314 - _check_plain refused entities and any document type
    establishments = [element for element in root.iter() if _tag(element) == ESTABLISHMENT]
    if not establishments:
        raise UploadError(
            gettext("The XML file holds no food hygiene ratings (EstablishmentDetail): upload a CSV or XLSX file"),
            line=1,
        )
    if bounds.rows is not None and len(establishments) > bounds.rows:
        raise UploadLimitError(
            gettext("The file has more than %(rows)s establishments; split it into files of at most %(rows)s")
            % {"rows": f"{bounds.rows:,}"}
        )
    records = [_fields(establishment) for establishment in establishments]
    header = list(dict.fromkeys(tag for record in records for tag in record))
    if len(header) > bounds.columns:
        counts = {"fields": f"{len(header):,}", "columns": f"{bounds.columns:,}"}
        raise UploadLimitError(gettext("The file has %(fields)s fields; at most %(columns)s are read") % counts)
    return Table(header, _Rows(header, records, bounds), FHRS_XML)


class _Rows:
    """Not a generator: a row over a bound raises UploadError and the rows after it still come."""

    def __init__(self, header: list[str], records: list[dict[str, str]], bounds: Bounds) -> None:
        self._header, self._records, self._bounds = header, iter(records), bounds
        self._read = 0

    def __iter__(self) -> Iterator[Row]:
        return self

    def __next__(self) -> Row:
        record = next(self._records)
        self._read += 1
        row = Row(self._read + 1, [record.get(tag, "") for tag in self._header])
        self._bounds.check(row, rows_read=self._read)
        return row
