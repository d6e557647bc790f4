import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tackle.audit.models import AuditEvent
from tackle.statement_reader.models import JudgementOverride, ReadingRequest, StatementReading
from tackle.statement_reader.selectors import latest_assessment_for_supplier
from tackle.statement_reader.services import statement_read
from tackle.statement_reader.tasks import read_statement
from tackle.statement_reader.tests.factories import local_server, statement_pdf, statement_text

NEW = "/statement-reader/new"


@pytest.fixture
def reading_a(buyer_a, supplier_a, fake_labeller):
    return statement_read(actor=buyer_a, supplier=supplier_a, data=statement_text().encode(), file_name="widgets.txt")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def _read_queued() -> None:
    """The page only queues the reading: run the worker's task for what it queued (the queue
    itself is tested with the worker in test_reading_in_background.py)."""
    for pending in ReadingRequest.objects.filter(reading=None, error=""):
        assert pending.task_run is not None
        read_statement.call(run_uuid=str(pending.task_run.uuid), request_uuid=str(pending.uuid))


def test_buyer_uploads_a_supplier_statement_and_sees_its_areas(client_for, buyer_a, supplier_a, fake_labeller):
    client = client_for(buyer_a)
    response = client.post(NEW, {"whose": str(supplier_a.uuid), "file": _upload("widgets.pdf", statement_pdf())})
    _read_queued()
    reading = StatementReading.objects.get()
    assert response.status_code == 302 and client.get(response["Location"])["Location"] == reading.get_absolute_url()
    assert reading.supplier == supplier_a and reading.organisation == buyer_a.organisation
    assert reading.score == 6 and reading.result["future_only"] == ["training"]
    assert AuditEvent.objects.filter(object_id=str(reading.uuid), action="create").exists()
    page = client.get(reading.get_absolute_url()).content.decode()
    assert "<mark>During the year we completed an audit of forty suppliers.</mark>" in page
    assert "Only promised" in page and "6 of 8" in page
    assert latest_assessment_for_supplier(supplier_a) == reading


def test_the_councils_own_statement_has_no_supplier(client_for, lead_a, fake_labeller):
    response = client_for(lead_a).post(
        NEW, {"whose": "council", "file": _upload("ours.txt", statement_text().encode())}
    )
    assert response.status_code == 302
    _read_queued()
    assert StatementReading.objects.get().supplier is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"file": _upload("sheet.xlsx", b"PK\x03\x04")}, "must be a .pdf, .docx, .html or .txt file"),
        ({}, "Upload the statement or give its web address, not both or neither"),
        (
            {"file": _upload("s.txt", b"We audit."), "url": "https://example.org/s.pdf"},
            "Upload the statement or give its web address, not both or neither",
        ),
        ({"url": "ftp://example.org/s.pdf"}, "Enter a web address starting with http:// or https://"),
    ],
)
def test_bad_input_gets_a_clear_error_and_saves_nothing(client_for, buyer_a, fake_labeller, data, message):
    response = client_for(buyer_a).post(NEW, {"whose": "council", **data})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not StatementReading.objects.exists() and not ReadingRequest.objects.exists()


def test_another_councils_supplier_cannot_be_chosen(client_for, buyer_a, supplier_b, fake_labeller):
    response = client_for(buyer_a).post(NEW, {"whose": str(supplier_b.uuid), "file": _upload("s.txt", b"We audit.")})
    assert "Select whose statement it is" in response.content.decode()
    assert not StatementReading.objects.exists()


def test_private_addresses_are_refused_by_default(client_for, buyer_a, fake_labeller, tmp_path):
    (tmp_path / "statement.txt").write_text(statement_text())
    with local_server(tmp_path) as base:
        response = client_for(buyer_a).post(NEW, {"whose": "council", "url": f"{base}/statement.txt"})
        _read_queued()
    assert "private network" in client_for(buyer_a).get(response["Location"]).content.decode()
    assert not StatementReading.objects.exists()


