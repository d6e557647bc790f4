import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tackle.audit.verify import audit_chain_verify
from tackle.home.backup.archive import BackupError, backup_create, backup_restore


class Command(BaseCommand):
    help = (
        "Backups a council can restore. `tackle backup create FILE` writes every record and every "
        "uploaded file a record names into FILE, encrypted and sealed with TACKLE_BACKUP_KEY. `tackle backup "
        "restore FILE` checks the seal, then restores FILE into this installation, which must be empty and "
        "migrated, and verifies the audit log; exit 1 when the seal, the restore or the log fails."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["create", "restore"])
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            if options["action"] == "create":
                manifest = backup_create(path)
                self.stdout.write(
                    f"Backup written to {path}: {manifest['records']} records, {manifest['files']} files."
                )
                return
            restored = backup_restore(path)
        except BackupError as error:
            raise CommandError(str(error)) from None
        except OSError as error:  # a path the person typed: missing, a folder, not writable
            raise CommandError(f"{error.filename or path}: {error.strerror or error}", returncode=2) from None
        self.stdout.write(f"Restored {restored.records} records and {restored.files} files from {path}.")
        result = audit_chain_verify()
        if not result.ok:
            self.stderr.write(f"The restored audit log does not verify: {result.problem}")
            sys.exit(1)
        self.stdout.write(f"The audit log verifies: {result.checked} entries, the chain is intact.")
