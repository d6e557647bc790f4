import os
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.text import slugify

from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.cases.models import Case
from tackle.cases.subject_access import subject_access_archive
from tackle.cases.subject_access_staff import staff_access_archive

# A mistake in what was asked for is the person's to fix: one line and exit status 2, as for a
# missing setting (tackle/cli.py), never a traceback.
USAGE_ERROR = 2


class Command(BaseCommand):
    help = (
        "`tackle sar export --case REFERENCE --organisation CODE [--output FILE]`: answer a subject access "
        "request: everything held about the person in the case in one zip (index.txt, JSON and CSV, the "
        "documents), other people's details marked for redaction. Or `--user USERNAME` for a member of "
        "staff's request: their training attendance, completions and what they did (the audit log). Audited."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["export"])
        whose = parser.add_mutually_exclusive_group(required=True)
        whose.add_argument("--case", help="the case's reference, e.g. C-1A2B3C4D")
        whose.add_argument("--user", help="a member of staff's username: their training and what they did")
        parser.add_argument("--organisation", required=True, help="the code of the organisation they are of")
        parser.add_argument("--output", help="where to write the zip (default: subject-access-REFERENCE.zip)")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["user"] is not None:
            self._staff(options["user"].strip(), options["organisation"].strip(), options["output"])
            return
        reference, code = options["case"].strip(), options["organisation"].strip()
        case = Case.objects.select_related("organisation").filter(reference__iexact=reference).first()
        if case is None:
            raise CommandError(f"No case has the reference {reference}.", returncode=USAGE_ERROR)
        if case.organisation.code != code:
            raise CommandError(f"Case {reference} is not a case of organisation {code}.", returncode=USAGE_ERROR)
        reference = case.reference
        output = Path(options["output"] or f"subject-access-{reference}.zip")
        if output.exists():
            raise CommandError(f"{output} already exists: choose another --output.", returncode=USAGE_ERROR)
        _write(output, subject_access_archive(case))
        audit_record(action=AuditAction.EXPORT, obj=case, note="subject access export (command line)")
        self.stdout.write(f"Wrote {output}: everything held about the person in {reference}. Redact before release.")

    def _staff(self, username: str, code: str, output_name: str | None) -> None:
        user = get_user_model().objects.select_related("organisation").filter(username__iexact=username).first()
        # Another organisation's member of staff reads as unknown: a username is not theirs to confirm.
        if user is None or user.organisation is None or user.organisation.code != code:
            raise CommandError(f"Organisation {code} has no user {username}.", returncode=USAGE_ERROR)
        output = Path(output_name or f"subject-access-{slugify(user.username)}.zip")
        if output.exists():
            raise CommandError(f"{output} already exists: choose another --output.", returncode=USAGE_ERROR)
        _write(output, staff_access_archive(user))
        audit_record(action=AuditAction.EXPORT, obj=user, note="staff subject access export (command line)")
        self.stdout.write(f"Wrote {output}: the training and audit records of {user.username}. Redact before release.")


def _write(output: Path, archive: bytes) -> None:
    try:
        # Only the person running it may read what it holds.
        descriptor = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as error:
        raise CommandError(f"Cannot write {output}: {error.strerror}.", returncode=USAGE_ERROR) from None
    with os.fdopen(descriptor, "wb") as written:
        written.write(archive)
