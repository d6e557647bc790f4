"""`tackle backup create` and `restore` (issue 15, build item 6): a backup restored into an empty
installation holds every record and every uploaded file, and its audit log verifies; a backup
changed by one byte, or opened with another key, restores nothing."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.test import APIClient

from tackle.accounts.models import ApiToken, Organisation, User
from tackle.accounts.services import api_token_create
from tackle.accounts.tests.signing_in import two_factor_set_up
from tackle.audit.models import AuditEvent
from tackle.audit.verify import audit_chain_verify
from tackle.cases.models import Case, CaseDocument
from tackle.cases.services.support import case_document_upload
from tackle.cases.tests.factories import make_case

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
KEY = "a-backup-key-of-at-least-thirty-two-characters"


@pytest.fixture
def installation(settings, tmp_path):
    settings.TACKLE_BACKUP_KEY = KEY
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TACKLE_AUDIT_CHECKPOINT_FILE = tmp_path / "checkpoints.log"
    return tmp_path


def _records(lead) -> str:
    """A council's records: a case, a document on it, a token, two-factor; returns the raw token."""
    two_factor_set_up(lead)
    case = make_case(lead.organisation, lead, what_was_seen="Workers sleeping in the loft")
    upload = SimpleUploadedFile("passport.pdf", PDF)
    case_document_upload(case=case, actor=lead, title="Passport copy", upload=upload)
    return api_token_create(user=lead, name="Figures script")[1]


def _backup(path: Path) -> str:
    out = StringIO()
    call_command("backup", "create", str(path), stdout=out)
    return out.getvalue()


def _restore(path: Path) -> str:
    out = StringIO()
    call_command("backup", "restore", str(path), stdout=out)
    return out.getvalue()


def _counts() -> dict[str, int]:
    models = (Organisation, User, TOTPDevice, ApiToken, Case, CaseDocument, AuditEvent)
    return {model.__name__: model.objects.count() for model in models}


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_into_an_empty_installation_with_every_record_file_and_a_verifying_log(
    installation, lead_a, settings
):
    raw_token = _records(lead_a)
    backup = installation / "tackle.backup"
    assert "Backup written" in _backup(backup)
    before = _counts()  # the backup's own audit entry included
    assert b"Workers sleeping" not in backup.read_bytes() and PDF not in backup.read_bytes()  # encrypted

    call_command("flush", interactive=False, verbosity=0)
    settings.MEDIA_ROOT = installation / "another-server"
    assert User.objects.count() == 0

    output = _restore(backup)

    assert "The audit log verifies" in output
    assert _counts() == before | {"AuditEvent": before["AuditEvent"] + 1}  # and the restore's own entry
    assert audit_chain_verify().ok
    with CaseDocument.objects.get().file.open("rb") as restored:
        assert restored.read() == PDF
    assert Case.objects.get().what_was_seen == "Workers sleeping in the loft"
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {raw_token}")
    assert api.get("/api/v1/me").json()["username"] == lead_a.username
    # Work goes on: new records take keys after the restored ones (PostgreSQL's sequences reset).
    make_case(Organisation.objects.get(), User.objects.get(username=lead_a.username))
    assert Case.objects.count() == 2


def _damaged(path: Path, at: int) -> None:
    data = bytearray(path.read_bytes())
    data[at] ^= 0x01
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("where", ["middle", "tag"])
def test_a_backup_changed_by_one_byte_restores_nothing(installation, lead_a, where):
    _records(lead_a)
    backup = installation / "tackle.backup"
    _backup(backup)
    _damaged(backup, backup.stat().st_size // 2 if where == "middle" else -1)
    with pytest.raises(CommandError, match="was changed after it was made"):
        _restore(backup)


def test_a_backup_opened_with_another_key_is_refused(installation, lead_a, settings):
    _records(lead_a)
    backup = installation / "tackle.backup"
    _backup(backup)
    settings.TACKLE_BACKUP_KEY = "another-key-also-thirty-two-characters-long"
    with pytest.raises(CommandError, match="another TACKLE_BACKUP_KEY"):
        _restore(backup)


def test_restoring_over_records_is_refused(installation, lead_a):
    _records(lead_a)
    backup = installation / "tackle.backup"
    _backup(backup)
    with pytest.raises(CommandError, match="already holds records"):
        _restore(backup)


@pytest.mark.parametrize("key", ["", "too-short"])
def test_without_a_long_enough_key_no_backup_is_written(installation, settings, db, key):
    settings.TACKLE_BACKUP_KEY = key
    with pytest.raises(CommandError, match="TACKLE_BACKUP_KEY must be set"):
        _backup(installation / "tackle.backup")


def test_a_file_that_is_not_a_backup_is_named_as_such(installation, db):
    other = installation / "notes.txt"
    other.write_text("not a backup at all, but long enough to have a header and a tag" * 2)
    with pytest.raises(CommandError, match="is not a Tackle backup"):
        _restore(other)


def test_a_backup_that_is_not_there_is_named_in_one_line_with_exit_2(installation, db):
    with pytest.raises(CommandError, match=r"nothere\.backup: No such file or directory") as refused:
        _restore(installation / "nothere.backup")
    assert refused.value.returncode == 2


def test_a_backup_into_a_folder_that_is_not_there_is_named_in_one_line_with_exit_2(installation, db):
    with pytest.raises(CommandError, match=r"No such file or directory") as refused:
        _backup(installation / "no-such-folder" / "tackle.backup")
    assert refused.value.returncode == 2
