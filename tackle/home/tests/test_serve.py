"""`tackle serve` as a real process on a loopback port with a database of its own."""

import os
import re
import signal
import socket

from tackle.core.tests.processes import database, log_of, migrated_database, started, wait_for

__all__ = ["database", "migrated_database", "started"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def worker_pids(serve) -> list[int]:
    return [int(pid) for pid in re.findall(r"Task worker started \(pid (\d+)\)", log_of(serve))]


def test_serve_restarts_a_task_worker_that_was_killed(database, started):
    serve = started(database, "serve", "--port", str(free_port()), "--workers", "1")
    first = wait_for(lambda: worker_pids(serve), seconds=30, what="the first worker")[0]
    os.kill(first, signal.SIGKILL)

    pids = wait_for(lambda: worker_pids(serve)[1:], seconds=30, what="a restarted worker")
    assert pids[0] != first
    assert "The task worker stopped (killed by SIGKILL); starting it again in 1 s." in log_of(serve)
    assert serve.poll() is None


def test_serve_does_not_share_gunicorns_control_socket_with_other_instances(database, started):
    serve = started(database, "serve", "--port", str(free_port()), "--workers", "1")
    wait_for(lambda: "Listening at" in log_of(serve), seconds=30, what="gunicorn to listen")
    assert not (database.parent / ".gunicorn").exists()


def test_pressing_ctrl_c_twice_stops_serve_at_once_without_a_traceback(database, started):
    serve = started(database, "serve", "--port", str(free_port()), "--workers", "1")
    wait_for(lambda: "Listening at" in log_of(serve) and worker_pids(serve), seconds=30, what="serve to start")
    serve.send_signal(signal.SIGINT)
    wait_for(lambda: serve.poll() is not None or "Handling signal: term" in log_of(serve), seconds=10, what="stopping")
    if serve.poll() is None:  # still waiting for its children: the second Ctrl+C
        serve.send_signal(signal.SIGINT)
    serve.wait(timeout=15)
    assert "Traceback" not in log_of(serve)
    assert serve.returncode == 0
