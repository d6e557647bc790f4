"""One reader against the hostile-file corpus, in a process of its own (run by
test_hostile_files.py): `python -m tackle.home.tests.hostile_run READER FOLDER`.

Prints one JSON line per file: its name, the outcome ("read" with a row count, "refused" with the
message a person would see, "crashed" with the exception, "hung" past the per-file bound) and the
process's peak memory so far. The address space is capped, so a reader that would take the
machine's memory fails here with MemoryError instead; a file that takes longer than the bound is
stopped by an alarm. Both bounds are far above what a bounded reader needs: they catch a hang or
a blow-up, not a slow run."""

import json
import os
import resource
import signal
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import django

ADDRESS_SPACE_BYTES = 6 * 1024**3  # the process's cap; test_hostile_files bounds the peak far lower
SECONDS_PER_FILE = 240


class Hung(BaseException):  # not an Exception: no reader's `except Exception` may swallow it
    pass


def _alarm(*_: object) -> None:
    raise Hung


def _readers(work: Path) -> dict[str, tuple[list[str], list[str], Callable[[bytes], int]]]:
    """Every reader of a user's file, each with its header, one good row and how it is called."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tackle.accounts.models import Organisation, User
    from tackle.cases.services.support import case_document_upload
    from tackle.cases.tests.factories import make_case
    from tackle.core.roles import OrganisationKind, Role
    from tackle.home.tests.importers import IMPORTERS, _registry, _targeting, _tenders
    from tackle.spend.screening.screener import Screener
    from tackle.statement_reader.documents import sniff_kind
    from tackle.statement_reader.reading import read_document
    from tackle.statement_reader.tests.factories import keyword_labeller
    from tackle.training.services import completions_import
    from tackle.training.tests.factories import make_course

    council = Organisation.objects.create(name="Hostile Borough", code="HB", kind=OrganisationKind.COUNCIL)
    lead = User.objects.create_user(username="lead", password="x", organisation=council, role=Role.MODERN_SLAVERY_LEAD)
    User.objects.create_user(username="alice", password="x", organisation=council, role=Role.FRONTLINE_OFFICER)
    make_course(council, "MS-101")
    case = make_case(council, lead)

    def spend(data: bytes) -> int:
        path = work / "spend.csv"
        path.write_bytes(data)
        result = Screener().screen([path])
        return result.files[0].rows_accepted + result.rows_rejected

    def training(data: bytes) -> int:
        done = completions_import(
            organisation=council, actor=None, data=data, today=date(2026, 6, 1), accept_guesses=True
        )
        return done.saved + len(done.rejects)

    def statement(data: bytes) -> int:
        # Named as a person would name it: a PDF, Word file or web page as such, anything else as text.
        name = f"statement.{sniff_kind(data) or 'txt'}"
        return len(read_document(data, name=name, content_type="", labeller=keyword_labeller).sentences)

    def case_document(data: bytes) -> int:
        upload = SimpleUploadedFile("document.pdf", data, content_type="application/pdf")
        case_document_upload(case=case, actor=lead, title="Hostile", upload=upload)
        return 1

    shapes = {"statement": (["Statement"], ["We train our buyers."]), "case document": (["Title"], ["Letter"])}
    calls = {
        "spend": spend,
        "tenders": _tenders,
        "targeting": _targeting,
        "training": training,
        "registry": _registry,
        "statement": statement,
        "case document": case_document,
    }
    shapes |= {name: shape for name, shape in IMPORTERS.items()}
    return {name: (*shapes[name], call) for name, call in calls.items()}


def main(reader: str, folder: Path) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE_BYTES, ADDRESS_SPACE_BYTES))
    signal.signal(signal.SIGALRM, _alarm)
    django.setup()
    from tackle.core.errors import ApplicationError
    from tackle.core.tests.hostile_files import shaped_files
    from tackle.spend.screening.readers import SpendFileError
    from tackle.suppliers.rules.tenders import BidFileError

    clear = (ApplicationError, BidFileError, SpendFileError)
    with tempfile.TemporaryDirectory() as work:
        header, row, read = _readers(Path(work))[reader]
        files = [(path.name[3:], path.read_bytes) for path in sorted(folder.iterdir())]
        files += [(name, lambda data=data: data) for name, data in shaped_files(header, row).items()]
        for name, load in files:
            outcome: dict[str, object]
            signal.alarm(SECONDS_PER_FILE)
            try:
                outcome = {"outcome": "read", "rows": read(load())}
            except clear as error:
                outcome = {"outcome": "refused", "message": str(getattr(error, "message", "") or error)}
            except Hung:
                outcome = {"outcome": "hung"}
            except BaseException as error:
                outcome = {"outcome": "crashed", "message": f"{error.__class__.__name__}: {error}"[:500]}
            finally:
                signal.alarm(0)
            peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
            print(json.dumps({"file": name, "peak_mb": peak_mb, **outcome}), flush=True)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tackle.settings_test")
    main(sys.argv[1], Path(sys.argv[2]))
