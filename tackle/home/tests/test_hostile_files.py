"""Attacks kept as tests (issue 15, item 9): every reader of a user's file against the hostile
corpus (core/tests/hostile_files.py: zip bombs, a million columns, huge files, control characters,
wrong encodings, deeply nested and entity-expanding XML, truncated XLSX, ODS, DOCX and PDF).

Each reader runs in a process of its own (hostile_run.py) with its address space capped and an
alarm on each file, so a reader that hangs or eats the machine's memory fails this test instead of
the test run. Every file must end in rows read or one clear refusal, never an exception, and the
attacks on the reading itself must be refused. The peak memory is bounded far above what a
bounded reader needs; nothing here measures speed."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tackle.core.tests.hostile_files import write_heavy_files
from tackle.core.tests.processes import database, migrated_database, process_env

__all__ = ["database", "migrated_database"]

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


def must_refuse(reader: str) -> set[str]:
    table = REFUSED_BY_TABLE_READERS if reader in TABLE_READERS else set()
    return (REFUSED_BY_ALL | table) - KEPT_AS_THEY_CAME.get(reader, set())


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_heavy_files(tmp_path_factory.mktemp("hostile"))


@pytest.mark.parametrize("reader", READERS)
def test_every_hostile_file_is_read_or_refused_within_bounds(reader, corpus, database, tmp_path):
    env = process_env(database, MEDIA_ROOT=str(tmp_path / "media"))
    done = subprocess.run(
        [sys.executable, "-m", "tackle.home.tests.hostile_run", reader, str(corpus)],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    outcomes = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    last = outcomes[-1]["file"] if outcomes else "(none)"
    assert done.returncode == 0, f"{reader} died after {last!r}:\n{done.stderr[-3000:]}"

    names = [outcome["file"] for outcome in outcomes]
    assert len(names) == len(set(names)) and len(names) >= 20
    escaped = [
        f"{o['file']}: {o['outcome']} {o.get('message', '')}"
        for o in outcomes
        if o["outcome"] not in {"read", "refused"}
    ]
    assert not escaped, f"{reader}: " + "; ".join(escaped)
    for outcome in outcomes:
        if outcome["outcome"] == "refused":
            assert outcome["message"].strip() and "Traceback" not in outcome["message"], outcome
    assert must_refuse(reader) <= set(names)
    read = [o["file"] for o in outcomes if o["outcome"] == "read" and o["file"] in must_refuse(reader)]
    assert not read, f"{reader} read what it must refuse: {read}"
    assert max(outcome["peak_mb"] for outcome in outcomes) < PEAK_MB, outcomes
