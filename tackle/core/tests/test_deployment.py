"""The deployment shape in docs/deployment.md, run for real: two gunicorn servers on different ports
share one database, a session made on one is honoured by the other, and a task enqueued through one
is run by a worker started on its own.

The servers and the worker are separate processes, so they cannot see pytest's test database: the
test makes its own (a fresh PostgreSQL database on the suite's server, or a temporary SQLite file)."""

import http.client
import json
import os
import re
import secrets
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlparse

import psycopg
import pytest

from bench.server import gunicorn
from tackle.env import database_from_url

HOST = "127.0.0.1"
TACKLE = str(Path(sys.executable).parent / "tackle")
REPO = Path(__file__).resolve().parents[3]


@pytest.fixture
def database_url(tmp_path: Path) -> Iterator[str]:
    suite_url = os.environ.get("DATABASE_URL", "")
    if not suite_url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{tmp_path / 'deployment.sqlite3'}"
        return
    settings = database_from_url(suite_url)
    name = f"tackle_deploy_{secrets.token_hex(4)}"
    server = {"dbname": "postgres", "user": settings["USER"], "host": settings["HOST"], "autocommit": True}
    server.update({key: settings[key.upper()] for key in ("password", "port") if settings[key.upper()]})
    with psycopg.connect(**server) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlparse(suite_url)._replace(path=f"/{name}").geturl()
    finally:
        with psycopg.connect(**server) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _env(database_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "tackle.settings",
        "TACKLE_DEMO": "1",
        "TACKLE_HTTPS": "0",
        "DEBUG": "0",
        "ALLOWED_HOSTS": HOST,
    }


def _tackle(env: dict[str, str], *args: str) -> None:
    done = subprocess.run([TACKLE, *args], env=env, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"tackle {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"


class Browser:
    """Just enough of a browser for one server: keeps cookies, does not follow redirects."""

    def __init__(self, port: int, cookies: dict[str, str] | None = None) -> None:
        self.port = port
        self.cookies = dict(cookies or {})

    def request(self, method: str, path: str, form: dict[str, str] | None = None) -> tuple[int, dict[str, str], str]:
        body = None
        headers = {}
        if form is not None:
            # Fetching the form first also sets the CSRF cookie, which must go with the POST.
            body = urlencode({**form, "csrfmiddlewaretoken": self.csrf_token_for(path)})
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        connection = http.client.HTTPConnection(HOST, self.port, timeout=20)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode()
            for header in response.headers.get_all("Set-Cookie") or []:
                self.cookies.update({name: morsel.value for name, morsel in SimpleCookie(header).items()})
            return response.status, dict(response.headers), text
        finally:
            connection.close()

    def csrf_token_for(self, path: str) -> str:
        status, _, page = self.request("GET", path)
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert status == 200 and match, f"GET {path} gave {status} with no CSRF token"
        return match[1]


def _wait_until_healthy(port: int, timeout: float = 30) -> dict[str, str]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            status, _, body = Browser(port).request("GET", "/api/v1/health?check=databases")
            if status == 200:
                return json.loads(body)
        except OSError:
            pass  # not listening yet
        time.sleep(0.2)
    raise AssertionError(f"the server on port {port} was not healthy within {timeout:.0f}s")


def test_two_app_servers_share_one_database_and_a_separate_worker_runs_their_tasks(database_url):
    env = _env(database_url)
    _tackle(env, "migrate", "--noinput")
    _tackle(env, "demo", "load")

    with ExitStack() as servers:
        port_1 = servers.enter_context(gunicorn(env, workers=1))
        port_2 = servers.enter_context(gunicorn(env, workers=1))
        assert port_1 != port_2
        for port in (port_1, port_2):
            assert _wait_until_healthy(port) == {"status": "ok", "database": "ok"}

        # Sign in on server 1; server 2 honours the same session cookie, as the session is in the database.
        browser_1 = Browser(port_1)
        status, headers, _ = browser_1.request(
            "POST", "/account/sign-in", {"username": "demo-modern_slavery_lead", "password": "demo-password"}
        )
        assert (status, headers.get("Location")) == (302, "/")
        browser_2 = Browser(port_2, {"sessionid": browser_1.cookies["sessionid"]})
        status, _, page = browser_2.request("GET", "/")
        assert status == 200, f"server 2 did not honour the session: {status} (is `make static` done?)"
        assert "Welcome, Demo Modern slavery lead" in page

        # Enqueue through server 1: nothing runs the task until a worker is started.
        status, headers, _ = browser_1.request("POST", "/audit/verify", {})
        assert status == 302
        task_path = headers["Location"]
        assert re.fullmatch(r"/tasks/[0-9a-f-]{36}/", task_path)
        status, _, body = browser_2.request("GET", f"{task_path}status")
        assert (status, json.loads(body)["status"]) == (200, "queued")

        worker = subprocess.run(
            [TACKLE, "db_worker", "--batch", "--no-startup-delay"],
            env=env,
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert worker.returncode == 0, worker.stdout + worker.stderr

        status, _, body = browser_2.request("GET", f"{task_path}status")
        run = json.loads(body)
        assert (status, run["status"]) == (200, "succeeded")
        assert run["message"].startswith("The audit log is intact")
