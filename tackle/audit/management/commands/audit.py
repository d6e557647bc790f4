import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from tackle.audit.verify import audit_chain_verify


class Command(BaseCommand):
    help = "Audit log tools. `tackle audit verify` checks the hash chain; exit 1 names the first bad entry."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["verify"])

    def handle(self, *args: Any, **options: Any) -> None:
        result = audit_chain_verify()
        if result.ok:
            self.stdout.write(f"OK: {result.checked} audit entries verified, the chain is intact.")
            return
        self.stderr.write(
            f"TAMPERED: first bad entry is {result.first_bad_sequence}: {result.problem} "
            f"({result.checked} entries before it verified)."
        )
        sys.exit(1)
