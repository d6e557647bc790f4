"""Spend screening at scale: `tackle spend screen`'s engine against DuckDB on the same files.

At least two million synthetic payments are written over many CSV files with messy headers (names
that change from file to file, misspellings, title lines above the header, columns in any order),
amounts written every way councils write them, several date formats, redacted names, blank rows
and the odd broken line. Each side runs in its own process, so its peak memory (ru_maxrss) is its
own. DuckDB reads each file with its own CSV reader and sums the amount by category, having been
told where each file's header is and which columns to use; our screening finds all that itself,
parses and checks every value, classifies every payment, and keeps exact Decimal totals.
The figure to watch is the ratio of the two speeds.
"""

import csv
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import Row

TITLE = "Spend screening: rows per second and peak memory against DuckDB's CSV reader"
FILES = int(os.environ.get("BENCH_SPEND_FILES", "40"))
ROWS_PER_FILE = int(os.environ.get("BENCH_SPEND_ROWS_PER_FILE", "51000"))
SEED = 20121

_HEADERS = {
    "supplier": ["Supplier Name", " supplier name ", "SUPPLIER", "Suplier Name", "Vendor Name", "Payee"],
    "amount": ["Amount", "Amount (£)", "Net Amount", " AMOUNT ", "Ammount", "Invoice Nett Amount", "Value £"],
    "date": ["Payment Date", "Date", "date paid", "Transaction Date", "Pyament Date"],
    "category": ["Expense Type", "Expenditure Category", "Subjective Description", "expense  type", "Expence Type"],
    "description": ["Description", "Narrative", "Purpose"],
    "department": ["Department", "Directorate", "Service Area"],
    "reference": ["Transaction Number", "Trans No"],
}
_CATEGORIES = [
    "Residential Care",
    "Agency Staff",
    "Building Repairs",
    "Cleaning Services",
    "Security Services",
    "School Meals",
    "Waste Collection",
    "Home to School Transport",
    "Stationery",
    "Legal Fees",
    "Computer Equipment",
    "Grounds Maintenance",
    "Uniforms",
    "Consultancy",
    "Rates",
    "Grants to Voluntary Organisations",
    "Temporary Accommodation",
    "Car Wash",
]
_WORDS = ["North", "Apex", "Riverside", "Unity", "Premier", "Oak", "Metro", "Crown", "Bright", "Green", "Delta"]
_TRADES = ["Care", "Cleaning", "Builders", "Security", "Catering", "Transport", "Consulting", "Supplies", "Homes"]
_ENDINGS = ["Ltd", "Limited", "LTD.", "plc", "LLP", "& Co", ""]


def _suppliers(rng: random.Random, count: int = 4000) -> list[str]:
    names = []
    for index in range(count):
        ending = rng.choice(_ENDINGS)
        names.append(f"{rng.choice(_WORDS)} {rng.choice(_TRADES)} {index} {ending}".strip())
    return names


def _amount(rng: random.Random) -> str:
    pounds = rng.randint(500, 250_000)
    pence = rng.randint(0, 99)
    style = rng.random()
    if style < 0.7:
        return f"{pounds}.{pence:02d}"
    if style < 0.85:
        return f"£{pounds:,}.{pence:02d}"
    if style < 0.93:
        return f"{pounds:,}"
    if style < 0.98:
        return f"({pounds}.{pence:02d})"
    return f"-{pounds}.{pence:02d}"


_DATE_STYLES = ["{d:02d}/{m:02d}/{y}", "{y}-{m:02d}-{d:02d}", "{d:02d}-{mon}-{y}", "{d}/{m}/{yy:02d}"]
_MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]


def generate(folder: Path, *, files: int = FILES, rows_per_file: int = ROWS_PER_FILE) -> list[dict[str, object]]:
    """Write the files; return, for DuckDB's benefit, where each header is and its column names."""
    rng = random.Random(SEED)
    suppliers = _suppliers(rng)
    # As in real files, a supplier is paid under one or two expense types, not under all of them.
    trades = {name: (rng.choice(_CATEGORIES), rng.choice(_CATEGORIES)) for name in suppliers}
    specs = []
    for number in range(files):
        fields = list(_HEADERS)
        rng.shuffle(fields)
        headers = {field: rng.choice(_HEADERS[field]) for field in fields}
        year = 2015 + number % 8
        style = rng.choice(_DATE_STYLES)
        dates = [
            style.format(d=d, m=m, y=year, yy=year % 100, mon=_MONTHS[m - 1])
            for m in range(1, 13)
            for d in (1, 9, 17, 25)
        ]
        title_lines = number % 3
        path = folder / f"spend-{year}-{number:03d}.csv"
        with path.open("w", newline="", encoding="utf-8-sig" if number % 4 == 0 else "utf-8") as handle:
            writer = csv.writer(handle)
            for line in range(title_lines):
                writer.writerow([f"Payments over £500, report {line + 1}"] + [""] * (len(fields) - 1))
            writer.writerow([headers[field] for field in fields])
            for index in range(rows_per_file):
                roll = rng.random()
                if roll < 0.004:
                    writer.writerow([])
                    continue
                supplier = rng.choice(suppliers)
                category = trades[supplier][index % 2]
                values = {
                    "supplier": "REDACTED" if roll < 0.02 else supplier,
                    "amount": "n/a" if roll > 0.999 else _amount(rng),
                    "date": rng.choice(dates),
                    "category": category,
                    "description": f"{category} - {rng.choice(['invoice', 'monthly', 'spot purchase', 'contract'])}",
                    "department": rng.choice(["Adults", "Children", "Housing", "Environment", "Resources"]),
                    "reference": str(1_000_000 + number * rows_per_file + index),
                }
                writer.writerow([values[field] for field in fields])
        specs.append(
            {
                "path": str(path),
                "skip": title_lines,
                "category": headers["category"].strip(),
                "amount": headers["amount"].strip(),
            }
        )
    return specs


