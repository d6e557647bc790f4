"""The local settings file `make run` writes, and the `tackle` command reading it: a newcomer's
commands work from a new shell, and production without secrets still refuses, in one clear line."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from tackle.env import load_local_settings

ROOT = Path(__file__).resolve().parents[3]
TACKLE = str(Path(sys.executable).parent / "tackle")


@pytest.fixture
def settings_file(tmp_path, monkeypatch):
    path = tmp_path / "local.env"
    monkeypatch.setenv("TACKLE_LOCAL_SETTINGS", str(path))
    return path


def test_the_file_fills_only_what_the_environment_leaves_unset(settings_file, monkeypatch):
    settings_file.write_text("# a comment\n\nTACKLE_TEST_A=from-file\nTACKLE_TEST_B = spaced \n")
    monkeypatch.setenv("TACKLE_TEST_A", "from-environment")
    monkeypatch.delenv("TACKLE_TEST_B", raising=False)
    assert load_local_settings() == settings_file
    assert os.environ["TACKLE_TEST_A"] == "from-environment"
    assert os.environ["TACKLE_TEST_B"] == "spaced"
    monkeypatch.delenv("TACKLE_TEST_B")


def test_a_line_that_is_not_a_setting_is_named_by_its_number(settings_file):
    settings_file.write_text("GOOD=1\nnot a setting\n")
    with pytest.raises(ImproperlyConfigured, match="line 2"):
        load_local_settings()


def test_no_file_or_an_empty_name_reads_nothing(settings_file, monkeypatch):
    assert load_local_settings() is None  # the named file does not exist
    monkeypatch.setenv("TACKLE_LOCAL_SETTINGS", "")
    assert load_local_settings() is None


def _tackle(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    base = {"PATH": "/usr/bin:/bin", "HOME": env.pop("HOME"), "DJANGO_SETTINGS_MODULE": "tackle.settings"}
    return subprocess.run([TACKLE, *args], capture_output=True, text=True, check=False, env={**base, **env})


def test_production_without_a_secret_refuses_in_one_line_without_a_traceback(tmp_path):
    done = _tackle("check", HOME=str(tmp_path), TACKLE_LOCAL_SETTINGS="")
    assert done.returncode == 2
    assert done.stderr.startswith("tackle: SECRET_KEY must be set")
    assert "Traceback" not in done.stderr


def test_a_command_works_from_a_new_shell_with_the_file_make_run_writes(tmp_path):
    path = tmp_path / "tackle.local.env"
    subprocess.run([sys.executable, str(ROOT / "tools" / "write_local_settings.py"), str(path)], check=True)
    first = path.read_text()
    subprocess.run([sys.executable, str(ROOT / "tools" / "write_local_settings.py"), str(path)], check=True)
    assert path.read_text() == first  # written once: the secrets do not change under a running demo
    assert "SECRET_KEY=" in first and "SECRET_KEY=\n" not in first
    database = f"sqlite:///{tmp_path / 'tackle.sqlite3'}"
    done = _tackle("check", HOME=str(tmp_path), TACKLE_LOCAL_SETTINGS=str(path), DATABASE_URL=database)
    assert done.returncode == 0, done.stderr


def test_a_file_written_before_a_secret_was_needed_gains_it_and_keeps_its_own(tmp_path):
    """`tackle backup create` needs TACKLE_BACKUP_KEY: a machine set up before then gets one
    generated on the next `make run`, its other secrets unchanged."""
    path = tmp_path / "tackle.local.env"
    path.write_text("TACKLE_DEMO=1\nSECRET_KEY=kept-as-it-was\nTACKLE_AUDIT_KEY=also-kept")
    subprocess.run([sys.executable, str(ROOT / "tools" / "write_local_settings.py"), str(path)], check=True)
    values = dict(line.split("=", 1) for line in path.read_text().splitlines())
    assert (values["SECRET_KEY"], values["TACKLE_AUDIT_KEY"]) == ("kept-as-it-was", "also-kept")
    assert len(values["TACKLE_BACKUP_KEY"]) >= 32


def test_backup_create_works_from_a_new_shell_with_the_file_make_run_writes(tmp_path):
    path = tmp_path / "tackle.local.env"
    subprocess.run([sys.executable, str(ROOT / "tools" / "write_local_settings.py"), str(path)], check=True)
    env = {"HOME": str(tmp_path), "TACKLE_LOCAL_SETTINGS": str(path)}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'tackle.sqlite3'}"
    env["MEDIA_ROOT"] = str(tmp_path / "media")
    assert _tackle("migrate", "--noinput", "-v0", **env).returncode == 0
    done = _tackle("backup", "create", str(tmp_path / "backup.bin"), **env)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "backup.bin").stat().st_size > 0
