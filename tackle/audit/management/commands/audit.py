import sys
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from tackle.audit.checkpoints import audit_checkpoint_write, checkpoint_file
from tackle.audit.verify import audit_chain_verify, audit_verification_record


class Command(BaseCommand):
    help = (
        "Audit log tools. `tackle audit verify` checks the keyed chain and compares it with the newest "
        "signed checkpoint; exit 1 names what is wrong. `tackle audit checkpoint` appends a signed "
        "checkpoint to TACKLE_AUDIT_CHECKPOINT_FILE (run it on a schedule and ship the file elsewhere)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["verify", "checkpoint"])
        parser.add_argument(
            "--checkpoints",
            type=Path,
            help="verify against this copy of the checkpoint file (from where it was shipped) instead",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.TACKLE_AUDIT_KEY_IS_DEVELOPMENT:
            self.stderr.write("Note: the audit log is keyed with the fixed development key (DEBUG or TACKLE_DEMO).")
        if options["action"] == "checkpoint":
            checkpoint = audit_checkpoint_write()
            self.stdout.write(
                f"Checkpoint written to {checkpoint_file()}: {checkpoint.count} entries, "
                f"newest {checkpoint.sequence}, at {checkpoint.written_at}."
            )
            return
        named = options["checkpoints"]
        if named is not None and not named.is_file():  # a copy the person named must be there to compare
            raise CommandError(f"{named}: no such checkpoint file", returncode=2)
        source = named or checkpoint_file()
        result = audit_chain_verify(checkpoints_from=source)
        audit_verification_record(result=result)  # shown on the check's page and the certificate
        if result.ok:
            self.stdout.write(f"OK: {result.checked} audit entries verified, the chain is intact.")
            if result.checkpoint is None:
                self.stderr.write(
                    f"Warning: no checkpoint in {source}; a log cut short or emptied cannot be detected "
                    "until `tackle audit checkpoint` has run."
                )
            else:
                self.stdout.write(
                    f"It extends the checkpoint of {result.checkpoint.written_at} "
                    f"({result.checkpoint.count} entries, newest {result.checkpoint.sequence})."
                )
            return
        where = f"first bad entry is {result.first_bad_sequence}: " if result.first_bad_sequence else ""
        self.stderr.write(f"TAMPERED: {where}{result.problem} ({result.checked} entries before it verified).")
        sys.exit(1)
