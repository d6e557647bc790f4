"""Contracts, tenders and bids from an Open Contracting Data Standard (OCDS) release or record
package, as Contracts Finder and Find a Tender publish them. Pure: bytes in, plain records and
problems out.

A release package is checked against the OCDS 1.1.5 release package schema, kept beside this file
(ocds_schema/, from the standard's own repository, Apache 2.0), with the jsonschema package; why
not libcoveocds is in docs/decisions/0003-ocds-validation.md. A record package's releases (each
record's compiledRelease and the releases it embeds) are checked against the same release schema,
its envelope against the fields 1.1.5 requires of a record package (`_RECORD_PACKAGE`). A record
is read as its compiledRelease, or else its latest embedded release. A problem names the JSON line
(a file that is not JSON) or the release's or record's number in the package (1 for the first)
and where in it. A supplier is matched by its Companies House number: a party whose identifier
scheme is GB-COH.
"""

import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft4Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from tackle.core.identifiers import normalise_company_number

MAX_OCDS_BYTES = 20 * 1024 * 1024
COMPANIES_HOUSE = "GB-COH"
_SCHEMA_FOLDER = Path(__file__).with_name("ocds_schema")
_MOST_PROBLEMS = 50  # a file wrong throughout is told in its first 50 problems


@dataclass(frozen=True, slots=True)
class OcdsProblem:
    release: int | None  # the release's (or record's) number in the package, 1 for the first; None: the package
    line: int | None  # the JSON line, for a file that is not JSON
    reason: str
    unit: str = "release"  # or "record", in a record package

    @property
    def where(self) -> str:
        return f"line {self.line}" if self.line else f"{self.unit} {self.release}" if self.release else "the package"

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


class OcdsError(ValueError):
    def __init__(self, problems: list[OcdsProblem]) -> None:
        super().__init__("; ".join(str(problem) for problem in problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class OcdsSupplier:
    name: str
    company_number: str  # "" when the party names no Companies House number


@dataclass(frozen=True, slots=True)
class OcdsContract:
    release: int
    ocid: str
    reference: str  # the contract's or award's id
    title: str
    supplier: OcdsSupplier
    value: Decimal
    start_on: date
    end_on: date


@dataclass(frozen=True, slots=True)
class OcdsBid:
    release: int
    lot: str  # the tender's title, or its ocid
    bidder: str
    price: Decimal


_RELEASE_SCHEMA = "https://standard.open-contracting.org/schema/1__1__5/release-schema.json"
# What OCDS 1.1.5 requires of a record package around its releases. The standard's own record
# package schema is not vendored (see docs/decisions/0003); every release in it is checked against
# the vendored release schema, as a release package's are.
_RECORD_PACKAGE = {
    "type": "object",
    "required": ["uri", "publisher", "publishedDate", "records", "version"],
    "properties": {
        "uri": {"type": "string"},
        "publishedDate": {"type": "string"},
        "version": {"type": "string", "pattern": "^(\\d+\\.)(\\d+)$"},
        "publisher": {"type": "object", "required": ["name"]},
        "records": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["ocid", "releases"],
                "properties": {
                    "ocid": {"type": "string"},
                    "releases": {"type": "array", "minItems": 1, "items": {"type": "object"}},
                    "compiledRelease": {"$ref": _RELEASE_SCHEMA},
                },
            },
        },
    },
}


@cache
def _registry() -> Registry:
    schemas = [
        json.loads((_SCHEMA_FOLDER / name).read_text())
        for name in ("release-package-schema.json", "release-schema.json")
    ]
    return Registry().with_resources(
        (schema["id"], Resource.from_contents(schema, default_specification=DRAFT4)) for schema in schemas
    )


@cache
def _validator() -> Draft4Validator:
    package_schema = json.loads((_SCHEMA_FOLDER / "release-package-schema.json").read_text())
    return Draft4Validator(package_schema, registry=_registry())


@cache
def _record_validators() -> tuple[Draft4Validator, Draft4Validator]:
    """The record package's envelope, and one embedded release."""
    return (
        Draft4Validator(_RECORD_PACKAGE, registry=_registry()),
        Draft4Validator({"$ref": _RELEASE_SCHEMA}, registry=_registry()),
    )


def _record_package_errors(package: dict[str, Any]) -> list[OcdsProblem]:
    envelope, release = _record_validators()
    problems = [_problem(error) for error in envelope.iter_errors(package)]
    for number, record in enumerate(package.get("records") or [], start=1):
        embedded = record.get("releases") if isinstance(record, dict) else None
        for index, item in enumerate(embedded if isinstance(embedded, list) else []):
            if isinstance(item, dict) and not _is_linked(item):
                for error in release.iter_errors(item):
                    where = ".".join(str(part) for part in ["releases", index, *error.absolute_path])
                    problems.append(OcdsProblem(number, None, f"{where}: {error.message}"[:300], "record"))
    return problems


def _is_linked(release: dict[str, Any]) -> bool:
    """A linked release: the address of a release published elsewhere, not the release itself."""
    return "url" in release and "tag" not in release and "id" not in release


def read_package(data: bytes) -> dict[str, Any]:
    """The release or record package, valid against the OCDS schema, or OcdsError naming every
    problem found."""
    if len(data) > MAX_OCDS_BYTES:
        raise OcdsError([OcdsProblem(None, None, f"The file is larger than {MAX_OCDS_BYTES // (1024 * 1024)} MB.")])
    try:
        package = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise OcdsError([OcdsProblem(None, None, "The file is not UTF-8 text, so it is not OCDS JSON.")]) from None
    except json.JSONDecodeError as error:
        raise OcdsError([OcdsProblem(None, error.lineno, f"not JSON ({error.msg}, column {error.colno})")]) from None
    if not isinstance(package, dict) or ("releases" not in package and "records" not in package):
        reason = "This is not an OCDS release or record package: it has no list of releases or records."
        raise OcdsError([OcdsProblem(None, None, reason)])
    if "records" in package:
        problems = _record_package_errors(package)
    else:
        problems = [_problem(error) for error in _validator().iter_errors(package)]
    if problems:
        problems.sort(key=lambda problem: (problem.release or 0, problem.reason))
        raise OcdsError(problems[:_MOST_PROBLEMS])
    return package


