"""Every importer's reader behind one call, for the tests that give them all the same files: each
takes a file's bytes and gives how many rows it read, or raises one of CLEAR_ERRORS."""

from collections.abc import Callable
from datetime import date
from pathlib import Path

from tackle.accounts.models import Organisation
from tackle.core.errors import ApplicationError
from tackle.core.roles import Role
from tackle.spend.screening.readers import SpendFileError
from tackle.spend.screening.screener import Screener
from tackle.statement_reader.registry import CLAIM_COLUMNS, registry_import
from tackle.suppliers.rules.tenders import BidFileError, parse_bids
from tackle.targeting.sources import read_source
from tackle.training.services import completions_import
from tackle.training.tests.factories import make_course

# Each importer: its header and one good row, and how to read a file (the rows it read, or raise).
Reader = Callable[[bytes], int]
CLEAR_ERRORS = (ApplicationError, BidFileError, SpendFileError)
_REGISTRY_HEADER = ["StatementYear", "OrganisationName", *CLAIM_COLUMNS.values()]


def _spend(tmp_path: Path) -> Reader:
    def read(data: bytes) -> int:
        path = tmp_path / "spend.csv"
        path.write_bytes(data)
        result = Screener().screen([path])
        return result.files[0].rows_accepted + result.rows_rejected

    return read


def _tenders(data: bytes) -> int:
    return len(parse_bids(data))


def _targeting(data: bytes) -> int:
    read = read_source("list", data)
    return len(read.records) + len(read.rejects)


def _registry(data: bytes) -> int:
    result = registry_import(data=data)
    return result.saved + len(result.rejects)


IMPORTERS: dict[str, tuple[list[str], list[str]]] = {
    "spend": (["Supplier Name", "Amount", "Payment Date"], ["Acme Cleaning Ltd", "1250.00", "01/04/2026"]),
    "tenders": (["Bidder", "Price"], ["Acme Ltd", "1000"]),
    "targeting": (["Business name", "Postcode", "Rating"], ["Acme Cafe", "B70 6AB", "0"]),
    "training": (["username", "course_code", "completed_on"], ["alice", "MS-101", "2025-03-01"]),
    "registry": (_REGISTRY_HEADER, ["2025", "Acme Ltd", *["Yes"] * len(CLAIM_COLUMNS)]),
}


def reader_for(importer: str, tmp_path: Path, make_user: Callable[..., object], council_a: Organisation) -> Reader:
    """The importer's reader; training's with a person and a course its good row names."""
    if importer == "spend":
        return _spend(tmp_path)
    if importer == "training":
        make_user(Role.FRONTLINE_OFFICER, council_a, username="alice")
        make_course(council_a, "MS-101")
        return lambda data: _training(council_a, data)
    return {"tenders": _tenders, "targeting": _targeting, "registry": _registry}[importer]


def _training(organisation: Organisation, data: bytes) -> int:
    result = completions_import(
        organisation=organisation, actor=None, data=data, today=date(2026, 6, 1), accept_guesses=True
    )
    return result.saved + len(result.rejects)
