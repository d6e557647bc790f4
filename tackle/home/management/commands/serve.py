import os
import signal
import subprocess
import sys
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

# A worker that keeps dying is restarted after a growing pause, never faster than this and never
# slower than the longest; one that ran this long before stopping starts again at once.
FIRST_RESTART_SECONDS = 1.0
LONGEST_RESTART_SECONDS = 60.0
STEADY_SECONDS = 60.0


def why_it_stopped(returncode: int) -> str:
    if returncode < 0:
        return f"killed by {signal.Signals(-returncode).name}"
    return f"exit status {returncode}"


class Command(BaseCommand):
    help = (
        "Serve Tackle with gunicorn and run the background task worker beside it, restarting the worker "
        "when it stops; Ctrl+C stops both."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "2")))

    def start_worker(self) -> subprocess.Popen[bytes]:
        worker = subprocess.Popen([sys.executable, "-m", "tackle.cli", "db_worker", "--no-reload"])
        self.stdout.write(f"Task worker started (pid {worker.pid})")
        return worker

    def handle(self, *args: Any, **options: Any) -> None:
        signal.signal(signal.SIGTERM, signal.default_int_handler)  # stop both on SIGTERM as on Ctrl+C
        worker = self.start_worker()
        web = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "tackle.wsgi:application",
                "--bind",
                f"{options['host']}:{options['port']}",
                "--workers",
                str(options["workers"]),
                "--access-logfile",
                "-",
                # Tackle does not use gunicorn's control interface; its default socket is one path
                # per user, so every instance on a host would share it.
                "--no-control-socket",
            ]
        )
        self.stdout.write(f"Tackle is at http://{options['host']}:{options['port']}/")
        try:
            self.supervise(web, worker)
        except KeyboardInterrupt:
            pass
        finally:
            self.stop([web, getattr(self, "worker", worker)])

    def stop(self, processes: list[subprocess.Popen[bytes]]) -> None:
        """Ask each to stop and give it ten seconds; a second Ctrl+C while waiting stops them at once
        (a person pressing it twice wants out, not a traceback)."""
        for process in processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        try:
            for process in processes:
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
        except KeyboardInterrupt:
            for process in processes:
                if process.poll() is None:
                    process.kill()
            self.stderr.write("Stopped at once.")

    def supervise(self, web: subprocess.Popen[bytes], worker: subprocess.Popen[bytes]) -> None:
        """Until the web server stops, restart the task worker whenever it stops, pausing longer
        each time it dies soon after starting."""
        self.worker = worker
        started_at = time.monotonic()
        pause = FIRST_RESTART_SECONDS
        while web.poll() is None:
            returncode = self.worker.poll()
            if returncode is None:
                time.sleep(0.5)
                continue
            if time.monotonic() - started_at >= STEADY_SECONDS:
                pause = FIRST_RESTART_SECONDS
            self.stderr.write(
                f"The task worker stopped ({why_it_stopped(returncode)}); starting it again in {pause:.0f} s."
            )
            time.sleep(pause)
            pause = min(pause * 2, LONGEST_RESTART_SECONDS)
            self.worker = self.start_worker()
            started_at = time.monotonic()
