"""One writer for every table Tackle lets a person download, as CSV or XLSX.

Every list page, the register, the figures and the audit log hand their header and rows here, so
formula injection and control characters are handled once (core/spreadsheets.py). A list page
offers its download with `?download=csv` or `?download=xlsx` on its own address, so the filters in
the rest of the query are the ones applied; `download_links` builds those links for the template
(templates/core/includes/download_links.html); `table=` picks one of a page's other tables.
"""

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from tackle.core.spreadsheets import formula_safe, xlsx_cell

CSV, XLSX = "csv", "xlsx"
FORMATS = (CSV, XLSX)
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_LINK_TEXT = {CSV: gettext_lazy("Download as CSV"), XLSX: gettext_lazy("Download as a spreadsheet (XLSX)")}


@dataclass(frozen=True)
class Column:
    """One column of a list's download: its header and how a record gives its cell."""

    header: str
    value: Callable[[Any], Any]


def requested_format(request: HttpRequest, table: str = "") -> str | None:
    """`csv` or `xlsx` when the list was asked for as a download, otherwise None (the page). A page
    with more than one table names the others: `table=` picks which one a download holds, none
    the page's main list."""
    asked = request.GET.get("download", "")
    return asked if asked in FORMATS and request.GET.get("table", "") == table else None


def download_links(request: HttpRequest, table: str = "") -> list[dict[str, str]]:
    """The page's own address and filters with `download=` set, one link per format; `table` names
    one of the page's other tables (see `requested_format`)."""
    links = []
    for kind in FORMATS:
        query = request.GET.copy()
        query.pop("page", None)  # a download holds every page of the list
        query.pop("table", None)
        if table:
            query["table"] = table
        query["download"] = kind
        links.append({"href": f"{request.path}?{query.urlencode()}", "text": str(_LINK_TEXT[kind]), "format": kind})
    return links


def _local(value: Any) -> Any:
    """An aware time as London's wall clock: openpyxl refuses aware datetimes, and a council reads
    local times."""
    if isinstance(value, datetime) and timezone.is_aware(value):
        return timezone.localtime(value).replace(tzinfo=None)
    return value


def _cell_text(value: Any) -> Any:
    return "" if value is None else _local(value)


class _Echo:
    """csv.writer writes to this and gets the line back, so a CSV streams row by row."""

    def write(self, value: str) -> str:
        return value


def csv_lines(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow(header)
    for row in rows:
        yield writer.writerow([_cell_text(formula_safe(cell)) for cell in row])


def csv_download(header: Sequence[str], rows: Iterable[Sequence[Any]], filename: str) -> StreamingHttpResponse:
    """A CSV file to download, streamed row by row, every cell safe against formula injection."""
    response = StreamingHttpResponse(csv_lines(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_file(header: Sequence[str], rows: Iterable[Sequence[Any]], filename: str) -> HttpResponse:
    """The same CSV sent whole, for a short table (the figures)."""
    response = HttpResponse("".join(csv_lines(header, rows)), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_download(
    sheets: Iterable[tuple[str, Iterable[Sequence[Any]]]], filename: str, *, header: Sequence[str] | None = None
) -> HttpResponse:
    """A workbook of (sheet title, rows) sheets; `header` starts the first sheet. Every cell
    through xlsx_cell: control characters dropped, formulas defused."""
    from openpyxl import Workbook  # only the downloads need it

    workbook = Workbook(write_only=True)
    for index, (title, rows) in enumerate(sheets):
        sheet = workbook.create_sheet(title=xlsx_sheet_title(title))
        if index == 0 and header is not None:
            sheet.append([xlsx_cell(cell) for cell in header])
        for row in rows:
            sheet.append([xlsx_cell(_local(cell)) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_sheet_title(title: str) -> str:
    """A sheet title Excel accepts: at most 31 characters, none of []:*?/\\."""
    cleaned = "".join(" " if char in "[]:*?/\\" else char for char in str(xlsx_cell(title))).strip("' ")
    return cleaned[:31] or "Sheet"


def table_download(
    kind: str, *, header: Sequence[str], rows: Iterable[Sequence[Any]], filename: str, title: str
) -> HttpResponse | StreamingHttpResponse:
    """One table as `kind` (csv or xlsx); `filename` without its extension."""
    if kind == CSV:
        return csv_download(header, rows, f"{filename}.csv")
    return xlsx_download([(title, rows)], f"{filename}.xlsx", header=header)


def records_download(
    kind: str, records: Iterable[Any], *, columns: Sequence[Column], filename: str, title: str
) -> HttpResponse | StreamingHttpResponse:
    """A list's records as one table, one column per `Column`."""
    rows = ([column.value(record) for column in columns] for record in records)
    return table_download(kind, header=[c.header for c in columns], rows=rows, filename=filename, title=title)
