"""The Home Office tables for a year or quarter: the public's disclosure control whoever asks, the
organisation's own people only, the edges of a financial year in London time, and the downloads."""

import csv
import io
from datetime import datetime

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tackle.audit.models import AuditEvent
from tackle.cases.figures import HOME_OFFICE_TABLES
from tackle.cases.services.case import ConcernDetails
from tackle.cases.services.encounter import encounter_record
from tackle.core.periods import LONDON
from tackle.reporting.home_office import AskedPeriod, parse_period

pytestmark = pytest.mark.django_db
API = "api:figures-home-office-tables"


def meet(officer, when: datetime, count: int, **facts) -> None:
    """`count` people met together, each with `facts`."""
    people = [ConcernDetails(encountered_at=when, what_was_seen="", location="", **facts) for _ in range(count)]
    encounter_record(
        organisation=officer.organisation,
        recorded_by=officer,
        encountered_at=when,
        location="Hand car wash",
        what_was_seen="Workers sleeping on site",
        people=people,
    )


def tables_of(client, period: str) -> dict:
    response = client.get(reverse(API), {"period": period})
    assert response.status_code == 200
    return response.json()


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("2025-26", AskedPeriod(2025)),
        ("2025-26-Q1", AskedPeriod(2025, 1)),
        (" 2025-26-Q4 ", AskedPeriod(2025, 4)),
        ("2025-27", None),
        ("2025-26-Q5", None),
        ("2025", None),
        ("", None),
        ("=1+1", None),
    ],
)
def test_a_period_is_a_financial_year_or_one_of_its_quarters(text, asked) -> None:
    assert parse_period(text) == asked


@pytest.fixture
def small_group(frontline_a, lead_b):
    """Council A, Q1 2025-26: 12 Albanian men and 3 Vietnamese women. Council B: 20 people."""
    meet(frontline_a, datetime(2025, 5, 1, 10, tzinfo=LONDON), 12, age=30, gender="male", nationality="Albanian")
    meet(frontline_a, datetime(2025, 5, 2, 10, tzinfo=LONDON), 3, age=30, gender="female", nationality="Vietnamese")
    meet(lead_b, datetime(2025, 5, 1, 10, tzinfo=LONDON), 20, age=30, gender="male", nationality="Albanian")
    return frontline_a


def masked(cell: dict) -> bool:
    return cell["count"] is None


def test_a_small_count_is_withheld_and_cannot_be_worked_out(small_group, client_for, councillor_a) -> None:
    client = client_for(councillor_a)
    found = {period: tables_of(client, period) for period in [f"2025-26-Q{q}" for q in range(1, 5)] + ["2025-26"]}
    quarter = found["2025-26-Q1"]
    assert quarter["period"] == "2025-26-Q1" and quarter["label"] == "Q1 2025-26"
    nationality = {row["category"]: row for row in quarter["tables"]["nationality"]["rows"]}
    assert nationality["Vietnamese"] == {"category": "Vietnamese", "count": None, "shown": "fewer than 10"}
    assert nationality["Other"] == {"category": "Other", "count": 0, "shown": "0"}
    # 15 - 12 would give the 3 away: the Albanians or the total (one cell for every table) is withheld.
    assert "withheld" in (nationality["Albanian"]["shown"], quarter["tables"]["nationality"]["total"]["shown"])
    assert {row["category"]: row["count"] for row in quarter["tables"]["gender"]["rows"]}["Female"] is None
    for key, _ in HOME_OFFICE_TABLES:
        for period, tables in found.items():
            table = tables["tables"][key]
            hidden = [row for row in table["rows"] if masked(row)]
            assert len(hidden) != 1 or masked(table["total"]), f"{key} {period}: one withheld beside its total"
            if not masked(table["total"]) and hidden:
                assert sum(row["count"] for row in table["rows"] if not masked(row)) < table["total"]["count"]
        # A category's four quarters add up to its year: never exactly one of the five withheld.
        for r, row in enumerate(found["2025-26"]["tables"][key]["rows"]):
            cells = [found[f"2025-26-Q{q}"]["tables"][key]["rows"][r] for q in range(1, 5)] + [row]
            assert sum(masked(cell) for cell in cells) != 1, f"{key} {row['category']}"


