"""The one writer of downloads: formula injection in CSV, control characters in XLSX, and links
that keep the page's filters."""

import csv
import io
from datetime import UTC, datetime

import pytest
from django.test import RequestFactory
from openpyxl import load_workbook

from tackle.core.exports import CSV, XLSX, Column, download_links, records_download, requested_format


def _csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


@pytest.mark.parametrize("dangerous", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_a_csv_cell_a_spreadsheet_would_run_gets_a_leading_apostrophe(dangerous):
    response = records_download(CSV, [dangerous], columns=[Column("Name", str)], filename="x", title="X")
    assert _csv(response)[1] == ["'" + dangerous]


def test_ordinary_cells_numbers_and_missing_values_are_written_as_they_are():
    rows = [("Sparkle Ltd", -5, None)]
    columns = [Column("Name", lambda r: r[0]), Column("Change", lambda r: r[1]), Column("Note", lambda r: r[2])]
    response = records_download(CSV, rows, columns=columns, filename="x", title="X")
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'
    assert _csv(response) == [["Name", "Change", "Note"], ["Sparkle Ltd", "-5", ""]]


def test_control_characters_never_break_the_xlsx_and_formulas_are_defused():
    rows = ["British\x0bcitizen", "=1+1", "\x00\x1f"]
    when = datetime(2026, 7, 1, 9, 30, tzinfo=UTC)
    columns = [Column("Text", lambda r: r), Column("When", lambda r: when)]
    response = records_download(XLSX, rows, columns=columns, filename="x", title="Cases: [all]")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert sheet.title == "Cases   all"
    assert [row[0] for row in values] == ["Text", "Britishcitizen", "'=1+1", None]
    assert values[1][1] == datetime(2026, 7, 1, 10, 30)  # London's clock, in summer an hour ahead


def test_download_links_keep_the_filters_and_drop_the_page_number():
    request = RequestFactory().get("/suppliers/register/", {"q": "clean", "page": "3"})
    links = download_links(request)
    assert [link["href"] for link in links] == [
        "/suppliers/register/?q=clean&download=csv",
        "/suppliers/register/?q=clean&download=xlsx",
    ]
    assert requested_format(RequestFactory().get("/", {"download": "xlsx"})) == XLSX
    assert requested_format(RequestFactory().get("/", {"download": "pdf"})) is None
