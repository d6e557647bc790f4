"""What the pages save, and what they refuse without changing anything."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from tackle.audit.models import AuditEvent
from tackle.core.tests.dates import date_answer
from tackle.suppliers.models import (
    ClarificationTask,
    Contract,
    ContractAction,
    ContractRisk,
    SelectionResponse,
    Supplier,
    SupplierAssessment,
    TenderCheck,
)
from tackle.suppliers.tests.factories import make_contract, make_supplier

BIDS = b"bidder,price,labour_hours,year\nAcme,100000,,\nBeta,98000,,\nCheapo,40000,4000,2025\n"


def test_a_supplier_is_added_with_its_other_names_and_sectors(client_for, procurement_a):
    response = client_for(procurement_a).post(
        reverse("suppliers:supplier-new"),
        {
            "name": "Brightwash Ltd",
            "company_number": "1234567",
            "other_names": "Brightwash\nBright Wash Services\nBrightwash",
            "turnover_band": "36m_to_100m",
            "sectors": ["cleaning", "vehicle_washing"],
            "statement_url": "",
        },
    )
    supplier = Supplier.objects.get(name="Brightwash Ltd")
    assert response.status_code == 302 and response.url == reverse("suppliers:supplier-detail", args=[supplier.uuid])
    assert supplier.company_number == "01234567"
    assert supplier.other_names == ["Brightwash", "Bright Wash Services"]
    assert supplier.sectors == ["cleaning", "vehicle_washing"]
    assert AuditEvent.objects.filter(object_type="suppliers.supplier", action="create").exists()


def test_a_bad_company_number_is_refused_and_nothing_saved(client_for, procurement_a):
    response = client_for(procurement_a).post(
        reverse("suppliers:supplier-new"), {"name": "X", "company_number": "ABC", "turnover_band": "unknown"}
    )
    assert response.status_code == 200
    assert "Enter a company number of 8 characters" in response.content.decode()
    assert not Supplier.objects.exists()


def test_a_duplicate_supplier_name_gets_a_clear_error(client_for, procurement_a, council_a):
    make_supplier(council_a, "Same Name Ltd")
    response = client_for(procurement_a).post(
        reverse("suppliers:supplier-new"), {"name": "Same Name Ltd", "turnover_band": "unknown"}
    )
    assert response.status_code == 200
    assert Supplier.objects.count() == 1


def test_the_supplier_page_is_audited_and_shows_a_missing_statement(client_for, contract_manager_a, council_a):
    supplier = make_supplier(council_a, statement_url="")
    response = client_for(contract_manager_a).get(reverse("suppliers:supplier-detail", args=[supplier.uuid]))
    assert 'data-testid="statement-missing"' in response.content.decode()
    assert "Not assessed yet" in response.content.decode()
    assert AuditEvent.objects.filter(object_type="suppliers.supplier", action="view").count() == 1


def test_missing_statements_lists_only_big_suppliers_without_one(client_for, lead_a, council_a, council_b):
    make_supplier(council_a, "Big No Statement", turnover_band="500m_or_more", company_number="")
    make_supplier(council_a, "Big With Statement", statement_url="https://x.example/s", company_number="")
    make_supplier(council_a, "Small", turnover_band="under_10m", company_number="")
    make_supplier(council_b, "Other Council Big", company_number="")
    response = client_for(lead_a).get(reverse("suppliers:missing-statements"))
    assert [s.name for s in response.context["suppliers"]] == ["Big No Statement"]


def test_missing_statements_download_as_csv_and_xlsx(client_for, lead_a, council_a, council_b, frontline_a):
    make_supplier(council_a, "=Big No Statement", turnover_band="500m_or_more", company_number="01234567")
    make_supplier(council_a, "Small", turnover_band="under_10m", company_number="")
    make_supplier(council_b, "Other Council Big", company_number="")
    url = reverse("suppliers:missing-statements")
    client = client_for(lead_a)
    assert "download=csv" in client.get(url).content.decode()

    rows = b"".join(client.get(url, {"download": "csv"}).streaming_content).decode().splitlines()

    assert rows == [
        "Supplier,Company number,Turnover,Active contracts",
        "'=Big No Statement,01234567,£500 million or more,0",
    ]
    assert AuditEvent.objects.filter(object_type="export.missing-statements", actor=lead_a).exists()
    assert client.get(url, {"download": "xlsx"})["Content-Type"].startswith("application/vnd.openxmlformats")
    assert client_for(frontline_a).get(url, {"download": "csv"}).status_code == 403


def test_a_high_tier_contract_gets_its_annual_assessment_scheduled(client_for, contract_manager_a, council_a):
    supplier = make_supplier(council_a)
    start = timezone.localdate() - timedelta(days=30)
    response = client_for(contract_manager_a).post(
        reverse("suppliers:contract-new"),
        {
            "supplier": supplier.pk,
            "title": "Street cleansing",
            "category": "cleaning",
            "value": "2500000",
            **date_answer("start_on", start),
            **date_answer("end_on", (start + timedelta(days=1500))),
            "contract_manager": contract_manager_a.pk,
            "tier": "business_critical",
            "subcontracted": "on",
        },
    )
    contract = Contract.objects.get(title="Street cleansing")
    assert response.status_code == 302
    assert list(contract.assessments.values_list("due_on", flat=True)) == [start.replace(year=start.year + 1)]
    detail = client_for(contract_manager_a).get(reverse("suppliers:contract-detail", args=[contract.uuid]))
    # sector, labour intensive (cleaning), subcontracted, value, big supplier with no statement
    assert detail.context["risk"].score == 3 + 2 + 2 + 2 + 2
    assert "Worth £1 million or more" in detail.content.decode()


def test_a_contract_ending_before_it_starts_is_refused(client_for, contract_manager_a, council_a):
    supplier = make_supplier(council_a)
    response = client_for(contract_manager_a).post(
        reverse("suppliers:contract-new"),
        {
            "supplier": supplier.pk,
            "title": "T",
            "category": "other",
            "value": "1",
            **date_answer("start_on", "2026-05-01"),
            **date_answer("end_on", "2026-04-01"),
            "tier": "standard",
        },
    )
    assert "The end date must be the same as or after the start date" in response.content.decode()
    assert not Contract.objects.exists()


def test_another_councils_supplier_cannot_be_chosen_for_a_contract(client_for, contract_manager_a, council_b):
    other = make_supplier(council_b)
    response = client_for(contract_manager_a).post(
        reverse("suppliers:contract-new"),
        {
            "supplier": other.pk,
            "title": "T",
            "category": "other",
            "value": "1",
            **date_answer("start_on", "2026-01-01"),
            **date_answer("end_on", "2026-04-01"),
            "tier": "standard",
        },
    )
    assert response.status_code == 200
    assert not Contract.objects.exists()


def test_completing_an_assessment_schedules_the_next_and_feeds_the_risk(client_for, contract_manager_a, council_a):
    contract = make_contract(make_supplier(council_a))
    assessment = SupplierAssessment.objects.create(contract=contract, due_on=timezone.localdate() - timedelta(days=3))
    client = client_for(contract_manager_a)
    listing = client.get(reverse("suppliers:assessment-list"))
    assert "Overdue" in listing.content.decode()
    done_on = timezone.localdate()
    response = client.post(
        reverse("suppliers:assessment-complete", args=[assessment.uuid]),
        {**date_answer("completed_on", done_on), "outcome": "serious_concerns", "findings": "Workers paid in cash"},
    )
    assert response.status_code == 302
    assert contract.assessments.filter(completed_on__isnull=True).get().due_on == done_on.replace(year=done_on.year + 1)
    register = client.get(reverse("suppliers:risk-register")).context["rows"]
    assert any("serious concerns" in reason.text for reason in register[0].risk.reasons)


def test_the_selection_questionnaire_logic_is_checked_in_the_form(client_for, procurement_a, council_a):
    supplier = make_supplier(council_a)
    url = reverse("suppliers:selection-new")
    base = {"supplier": supplier.pk, "procurement": "Cleaning lot 2", **date_answer("answered_on", "2026-05-01")}
    client = client_for(procurement_a)
    response = client.post(url, {**base, "is_relevant_organisation": "yes", "is_compliant": "yes"})
    assert "Enter the web address of the bidder" in response.content.decode()
    response = client.post(url, {**base, "is_relevant_organisation": "yes", "is_compliant": "no"})
    assert "Explain why the bidder does not comply" in response.content.decode()
    response = client.post(url, {**base})
    assert "Select whether the bidder is a relevant commercial organisation" in response.content.decode()
    assert not SelectionResponse.objects.exists()
    response = client.post(
        url, {**base, "is_relevant_organisation": "yes", "is_compliant": "no", "explanation": "New to the threshold"}
    )
    assert response.status_code == 302
    assert SelectionResponse.objects.get().outcome == "not_compliant"


def test_an_action_plan_item_is_added_and_closed(client_for, contract_manager_a, council_a):
    contract = make_contract(make_supplier(council_a))
    client = client_for(contract_manager_a)
    due = (timezone.localdate() + timedelta(days=60)).isoformat()
    client.post(
        reverse("suppliers:action-new", args=[contract.uuid]), {"description": "Publish a statement", "due_on": due}
    )
    action = ContractAction.objects.get()
    response = client.post(
        reverse("suppliers:action-close", args=[action.uuid]),
        {**date_answer("closed_on", timezone.localdate()), "note": "Published"},
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.closed_on == timezone.localdate() and action.closing_note == "Published"
    again = client.post(
        reverse("suppliers:action-close", args=[action.uuid]), {**date_answer("closed_on", "2026-01-01")}
    )
    assert "already closed" in again.content.decode()


def test_risks_and_sanctions_are_recorded(client_for, contract_manager_a, council_a):
    contract = make_contract(make_supplier(council_a))
    client = client_for(contract_manager_a)
    client.post(
        reverse("suppliers:risk-new", args=[contract.uuid]),
        {"description": "Agency workers' pay not visible", "likelihood": "4", "impact": "5"},
    )
    client.post(
        reverse("suppliers:sanction-new", args=[contract.uuid]),
        {"kind": "improvement_notice", **date_answer("imposed_on", "2026-06-01"), "reason": "No pay records"},
    )
    register = client.get(reverse("suppliers:risk-register"))
    assert [risk.score for risk in register.context["risks"]] == [20]
    assert register.context["rows"][0].open_risks == 1
    assert contract.sanctions.get().kind == "improvement_notice"


def test_termination_needs_a_reason_and_records_it(client_for, contract_manager_a, council_a):
    contract = make_contract(make_supplier(council_a))
    SupplierAssessment.objects.create(contract=contract, due_on=date(2030, 1, 1))
    url = reverse("suppliers:contract-terminate", args=[contract.uuid])
    client = client_for(contract_manager_a)
    response = client.post(url, {**date_answer("terminated_on", timezone.localdate()), "reason": "action_plan_not_met"})
    assert "Describe why the contract is being terminated" in response.content.decode()
    contract.refresh_from_db()
    assert contract.status == "active"
    response = client.post(
        url,
        {
            **date_answer("terminated_on", timezone.localdate()),
            "reason": "action_plan_not_met",
            "details": "Ignored it",
        },
    )
    assert response.status_code == 302
    contract.refresh_from_db()
    assert (contract.status, contract.termination_reason) == ("terminated", "action_plan_not_met")
    assert not contract.assessments.exists()
    assert client.get(reverse("suppliers:risk-register")).context["rows"] == []


def test_a_bids_upload_flags_bids_and_opens_clarifications(client_for, procurement_a):
    client = client_for(procurement_a)
    upload = SimpleUploadedFile("bids.csv", BIDS, content_type="text/csv")
    response = client.post(
        reverse("suppliers:tender-check-new"), {"lot": "Cleaning", "file": upload, "threshold": "70"}
    )
    check = TenderCheck.objects.get()
    assert response.status_code == 302
    assert check.median == Decimal(98000)
    task = ClarificationTask.objects.get()
    assert task.bid.bidder == "Cheapo" and task.assigned_to == procurement_a
    assert task.bid.flags == ["far_below_median", "below_wage_floor"]
    detail = client.get(reverse("suppliers:tender-check-detail", args=[check.uuid]))
    assert "1 of 3 bids flagged" in detail.content.decode()
    response = client.post(reverse("suppliers:clarification-close", args=[task.uuid]), {"outcome": "Withdrew the bid"})
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.closed_on and task.closed_by == procurement_a


def test_a_bad_bids_file_lists_its_lines_and_saves_nothing(client_for, procurement_a):
    upload = SimpleUploadedFile("bids.csv", b"bidder,price\nA,100\nB,free\n,5\n", content_type="text/csv")
    response = client_for(procurement_a).post(
        reverse("suppliers:tender-check-new"), {"lot": "Cleaning", "file": upload, "threshold": "70"}
    )
    assert response.status_code == 200
    assert [(p.line, p.reason) for p in response.context["problems"]] == [
        (3, "price 'free' is not a number of pounds (like 1250.50)"),
        (4, "bidder is empty"),
    ]
    assert not TenderCheck.objects.exists()


def test_a_bids_file_over_2_mb_is_refused_on_the_file_field(client_for, procurement_a):
    upload = SimpleUploadedFile("bids.csv", b"bidder,price\n" + b"A,100\n" * (2 * 1024 * 1024 // 6))
    response = client_for(procurement_a).post(
        reverse("suppliers:tender-check-new"), {"lot": "Cleaning", "file": upload, "threshold": "70"}
    )
    assert response.context["form"].errors["file"] == ["The file must be smaller than 2 MB"]
    assert not TenderCheck.objects.exists()


def test_a_bids_file_with_its_own_column_names_is_checked(client_for, procurement_a):
    data = "Company,Bid value (£)\nAcme,100000\nBeta,96000\nCheapo,20000\n".encode()
    upload = SimpleUploadedFile("bids.csv", data, content_type="text/csv")
    response = client_for(procurement_a).post(
        reverse("suppliers:tender-check-new"), {"lot": "Cleaning", "file": upload, "threshold": "70"}
    )
    assert response.status_code == 302
    assert ClarificationTask.objects.get().bid.bidder == "Cheapo"


# "Tenderr" and "Tender prce" are guessed from close spellings; "Net offer" is not read.
GUESSED_BIDS = b"Tenderr,Tender prce,Net offer\nAcme,100000,100000\nBeta,96000,96000\nCheapo,90000,20000\n"


def test_a_guessed_column_is_shown_with_its_first_values_to_confirm_and_nothing_is_saved(client_for, procurement_a):
    upload = SimpleUploadedFile("bids.csv", GUESSED_BIDS, content_type="text/csv")
    response = client_for(procurement_a).post(
        reverse("suppliers:tender-check-new"), {"lot": "Cleaning", "file": upload, "threshold": "70"}
    )
    assert response.status_code == 200
    choices = {choice.field: choice for choice in response.context["choices"]}
    assert (choices["bidder"].header, choices["bidder"].samples) == ("Tenderr", ("Acme", "Beta", "Cheapo"))
    assert choices["bidder"].guessed and 0 < choices["bidder"].confidence < 1
    page = response.content.decode()
    assert 'data-testid="column-choices"' in page and "Which column holds each field" in page
    assert "Check the columns guessed" in response.context["form"].errors["file"][0]
    assert not TenderCheck.objects.exists()


def test_a_column_corrected_on_the_page_changes_what_is_checked(client_for, procurement_a):
    """The guess takes 'Tender prce', where no bid is far below; the officer chooses 'Net offer'."""
    client = client_for(procurement_a)
    headers = ["Tenderr", "Tender prce", "Net offer"]
    confirmed = {"lot": "Cleaning", "threshold": "70", "headers": headers, "bidder": "0", "year": ""}
    guessed = {**confirmed, "price": "1", "file": SimpleUploadedFile("bids.csv", GUESSED_BIDS)}
    assert client.post(reverse("suppliers:tender-check-new"), guessed).status_code == 302
    assert not ClarificationTask.objects.exists()
    corrected = {**confirmed, "price": "2", "file": SimpleUploadedFile("bids.csv", GUESSED_BIDS)}
    assert client.post(reverse("suppliers:tender-check-new"), corrected).status_code == 302
    assert ClarificationTask.objects.get().bid.bidder == "Cheapo"


def test_bids_typed_on_the_page_are_checked(client_for, procurement_a):
    typed = "Acme Ltd, 100000\nSmith, Jones & Co, £96,000\nCheapo, 20000\n"
    response = client_for(procurement_a).post(
        reverse("suppliers:tender-check-new"), {"lot": "Cleaning", "typed": typed, "threshold": "70"}
    )
    assert response.status_code == 302
    check = TenderCheck.objects.get()
    assert [(bid.line, bid.bidder) for bid in check.bids.order_by("line")] == [
        (1, "Acme Ltd"),
        (2, "Smith, Jones & Co"),
        (3, "Cheapo"),
    ]
    assert ClarificationTask.objects.get().bid.bidder == "Cheapo"


def test_badly_typed_bids_are_listed_by_line_kept_on_the_page_and_nothing_saved(client_for, procurement_a):
    typed = "Acme Ltd, 100000\nBeta 900\nGamma, free\n"
    response = client_for(procurement_a).post(
        reverse("suppliers:tender-check-new"), {"lot": "Cleaning", "typed": typed, "threshold": "70"}
    )
    assert response.status_code == 200
    assert [p.line for p in response.context["problems"]] == [2, 3]
    assert response.context["form"].errors["typed"] == ["The bids cannot be checked: fix the lines listed."]
    assert "Gamma, free" in response.content.decode()  # what was typed is not lost
    assert not TenderCheck.objects.exists()


@pytest.mark.parametrize(
    ("extra", "field", "message"),
    [
        ({}, "file", "Select a file of bids, or type the bids"),
        ({"typed": "A, 1", "file": "upload"}, "typed", "Either upload a file or type the bids, not both"),
    ],
)
def test_bids_come_from_a_file_or_typed_but_not_neither_or_both(client_for, procurement_a, extra, field, message):
    if extra.get("file"):
        extra["file"] = SimpleUploadedFile("bids.csv", BIDS, content_type="text/csv")
    response = client_for(procurement_a).post(
        reverse("suppliers:tender-check-new"), {"lot": "Cleaning", "threshold": "70", **extra}
    )
    assert response.context["form"].errors[field] == [message]
    assert not TenderCheck.objects.exists()


def test_a_threshold_out_of_range_is_refused(client_for, procurement_a):
    upload = SimpleUploadedFile("bids.csv", BIDS, content_type="text/csv")
    response = client_for(procurement_a).post(
        reverse("suppliers:tender-check-new"), {"lot": "L", "file": upload, "threshold": "150"}
    )
    assert "The percentage must be 100 or less" in response.content.decode()
    assert not TenderCheck.objects.exists()


def test_the_new_contract_page_preselects_the_supplier_and_ignores_a_mangled_link(
    client_for, contract_manager_a, council_a
):
    supplier = make_supplier(council_a)
    client = client_for(contract_manager_a)
    url = reverse("suppliers:contract-new")
    assert client.get(url, {"supplier": str(supplier.uuid)}).context["form"].initial["supplier"] == str(supplier.pk)
    assert "supplier" not in client.get(url, {"supplier": "not-a-uuid"}).context["form"].initial


def test_a_terminated_contract_cannot_be_changed(client_for, contract_manager_a, council_a):
    contract = make_contract(
        make_supplier(council_a),
        status="terminated",
        terminated_on=date(2026, 1, 5),
        termination_reason="other",
        termination_details="Closed",
    )
    response = client_for(contract_manager_a).post(
        reverse("suppliers:contract-edit", args=[contract.uuid]),
        {
            "supplier": contract.supplier.pk,
            "title": "New title",
            "category": "other",
            "value": "1",
            **date_answer("start_on", contract.start_on),
            **date_answer("end_on", contract.end_on),
            "tier": "standard",
        },
    )
    assert "A terminated contract cannot be changed" in response.content.decode()
    contract.refresh_from_db()
    assert contract.title == "Office cleaning"


def test_the_open_risks_table_downloads_apart_from_the_contracts_table(
    client_for, contract_manager_a, council_a, council_b, frontline_a
):
    ours = make_contract(make_supplier(council_a, "Sparkle Cleaning Ltd"))
    ContractRisk.objects.create(contract=ours, description="=HYPERLINK(1)", likelihood=2, impact=3)
    ContractRisk.objects.create(contract=ours, description="Pay not visible", likelihood=4, impact=5)
    ContractRisk.objects.create(
        contract=ours, description="Closed", likelihood=5, impact=5, closed_on=timezone.localdate()
    )
    theirs = make_contract(make_supplier(council_b, "Other Council Ltd"))
    ContractRisk.objects.create(contract=theirs, description="Not ours", likelihood=5, impact=5)
    url = reverse("suppliers:risk-register")
    client = client_for(contract_manager_a)
    assert "table=open-risks&amp;download=csv" in client.get(url).content.decode()

    response = client.get(url, {"table": "open-risks", "download": "csv"})

    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines == [
        "Risk,Contract,Supplier,Score,Owner",
        "Pay not visible,Office cleaning,Sparkle Cleaning Ltd,20,No owner",
        "'=HYPERLINK(1),Office cleaning,Sparkle Cleaning Ltd,6,No owner",
    ]
    assert response["Content-Disposition"].startswith('attachment; filename="open-risks-')
    contracts = b"".join(client.get(url, {"download": "csv"}).streaming_content).decode()
    assert contracts.startswith("Contract,Supplier,Risk,Score")  # without table=, the page's first table
    spreadsheet = client.get(url, {"table": "open-risks", "download": "xlsx"})
    assert spreadsheet["Content-Type"].startswith("application/vnd.openxmlformats")
    assert client_for(frontline_a).get(url, {"table": "open-risks", "download": "csv"}).status_code == 403


def test_selection_responses_download_the_councils_own_only(
    client_for, procurement_a, council_a, council_b, frontline_a
):
    def answered(council, bidder: str, explanation: str) -> None:
        SelectionResponse.objects.create(
            organisation=council,
            supplier=make_supplier(council, bidder),
            procurement="Office cleaning",
            answered_on=date(2026, 3, 2),
            is_relevant_organisation=True,
            is_compliant=False,
            explanation=explanation,
            outcome="not_compliant",
        )

    answered(council_a, "Sparkle Cleaning Ltd", "@SUM(A1) statement due in June")
    answered(council_b, "Other Council Ltd", "Not ours")
    url = reverse("suppliers:selection-list")
    client = client_for(procurement_a)
    assert "download=xlsx" in client.get(url).content.decode()

    response = client.get(url, {"download": "csv"})

    assert b"".join(response.streaming_content).decode().splitlines() == [
        "Bidder,Procurement,Date,Answer,Statement,Explanation",
        'Sparkle Cleaning Ltd,Office cleaning,2026-03-02,"Not compliant, explained",,\'@SUM(A1) statement due in June',
    ]
    assert client.get(url, {"download": "xlsx"})["Content-Type"].startswith("application/vnd.openxmlformats")
    assert client_for(frontline_a).get(url, {"download": "csv"}).status_code == 403


def test_the_assessments_to_do_and_done_download_as_the_page_lists_them(
    client_for, contract_manager_a, council_a, council_b, frontline_a
):
    contract = make_contract(make_supplier(council_a), title="=Office cleaning")
    SupplierAssessment.objects.create(contract=contract, due_on=date(2030, 1, 1))
    SupplierAssessment.objects.create(
        contract=contract, due_on=date(2025, 1, 1), completed_on=date(2025, 1, 5),
        outcome="serious_concerns", findings="Workers paid in cash",
    )  # fmt: skip
    SupplierAssessment.objects.create(contract=make_contract(make_supplier(council_b)), due_on=date(2030, 1, 1))
    url = reverse("suppliers:assessment-list")
    client = client_for(contract_manager_a)
    page = client.get(url).content.decode()
    assert "download=csv" in page and "table=done" in page

    due = b"".join(client.get(url, {"download": "csv"}).streaming_content).decode().splitlines()
    done = b"".join(client.get(url, {"download": "csv", "table": "done"}).streaming_content).decode().splitlines()

    assert due == ["Contract,Supplier,Contract manager,Due", "'=Office cleaning,Sparkle Cleaning Ltd,,2030-01-01"]
    assert done[0] == "Contract,Supplier,Completed,Outcome,Findings"
    assert len(done) == 2 and done[1].endswith(",2025-01-05,Serious concerns,Workers paid in cash")
    assert AuditEvent.objects.filter(object_type="export.assessments-due", actor=contract_manager_a).exists()
    assert client.get(url, {"download": "xlsx"})["Content-Type"].startswith("application/vnd.openxmlformats")
    assert client_for(frontline_a).get(url, {"download": "csv"}).status_code == 403


def test_the_open_risks_table_links_each_risk_to_its_row_on_the_contract_and_its_supplier(
    client_for, contract_manager_a, council_a
):
    contract = make_contract(make_supplier(council_a))
    risk = ContractRisk.objects.create(contract=contract, description="Pay not visible", likelihood=4, impact=5)
    client = client_for(contract_manager_a)
    register = client.get(reverse("suppliers:risk-register")).content.decode()
    contract_url = reverse("suppliers:contract-detail", args=[contract.uuid])
    assert f'href="{contract_url}#risk-{risk.uuid}">Pay not visible</a>' in register
    supplier_link = (
        f'href="{reverse("suppliers:supplier-detail", args=[contract.supplier.uuid])}">Sparkle Cleaning Ltd</a>'
    )
    assert register.count(supplier_link) == 2  # in both tables
    assert f'id="risk-{risk.uuid}"' in client.get(contract_url).content.decode()  # where the link lands
