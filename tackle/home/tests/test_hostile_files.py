"""Attacks kept as tests (issue 15, item 9): every reader of a user's file against the hostile
corpus (core/tests/hostile_files.py: zip bombs, a million columns, huge files, control characters,
wrong encodings, deeply nested and entity-expanding XML, truncated XLSX, ODS, DOCX and PDF).

The readers run in a process of their own (hostile_run.py) against a database of the suite's kind
(SQLite, or a database of its own on the suite's PostgreSQL server); each file is read in a child
forked from it with its address space capped and an alarm, so a reader that hangs or eats the
machine's memory fails this test instead of the test run. Every file must end in rows read or one
clear refusal, never an exception, and the attacks on the reading itself must be refused, saying
why. The peak memory is bounded far above what a bounded reader needs; nothing here measures speed."""

import json
import os
import re
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings

from tackle.core.tests.hostile_files import write_heavy_files
from tackle.core.tests.processes import TACKLE, process_env

REPO = Path(__file__).resolve().parents[3]

READERS = ["spend", "tenders", "targeting", "training", "registry", "statement", "case document"]
# A reader that read more than this had no bound: the largest file in the corpus is 30 MB.
PEAK_MB = 2048
# Attacks on the reading itself: every reader must refuse them.
REFUSED_BY_ALL = {
    "zip bomb posing as XLSX",
    "zip bomb posing as DOCX",
    "zip of 100,000 parts",
    "one 30 MB line",
    "deeply nested HTML",
    "truncated XLSX",
    "truncated ODS",
    "truncated DOCX",
    "truncated PDF",
    "NUL bytes",
    "UTF-32 text",
}
# Attacks on a table's shape: a statement read as text has none (a million commas are text).
REFUSED_BY_TABLE_READERS = {
    "a million columns in the header",
    "a million columns in one row",
    "deeply nested XML",
    "entity expansion XML (billion laughs)",
    "FHRS XML of 55,000 establishments",
}
TABLE_READERS = {"spend", "tenders", "targeting", "training", "registry"}
# Case documents are kept as they came and never read by Tackle: a PDF cut short is still kept.
KEPT_AS_THEY_CAME = {"case document": {"truncated PDF"}}
# What a table reader must say, not only that it refused: why, with the limit in a round size
# (a whole number, or one decimal below 10 MB) and the format the file claims.
ROUND_LIMIT = r"The file unpacks to more than (\d{2,}|\d\.?\d?) [KM]B; it cannot be read"
TABLE_REFUSALS = {
    "zip bomb posing as XLSX": ROUND_LIMIT,
    "zip bomb posing as DOCX": ROUND_LIMIT,
    "truncated ODS": re.escape("The file is not a readable ODS spreadsheet (BadZipFile)"),
    "truncated XLSX": re.escape("The file is not a readable XLSX workbook (BadZipFile)"),
}


def must_refuse(reader: str) -> set[str]:
    table = REFUSED_BY_TABLE_READERS if reader in TABLE_READERS else set()
    return (REFUSED_BY_ALL | table) - KEPT_AS_THEY_CAME.get(reader, set())


@pytest.fixture(scope="module")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A migrated database for the readers, of the suite's own kind: an SQLite file, or a database
    of its own on the suite's PostgreSQL server (dropped afterwards)."""
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        url = f"sqlite:///{tmp_path_factory.mktemp('hostile-db') / 'tackle.sqlite3'}"
        _migrate(url, tmp_path_factory)
        yield url
        return
    import psycopg

    name = f"tackle_hostile_{os.getpid()}"
    server = urlsplit(os.environ["DATABASE_URL"])
    url = server._replace(path=f"/{name}").geturl()
    with psycopg.connect(server._replace(path="/postgres").geturl(), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        _migrate(url, tmp_path_factory)
        yield url
    finally:
        with psycopg.connect(server._replace(path="/postgres").geturl(), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _migrate(url: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    env = process_env(tmp_path_factory.mktemp("home") / "unused", DATABASE_URL=url)
    subprocess.run([TACKLE, "migrate", "-v0"], env=env, check=True, timeout=600)


@pytest.fixture(scope="module")
def outcomes(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict]]:
    """Every reader against every file, in one run: Django is set up once, each file read in a child."""
    corpus = write_heavy_files(tmp_path_factory.mktemp("hostile"))
    folder = tmp_path_factory.mktemp("hostile-run")
    env = process_env(folder / "unused", DATABASE_URL=database_url, MEDIA_ROOT=str(folder / "media"))
    done = subprocess.run(
        [sys.executable, "-m", "tackle.home.tests.hostile_run", str(corpus)],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    last = f"{lines[-1]['reader']}: {lines[-1]['file']}" if lines else "(none)"
    assert done.returncode == 0, f"the readers died after {last!r}:\n{done.stderr[-3000:]}"
    by_reader: dict[str, list[dict]] = defaultdict(list)
    for line in lines:
        by_reader[line.pop("reader")].append(line)
    return by_reader


@pytest.mark.parametrize("reader", READERS)
def test_every_hostile_file_is_read_or_refused_within_bounds(reader, outcomes):
    read_by_reader = outcomes[reader]
    names = [outcome["file"] for outcome in read_by_reader]
    assert len(names) == len(set(names)) and len(names) >= 20
    escaped = [
        f"{o['file']}: {o['outcome']} {o.get('message', o.get('status', ''))}"
        for o in read_by_reader
        if o["outcome"] not in {"read", "refused"}
    ]
    assert not escaped, f"{reader}: " + "; ".join(escaped)
    for outcome in read_by_reader:
        if outcome["outcome"] == "refused":
            assert outcome["message"].strip() and "Traceback" not in outcome["message"], outcome
    assert must_refuse(reader) <= set(names)
    read = [o["file"] for o in read_by_reader if o["outcome"] == "read" and o["file"] in must_refuse(reader)]
    assert not read, f"{reader} read what it must refuse: {read}"
    assert max(outcome["peak_mb"] for outcome in read_by_reader) < PEAK_MB, read_by_reader


@pytest.mark.parametrize("reader", sorted(TABLE_READERS))
def test_a_table_reader_says_why_it_refused(reader, outcomes):
    said = {o["file"]: o.get("message", "") for o in outcomes[reader]}
    for name, message in TABLE_REFUSALS.items():
        assert re.search(f"(^|: ){message}$", said[name]), f"{reader}, {name}: {said[name]!r}"
