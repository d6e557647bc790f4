"""Signed checkpoints of the audit log, appended to a file outside the database
(TACKLE_AUDIT_CHECKPOINT_FILE), which a deployment ships to a log service. Whoever rewrites,
cuts or empties the log in the database cannot reach the checkpoints already shipped, so
`tackle audit verify` compares the log with them (verify.py)."""

import hmac
import json
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from tackle.audit.chain import GENESIS_HASH, checkpoint_mac
from tackle.audit.models import AuditEvent, AuditHead
from tackle.audit.services import audit_key


@dataclass(frozen=True)
class Checkpoint:
    sequence: int  # the newest entry's
    head_hash: str
    count: int
    written_at: str
    keyed_from: int
    mac: str = ""

    def signed_part(self) -> dict[str, object]:
        return {name: value for name, value in asdict(self).items() if name != "mac"}


def checkpoint_file() -> Path:
    return Path(settings.TACKLE_AUDIT_CHECKPOINT_FILE)


def audit_checkpoint_write(*, path: Path | None = None) -> Checkpoint:
    """Append a checkpoint of the log as it stands. The head is locked as an append locks it, so the
    count and the head belong to the same moment."""
    with transaction.atomic():
        head = AuditHead.objects.select_for_update().filter(id=1).first()
        unsigned = Checkpoint(
            sequence=head.sequence if head else 0,
            head_hash=head.hash if head else GENESIS_HASH,
            count=AuditEvent.objects.count(),
            written_at=timezone.now().isoformat(timespec="seconds"),
            keyed_from=head.keyed_from if head else 1,
        )
    checkpoint = replace(unsigned, mac=checkpoint_mac(audit_key(), unsigned.signed_part()))
    target = path or checkpoint_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("a", encoding="utf-8") as stream:
        stream.write(json.dumps(asdict(checkpoint), sort_keys=True) + "\n")
    return checkpoint


class CheckpointFileError(Exception):
    """The checkpoint file itself was altered, or was not written with this key."""


def checkpoints_read(path: Path) -> list[Checkpoint]:
    """Every checkpoint in the file, oldest first; none if there is no file yet."""
    if not path.exists():
        return []
    checkpoints = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            checkpoint = Checkpoint(**json.loads(line))
        except (ValueError, TypeError):
            raise CheckpointFileError(f"line {number} of {path} is not a checkpoint") from None
        if not hmac.compare_digest(checkpoint.mac, checkpoint_mac(audit_key(), checkpoint.signed_part())):
            raise CheckpointFileError(f"line {number} of {path} was altered or signed with another key")
        checkpoints.append(checkpoint)
    return checkpoints