def test_an_oversized_download_is_refused(client_for, buyer_a, fake_labeller, tmp_path, settings, monkeypatch):
    from tackle.statement_reader import services

    settings.STATEMENT_FETCH_ALLOW_PRIVATE = True
    monkeypatch.setattr(services, "MAX_DOCUMENT_BYTES", 100)
    (tmp_path / "big.txt").write_text("We audit suppliers. " * 50)
    with local_server(tmp_path) as base:
        response = client_for(buyer_a).post(NEW, {"whose": "council", "url": f"{base}/big.txt"})
        _read_queued()
    assert "larger than" in client_for(buyer_a).get(response["Location"]).content.decode()
    assert not StatementReading.objects.exists()


def test_reviewer_overrides_a_judgement_with_a_reason(client_for, buyer_a, reading_a):
    client = client_for(buyer_a)
    url = f"/statement-reader/{reading_a.uuid}/override/policies"
    assert client.get(url).status_code == 200
    response = client.post(url, {"covered": "no", "kept": [], "added": "", "reason": "Only names a policy."})
    assert response.status_code == 302
    override = JudgementOverride.objects.get()
    assert override.covered is False and override.evidence_removed == [5] and override.created_by == buyer_a
    reading_a.refresh_from_db()
    assert reading_a.score == 5 and reading_a.machine_score == 6
    assert AuditEvent.objects.filter(object_id=str(reading_a.uuid), action="update").exists()
    page = client.get(reading_a.get_absolute_url()).content.decode()
    assert "Only names a policy." in page and "5 of 8" in page


def test_a_reviewer_can_add_evidence_by_sentence_number(client_for, buyer_a, reading_a):
    url = f"/statement-reader/{reading_a.uuid}/override/effectiveness_kpis"
    response = client_for(buyer_a).post(url, {"covered": "yes", "added": "7", "reason": "Audits are counted."})
    assert response.status_code == 302
    assert JudgementOverride.objects.get().evidence_added == [6]
    reading_a.refresh_from_db()
    assert reading_a.score == 7


def test_a_reviewer_can_say_an_area_is_only_promised(client_for, buyer_a, reading_a):
    url = f"/statement-reader/{reading_a.uuid}/override/policies"
    response = client_for(buyer_a).post(url, {"covered": "promised", "reason": "The code is still a draft."})
    assert response.status_code == 302
    override = JudgementOverride.objects.get()
    assert override.only_promised is True and override.covered is False
    reading_a.refresh_from_db()
    assert reading_a.score == 5
    page = client_for(buyer_a).get(reading_a.get_absolute_url()).content.decode()
    assert "Only promised" in page and "The code is still a draft." in page
    again = client_for(buyer_a).get(url).content.decode()
    assert 'value="promised" checked' in again


def test_approval_cannot_be_only_promised(client_for, buyer_a, reading_a):
    url = f"/statement-reader/{reading_a.uuid}/override/approval"
    assert 'value="promised"' not in client_for(buyer_a).get(url).content.decode()
    response = client_for(buyer_a).post(url, {"covered": "promised", "reason": "x"})
    assert response.status_code == 200 and not JudgementOverride.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"covered": "no", "reason": ""}, "Enter the reason for your decision"),
        ({"reason": "x"}, "Select covered, only promised or not covered"),
        ({"covered": "yes", "reason": "x", "added": "99"}, "there is no sentence 99"),
        ({"covered": "yes", "reason": "x", "added": "three"}, "is not a sentence number"),
    ],
)
def test_a_bad_override_is_refused_and_changes_nothing(client_for, buyer_a, reading_a, data, message):
    response = client_for(buyer_a).post(f"/statement-reader/{reading_a.uuid}/override/policies", data)
    assert message in response.content.decode()
    assert not JudgementOverride.objects.exists()


def _pages(reading, supplier):
    return [
        "/statement-reader/",
        NEW,
        f"/statement-reader/{reading.uuid}/",
        f"/statement-reader/{reading.uuid}/override/approval",
        f"/statement-reader/suppliers/{supplier.uuid}/registry",
    ]


