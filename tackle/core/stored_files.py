"""Uploaded files kept only while a row holds them (issue 15, defect 9).

A service stores a file, then saves the row that names it. If the row's transaction fails, the
file must go with it (`removed_unless_saved`): an orphan holds personal data that no page shows and
no retention rule reaches. A process killed between the two steps cannot clean up after itself, so
`tackle files sweep` removes, from each registered upload folder, files that no row names and that
are older than an hour, and the web server's temporary copies of uploads cut short by a crash.
"""

import shutil
import tempfile
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.files.storage import Storage
from django.db.models.fields.files import FieldFile
from django.utils import timezone

from tackle.core.slots import Slot

# Long past any upload still being saved: a file younger than this may belong to a row not yet
# committed, so it is never swept.
SWEEP_AFTER = timedelta(hours=1)
COPY_CHUNK_BYTES = 1024 * 1024


@dataclass(frozen=True)
class UploadFolder:
    """A folder of one storage whose files belong to rows: `referenced` lists the stored names."""

    folder: str
    storage: Storage
    referenced: Callable[[], Collection[str]]


# Filled by each app that stores uploads (cases' documents, spend files) from its AppConfig.ready().
upload_folders = Slot("a folder of uploaded files and the names its rows hold")


@contextmanager
def removed_unless_saved() -> Iterator[list[FieldFile]]:
    """Collect the files stored inside the block; if the block fails, delete them again."""
    stored: list[FieldFile] = []
    try:
        yield stored
    except BaseException:
        for file in stored:
            if file.name:
                file.storage.delete(file.name)
        raise


@contextmanager
def local_copies(files: Sequence[FieldFile]) -> Iterator[list[Path]]:
    """A path on this machine for each stored file, for readers that need one (spend screening).
    A file-system storage's own path serves as it is; a file in object storage, which the task
    worker's host does not have, is copied into a temporary folder that goes on every path out."""
    with tempfile.TemporaryDirectory(prefix="tackle-stored-") as work:
        paths: list[Path] = []
        for position, file in enumerate(files):
            try:
                paths.append(Path(file.path))
                continue
            except NotImplementedError:  # no local path: object storage
                pass
            copy = Path(work) / f"{position}{PurePosixPath(file.name or '').suffix}"
            with file.storage.open(file.name or "", "rb") as source, copy.open("wb") as target:
                shutil.copyfileobj(source, target, COPY_CHUNK_BYTES)
            paths.append(copy)
        yield paths


@dataclass(frozen=True)
class SweepResult:
    removed: list[str]
    kept: int


def stored_files_sweep(*, older_than: timedelta = SWEEP_AFTER, now: datetime | None = None) -> SweepResult:
    """Delete files under every upload folder that no row names and that are older than
    `older_than`, and temporary upload copies that old. Returns what went, as storage names."""
    cutoff = (now or timezone.now()) - older_than
    removed: list[str] = []
    kept = 0
    for upload_folder in upload_folders.all():
        storage = upload_folder.storage
        # Names listed first, rows read after: a file stored meanwhile is young, so it is kept.
        names = list(_walk(storage, upload_folder.folder))
        referenced = set(upload_folder.referenced())
        for name in names:
            if name not in referenced and storage.get_modified_time(name) < cutoff:
                storage.delete(name)
                removed.append(name)
            else:
                kept += 1
    removed.extend(_sweep_temporary_uploads(cutoff))
    return SweepResult(removed=removed, kept=kept)


def _walk(storage: Storage, folder: str) -> Iterator[str]:
    # A bucket has no folders to ask after (a prefix with no objects simply lists nothing); the
    # file system's missing folder raises.
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for file in files:
        yield f"{folder}/{file}"
    for child in folders:
        yield from _walk(storage, f"{folder}/{child}")


def _sweep_temporary_uploads(cutoff: datetime) -> list[str]:
    """Django writes a large upload to FILE_UPLOAD_TEMP_DIR while the request is read and deletes
    it when the request ends; a killed process leaves it there. The folder is Tackle's own."""
    folder = settings.FILE_UPLOAD_TEMP_DIR
    if not folder or not Path(folder).is_dir():
        return []
    removed = []
    for path in Path(folder).iterdir():
        modified = datetime.fromtimestamp(path.stat().st_mtime, tz=cutoff.tzinfo)
        if path.is_file() and ".upload" in path.name and modified < cutoff:
            path.unlink(missing_ok=True)
            removed.append(str(path))
    return removed
