"""Uploads and case documents in S3-compatible object storage (issue 15, item 7), against moto's
real S3 server in its own process: what the settings accept, that objects are private and
encrypted at rest, that readers needing a path get a temporary copy that goes again, and that the
sweep finds orphans in a bucket as it does on disk."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tackle.cases.models.support import private_storage
from tackle.cases.services.support import case_document_upload
from tackle.cases.tests.factories import make_case
from tackle.core.stored_files import local_copies, stored_files_sweep
from tackle.env import file_storage_from_env

PDF = b"%PDF-1.4\n%%EOF\n"
ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"


def test_the_file_system_is_the_default(monkeypatch):
    monkeypatch.delenv("TACKLE_FILE_STORAGE", raising=False)
    assert file_storage_from_env() == {"BACKEND": "django.core.files.storage.FileSystemStorage"}


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"TACKLE_FILE_STORAGE": "ftp"}, "must be filesystem or s3"),
        ({"TACKLE_FILE_STORAGE": "s3"}, "TACKLE_S3_BUCKET"),
        ({"TACKLE_FILE_STORAGE": "s3", "TACKLE_S3_BUCKET": "b", "TACKLE_S3_ENCRYPTION": "none"}, "AES256 or aws:kms"),
    ],
)
def test_object_storage_settings_that_would_not_work_are_refused(monkeypatch, env, message):
    for name in ("TACKLE_S3_BUCKET", "TACKLE_S3_ENCRYPTION"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ImproperlyConfigured, match=message):
        file_storage_from_env()


def test_a_kms_key_is_passed_with_kms_encryption(monkeypatch):
    monkeypatch.setenv("TACKLE_FILE_STORAGE", "s3")
    monkeypatch.setenv("TACKLE_S3_BUCKET", "council-files")
    monkeypatch.setenv("TACKLE_S3_ENCRYPTION", "aws:kms")
    monkeypatch.setenv("TACKLE_S3_KMS_KEY_ID", "alias/tackle")
    options = file_storage_from_env()["OPTIONS"]
    assert options["object_parameters"] == {"ServerSideEncryption": "aws:kms", "SSEKMSKeyId": "alias/tackle"}  # type: ignore[index]
    assert options["default_acl"] == "private"  # type: ignore[index]


def test_a_case_document_is_stored_in_the_bucket_private_and_encrypted(object_storage, lead_a):
    case = make_case(lead_a.organisation, lead_a)
    document = case_document_upload(
        case=case, actor=lead_a, title="Passport", upload=SimpleUploadedFile("passport.pdf", PDF)
    )
    assert object_storage.object_keys() == [document.file.name]
    client = object_storage.client()
    head = client.head_object(Bucket=object_storage.bucket, Key=document.file.name)
    assert head["ServerSideEncryption"] == "AES256"
    grants = client.get_object_acl(Bucket=object_storage.bucket, Key=document.file.name)["Grants"]
    assert not [grant for grant in grants if grant["Grantee"].get("URI") == ALL_USERS]
    with pytest.raises(ValueError, match="no public URL"):
        private_storage.url(document.file.name)
    with document.file.open("rb") as stored:
        assert stored.read() == PDF


def test_a_reader_needing_a_path_gets_a_copy_that_goes_afterwards(object_storage, db):
    name = default_storage.save("spend/1/payments.csv", ContentFile(b"Supplier,Amount\nAcme,600\n"))

    class Stored:  # what a FileField's value offers: a name and its storage
        storage = default_storage

        def __init__(self, name: str) -> None:
            self.name = name

        @property
        def path(self) -> str:
            return self.storage.path(self.name)

    with local_copies([Stored(name)]) as paths:  # type: ignore[list-item]
        copy = paths[0]
        assert copy.suffix == ".csv" and copy.read_bytes() == b"Supplier,Amount\nAcme,600\n"
    assert not copy.exists() and not copy.parent.exists()


def test_the_local_path_is_used_as_it_is_on_the_file_system(settings, tmp_path: Path, db):
    settings.MEDIA_ROOT = tmp_path
    name = default_storage.save("spend/1/payments.csv", ContentFile(b"x"))
    file = type("Stored", (), {"name": name, "storage": default_storage, "path": str(tmp_path / name)})()
    with local_copies([file]) as paths:
        assert paths == [tmp_path / name]
    assert (tmp_path / name).exists()  # the stored file itself is never removed


def test_the_sweep_removes_orphans_from_the_bucket_and_keeps_named_files(object_storage, lead_a):
    case = make_case(lead_a.organisation, lead_a)
    document = case_document_upload(
        case=case, actor=lead_a, title="Passport", upload=SimpleUploadedFile("passport.pdf", PDF)
    )
    orphan = default_storage.save("case-documents/ab/orphan.pdf", ContentFile(PDF))
    assert stored_files_sweep().removed == []  # both are fresh
    result = stored_files_sweep(now=timezone.now() + timedelta(hours=2))
    assert result.removed == [orphan]
    assert object_storage.object_keys() == [document.file.name]