def test_the_numbers_are_the_organisations_own(frontline_a, client_for, lead_a, lead_b) -> None:
    meet(frontline_a, datetime(2025, 5, 1, 10, tzinfo=LONDON), 12, age=30, gender="male", nationality="Albanian")
    meet(lead_b, datetime(2025, 5, 1, 10, tzinfo=LONDON), 20, age=30, gender="male", nationality="Albanian")
    assert tables_of(client_for(lead_a), "2025-26")["tables"]["gender"]["total"]["count"] == 12
    assert tables_of(client_for(lead_b), "2025-26")["tables"]["gender"]["total"]["count"] == 20


def test_31_march_and_1_april_in_london_fall_in_their_own_quarters(frontline_a, client_for, lead_a) -> None:
    meet(frontline_a, datetime(2026, 3, 31, 23, 55, tzinfo=LONDON), 10, age=30)
    meet(frontline_a, datetime(2026, 4, 1, 0, 30, tzinfo=LONDON), 11, age=30)  # 23:30 UTC on 31 March
    client = client_for(lead_a)
    assert tables_of(client, "2025-26-Q4")["tables"]["adult_or_child"]["total"]["count"] == 10
    assert tables_of(client, "2026-27-Q1")["tables"]["adult_or_child"]["total"]["count"] == 11
    assert tables_of(client, "2025-26")["tables"]["adult_or_child"]["total"]["count"] == 10


def test_an_unreadable_period_names_the_field(client_for, lead_a) -> None:
    client = client_for(lead_a)
    response = client.get(reverse(API), {"period": "last year"})
    assert response.status_code == 400 and "period" in response.json()
    page = client.get(reverse("reporting:home-office-tables-csv"), {"period": "last year"})
    assert page.status_code == 400 and "Period" in page.content.decode()


@pytest.mark.parametrize("name", [API, "reporting:home-office-tables-csv", "reporting:home-office-tables-xlsx"])
def test_a_role_without_figures_is_refused(client_for, frontline_a, name) -> None:
    assert client_for(frontline_a).get(reverse(name), {"period": "2025-26"}).status_code == 403


@pytest.fixture
def injected(frontline_a):
    meet(frontline_a, datetime(2025, 6, 1, 10, tzinfo=LONDON), 10, age=30, gender="male", nationality="=1+1")
    return frontline_a


def test_the_csv_has_a_row_per_table_and_category(injected, client_for, councillor_a) -> None:
    response = client_for(councillor_a).get(reverse("reporting:home-office-tables-csv"), {"period": "2025-26-Q1"})
    assert response.status_code == 200
    assert 'filename="home-office-tables-2025-26-Q1.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Table", "Category", "Period", "Potential victims", "How this is counted"]
    assert {row[0] for row in rows[1:-1]} == {title for _, title in HOME_OFFICE_TABLES}
    nationality = {row[1]: row[3] for row in rows if row[0] == "Nationality"}
    assert nationality["'=1+1"] == "10"  # quoted: a spreadsheet must not run it
    assert nationality["Total"] == "10"
    assert AuditEvent.objects.filter(object_type="reporting.home_office_tables", object_id="2025-26-Q1").exists()


def test_the_workbook_has_a_sheet_per_table(injected, client_for, councillor_a) -> None:
    response = client_for(councillor_a).get(reverse("reporting:home-office-tables-xlsx"), {"period": "2025-26"})
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Notes", *(title for _, title in HOME_OFFICE_TABLES)]
    sheet = workbook["Nationality"]
    cells = {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row and row[0]}
    assert cells["'=1+1"] == 10 and cells["Total"] == 10
    gender = {row[0]: row[1] for row in workbook["Gender"].iter_rows(values_only=True) if row and row[0]}
    assert gender["Male"] == 10 and gender["Female"] == 0


def test_the_figures_page_links_each_period_of_the_years_shown(client_for, lead_a) -> None:
    page = client_for(lead_a).get(reverse("reporting:figures"), {"first_year": 2025, "last_year": 2025, "by": "year"})
    assert page.status_code == 200
    html = page.content.decode()
    for code in ("2025-26", "2025-26-Q1", "2025-26-Q4"):
        assert f"{reverse('reporting:home-office-tables-xlsx')}?period={code}" in html
        assert f"{reverse('reporting:home-office-tables-csv')}?period={code}" in html
