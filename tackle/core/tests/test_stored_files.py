"""`tackle files sweep` (issue 15, defect 9): an uploaded file that no record names, older than an
hour, is what a process killed between storing the file and saving its record leaves; it goes.
A fresh one may belong to a record not yet committed, and a named one is a record's: both stay."""

import os
import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from tackle.cases.services.support import case_document_upload
from tackle.cases.tests.factories import make_case

PDF = b"%PDF-1.4\n%%EOF\n"
TWO_HOURS = 2 * 60 * 60


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path / "uploading")
    (tmp_path / "uploading").mkdir()
    return tmp_path


def _file(path: Path, *, age_seconds: int = 0) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(PDF)
    then = time.time() - age_seconds
    os.utime(path, (then, then))
    return path


def _sweep() -> str:
    from io import StringIO

    out = StringIO()
    call_command("files", "sweep", stdout=out)
    return out.getvalue()


def test_old_orphans_go_and_fresh_or_named_files_stay(media, lead_a):
    case = make_case(lead_a.organisation, lead_a)
    document = case_document_upload(
        case=case, actor=lead_a, title="Passport", upload=SimpleUploadedFile("passport.pdf", PDF)
    )
    named = media / "media" / document.file.name
    os.utime(named, (time.time() - TWO_HOURS, time.time() - TWO_HOURS))
    old_document = _file(media / "media/case-documents/ab/orphan.pdf", age_seconds=TWO_HOURS)
    old_spend = _file(media / "media/spend/cd/orphan.csv", age_seconds=TWO_HOURS)
    fresh = _file(media / "media/case-documents/ab/just-stored.pdf", age_seconds=60)
    outside = _file(media / "media/elsewhere/old.pdf", age_seconds=TWO_HOURS)

    output = _sweep()

    assert not old_document.exists() and not old_spend.exists()
    assert named.exists() and fresh.exists()
    assert outside.exists()  # only the registered upload folders are swept
    assert "2 file(s) with no record and older than 1 hour(s) removed; 2 kept." in output


def test_temporary_copies_of_uploads_cut_short_go_when_old(media, db):
    # Django's copy of a large upload while the request is read: a killed worker leaves it.
    left = _file(media / "uploading/tmpa1b2c3.upload.pdf", age_seconds=TWO_HOURS)
    reading_now = _file(media / "uploading/tmpd4e5f6.upload.pdf", age_seconds=5)

    _sweep()

    assert not left.exists()
    assert reading_now.exists()


def test_nothing_stored_yet_is_nothing_to_sweep(media, db):
    assert "0 file(s) with no record" in _sweep()
