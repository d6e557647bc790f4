"""Write tackle.local.env once for a developer's machine: demo mode on plain HTTP and generated
secrets, read by every `tackle` command (see tackle/env.py). An existing file keeps every value it
holds; a generated secret it lacks (one added since it was written) is appended, so a command the
README shows, such as `tackle backup create`, works on a machine set up before it needed one."""

import re
import secrets
import sys
from collections.abc import Callable
from pathlib import Path

FILE = Path(__file__).resolve().parent.parent / "tackle.local.env"

HEADING = """# Written by `make run` for this machine only; git-ignored. Delete it to start afresh.
# A deployment sets its environment instead (see .env.example and docs/deployment.md).
TACKLE_DEMO=1
TACKLE_HTTPS=0
DEBUG=0
"""
# Each secret and how to make one: long enough for what reads it (a backup key needs 32 or more).
SECRETS: dict[str, Callable[[], str]] = {
    "SECRET_KEY": lambda: secrets.token_urlsafe(50),
    "TACKLE_AUDIT_KEY": lambda: secrets.token_urlsafe(48),
    "TACKLE_BACKUP_KEY": lambda: secrets.token_urlsafe(48),
}


def main(argv: list[str]) -> int:
    """`python tools/write_local_settings.py [FILE]`: FILE defaults to tackle.local.env in the checkout."""
    path = Path(argv[0]) if argv else FILE
    existing = path.read_text() if path.exists() else ""
    named = set(re.findall(r"^\s*([A-Z_][A-Z0-9_]*)\s*=", existing, flags=re.MULTILINE))
    missing = [name for name in SECRETS if name not in named]
    if not missing:
        return 0
    lines = "".join(f"{name}={SECRETS[name]()}\n" for name in missing)
    if existing:
        path.write_text(existing + ("" if existing.endswith("\n") else "\n") + lines)
        print(f"Added to {path.name}: {', '.join(missing)}, generated for this machine.")
    else:
        path.write_text(HEADING + lines)
        print(f"Wrote {path.name}: demo mode and generated secrets for this machine.")
    path.chmod(0o600)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
