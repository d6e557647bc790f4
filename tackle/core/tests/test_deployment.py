"""The deployment shape in docs/deployment.md, run for real: two gunicorn servers on different ports
share one database and one S3-compatible bucket (moto's server, tackle/core/tests/object_store.py)
and nothing on disk: a session made on one is honoured by the other, a document uploaded through one
is downloaded through the other, and tasks enqueued through one, a spend file's screening among
them, are run by a worker started on its own with a disk of its own.

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
LETTER = b"%PDF-1.4\n% Tenancy letter\n%%EOF\n"
SPEND = (
    b"Supplier Name,Expense Type,Net Amount,Payment Date\n"
    b"Acme Ltd,Cleaning,600.00,05/06/2024\nBeta Ltd,Security,700.00,06/06/2024\n"
)


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
    done = subprocess.run([TACKLE, *args], env=env, cwd=REPO, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"tackle {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"


class Browser:
    """Just enough of a browser for one server: keeps cookies, does not follow redirects."""

    def __init__(self, port: int, cookies: dict[str, str] | None = None) -> None:
        self.port = port
        self.cookies = dict(cookies or {})

    def request(
        self,
        method: str,
        path: str,
        form: dict[str, str] | None = None,
        files: dict[str, tuple[str, bytes, str]] | None = None,
    ) -> tuple[int, dict[str, str], str]:
        body: bytes | str | None = None
        headers = {}
        if files is not None:
            body, headers["Content-Type"] = _multipart(
                {**(form or {}), "csrfmiddlewaretoken": self.csrf_token_for(path)}, files
            )
        elif form is not None:
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


def _multipart(fields: dict[str, str], files: dict[str, tuple[str, bytes, str]]) -> tuple[bytes, str]:
    boundary = secrets.token_hex(16)
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    for name, (filename, data, content_type) in files.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
        parts.append(f"{head}Content-Type: {content_type}\r\n\r\n".encode() + data + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


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


def test_two_app_servers_share_one_database_and_a_separate_worker_runs_their_tasks(
    database_url, object_storage, tmp_path
):
    # Each process has a disk of its own (MEDIA_ROOT); what they share is the database and the bucket.
    disks = {name: tmp_path / name for name in ("loader", "server-1", "server-2", "worker")}
    shared = {**_env(database_url), **object_storage.env()}
    env = {**shared, "MEDIA_ROOT": str(disks["loader"])}
    _tackle(env, "migrate", "--noinput")
    _tackle(env, "demo", "load")  # the demo's spend files go to the bucket and are screened from it

    with ExitStack() as servers:
        port_1 = servers.enter_context(gunicorn({**shared, "MEDIA_ROOT": str(disks["server-1"])}, workers=1))
        port_2 = servers.enter_context(gunicorn({**shared, "MEDIA_ROOT": str(disks["server-2"])}, workers=1))
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

        # A case document uploaded through server 1 is downloaded through server 2, from the bucket.
        status, _, page = browser_1.request("GET", "/cases/")
        case_uuid = re.search(r'href="/cases/([0-9a-f-]{36})/"', page)
        assert status == 200 and case_uuid, "the lead's case list names no case"
        support = f"/cases/{case_uuid[1]}/support"
        status, headers, _ = browser_1.request(
            "POST",
            f"/cases/{case_uuid[1]}/support/documents/add",
            {"title": "Tenancy letter"},
            {"file": ("letter.pdf", LETTER, "application/pdf")},
        )
        assert status == 302, f"the upload through server 1 answered {status}"
        status, _, page = browser_2.request("GET", support)
        download = re.search(rf'href="({support}/documents/[0-9a-f-]{{36}})"', page)
        assert status == 200 and download, "server 2's support page does not list the document"
        status, headers, body = browser_2.request("GET", download[1])
        assert (status, body.encode()) == (200, LETTER)
        assert headers["Content-Disposition"] == 'attachment; filename="Tenancy letter.pdf"'

        # A spend file uploaded through server 1, to be screened by a worker on a host of its own.
        status, headers, _ = browser_1.request(
            "POST", "/spend/imports/new", {}, {"spend_files": ("june.csv", SPEND, "text/csv")}
        )
        assert status == 302
        spend_task_path = headers["Location"]

        # Enqueue through server 1: nothing runs the task until a worker is started.
        status, headers, _ = browser_1.request("POST", "/audit/verify", {})
        assert status == 302
        task_path = headers["Location"]
        assert re.fullmatch(r"/tasks/[0-9a-f-]{36}/", task_path)
        status, _, body = browser_2.request("GET", f"{task_path}status")
        assert (status, json.loads(body)["status"]) == (200, "queued")

        worker = subprocess.run(
            [TACKLE, "db_worker", "--batch", "--no-startup-delay"],
            env={**shared, "MEDIA_ROOT": str(disks["worker"])},
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

        status, _, body = browser_2.request("GET", f"{spend_task_path}status")
        run = json.loads(body)
        assert (status, run["status"]) == (200, "succeeded"), run
        assert run["message"].startswith("Screened 2 rows: 2 accepted")

    # Every file went to the bucket: no process wrote one to its own disk.
    assert not [path for disk in disks.values() if disk.exists() for path in disk.rglob("*") if path.is_file()]
    assert any(key.startswith("case-documents/") for key in object_storage.object_keys())
    assert any(key.startswith("spend/") for key in object_storage.object_keys())