def _problem(error: Any) -> OcdsProblem:
    path = list(error.absolute_path)
    number, unit = None, "release"
    if len(path) >= 2 and path[0] in ("releases", "records") and isinstance(path[1], int):
        number, unit, path = path[1] + 1, path[0][:-1], path[2:]
    where = ".".join(str(part) for part in path)
    return OcdsProblem(number, None, f"{where + ': ' if where else ''}{error.message}"[:300], unit)


def releases_of(package: dict[str, Any]) -> list[tuple[int, str, dict[str, Any]]]:
    """Each release to read with its number and unit: a release package's releases; a record
    package's records, each as its compiledRelease or else its latest embedded release."""
    if "records" not in package:
        return [(number, "release", release) for number, release in enumerate(package["releases"], start=1)]
    found, problems = [], []
    for number, record in enumerate(package["records"], start=1):
        embedded = [item for item in record["releases"] if not _is_linked(item)]
        if record.get("compiledRelease"):
            found.append((number, "record", record["compiledRelease"]))
        elif embedded:
            # The latest by date; of two on the same date, the later in the list.
            latest = max(enumerate(embedded), key=lambda pair: (str(pair[1].get("date") or ""), pair[0]))[1]
            found.append((number, "record", latest))
        else:
            reason = "links to its releases without including them: publish it with its compiledRelease"
            problems.append(OcdsProblem(number, None, reason, "record"))
    if problems:
        raise OcdsError(problems[:_MOST_PROBLEMS])
    return found


def _parties(release: dict[str, Any]) -> dict[str, OcdsSupplier]:
    found = {}
    for party in release.get("parties") or []:
        identifiers = [party.get("identifier") or {}, *(party.get("additionalIdentifiers") or [])]
        number = next(
            (
                normalise_company_number(str(i.get("id") or ""))
                for i in identifiers
                if i.get("scheme") == COMPANIES_HOUSE
            ),
            "",
        )
        found[str(party.get("id"))] = OcdsSupplier(str(party.get("name") or "").strip(), number or "")
    return found


def _day(value: Any) -> date | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _amount(value: Any) -> Decimal | None:
    try:
        amount = Decimal(str((value or {}).get("amount")))
    except (InvalidOperation, AttributeError):
        return None
    return amount if amount.is_finite() else None


def contracts_in(package: dict[str, Any]) -> list[OcdsContract]:
    """One contract per award (its contract's dates and value where the release has them), or
    OcdsError for an award Tackle cannot keep: no supplier, value or dates."""
    contracts, problems = [], []
    for number, unit, release in releases_of(package):
        parties = _parties(release)
        signed = {str(c.get("awardID")): c for c in release.get("contracts") or []}
        for award in release.get("awards") or []:
            contract = signed.get(str(award.get("id")), {})
            found, reason = _contract(number, release, award, contract, parties)
            if found is None:
                problems.append(OcdsProblem(number, None, f"award {award.get('id')}: {reason}", unit))
            else:
                contracts.append(found)
    if problems:
        raise OcdsError(problems[:_MOST_PROBLEMS])
    return contracts


def _named(party: dict[str, Any], parties: dict[str, OcdsSupplier]) -> OcdsSupplier:
    """An organization reference: the party it points to, else the name it carries."""
    return parties.get(str(party.get("id"))) or OcdsSupplier(str(party.get("name") or "").strip(), "")


def _contract(
    number: int,
    release: dict[str, Any],
    award: dict[str, Any],
    contract: dict[str, Any],
    parties: dict[str, OcdsSupplier],
) -> tuple[OcdsContract | None, str]:
    named = [_named(supplier, parties) for supplier in award.get("suppliers") or []]
    if not named or not named[0].name:
        return None, "names no supplier"
    period = contract.get("period") or award.get("contractPeriod") or {}
    start_on, end_on = _day(period.get("startDate")), _day(period.get("endDate"))
    if start_on is None or end_on is None:
        return None, "has no contract period (start and end dates)"
    if end_on < start_on:
        return None, "ends before it starts"
    value = _amount(contract.get("value")) if contract.get("value") else _amount(award.get("value"))
    if value is None or value < 0:
        return None, "has no value in pounds"
    title = contract.get("title") or award.get("title") or (release.get("tender") or {}).get("title") or release["ocid"]
    reference = str(contract.get("id") or award.get("id"))[:50]
    return OcdsContract(number, release["ocid"], reference, str(title)[:200], named[0], value, start_on, end_on), ""


def bids_in(package: dict[str, Any]) -> list[OcdsBid]:
    """Every bid of the bids extension (bids.details): its first tenderer and its value."""
    bids = []
    for number, _unit, release in releases_of(package):
        parties = _parties(release)
        lot = str((release.get("tender") or {}).get("title") or release["ocid"])[:200]
        for detail in (release.get("bids") or {}).get("details") or []:
            tenderers = detail.get("tenderers") or [{}]
            first = tenderers[0]
            bidder = _named(first, parties).name
            price = _amount(detail.get("value"))
            if bidder and price is not None:
                bids.append(OcdsBid(number, lot, bidder, price))
    return bids
