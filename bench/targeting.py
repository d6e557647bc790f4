"""Risk targeting: how well and how fast regulators' lists are joined into premises.

A generated set with known truth: businesses at premises, each listed by some of five regulators
with that regulator's own columns, and written the way people write them (Ltd or Limited, & or and,
St or Street, typos, words in another order, a missing postcode or address, no space in the
postcode, company numbers without their leading zeros). Matching is scored pairwise: precision is
the share of pairs we put together that truly are one business; recall the share of true pairs we
found. The reference, measured in the same run on the same records, is exact grouping on the
normalised name and postcode: what a spreadsheet lookup would do.

`python -m bench targeting`; `python -m bench.targeting --records 20000` for a quick look.
"""

import argparse
import csv
import io
import random
import string
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from bench import Row
from tackle.targeting.ranking import rank
from tackle.targeting.resolve import resolve
from tackle.targeting.sources import Record, read_source

TITLE = "Risk targeting: matching quality and time to resolve regulators' lists"
RECORDS = 200_000
SEED = 7
# A postcode's unit letters are never C, I, K, M, O or V (see tackle/core/identifiers.py).
_UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"

# Each regulator's own header for: name, trading name, address 1, address 2, town, postcode,
# company number, type, result, date. None: that regulator does not record it.
SOURCES: dict[str, tuple[str | None, ...]] = {
    "trading_standards": (
        "Trader Name", "Trading As", "Address", None, "Town", "Post Code", "Company No", "Business Type", "Outcome",
        "Visit Date",
    ),
    "environmental_health": (
        "Business", None, "Premises Address", None, None, "Postcode", None, "Establishment Type", "Rating",
        "Date of inspection",
    ),
    "licensing": (
        "Licensee", "Premises Name", "Address Line 1", "Address Line 2", None, "Postcode", None, "Licence Type",
        "Status", "Decision Date",
    ),
    "housing": (
        "Name", None, "Property Address", None, "Town", "Postcode", None, "Property Type", "Compliance", "Date checked",
    ),
    "hmrc_minimum_wage": (
        "Employer Name", "Trading Name", "Address 1", "Address 2", None, "Post code", "CRN", "Sector", "Result", "Date",
    ),
}  # fmt: skip
KINDS = [
    ("Hand Car Wash", "Car wash"),
    ("Car Valeting", "Car wash"),
    ("Nails", "Nail bar"),
    ("Nail Bar", "Nail bar"),
    ("Takeaway", "Takeaway"),
    ("Pizza", "Takeaway"),
    ("Restaurant", "Restaurant"),
    ("Farm", "Farm"),
    ("Lettings", "HMO"),
    ("Foods", "Factory"),
    ("Logistics", "Warehouse"),
    ("Care Home", "Care home"),
    ("Stores", "Retail"),
    ("Barbers", "Retail"),
]
STREET_KINDS = [("Street", "St"), ("Road", "Rd"), ("Lane", "Ln"), ("Avenue", "Ave"), ("Close", "Cl"), ("Way", "Way")]
AREAS = ["B", "WS", "DY", "WV", "CV", "LE", "NG", "M", "L", "LS", "S", "BD", "SK", "ST", "OL", "BL", "WA", "HD"]


@dataclass
class Business:
    name: str
    trading: str
    number: str
    street: tuple[str, str]
    unit: str
    town: str
    postcode: str
    company: str
    kind: tuple[str, str]


def _word(rng: random.Random) -> str:
    syllables = ["ka", "lo", "mi", "ra", "ven", "tor", "bel", "sha", "din", "ar", "os", "ne", "ril", "ga", "fen", "u"]
    return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 3))).capitalize()


