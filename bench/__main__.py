"""`python -m bench [NAME ...]` runs the benchmarks (all by default) and prints one table each.
`python -m bench --list` names them. Results also go to bench/results/latest.json (git-ignored).

To add a benchmark: a module in bench/ with TITLE and `run() -> list[Row]`, named in BENCHMARKS."""

import argparse
import json
import platform
import sys
import time
from datetime import UTC, datetime
from importlib import import_module
from pathlib import Path

from bench import Row

BENCHMARKS = [
    "bench.http_pages",
    "bench.concurrent_users",
    "bench.demo_load",
    "bench.cases_pages",
    "bench.spend_screen",
    "bench.sector_coverage",
    "bench.targeting",
    "bench.statement_labels",
    "bench.statement_judgements",
    "bench.sentence_splitting",
]
RESULTS = Path(__file__).resolve().parent / "results" / "latest.json"


def table(rows: list[Row]) -> str:
    columns = ["target", *dict.fromkeys(key for row in rows for key in row.figures)]
    cells = [[row.target, *(str(row.figures.get(key, "")) for key in columns[1:])] for row in rows]
    widths = [max(len(line[i]) for line in [columns, *cells]) for i in range(len(columns))]
    lines = [
        " | ".join(value.ljust(width) for value, width in zip(line, widths, strict=True)).rstrip()
        for line in [columns, *cells]
    ]
    lines.insert(1, "-+-".join("-" * width for width in widths))
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description="Run Tackle's benchmarks.")
    parser.add_argument("names", nargs="*", help="benchmarks to run, e.g. http_pages (default: all)")
    parser.add_argument("--list", action="store_true", help="name the benchmarks and stop")
    options = parser.parse_args(argv)
    if options.list:
        print("\n".join(name.removeprefix("bench.") for name in BENCHMARKS))
        return 0
    unknown = {f"bench.{name}" for name in options.names} - set(BENCHMARKS)
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    chosen = [name for name in BENCHMARKS if not options.names or name.removeprefix("bench.") in options.names]
    report: dict[str, object] = {}
    for dotted in chosen:
        module = import_module(dotted)
        started = time.perf_counter()
        rows = module.run()
        print(f"\n{module.TITLE} ({time.perf_counter() - started:.0f}s)\n{table(rows)}", flush=True)
        report[dotted] = {"title": module.TITLE, "rows": [{"target": row.target, **row.figures} for row in rows]}
    RESULTS.parent.mkdir(exist_ok=True)
    machine = {"python": platform.python_version(), "machine": platform.machine(), "system": platform.system()}
    meta = {"finished_at": datetime.now(UTC).isoformat(timespec="seconds"), **machine}
    RESULTS.write_text(json.dumps({**meta, "benchmarks": report}, indent=2) + "\n")
    print(f"\nWritten to {RESULTS.relative_to(Path.cwd()) if RESULTS.is_relative_to(Path.cwd()) else RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
