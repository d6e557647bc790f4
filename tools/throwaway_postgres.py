"""Run a command against a throwaway PostgreSQL server built from the machine's binaries.

    python tools/throwaway_postgres.py -- pytest -q

The server listens only on a Unix socket in a temporary folder, which is removed afterwards.
DATABASE_URL is set for the command. Without PostgreSQL binaries: skipped, or a failure with CI=true.
"""

import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SEARCH = ["/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/17/bin"]


def find_bin(name: str) -> str | None:
    for folder in SEARCH:
        candidate = Path(folder) / name
        if candidate.exists():
            return str(candidate)
    return shutil.which(name)


def main(argv: list[str]) -> int:
    command = argv[argv.index("--") + 1 :] if "--" in argv else argv
    initdb, pg_ctl = find_bin("initdb"), find_bin("pg_ctl")
    in_ci = os.environ.get("CI", "").lower() == "true"
    if not (initdb and pg_ctl):
        message = "PostgreSQL binaries (initdb, pg_ctl) not found"
        if in_ci:
            print(f"FAILED: {message}; CI must run the suite on PostgreSQL.", file=sys.stderr)
            return 1
        print(f"SKIPPED the PostgreSQL run: {message}. Install postgresql-15 to run it.", file=sys.stderr)
        return 0
    folder = Path(tempfile.mkdtemp(prefix="tackle-pg-"))
    data = folder / "data"
    as_user: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root: run the server as the postgres user
        account = pwd.getpwnam("postgres")
        os.chown(folder, account.pw_uid, account.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    server_log = folder / "server.log"
    try:
        subprocess.run(
            [*as_user, initdb, "-D", str(data), "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        options = f"-k {folder} -c listen_addresses='' -F -c max_connections=200"
        started = subprocess.run(
            [*as_user, pg_ctl, "-D", str(data), "-l", str(server_log), "-o", options, "-w", "start"],
            stdout=subprocess.DEVNULL,
        )
        if started.returncode != 0:
            print(
                f"FAILED: PostgreSQL did not start:\n{server_log.read_text() if server_log.exists() else ''}",
                file=sys.stderr,
            )
            return 1
        env = {**os.environ, "DATABASE_URL": f"postgres://postgres@/tackle?host={folder}"}
        print(f"PostgreSQL running on socket {folder}", file=sys.stderr)
        return subprocess.run(command, env=env).returncode
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run(
                [*as_user, pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"], stdout=subprocess.DEVNULL
            )
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
