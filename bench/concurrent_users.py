"""50 signed-in users for 60 seconds on SQLite and on PostgreSQL (issue 15, item 9): errors and p95.

For each database: a fresh database with the demo data, gunicorn with 4 sync workers, and 50 client
threads, each signed in with a session of its own, each opening pages for 60 seconds from a mix a
council's lead clicks through in a day (home, the case list, a case, its timeline and support
pages, the register, the figures, suppliers, spend, disruption, the statement reader), in a seeded
random order. Any answer but 200, or a connection that fails, is an error: there must be none.

The reference is the constant view (`/bench/constant`: Django, gunicorn and the middleware, no page)
loaded by the same 50 threads on the same server in the same run; the p95 ratio says how much the
pages cost over that floor, and is the figure to compare between runs and machines.
TACKLE_BENCH_USERS_SECONDS shortens the 60 seconds for a quick check that the benchmark works."""

import http.client
import os
import random
import re
import statistics
import threading
import time
from dataclasses import dataclass, field

from bench import Row
from bench.cases_pages import throwaway_postgres
from bench.server import HOST, app_env, fresh_database, get, gunicorn, sign_in, tackle

TITLE = "50 signed-in users for 60 s: errors (must be 0) and p95 against the constant view, SQLite and PostgreSQL"
USERS = 50
SECONDS = float(os.environ.get("TACKLE_BENCH_USERS_SECONDS", "60"))
REFERENCE_SECONDS = min(SECONDS, 15.0)
WORKERS = 4
PAGES = [
    "/",
    "/cases/",
    "/cases/register",
    "/figures/",
    "/suppliers/",
    "/spend/",
    "/disrupt/",
    "/statement-reader/",
]


@dataclass
class Tally:
    latencies_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def p(self, percent: int) -> float:
        if len(self.latencies_ms) < 2:
            return self.latencies_ms[0] if self.latencies_ms else 0.0
        return statistics.quantiles(self.latencies_ms, n=100, method="inclusive")[percent - 1]


def run() -> list[Row]:
    rows: list[Row] = []
    with fresh_database() as env:
        rows += _measure("SQLite", env)
    with throwaway_postgres() as database_url:
        if database_url is None:
            rows.append(Row("PostgreSQL", {"note": "not run: no PostgreSQL binaries (initdb, pg_ctl)"}))
        else:
            env = app_env(database_url)
            tackle(env, "migrate", "--noinput")
            rows += _measure("PostgreSQL", env)
    return rows


def _measure(label: str, env: dict[str, str]) -> list[Row]:
    tackle(env, "demo", "load")
    with gunicorn(env, workers=WORKERS) as port:
        sessions = [{"Cookie": sign_in(port)} for _ in range(USERS)]
        pages = PAGES + _case_pages(port, sessions[0])
        for path in pages:  # every page of the mix opens before anything is timed
            status, _ = get(port, path, sessions[0])
            if status != 200:
                raise RuntimeError(f"{path} answered {status} to the signed-in lead before the run")
        reference = _users(port, sessions, ["/bench/constant"], REFERENCE_SECONDS)
        mix = _users(port, sessions, pages, SECONDS)
    return [
        _row(f"{label}: constant view (reference)", reference, reference),
        _row(f"{label}: page mix", mix, reference),
    ]


def _case_pages(port: int, session: dict[str, str]) -> list[str]:
    _, body = get(port, "/cases/", session)
    found = re.search(rb'href="(/cases/[0-9a-f-]{36}/)"', body)
    if found is None:
        raise RuntimeError("the lead's case list names no case")
    case = found[1].decode()
    return [case, f"{case}timeline", f"{case}support"]


def _users(port: int, sessions: list[dict[str, str]], pages: list[str], seconds: float) -> Tally:
    """Each session in its own thread, with its own connection, opening pages until `seconds` pass."""
    tally = Tally()
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def user(number: int, headers: dict[str, str]) -> None:
        order = random.Random(number)
        connection = http.client.HTTPConnection(HOST, port, timeout=60)
        while time.monotonic() < deadline:
            path = order.choice(pages)
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                response.read()
                failed = f"{path}: {response.status}" if response.status != 200 else ""
            except (OSError, http.client.HTTPException) as error:
                failed = f"{path}: {error.__class__.__name__}"
                connection.close()
                connection = http.client.HTTPConnection(HOST, port, timeout=60)
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                tally.latencies_ms.append(elapsed)
                if failed:
                    tally.errors.append(failed)
        connection.close()

    threads = [threading.Thread(target=user, args=(n, s)) for n, s in enumerate(sessions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally


def _row(name: str, tally: Tally, reference: Tally) -> Row:
    p95 = tally.p(95)
    figures: dict[str, object] = {
        "requests": len(tally.latencies_ms),
        "errors": len(tally.errors),
        "p50 ms": round(tally.p(50), 1),
        "p95 ms": round(p95, 1),
        # Above 1 means slower: 4.0 is four times the constant view's p95 under the same load.
        "p95 ratio vs constant": round(p95 / reference.p(95), 2) if reference.p(95) else "",
        "verdict": "ok" if not tally.errors else "ERRORS: " + ", ".join(sorted(set(tally.errors))[:5]),
    }
    return Row(name, figures)
