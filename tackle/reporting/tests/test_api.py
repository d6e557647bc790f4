"""GET /api/v1/figures (issue 19, item 1): the Figures page's tables with the page's disclosure
control for the role (exact for the lead, councillors' for a councillor, the public's when asked for
publication), only the user's own council, audited; refused for roles without figures."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from tackle.accounts.tests.signing_in import token_client
from tackle.audit.models import AuditAction, AuditEvent

LONDON = ZoneInfo("Europe/London")
YEAR_2025 = {"first_year": 2025, "last_year": 2025}


@pytest.fixture
def recorded(record_concern, frontline_a, lead_b):
    """Council A: three concerns in Q1 2025-26 and one in Q3; council B: one that never counts for A."""
    for day in (date(2025, 5, 2), date(2025, 6, 3), date(2025, 6, 20), date(2025, 11, 5)):
        record_concern(frontline_a, encountered_at=datetime(day.year, day.month, day.day, 10, tzinfo=LONDON))
    record_concern(lead_b, encountered_at=datetime(2025, 5, 2, 10, tzinfo=LONDON))


def concerns_row(body):
    concerns = next(table for table in body["tables"] if table["key"] == "concerns")
    assert concerns["rows"][0]["row"] == "Concerns recorded"
    return [value["shown"] for value in concerns["rows"][0]["values"]], concerns["columns"]


def test_the_lead_gets_exact_figures_by_quarter_and_the_opening_is_audited(recorded, lead_a):
    body = token_client(lead_a, scope="read").get("/api/v1/figures", YEAR_2025).json()
    assert body["audience"] == "internal" and body["suppressed"] is False
    assert concerns_row(body) == (
        ["3", "0", "1", "0", "4"],
        ["Q1 2025-26", "Q2 2025-26", "Q3 2025-26", "Q4 2025-26", "Total"],
    )
    assert AuditEvent.objects.filter(action=AuditAction.VIEW, object_type="reporting.figures", actor=lead_a).exists()


def test_a_councillor_always_gets_councillors_figures(recorded, councillor_a):
    body = token_client(councillor_a).get("/api/v1/figures", {**YEAR_2025, "by": "year"}).json()
    assert body["audience"] == "councillors" and body["suppressed"] is True
    shown, columns = concerns_row(body)
    assert columns == ["2025-26", "Total"] and shown == ["fewer than 5", "fewer than 5"]
    concerns = next(table for table in body["tables"] if table["key"] == "concerns")
    assert concerns["rows"][0]["values"][0]["count"] is None


def test_publication_gives_the_publics_figures(recorded, lead_a):
    body = token_client(lead_a).get("/api/v1/figures", {**YEAR_2025, "by": "year", "publication": "true"}).json()
    assert body["audience"] == "public" and concerns_row(body)[0] == ["fewer than 10", "fewer than 10"]
    assert "1 to 9" in body["small_numbers"]


def test_another_council_counts_only_its_own(recorded, lead_b):
    body = token_client(lead_b).get("/api/v1/figures", YEAR_2025).json()
    assert concerns_row(body)[0] == ["1", "0", "0", "0", "1"]


def test_years_out_of_order_or_outside_the_page_are_refused_by_name(lead_a):
    client = token_client(lead_a)
    assert set(client.get("/api/v1/figures", {"first_year": 2025, "last_year": 2024}).json()) == {"last_year"}
    assert set(client.get("/api/v1/figures", {"first_year": 1990, "last_year": 2025}).json()) == {"first_year"}
    assert set(client.get("/api/v1/figures", {"by": "month"}).json()) == {"by"}
    assert not AuditEvent.objects.filter(object_type="reporting.figures").exists()


def test_roles_and_tokens_without_figures_are_refused(frontline_a, lead_a):
    assert token_client(frontline_a).get("/api/v1/figures").status_code == 403
    assert token_client(lead_a, modules=("cases",)).get("/api/v1/figures").status_code == 403
    assert token_client(lead_a, modules=("reporting",)).get("/api/v1/figures").status_code == 200