def test_every_page_opens_for_procurement_contract_managers_and_the_lead(
    client_for, make_user, council_a, lead_a, buyer_a, reading_a, supplier_a
):
    from tackle.core.roles import Role

    for user in (buyer_a, lead_a, make_user(Role.CONTRACT_MANAGER, council_a)):
        client = client_for(user)
        for path in _pages(reading_a, supplier_a):
            assert client.get(path).status_code == 200, (user.role, path)


def test_other_roles_are_refused(client_for, frontline_a, councillor_a, auditor_a, admin_a, reading_a, supplier_a):
    for user in (frontline_a, councillor_a, auditor_a, admin_a):
        client = client_for(user)
        for path in _pages(reading_a, supplier_a):
            assert client.get(path).status_code == 403, (user.role, path)


def test_another_councils_records_do_not_exist(client_for, lead_b, reading_a, supplier_a):
    client = client_for(lead_b)
    for path in _pages(reading_a, supplier_a)[2:]:
        assert client.get(path).status_code == 404, path
    assert (
        client.post(
            f"/statement-reader/{reading_a.uuid}/override/policies", {"covered": "no", "reason": "x"}
        ).status_code
        == 404
    )
    assert "widgets.txt" not in client.get("/statement-reader/").content.decode()


def test_an_unknown_judgement_is_not_found(client_for, buyer_a, reading_a):
    assert client_for(buyer_a).get(f"/statement-reader/{reading_a.uuid}/override/vibes").status_code == 404


def test_a_current_statement_read_on_the_page_goes_on_the_suppliers_file(
    client_for, buyer_a, supplier_a, fake_labeller
):
    from datetime import date

    year = date.today().year  # a year ending this 31 March: its successor is not due yet
    text = f"This statement covers the financial year ending 31 March {year} for Example Widgets Ltd. We audit."
    client = client_for(buyer_a)
    queued = client.post(NEW, {"whose": str(supplier_a.uuid), "file": _upload("widgets.md", text.encode())})
    _read_queued()
    response = client.get(queued["Location"], follow=True)
    assert "it is now on Example Widgets Ltd&#x27;s file" in response.content.decode()
    supplier_a.refresh_from_db()
    assert supplier_a.statement_file_name == "widgets.md" and supplier_a.statement_checked_on is not None
    assert 'data-testid="reading-warning' not in response.content.decode()


def test_an_old_statement_of_another_company_is_shown_with_its_warnings(client_for, buyer_a, supplier_a, fake_labeller):
    text = b"This statement covers 1 April 2018 to 31 March 2019 for Acme Holdings Limited. We audit suppliers."
    client = client_for(buyer_a)
    queued = client.post(NEW, {"whose": str(supplier_a.uuid), "file": _upload("acme.txt", text)})
    _read_queued()
    response = client.get(queued["Location"], follow=True)
    page = response.content.decode()
    assert 'data-testid="reading-warning-other_organisation"' in page
    assert 'data-testid="reading-warning-out_of_date"' in page
    assert "now on" not in page
    supplier_a.refresh_from_db()
    assert not supplier_a.has_statement


def test_the_page_shows_what_is_only_promised_beside_what_was_done_and_who_signed(
    client_for, buyer_a, supplier_a, fake_labeller
):
    text = "\n\n".join(
        [
            "This statement covers the financial year ending 31 March 2025.",
            "During the year we completed an audit of forty suppliers.",
            "We plan to audit our laundry suppliers next year.",
            "This statement was approved by the board on 30 June 2025.",
            "Signed by Amira Patel, Managing Director.",
        ]
    )
    reading = statement_read(actor=buyer_a, supplier=supplier_a, data=text.encode(), file_name="laundry.txt")
    page = client_for(buyer_a).get(reading.get_absolute_url()).content.decode()
    promised = page.split('data-testid="also-promised-due_diligence"')[1].split("</ul>")[0]
    assert "We plan to audit our laundry suppliers next year." in promised
    sign_off = page.split('data-testid="reading-sign-off"')[1].split("</dl>")[0]
    assert "Amira Patel, Managing Director" in sign_off
    assert "2025-06-30" in sign_off and "2024-04-01 to 2025-03-31" in sign_off
