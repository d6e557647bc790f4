"""Statements are read by the task worker, not in the web request (issue 15, defect 2): the page
stores the file and says it is being read; the worker reads it; the page then shows the reading,
or why it could not be read."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from tackle.core.models import TaskRun, TaskStatus
from tackle.core.roles import Role
from tackle.core.stored_files import stored_files_sweep
from tackle.core.tasks import WORKER_STOPPED, task_runs_fail_lost
from tackle.statement_reader.models import ReadingRequest, StatementReading
from tackle.statement_reader.tests.factories import local_server, statement_pdf, statement_text

NEW = "/statement-reader/new"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _stored_files(settings) -> list[Path]:
    folder = Path(settings.MEDIA_ROOT) / "statement_reader"
    return [path for path in folder.rglob("*") if path.is_file()] if folder.exists() else []


def _run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")


@pytest.mark.django_db(transaction=True)
def test_an_upload_waits_for_the_worker_then_shows_its_reading(
    client_for, buyer_a, supplier_a, fake_labeller, settings
):
    client = client_for(buyer_a)
    upload = SimpleUploadedFile("widgets.pdf", statement_pdf(), content_type="application/pdf")
    response = client.post(NEW, {"whose": str(supplier_a.uuid), "file": upload})

    pending = ReadingRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == pending.get_absolute_url()
    assert not StatementReading.objects.exists()
    assert len(_stored_files(settings)) == 1
    waiting = client.get(pending.get_absolute_url()).content.decode()
    assert "Reading the statement" in waiting and "Check again" in waiting and "widgets.pdf" in waiting
    assert 'data-testid="readings-waiting"' in client.get("/statement-reader/").content.decode()

    _run_worker()

    reading = StatementReading.objects.get()
    assert reading.supplier == supplier_a and reading.file_name == "widgets.pdf" and reading.score == 6
    ready = client.get(pending.get_absolute_url())
    assert ready.status_code == 302 and ready["Location"] == reading.get_absolute_url()
    assert "Statement read: 6 of 8" in client.get(reading.get_absolute_url()).content.decode()
    assert 'data-testid="readings-waiting"' not in client.get("/statement-reader/").content.decode()
    assert TaskRun.objects.get().status == TaskStatus.SUCCEEDED
    # Only the reading is kept: the uploaded file goes once it has been read.
    pending.refresh_from_db()
    assert pending.file == "" and _stored_files(settings) == []


@pytest.mark.django_db(transaction=True)
def test_a_file_that_cannot_be_read_fails_with_its_reason(client_for, buyer_a, fake_labeller, settings):
    client = client_for(buyer_a)
    upload = SimpleUploadedFile("broken.pdf", b"%PDF-1.4 nonsense", content_type="application/pdf")
    client.post(NEW, {"whose": "council", "file": upload})
    pending = ReadingRequest.objects.get()

    _run_worker()

    page = client.get(pending.get_absolute_url())
    assert page.status_code == 200
    text = page.content.decode()
    assert "The statement could not be read" in text and "The PDF could not be read" in text
    assert "Check again" not in text
    assert not StatementReading.objects.exists()
    assert TaskRun.objects.get().status == TaskStatus.FAILED
    assert _stored_files(settings) == []


@pytest.mark.django_db(transaction=True)
def test_a_web_address_is_fetched_by_the_worker(client_for, buyer_a, supplier_a, fake_labeller, tmp_path, settings):
    settings.STATEMENT_FETCH_ALLOW_PRIVATE = True
    (tmp_path / "statement.pdf").write_bytes(statement_pdf())
    client = client_for(buyer_a)
    with local_server(tmp_path) as base:
        client.post(NEW, {"whose": str(supplier_a.uuid), "url": f"{base}/statement.pdf"})
        client.post(NEW, {"whose": "council", "url": f"{base}/gone.pdf"})
        _run_worker()
    found, missing = ReadingRequest.objects.order_by("created_at", "pk")
    assert found.reading is not None and found.reading.source_url.endswith("/statement.pdf")
    assert found.reading.score == 6
    assert "The server answered 404" in client.get(missing.get_absolute_url()).content.decode()


def test_a_file_of_the_wrong_kind_is_refused_on_the_form_and_nothing_is_kept(
    client_for, buyer_a, fake_labeller, settings
):
    response = client_for(buyer_a).post(NEW, {"whose": "council", "file": SimpleUploadedFile("a.xlsx", b"PK\x03\x04")})
    assert "must be a .pdf, .docx, .html or .txt file" in response.content.decode()
    assert not ReadingRequest.objects.exists() and not TaskRun.objects.exists()
    assert _stored_files(settings) == []


def test_a_reading_whose_worker_died_says_so(client_for, buyer_a, fake_labeller):
    client = client_for(buyer_a)
    client.post(NEW, {"whose": "council", "file": SimpleUploadedFile("ours.txt", statement_text().encode())})
    pending = ReadingRequest.objects.get()
    TaskRun.objects.update(status=TaskStatus.RUNNING, lease_expires_at=timezone.now() - timedelta(minutes=1))

    assert task_runs_fail_lost() == 1

    page = client.get(pending.get_absolute_url()).content.decode()
    assert "The statement could not be read" in page and WORKER_STOPPED in page


def test_an_upload_no_request_names_is_swept(settings, buyer_a, client_for, fake_labeller):
    client_for(buyer_a).post(NEW, {"whose": "council", "file": SimpleUploadedFile("ours.txt", b"We audit.")})
    assert len(_stored_files(settings)) == 1
    assert stored_files_sweep(older_than=timedelta(0)).removed == []  # still waiting to be read
    ReadingRequest.objects.update(file="")
    assert len(stored_files_sweep(older_than=timedelta(0)).removed) == 1
    assert _stored_files(settings) == []


@pytest.fixture
def waiting_a(client_for, buyer_a, fake_labeller) -> ReadingRequest:
    client_for(buyer_a).post(NEW, {"whose": "council", "file": SimpleUploadedFile("ours.txt", b"We audit.")})
    return ReadingRequest.objects.get()


def test_the_waiting_page_opens_for_the_statements_roles(client_for, make_user, council_a, buyer_a, lead_a, waiting_a):
    for user in (buyer_a, lead_a, make_user(Role.CONTRACT_MANAGER, council_a)):
        assert client_for(user).get(waiting_a.get_absolute_url()).status_code == 200, user.role


def test_the_waiting_page_is_refused_to_other_roles(client_for, frontline_a, councillor_a, auditor_a, waiting_a):
    for user in (frontline_a, councillor_a, auditor_a):
        assert client_for(user).get(waiting_a.get_absolute_url()).status_code == 403, user.role


def test_another_councils_waiting_page_does_not_exist(client_for, lead_b, waiting_a):
    assert client_for(lead_b).get(waiting_a.get_absolute_url()).status_code == 404
