"""The register, the lead's queue, a case page, search (by part of a name, by part of a reference)
and a filtered case list at national scale, on SQLite and on PostgreSQL.

For each database: a fresh database, `tackle demo load --scale national` (timed: 250,000 cases over
400 organisations, a tenth of them in Demo Borough Council so that the demo lead, who signs in,
has a national-size caseload of about 25,000 cases), gunicorn with 2 sync workers, then each page
loaded by 2 clients (one per worker, so the latency is the page's own cost, not time spent queueing
behind other requests). Target: p95 under 300 ms for each page.

Each page is set against the raw SQL of the same queries: the SELECTs the page runs (captured once
through Django's test client in a helper process, `python -m bench.cases_pages --queries`), replayed
straight through the database driver (sqlite3, psycopg) one after another. The ratio says how much of
the page is the database and how much is Python, templates, sessions and the audit write. Search
and the filtered list aim at the same 300 ms p95 and within 2x of their raw SQL.

TACKLE_BENCH_CASES_SCALE=demo runs the same pages on the small demo data (a quick check that the
benchmark works, on a small machine); the default is national.
"""

import importlib.util
import json
import os
import pwd
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlparse

from bench import Row
from bench.case_list_orm import orm_against_raw
from bench.load import LoadResult, load
from bench.server import REPO, app_env, fresh_database, get, gunicorn, sign_in, tackle

TITLE = "Cases pages, search and filtered lists: p95 with 2 clients on 2 gunicorn workers, against the raw SQL"
CLIENTS = 2
WORKERS = 2
WARM_UP_REQUESTS = 10
REQUESTS = 300
MAX_SECONDS = 30.0
RAW_REPEATS = 60
TARGET_P95_MS = 300.0
NATIONAL_LIMIT_SECONDS = 600
# `demo` measures the same pages on the small demo data, for a quick run on a small machine.
SCALE = os.environ.get("TACKLE_BENCH_CASES_SCALE", "national")
# The case list's own query through the ORM against its raw SQL (bench/case_list_orm.py): the issue's
# "within 2x", apart from the page's fixed cost.
ORM_MEASURED = ("search by name", "search by reference", "filtered list")
PAGES = ("register page", "lead's queue", "case page", "search by name", "search by reference", "filtered list")


def run() -> list[Row]:
    rows: list[Row] = []
    with fresh_database() as env:
        rows += _measure_database("SQLite", env, _sqlite_runner(env["DATABASE_URL"]))
    with throwaway_postgres() as database_url:
        if database_url is None:
            rows.append(Row("PostgreSQL", {"note": "skipped: no PostgreSQL binaries (initdb, pg_ctl)"}))
        else:
            env = app_env(database_url)
            tackle(env, "migrate", "--noinput")
            rows += _measure_database("PostgreSQL", env, _postgres_runner(database_url))
    return rows


def _measure_database(label: str, env: dict[str, str], raw_runner: Callable[[list[str]], float]) -> list[Row]:
    seconds = tackle(env, "demo", "load", "--scale", SCALE, timeout=NATIONAL_LIMIT_SECONDS)
    captured = _capture_queries(env)
    rows = [Row(f"{label}: tackle demo load --scale {SCALE}", {"seconds": round(seconds, 1)})]
    with gunicorn(env, workers=WORKERS) as port:
        session = {"Cookie": sign_in(port)}
        for name in PAGES:
            page = captured[name]
            status, _ = get(port, page["path"], session)
            if status != 200:
                rows.append(Row(f"{label}: {name}", {"note": f"{page['path']} answered {status}: not measured"}))
                continue
            result = _load_page(port, page["path"], session)
            raw = [raw_runner(page["queries"]) for _ in range(RAW_REPEATS)]
            rows.append(_row(f"{label}: {name}", page, result, raw))
    return rows


def _load_page(port: int, path: str, headers: dict[str, str]) -> LoadResult:
    load(port, path, headers=headers, clients=CLIENTS, requests=WARM_UP_REQUESTS, max_seconds=MAX_SECONDS)
    result = load(port, path, headers=headers, clients=CLIENTS, requests=REQUESTS, max_seconds=MAX_SECONDS)
    if result.errors:
        raise RuntimeError(f"{path}: {result.errors} requests failed")
    return result


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[94] if len(values) > 1 else values[0]