def _peak_mb() -> float:
    # Linux reports ru_maxrss in kilobytes. The workers of jobs > 1 are the forkserver's children,
    # not ours, so this is the peak of the process that screens the first run of files (a worker
    # holds less, about 100 MB here: one run's caches and amounts, never the rows).
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(max(own, workers) / 1024, 1)


def _cpu_seconds() -> float:
    """CPU time of this process and its workers: on a busy machine it says more than the wall
    clock does."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total + _running_children_cpu()


def _running_children_cpu() -> float:
    """CPU time of this process's children still running, with that of the children they have
    reaped (Linux only; nothing elsewhere). The workers of jobs > 1 are started by the forkserver,
    a child that outlives them, so RUSAGE_CHILDREN alone never counts them."""
    tick, me = os.sysconf("SC_CLK_TCK"), str(os.getpid())
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # it has just ended
            continue
        if fields[1] == me:  # the parent's pid
            total += sum(int(value) for value in fields[11:15]) / tick  # utime, stime, cutime, cstime
    return total


def run_ours(folder: Path, jobs: int) -> dict[str, object]:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tackle.settings")
    os.environ.setdefault("TACKLE_DEMO", "1")
    import django

    django.setup()
    from django.conf import settings

    from tackle.spend.screening import columnar  # noqa: F401  imported before the clock starts, as DuckDB is
    from tackle.spend.screening.payment_sectors import load_lexicon
    from tackle.spend.screening.screener import Screener
    from tackle.spend.screening.summary import summary

    paths = sorted(folder.glob("*.csv"))
    lexicon = load_lexicon(Path(settings.TACKLE_SHARED_DATA) / "reference")
    cpu, started = _cpu_seconds(), time.perf_counter()
    figures = summary(Screener(lexicon=lexicon).screen(paths, jobs=jobs))
    seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu
    return {"seconds": seconds, "cpu": cpu, "rows": figures["rows_read"], "peak_mb": _peak_mb()}


def run_duckdb(specs: list[dict[str, object]]) -> dict[str, object]:
    import duckdb

    parts = []
    for spec in specs:
        path = str(spec["path"]).replace("'", "''")
        category = str(spec["category"]).replace('"', '""')
        amount = str(spec["amount"]).replace('"', '""')
        parts.append(  # our own generated names, quoted: nothing here comes from outside
            f"""SELECT "{category}" AS category, "{amount}" AS amount FROM read_csv('{path}', skip={spec["skip"]},
            header=true, all_varchar=true, null_padding=true, ignore_errors=true)"""  # noqa: S608
        )
    query = f"""SELECT category, count(*) AS rows,
        sum(TRY_CAST(regexp_replace(amount, '[£, ]', '', 'g') AS DECIMAL(18, 2))) AS amount
        FROM ({" UNION ALL ".join(parts)}) GROUP BY category"""  # noqa: S608
    cpu, started = _cpu_seconds(), time.perf_counter()
    result = duckdb.connect().execute(query).fetchall()
    seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu
    return {"seconds": seconds, "cpu": cpu, "rows": sum(row[1] for row in result), "peak_mb": _peak_mb()}


def _in_subprocess(side: str, folder: Path, jobs: int = 1) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-m", "bench.spend_screen", side, str(folder), str(jobs)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def run() -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="tackle-bench-spend-") as name:
        folder = Path(name)
        started = time.perf_counter()
        specs = generate(folder)
        (folder / "specs.json").write_text(json.dumps(specs))
        generated = time.perf_counter() - started
        size_mb = sum(Path(str(spec["path"])).stat().st_size for spec in specs) / 1024 / 1024
        duck = _in_subprocess("duckdb", folder)
        cpus = os.cpu_count() or 1
        ours = _in_subprocess("ours", folder, 1)
        ours_parallel = _in_subprocess("ours", folder, cpus) if cpus > 1 else None
    rows = []
    sides = [
        ("DuckDB read_csv, sum by category (reference)", duck),
        ("tackle spend screen, one process", ours),
        *([(f"tackle spend screen, {cpus} processes", ours_parallel)] if ours_parallel else []),
    ]
    for target, figures in sides:
        seconds = float(str(figures["seconds"]))
        rows.append(
            Row(
                target,
                {
                    "files": len(specs),
                    "MB": round(size_mb),
                    "rows": figures["rows"],
                    "seconds": round(seconds, 2),
                    "rows/s": f"{int(figures['rows']) / seconds:,.0f}",  # type: ignore[call-overload]
                    "peak MB": figures["peak_mb"],
                    "time vs DuckDB": round(seconds / float(str(duck["seconds"])), 2),
                    "CPU s": round(float(str(figures["cpu"])), 2),
                    "CPU vs DuckDB": round(float(str(figures["cpu"])) / float(str(duck["cpu"])), 2),
                },
            )
        )
    print(f"(generated the files in {generated:.0f}s)")
    return rows


if __name__ == "__main__":
    side, folder_name = sys.argv[1], Path(sys.argv[2])
    if side == "ours":
        print(json.dumps(run_ours(folder_name, int(sys.argv[3]))))
    else:
        print(json.dumps(run_duckdb(json.loads((folder_name / "specs.json").read_text()))))
