"""Every list's CSV and XLSX download (accounts/exports.py): the page's filters applied, another
organisation's rows never in it, a role that may not export refused, personal data audited."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tackle.audit.models import AuditAction, AuditEvent
from tackle.core.roles import Role
from tackle.disrupt.tests.factories import make_operation, make_premises
from tackle.suppliers.tests.factories import make_contract, make_records, make_supplier


def _csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def _first_cells(rows: list[list[str]]) -> list[str]:
    return [row[0] for row in rows[1:]]


def test_the_supplier_register_downloads_searched_and_audited(make_user, council_a, council_b, client_for):
    officer = make_user(Role.PROCUREMENT_OFFICER, council_a)
    make_supplier(council_a, "Sparkle Cleaning Ltd")
    make_supplier(council_a, "=cmd|' /C calc'!A0", company_number="07654321")
    make_supplier(council_a, "Harbour Catering Ltd", company_number="01111111")
    make_supplier(council_b, "Sparkle Cleaning (Council B) Ltd")
    client = client_for(officer)

    response = client.get(reverse("suppliers:supplier-list"), {"q": "sparkle", "download": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert _first_cells(_csv_rows(response)) == ["Sparkle Cleaning Ltd"]
    entry = AuditEvent.objects.filter(action=AuditAction.EXPORT, object_type="export.suppliers").get()
    assert entry.actor == officer
    assert "q=sparkle" in entry.note

    everything = _csv_rows(client.get(reverse("suppliers:supplier-list"), {"download": "csv"}))
    assert sorted(_first_cells(everything)) == ["'=cmd|' /C calc'!A0", "Harbour Catering Ltd", "Sparkle Cleaning Ltd"]


def test_the_page_offers_the_downloads_with_its_filters(make_user, council_a, client_for):
    officer = make_user(Role.PROCUREMENT_OFFICER, council_a)
    make_supplier(council_a)
    page = client_for(officer).get(reverse("suppliers:supplier-list"), {"q": "sparkle"}).content.decode()
    assert "?q=sparkle&amp;download=csv" in page
    assert "?q=sparkle&amp;download=xlsx" in page


def test_a_role_that_may_not_export_is_refused_and_offered_no_link(make_user, council_a, client_for):
    make_premises(make_user(Role.COMMUNITY_SAFETY_MANAGER, council_a))
    councillor = make_user(Role.COUNCILLOR, council_a)
    assert client_for(councillor).get(reverse("suppliers:supplier-list"), {"download": "csv"}).status_code == 403
    frontline = make_user(Role.FRONTLINE_OFFICER, council_a)
    response = client_for(frontline).get(reverse("cases:queue"), {"download": "xlsx"})
    assert response.status_code == 403
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()


def test_contracts_as_a_workbook_hold_only_the_councils_own(make_user, council_a, council_b, client_for):
    make_contract(make_supplier(council_a), "Office cleaning")
    make_contract(make_supplier(council_b), "Council B catering")
    manager = make_user(Role.CONTRACT_MANAGER, council_a)

    response = client_for(manager).get(reverse("suppliers:contract-list"), {"download": "xlsx"})

    sheet = load_workbook(io.BytesIO(response.content)).active
    titles = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert titles == ["Office cleaning"]
    assert not AuditEvent.objects.filter(object_type="export.contracts").exists()  # no personal data


def test_the_case_list_exports_the_filtered_cases_of_the_council_only(
    make_user, council_a, council_b, client_for, record_concern
):
    lead = make_user(Role.MODERN_SLAVERY_LEAD, council_a)
    officer_a = make_user(Role.FRONTLINE_OFFICER, council_a)
    officer_b = make_user(Role.FRONTLINE_OFFICER, council_b)
    kept = record_concern(officer_a, person_name="Ana Pop")
    record_concern(officer_b, person_name="Ion Rusu")
    client = client_for(lead)

    rows = _csv_rows(client.get(reverse("cases:queue"), {"download": "csv"}))

    assert _first_cells(rows) == [kept.reference]
    assert rows[1][1] == "Ana Pop"
    closed = _csv_rows(client.get(reverse("cases:queue"), {"status": "closed", "download": "csv"}))
    assert _first_cells(closed) == []
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, object_type="export.cases").count() == 2


def test_operations_and_users_download_for_their_own_roles(make_user, council_a, council_b, client_for):
    coordinator = make_user(Role.COMMUNITY_SAFETY_MANAGER, council_a)
    make_operation(coordinator, name="Operation Aidant")
    make_operation(make_user(Role.COMMUNITY_SAFETY_MANAGER, council_b), name="Operation Elsewhere")
    rows = _csv_rows(client_for(coordinator).get(reverse("disrupt:operation-list"), {"download": "csv"}))
    assert _first_cells(rows) == ["Operation Aidant"]

    admin = make_user(Role.ADMINISTRATOR, council_a, last_name="Admin")
    rows = _csv_rows(client_for(admin).get(reverse("accounts:user-list"), {"download": "csv"}))
    assert sorted(row[2] for row in rows[1:]) == ["Administrator", "Community safety manager"]  # council A's two
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, object_type="export.users").exists()


# Every other list with a download, as a role that may export it: both formats read back (the
# links show above a list with rows; the supplier register's test checks them).
LISTS = [
    ("disrupt:premises-list", Role.COMMUNITY_SAFETY_MANAGER),
    ("disrupt:intelligence-list", Role.COMMUNITY_SAFETY_MANAGER),
    ("suppliers:clarification-list", Role.PROCUREMENT_OFFICER),
    ("spend:index", Role.PROCUREMENT_OFFICER),
    ("training:session-list", Role.ADMINISTRATOR),
    ("statements:index", Role.MODERN_SLAVERY_LEAD),
    ("statements:statement-list", Role.CONTRACT_MANAGER),
    ("scrutiny:foi", Role.MODERN_SLAVERY_LEAD),
    ("statement_reader:index", Role.PROCUREMENT_OFFICER),
]


@pytest.mark.parametrize(("name", "role"), LISTS, ids=[name for name, _ in LISTS])
def test_each_list_downloads_as_csv_and_xlsx(name, role, make_user, council_a, client_for):
    client = client_for(make_user(role, council_a))
    assert client.get(reverse(name)).status_code == 200
    header = _csv_rows(client.get(reverse(name), {"download": "csv"}))[0]
    workbook = load_workbook(io.BytesIO(client.get(reverse(name), {"download": "xlsx"}).content))
    assert [cell.value for cell in next(workbook.active.iter_rows(max_row=1))] == header


def test_tender_checks_download_with_their_bid_counts(make_user, council_a, council_b, client_for):
    make_records(council_a)  # one check, one flagged bid with its clarification
    make_records(council_b)
    client = client_for(make_user(Role.PROCUREMENT_OFFICER, council_a))

    rows = _csv_rows(client.get(reverse("suppliers:tender-check-new"), {"download": "csv"}))

    assert [(row[0], row[4], row[5]) for row in rows[1:]] == [("Lot 1", "1", "1")]
    assert (
        client_for(make_user(Role.CONTRACT_MANAGER, council_a))
        .get(reverse("suppliers:tender-check-new"), {"download": "csv"})
        .status_code
        == 403
    )


def test_caseloads_download_the_councils_workers_audited(make_user, council_a, council_b, client_for, record_concern):
    lead = make_user(Role.MODERN_SLAVERY_LEAD, council_a, first_name="Lee", last_name="Lead")
    make_user(Role.MODERN_SLAVERY_LEAD, council_b, first_name="Bea", last_name="Elsewhere")
    record_concern(make_user(Role.FRONTLINE_OFFICER, council_a))
    client = client_for(lead)
    assert "download=csv" in client.get(reverse("cases:caseloads")).content.decode()

    rows = _csv_rows(client.get(reverse("cases:caseloads"), {"download": "csv"}))

    assert rows[0] == ["Worker", "Left", "Open cases", "With an overdue action"]
    assert "Bea Elsewhere" not in {row[0] for row in rows}
    assert rows[-1][:3] == ["Not allocated", "", "1"]
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, object_type="export.caseloads", actor=lead).exists()
    manager = make_user(Role.SAFEGUARDING_MANAGER, council_a)
    assert client_for(manager).get(reverse("cases:caseloads"), {"download": "csv"}).status_code == 403


def test_the_risk_register_downloads_the_councils_active_contracts(make_user, council_a, council_b, client_for):
    make_contract(make_supplier(council_a), "Office cleaning")
    make_contract(make_supplier(council_b), "Council B catering")
    client = client_for(make_user(Role.CONTRACT_MANAGER, council_a))
    assert "download=csv" in client.get(reverse("suppliers:risk-register")).content.decode()

    rows = _csv_rows(client.get(reverse("suppliers:risk-register"), {"download": "csv"}))

    assert rows[0][:4] == ["Contract", "Supplier", "Risk", "Score"]
    assert _first_cells(rows) == ["Office cleaning"]
    councillor = make_user(Role.COUNCILLOR, council_a)
    assert client_for(councillor).get(reverse("suppliers:risk-register"), {"download": "csv"}).status_code == 403