def _row(name: str, page: dict[str, Any], result: LoadResult, raw_seconds: list[float]) -> Row:
    p95 = result.percentile_ms(95)
    raw_p95 = _p95(raw_seconds) * 1000
    return Row(
        name,
        {
            "requests": result.requests,
            "p50 ms": round(result.percentile_ms(50), 1),
            "p95 ms": round(p95, 1),
            "target": "met" if p95 < TARGET_P95_MS else f"MISSED (>{TARGET_P95_MS:.0f} ms)",
            "raw SQL p95 ms": round(raw_p95, 1),
            "SQL queries": len(page["queries"]),
            # Above 1: the page costs that many times its own SQL. 1.2 means the database is most of it.
            "p95 ratio vs raw SQL": round(p95 / raw_p95, 2) if raw_p95 else "",
            "rows": page["note"],
            **_orm_figures(page),
        },
    )


def _orm_figures(page: dict[str, Any]) -> dict[str, Any]:
    orm = page.get("orm")
    if not orm:
        return {}
    return {
        "list query through the ORM p95 ms": round(orm["orm_p95_ms"], 1),
        "its raw SQL p95 ms": round(orm["raw_p95_ms"], 1),
        "ORM ratio vs raw SQL": round(orm["orm_p95_ms"] / orm["raw_p95_ms"], 2) if orm["raw_p95_ms"] else "",
    }


# ---------------------------------------------------------------------------------------------
# Raw SQL through the driver
# ---------------------------------------------------------------------------------------------


def _sqlite_runner(database_url: str) -> Callable[[list[str]], float]:
    path = "/" + database_url.removeprefix("sqlite:///").lstrip("/")
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)

    def run_queries(queries: list[str]) -> float:
        started = time.perf_counter()
        for sql in queries:
            connection.execute(sql).fetchall()
        return time.perf_counter() - started

    return run_queries


def _postgres_runner(database_url: str) -> Callable[[list[str]], float]:
    import psycopg

    parts = urlparse(database_url)
    host = parse_qs(parts.query)["host"][0]
    connection = psycopg.connect(host=host, user=parts.username, dbname=parts.path.lstrip("/"))

    def run_queries(queries: list[str]) -> float:
        started = time.perf_counter()
        with connection.transaction(), connection.cursor() as cursor:  # as the page runs them: SET LOCAL holds
            for sql in queries:
                cursor.execute(sql.encode())
                if cursor.description is not None:
                    cursor.fetchall()
        return time.perf_counter() - started

    return run_queries


