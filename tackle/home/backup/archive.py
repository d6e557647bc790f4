"""What a backup holds and how it goes back: every table's records (Django fixtures with natural
keys for content types and permissions, times to the microsecond, primary keys kept so that the
audit chain's hashes still match) and every uploaded file a record names, in one tar stream inside
a sealed file (sealed.py). Restoring needs an empty, migrated installation."""

import io
import json
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from tackle.accounts.models import Organisation, User
from tackle.audit.models import AuditAction, AuditEvent
from tackle.audit.services import audit_record
from tackle.core.stored_files import UploadFolder, upload_folders
from tackle.home.backup.sealed import MIN_KEY_CHARS, SealedReader, SealedWriter, SealError, verify

FORMAT = "backup-json"
VERSION = 1
MANIFEST, RECORDS, FILES = "manifest.json", "records.backup-json", "files/"
# Made again by `tackle migrate` (content types, permissions), or not worth keeping (sessions, the
# queue of background tasks, workers' heartbeats).
LEFT_OUT = ["contenttypes", "auth.permission", "sessions", "django_tasks_database", "core.workerheartbeat"]


class BackupError(Exception):
    """A backup cannot be made or restored; the message says why, for a person to act on."""


@dataclass(frozen=True)
class Restored:
    records: int
    files: int


def _secret() -> str:
    return settings.TACKLE_BACKUP_KEY


def _register_format() -> None:
    serializers.register_serializer(FORMAT, "tackle.home.backup.records_format")


def _applied_migrations() -> list[str]:
    return sorted(f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations())


def _add(archive: tarfile.TarFile, name: str, data: bytes | Path) -> None:
    member = tarfile.TarInfo(name)
    member.mtime = int(timezone.now().timestamp())
    if isinstance(data, Path):
        member.size = data.stat().st_size
        with data.open("rb") as source:
            archive.addfile(member, source)
    else:
        member.size = len(data)
        archive.addfile(member, io.BytesIO(data))


def backup_create(path: Path) -> dict[str, Any]:
    """Write the sealed backup to `path`. Returns its manifest. A backup that fails part-way is
    removed, never left half written."""
    if len(_secret()) < MIN_KEY_CHARS:
        raise BackupError(f"TACKLE_BACKUP_KEY must be set, at least {MIN_KEY_CHARS} characters.")
    _register_format()
    try:
        return _write(path)
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def _write(path: Path) -> dict[str, Any]:
    audit_record(action=AuditAction.EXPORT, object_type="backup", note=f"Backup written to {path.name}")
    folders = upload_folders.all()
    named = [(folder, name) for folder in folders for name in sorted(folder.referenced()) if name]
    with tempfile.TemporaryDirectory(prefix="tackle-backup-") as work:
        records = Path(work) / RECORDS
        call_command("dumpdata", "--natural-foreign", exclude=LEFT_OUT, format=FORMAT, output=str(records), verbosity=0)
        manifest = {
            "version": VERSION,
            "created_at": timezone.now().isoformat(),
            "database": connection.vendor,
            "migrations": _applied_migrations(),
            "records": _count_records(records),
            "files": len(named),
        }
        with path.open("wb") as out:
            sealed = SealedWriter(out, _secret())
            with tarfile.open(fileobj=sealed, mode="w|") as archive:  # type: ignore[call-overload]
                _add(archive, MANIFEST, json.dumps(manifest).encode())
                _add(archive, RECORDS, records)
                for folder, name in named:
                    with folder.storage.open(name, "rb") as stored:
                        _add(archive, FILES + name, stored.read())
            sealed.close()
    return manifest


def _count_records(records: Path) -> int:
    # Each record is one object starting {"model": (a quote inside a value is escaped, so never
    # matches); counted in chunks rather than by loading a dump that may be large.
    marker, count, tail = b'{"model": ', 0, b""
    with records.open("rb") as file:
        while chunk := file.read(1024 * 1024):
            window = tail + chunk
            count += window.count(marker)
            tail = window[-(len(marker) - 1) :]
    return count


def _folder_for(name: str, folders: list[UploadFolder]) -> UploadFolder:
    for folder in folders:
        if name.startswith(folder.folder + "/"):
            return folder
    raise BackupError(f"The backup holds a file in no upload folder this installation knows: {name}")


def backup_restore(path: Path) -> Restored:
    """Restore `path` into this installation, which must be empty and migrated. Nothing is kept
    if any step fails: the records load in one transaction, and the files stored before it are
    deleted again."""
    _register_format()
    try:
        verify(path, _secret())
    except SealError as error:
        raise BackupError(str(error)) from None
    if User.objects.exists() or Organisation.objects.exists() or AuditEvent.objects.exists():
        raise BackupError("This installation already holds records: restore only into an empty, migrated database.")
    stored: list[tuple[UploadFolder, str]] = []
    try:
        with tempfile.TemporaryDirectory(prefix="tackle-restore-") as work:
            records = Path(work) / RECORDS
            manifest = _unpack(path, records, stored)
            with transaction.atomic():
                call_command("loaddata", str(records), format=FORMAT, verbosity=0)
                audit_record(action=AuditAction.CREATE, object_type="backup", note=f"Restored from {path.name}")
    except BaseException:
        for folder, name in stored:
            folder.storage.delete(name)
        raise
    return Restored(records=manifest["records"], files=len(stored))


def _unpack(path: Path, records: Path, stored: list[tuple[UploadFolder, str]]) -> dict[str, Any]:
    """Check the manifest, write the records to `records` and each file to its storage (noted in
    `stored`, so that a later failure can remove it)."""
    folders = upload_folders.all()
    manifest: dict[str, Any] = {}
    with tarfile.open(fileobj=SealedReader(path, _secret()), mode="r|") as archive:  # type: ignore[call-overload]
        for member in archive:
            content = archive.extractfile(member)
            data = content.read() if content else b""
            if member.name == MANIFEST:
                manifest = json.loads(data)
                _check_manifest(manifest)
            elif not manifest:
                raise BackupError(f"{path} has no manifest first: it was not made by `tackle backup create`.")
            elif member.name == RECORDS:
                records.write_bytes(data)
            elif member.name.startswith(FILES):
                name = member.name.removeprefix(FILES)
                folder = _folder_for(name, folders)
                saved = folder.storage.save(name, ContentFile(data))
                stored.append((folder, saved))
                if saved != name:
                    raise BackupError(f"A file is already stored as {name}: restore into an empty installation.")
    if not records.exists():
        raise BackupError(f"{path} holds no records.")
    return manifest


def _check_manifest(manifest: dict[str, Any]) -> None:
    if manifest.get("version") != VERSION:
        raise BackupError(f"This backup's format (version {manifest.get('version')}) is not one this Tackle reads.")
    missing = set(manifest.get("migrations", [])) - set(_applied_migrations())
    if missing:
        raise BackupError(
            f"The backup was made by a newer Tackle: {len(missing)} of its migrations (such as {min(missing)}) "
            "are not applied here. Install that version and run `tackle migrate` first."
        )
