import subprocess
import sys
from pathlib import Path


def test_tackle_command_is_installed_and_runs_django_commands():
    tackle = Path(sys.executable).parent / "tackle"
    assert tackle.exists(), "the `tackle` command should be installed in the virtualenv"
    completed = subprocess.run(
        [str(tackle), "help"],
        capture_output=True,
        text=True,
        check=False,
        env={"DJANGO_SETTINGS_MODULE": "tackle.settings_test", "PATH": "/usr/bin:/bin"},
    )
    assert completed.returncode == 0, completed.stderr
    for command in ("audit", "demo", "token", "serve", "migrate", "db_worker"):
        assert command in completed.stdout