def _capture_queries(env: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Ask a helper process, with Django set up on the same database, for each page's path and SQL."""
    helper_env = {**env, "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver"}
    done = subprocess.run(
        [sys.executable, "-m", "bench.cases_pages", "--queries"],
        env=helper_env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode != 0:
        raise RuntimeError(f"capturing the pages' SQL failed:\n{done.stdout}\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _print_page_queries() -> None:
    """(Helper process.) Load each page once as the demo lead through Django's test client, keep the
    SELECTs that read the page's data (not the session, the user or the audit chain), print JSON."""
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from tackle.accounts.models import User
    from tackle.cases.models import Case, CaseStatus, Stage
    from tackle.cases.register import cases_open_on
    from tackle.cases.selectors import QUEUE_PAGE_SIZE
    from tackle.core.periods import today_in_london

    lead = User.objects.get(username="demo-modern_slavery_lead")
    organisation_id = lead.organisation_id
    assert organisation_id is not None
    cases = Case.objects.filter(organisation_id=organisation_id)
    sample = (
        cases.filter(status=CaseStatus.OPEN, stage=Stage.POSITIVE_CG).order_by("reference").first() or cases.first()
    )
    open_now = cases_open_on(organisation_id=organisation_id, as_of=today_in_london()).count()
    named = cases.exclude(person_name="").order_by("reference").values_list("person_name", "reference").first()
    name, reference = named or ("Person", "C-")
    name_part, reference_part = name[-8:], reference[-6:]  # "Person 000123" finds a few; a reference one
    filters = "?status=open&age_group=child&exploitation_type=criminal&overdue=false"
    pages = {
        "register page": (reverse("cases:register"), f"{open_now} of {cases.count()} cases open today"),
        "lead's queue": (reverse("cases:queue"), f"first {min(open_now, QUEUE_PAGE_SIZE)} shown of {open_now} open"),
        "case page": (_case_path(sample.uuid if sample else "00000000-0000-0000-0000-000000000000"), "one case"),
        "search by name": (f"{reverse('cases:queue')}?status=all&search={quote(name_part)}", f"'{name_part}'"),
        "search by reference": (f"{reverse('cases:queue')}?status=all&search={quote(reference_part)}", "a reference"),
        "filtered list": (f"{reverse('cases:queue')}{filters}", "open children, criminal, nothing overdue"),
    }
    client = Client(raise_request_exception=False)  # a failing page is reported, not fatal
    client.force_login(lead)
    client.get(pages["case page"][0])  # the lead's first look triages the case: measure later looks
    skip = ("django_session", "accounts_user", "audit_", "otp_", "axes_")
    captured = {}
    for name, (path, note) in pages.items():
        with CaptureQueriesContext(connection) as context:
            status = client.get(path).status_code
        queries = [
            query["sql"]
            for query in context.captured_queries
            if _replayable(query["sql"]) and not _main_table(query["sql"]).startswith(skip)
        ]
        captured[name] = {"path": path, "status": status, "queries": queries, "note": note}
        if name in ORM_MEASURED:
            captured[name]["orm"] = orm_against_raw(lead, urlparse(path).query)
    print(json.dumps(captured))


def _replayable(sql: str) -> bool:
    """SELECTs, and the SET LOCAL that the register runs before its query on PostgreSQL."""
    return sql.lstrip().upper().startswith(("SELECT", "SET LOCAL"))


def _main_table(sql: str) -> str:
    """The table a SELECT reads from first (its FROM, not the tables it joins)."""
    match = re.search(r'\bFROM\s+"?(\w+)"?', sql, flags=re.IGNORECASE)
    return match[1] if match else ""


def _case_path(case_uuid: Any) -> str:
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse("cases:case-detail", args=[case_uuid])
    except NoReverseMatch:  # the case page is not there yet: the benchmark says so
        return f"/cases/{case_uuid}/"


# ---------------------------------------------------------------------------------------------
# A throwaway PostgreSQL server, as tools/throwaway_postgres.py starts one
# ---------------------------------------------------------------------------------------------


def _find_bin(name: str) -> str | None:
    spec = importlib.util.spec_from_file_location("throwaway_postgres", REPO / "tools" / "throwaway_postgres.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.find_bin(name)


@contextmanager
def throwaway_postgres() -> Iterator[str | None]:
    """A PostgreSQL server on a Unix socket in a temporary folder, with an empty `tackle` database;
    yields its DATABASE_URL (None without PostgreSQL binaries) and removes everything afterwards."""
    initdb, pg_ctl, createdb = _find_bin("initdb"), _find_bin("pg_ctl"), _find_bin("createdb")
    if not (initdb and pg_ctl and createdb):
        yield None
        return
    folder = Path(tempfile.mkdtemp(prefix="tackle-bench-pg-"))
    data = folder / "data"
    as_user: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root: run the server as the postgres user
        account = pwd.getpwnam("postgres")
        os.chown(folder, account.pw_uid, account.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    try:
        subprocess.run(
            [*as_user, initdb, "-D", str(data), "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"],
            check=True,
            **quiet,
        )
        options = f"-k {folder} -c listen_addresses='' -F -c max_connections=200"
        subprocess.run(
            [*as_user, pg_ctl, "-D", str(data), "-l", str(folder / "log"), "-o", options, "-w", "start"],
            check=True,
            **quiet,
        )
        subprocess.run([*as_user, createdb, "-h", str(folder), "-U", "postgres", "tackle"], check=True, **quiet)
        yield f"postgres://postgres@/tackle?host={folder}"
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run([*as_user, pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"], **quiet)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__" and sys.argv[1:] == ["--queries"]:
    _print_page_queries()
