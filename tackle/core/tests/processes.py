"""Real Tackle processes for tests: a migrated SQLite database of their own, commands started as
subprocesses, and bounded waits. Nothing of Tackle is mocked."""

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

TACKLE = str(Path(sys.executable).parent / "tackle")


def process_env(database: Path, **extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST")}
    env.update(
        DJANGO_SETTINGS_MODULE="tackle.settings_test",
        DATABASE_URL=f"sqlite:///{database}",
        PYTHONUNBUFFERED="1",
        HOME=str(database.parent),
    )
    env.update(extra)
    return env


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    database = tmp_path_factory.mktemp("migrated") / "tackle.sqlite3"
    subprocess.run([TACKLE, "migrate", "-v0"], env=process_env(database), check=True, timeout=180)
    return database


@pytest.fixture
def database(migrated_database: Path, tmp_path: Path) -> Path:
    """A fresh copy of the migrated database for one test."""
    copy = tmp_path / "tackle.sqlite3"
    shutil.copy(migrated_database, copy)
    return copy


def tackle_shell(database: Path, code: str, **env: str) -> str:
    completed = subprocess.run(
        [TACKLE, "shell", "--no-imports", "-c", code],
        env=process_env(database, **env),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert completed.returncode == 0, completed.stderr
    return completed.stdout.strip()


def query(database: Path, sql: str, *params: object) -> list[tuple]:
    with sqlite3.connect(database, timeout=30) as connection:
        return connection.execute(sql, params).fetchall()


def wait_for(condition: Callable[[], object], *, seconds: float, what: str) -> object:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"gave up after {seconds} s waiting for {what}")


@pytest.fixture
def started() -> Iterator[Callable[..., subprocess.Popen]]:
    """Start Tackle commands, their output in a log file beside the database; all stopped after."""
    processes: list[subprocess.Popen] = []

    def start(database: Path, *args: str, **env: str) -> subprocess.Popen:
        log = (database.parent / f"{args[0]}-{len(processes)}.log").open("w")
        process = subprocess.Popen(
            [TACKLE, *args], env=process_env(database, **env), stdout=log, stderr=subprocess.STDOUT
        )
        process.log_path = Path(log.name)  # type: ignore[attr-defined]
        processes.append(process)
        return process

    yield start
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def log_of(process: subprocess.Popen) -> str:
    return process.log_path.read_text()  # type: ignore[attr-defined]
