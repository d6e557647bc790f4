"""A throwaway Tackle for benchmarks: its own SQLite file, demo data, gunicorn on a loopback port."""

import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parent.parent
TACKLE = Path(sys.executable).parent / "tackle"
HOST = "127.0.0.1"
DEMO_USERNAME = "demo-modern_slavery_lead"
DEMO_PASSWORD = "demo-password"


def app_env(database_url: str) -> dict[str, str]:
    """Demo mode over plain HTTP on loopback; DEBUG off so the app runs as it does in production."""
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "TACKLE_DEMO": "1",
        "TACKLE_HTTPS": "0",
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "PYTHONPATH": str(REPO),
    }


def tackle(env: dict[str, str], *args: str, timeout: float = 600) -> float:
    """Run a `tackle` command; return its wall time in seconds. Fails loudly with its output."""
    started = time.perf_counter()
    done = subprocess.run([str(TACKLE), *args], env=env, cwd=REPO, capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        raise RuntimeError(f"tackle {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return time.perf_counter() - started


@contextmanager
def fresh_database() -> Iterator[dict[str, str]]:
    """A migrated, empty SQLite database in a temporary folder; yields the environment to use it."""
    with tempfile.TemporaryDirectory(prefix="tackle-bench-") as folder:
        env = app_env(f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
        tackle(env, "migrate", "--noinput")
        yield env


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


@contextmanager
def gunicorn(env: dict[str, str], *, workers: int = 2) -> Iterator[int]:
    """Serve the app on a free loopback port until the block ends; yields the port."""
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "tackle.wsgi:application", "--chdir", str(REPO)]
    command += ["--bind", f"{HOST}:{port}", "--workers", str(workers)]
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(command, env=env, cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_until_healthy(port, server, log)
            yield port
        finally:
            # Always stop the server, even when the benchmark fails or is interrupted.
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def wait_until_healthy(port: int, server: subprocess.Popen, log, timeout: float = 30) -> None:  # type: ignore[type-arg,no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"gunicorn exited with {server.returncode}:\n{log.read().decode(errors='replace')}")
        try:
            status, body = get(port, "/api/v1/health?check=databases")
            if status == 200 and json.loads(body)["status"] == "ok":
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn on port {port} was not healthy within {timeout:.0f}s")


def get(port: int, path: str, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def sign_in(port: int) -> str:
    """Sign in as the demo lead through the real form; return the Cookie header that keeps the session."""
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    try:
        connection.request("GET", "/account/sign-in")
        response = connection.getresponse()
        page = response.read().decode()
        csrf_cookie = SimpleCookie(response.getheader("Set-Cookie", ""))["csrftoken"].value
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if match is None:
            raise RuntimeError("the sign-in page has no CSRF token")
        form = {"username": DEMO_USERNAME, "password": DEMO_PASSWORD, "csrfmiddlewaretoken": match[1], "next": "/"}
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={csrf_cookie}"}
        connection.request("POST", "/account/sign-in", body=urlencode(form), headers=headers)
        response = connection.getresponse()
        response.read()
        cookies = SimpleCookie()
        for header in response.headers.get_all("Set-Cookie") or []:
            cookies.load(header)
        if response.status != 302 or "sessionid" not in cookies:
            raise RuntimeError(f"sign-in failed: {response.status} {response.getheader('Location')}")
        return f"sessionid={cookies['sessionid'].value}"
    finally:
        connection.close()
