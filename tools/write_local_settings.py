"""Write tackle.local.env once for a developer's machine: demo mode on plain HTTP and generated
secrets, read by every `tackle` command (see tackle/env.py). An existing file is left alone."""

import secrets
import sys
from pathlib import Path

FILE = Path(__file__).resolve().parent.parent / "tackle.local.env"

SETTINGS = """# Written by `make run` for this machine only; git-ignored. Delete it to start afresh.
# A deployment sets its environment instead (see .env.example and docs/deployment.md).
TACKLE_DEMO=1
TACKLE_HTTPS=0
DEBUG=0
SECRET_KEY={secret_key}
TACKLE_AUDIT_KEY={audit_key}
"""


def main(argv: list[str]) -> int:
    """`python tools/write_local_settings.py [FILE]`: FILE defaults to tackle.local.env in the checkout."""
    path = Path(argv[0]) if argv else FILE
    if path.exists():
        return 0
    path.write_text(SETTINGS.format(secret_key=secrets.token_urlsafe(50), audit_key=secrets.token_urlsafe(48)))
    path.chmod(0o600)
    print(f"Wrote {path.name}: demo mode and generated secrets for this machine.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
