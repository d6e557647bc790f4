"""Starting a spend import: its files are stored with their rows, or not at all."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError

from tackle.core.roles import Role
from tackle.core.tests.database_failures import MESSAGE, inserts_refused
from tackle.spend.models import SpendFile, SpendImport
from tackle.spend.services import spend_import_start

SPEND = b"Supplier Name,Net Amount,Payment Date\nBright Care Homes Ltd,1000.00,05/06/2024\n"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def procurement_a(make_user, council_a):
    return make_user(Role.PROCUREMENT_OFFICER, council_a, username="procurement-a")


def _files():
    return [SimpleUploadedFile("june.csv", SPEND), SimpleUploadedFile("july.csv", SPEND)]


def test_the_files_are_stored_with_their_rows(procurement_a, media):
    spend_import, _run = spend_import_start(actor=procurement_a, files=_files())
    stored = [spend_file.file.name for spend_file in spend_import.files.all()]
    assert len(stored) == 2
    assert all((media / name).read_bytes() == SPEND for name in stored)


@pytest.mark.parametrize("table", ["spend_spendfile", "core_taskrun"])
def test_an_import_whose_rows_cannot_be_saved_leaves_no_file(procurement_a, media, table):
    # Issue 15, defect 9: files stored before a failed row (or a failure after every row was
    # saved, when the task run is queued) stayed on disk with nothing naming them.
    with inserts_refused(table), pytest.raises(DatabaseError, match=MESSAGE):
        spend_import_start(actor=procurement_a, files=_files())
    assert not SpendImport.objects.exists() and not SpendFile.objects.exists()
    assert not [path for path in media.rglob("*") if path.is_file()]