def _businesses(count: int, rng: random.Random) -> list[Business]:
    # A limited vocabulary, so that different businesses nearby sometimes have similar names.
    words = sorted({_word(rng) for _ in range(3000)})
    streets = [f"{rng.choice(words)} {kind[0]}" for kind in STREET_KINDS for _ in range(200)]
    sectors = [f"{rng.choice(AREAS)}{rng.randint(1, 99)} {rng.randint(0, 9)}" for _ in range(max(count // 20, 50))]
    businesses = []
    for _ in range(count):
        kind = rng.choice(KINDS)
        first = rng.choice(words)
        if rng.random() < 0.3:
            first = f"{first} & {rng.choice(words)}"
        name = f"{first} {kind[0]}" + rng.choice(["", "", " Ltd", " Limited", " & Sons"])
        street_name = rng.choice(streets)
        street_kind = next(k for k in STREET_KINDS if street_name.endswith(k[0]))
        sector = rng.choice(sectors)
        businesses.append(
            Business(
                name=name,
                trading=f"{first} {kind[0]}" if rng.random() < 0.3 else "",
                number=str(rng.randint(1, 250)),
                street=(street_name.removesuffix(street_kind[0]).strip(), street_kind[0]),
                unit=f"Unit {rng.randint(1, 12)}" if rng.random() < 0.15 else "",
                town=rng.choice(["Westbury", "Oldbridge", "Northam", "Easton", "Kingsford"]),
                postcode=f"{sector}{rng.choice(_UNIT_LETTERS)}{rng.choice(_UNIT_LETTERS)}",
                company=str(rng.randint(100000, 15999999)) if rng.random() < 0.6 else "",
                kind=kind,
            )
        )
    return businesses


def _typo(text: str, rng: random.Random) -> str:
    letters = [i for i, char in enumerate(text) if char.isalpha()]
    if len(letters) < 4:
        return text
    i = rng.choice(letters[1:])
    match rng.randint(0, 3):
        case 0:
            return text[:i] + text[i + 1 :]
        case 1:
            return text[:i] + rng.choice(string.ascii_lowercase) + text[i + 1 :]
        case 2:
            return text[: i - 1] + text[i] + text[i - 1] + text[i + 1 :]
        case _:
            return text[:i] + text[i] + text[i:]


def _as_written(business: Business, rng: random.Random) -> dict[str, str]:
    """One regulator's version of the business: abbreviations, typos, swapped words, gaps."""
    name = business.name
    if rng.random() < 0.3:
        name = name.replace(" Limited", " Ltd") if "Limited" in name else name.replace(" Ltd", " Limited")
    if rng.random() < 0.3:
        name = name.replace(" & ", " and ")
    if " & " in name and rng.random() < 0.15:  # "Kalo & Mira Nails" -> "Mira & Kalo Nails"
        first, rest = name.split(" & ", 1)
        second, _, tail = rest.partition(" ")
        name = f"{second} & {first} {tail}"
    if rng.random() < 0.15:
        name = _typo(name, rng)
    if rng.random() < 0.2:
        name = name.upper()
    street_kind = rng.choice([business.street[1], next(k[1] for k in STREET_KINDS if k[0] == business.street[1])])
    address = f"{business.number} {business.street[0]} {street_kind}"
    if business.unit and rng.random() < 0.7:
        address = f"{business.unit}, {address}"
    if rng.random() < 0.1:
        address = _typo(address, rng)
    if rng.random() < 0.08:
        address = ""
    postcode = business.postcode
    roll = rng.random()
    if roll < 0.08:
        postcode = ""
    elif roll < 0.2:
        postcode = postcode.replace(" ", "").lower()
    company = business.company.lstrip("0") if rng.random() < 0.5 else business.company.zfill(8)
    company = company if business.company else ""
    non_compliant = rng.random() < 0.25
    return {
        "name": name,
        "trading": business.trading,
        "address": address,
        "town": business.town,
        "postcode": postcode,
        "company": company,
        "kind": business.kind[1],
        "result": rng.choice(["Fail", "Non-compliant", "Improvement notice"]) if non_compliant else "Pass",
        "date": f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2025",
    }


def generate(records: int, seed: int = SEED) -> tuple[dict[str, bytes], dict[str, int]]:
    """CSV files by source name, and the true business of each record ("source:line" -> index)."""
    rng = random.Random(seed)
    presence = 0.6
    businesses = _businesses(round(records / (presence * len(SOURCES))), rng)
    files: dict[str, bytes] = {}
    truth: dict[str, int] = {}
    for source, header in SOURCES.items():
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([column for column in header if column])
        line = 1
        for index, business in enumerate(businesses):
            if rng.random() >= presence:
                continue
            values = _as_written(business, rng)
            row = [
                values["name"],
                values["trading"],
                values["address"],
                "",
                values["town"],
                values["postcode"],
                values["company"],
                values["kind"],
                values["result"],
                values["date"],
            ]
            writer.writerow([value for value, column in zip(row, header, strict=True) if column])
            line += 1
            truth[f"{source}:{line}"] = index
        files[source] = buffer.getvalue().encode()
    return files, truth


def exact_groups(records: Sequence[Record]) -> list[list[int]]:
    """The reference: records with the same normalised name and postcode are one business."""
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, record in enumerate(records):
        groups[(record.name_key, record.postcode)].append(index)
    return list(groups.values())


def pairwise(groups: list[list[int]], records: Sequence[Record], truth: dict[str, int]) -> tuple[float, float]:
    """(precision, recall) over pairs of records."""

    def pairs(count: int) -> int:
        return count * (count - 1) // 2

    predicted = sum(pairs(len(group)) for group in groups)
    true_pairs = sum(pairs(count) for count in Counter(truth[record.key] for record in records).values())
    correct = sum(pairs(count) for group in groups for count in Counter(truth[records[i].key] for i in group).values())
    return (correct / predicted if predicted else 1.0), (correct / true_pairs if true_pairs else 1.0)


def run(records: int = RECORDS) -> list[Row]:
    files, truth = generate(records)
    started = time.perf_counter()
    reads = [read_source(name, data) for name, data in files.items()]
    read_seconds = time.perf_counter() - started
    loaded = [record for read in reads for record in read.records]

    started = time.perf_counter()
    reference = exact_groups(loaded)
    reference_seconds = time.perf_counter() - started
    started = time.perf_counter()
    groups = resolve(loaded)
    resolve_seconds = time.perf_counter() - started
    started = time.perf_counter()
    ranking = rank(reads)
    rank_seconds = time.perf_counter() - started

    rows = []
    for target, found, seconds in (
        ("exact name + postcode (reference)", reference, reference_seconds),
        ("blocking + fuzzy matching", groups, resolve_seconds),
    ):
        precision, recall = pairwise(found, loaded, truth)
        rows.append(
            Row(
                target,
                {
                    "records": len(loaded),
                    "entities": len(found),
                    "true entities": len(set(truth.values())),
                    "precision": round(precision, 4),
                    "recall": round(recall, 4),
                    "seconds": round(seconds, 2),
                    "ratio vs reference": round(seconds / reference_seconds, 1),
                },
            )
        )
    rows.append(Row("reading the five CSV files", {"records": len(loaded), "seconds": round(read_seconds, 2)}))
    rows.append(
        Row(
            "rank (resolve, score, sort)",
            {
                "records": ranking.records,
                "entities": len(ranking.ranked),
                "seconds": round(rank_seconds, 2),
                "ratio vs reference": round(rank_seconds / reference_seconds, 1),
            },
        )
    )
    return rows


if __name__ == "__main__":
    from bench.__main__ import table

    parser = argparse.ArgumentParser(prog="python -m bench.targeting")
    parser.add_argument("--records", type=int, default=RECORDS)
    print(table(run(parser.parse_args(sys.argv[1:]).records)))
