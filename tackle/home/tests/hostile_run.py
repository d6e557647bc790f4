"""Every reader against the hostile-file corpus, in a process of its own (run by
test_hostile_files.py): `python -m tackle.home.tests.hostile_run FOLDER`, with the database named
by DATABASE_URL (the suite's kind: SQLite or PostgreSQL).

Prints one JSON line per reader and file: the outcome ("read" with a row count, "refused" with the
message a person would see, "crashed" with the exception, "hung" past the per-file bound, "died"),
the peak memory of the child that read it and its seconds (for a person; never asserted). Each
child's address space is capped, so a reader that would take the machine's memory fails here with
MemoryError instead; a file that takes longer than the bound is
stopped by an alarm. Both bounds are far above what a bounded reader needs: they catch a hang or
a blow-up, not a slow run."""

import json
import os
import resource
import signal
import sys
import tempfile
import time
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


def main(folder: Path) -> None:
    """Django is set up once; each (reader, file) runs in a child forked from here, with its own
    address-space cap, alarm and peak memory, so one file's blow-up cannot touch the next."""
    django.setup()
    from django.db import connections

    from tackle.core.tests.hostile_files import shaped_files

    with tempfile.TemporaryDirectory() as work:
        readers = _readers(Path(work))
        heavy = [(path.name[3:], path) for path in sorted(folder.iterdir())]
        for reader, (header, row, read) in readers.items():
            files = [(name, path.read_bytes) for name, path in heavy]
            files += [(name, lambda data=data: data) for name, data in shaped_files(header, row).items()]
            for name, load in files:
                connections.close_all()  # the child opens its own connection, never the parent's
                child = os.fork()
                if child == 0:
                    try:
                        _one(reader, name, read, load)
                    finally:
                        os._exit(0)
                _, status = os.waitpid(child, 0)
                if status:
                    print(json.dumps({"reader": reader, "file": name, "outcome": "died", "status": status}))
                    sys.stdout.flush()


def _one(reader: str, name: str, read: Callable[[bytes], int], load: Callable[[], bytes]) -> None:
    from tackle.core.errors import ApplicationError
    from tackle.spend.screening.readers import SpendFileError
    from tackle.suppliers.rules.tenders import BidFileError

    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE_BYTES, ADDRESS_SPACE_BYTES))
    signal.signal(signal.SIGALRM, _alarm)
    outcome: dict[str, object]
    started = time.monotonic()
    signal.alarm(SECONDS_PER_FILE)
    try:
        outcome = {"outcome": "read", "rows": read(load())}
    except (ApplicationError, BidFileError, SpendFileError) as error:
        outcome = {"outcome": "refused", "message": str(getattr(error, "message", "") or error)}
    except Hung:
        outcome = {"outcome": "hung"}
    except BaseException as error:
        outcome = {"outcome": "crashed", "message": f"{error.__class__.__name__}: {error}"[:500]}
    finally:
        signal.alarm(0)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    seconds = round(time.monotonic() - started, 2)  # printed for a person reading the log; never asserted
    line = {"reader": reader, "file": name, "peak_mb": peak_mb, "seconds": seconds, **outcome}
    print(json.dumps(line), flush=True)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tackle.settings_test")
    main(Path(sys.argv[1]))
