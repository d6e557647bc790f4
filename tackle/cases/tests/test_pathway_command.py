"""`tackle pathway`: the real installed command, as a script would run it."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from tackle.cases.services.pathway import pathway_settings_update

TACKLE = Path(sys.executable).parent / "tackle"


def run_pathway(stdin: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(TACKLE), "pathway", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        env={"DJANGO_SETTINGS_MODULE": "tackle.settings_test", "PATH": "/usr/bin:/bin"},
        timeout=60,
    )


def test_command_prints_the_actions_as_json():
    completed = run_pathway(
        json.dumps({"encountered_at": "2025-03-01T14:30:00+01:00", "age": 19, "consent_to_nrm": False})
    )
    assert completed.returncode == 0, completed.stderr
    body = json.loads(completed.stdout)
    assert body["treated_as_child"] is False
    assert [action["code"] for action in body["actions"]] == ["duty_to_notify"]
    assert body["actions"][0]["due_by"] == "2025-03-03T14:30:00+01:00"


def test_command_pretty_prints_on_request():
    completed = run_pathway('{"encountered_at": "2025-03-01T14:30:00Z", "appears_under_18": true}', "--pretty")
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.startswith("{\n  ")
    assert json.loads(completed.stdout)["treated_as_child"] is True


@pytest.mark.parametrize(
    ("stdin", "named"),
    [
        ('{"encountered_at": "2025-03-01T14:30:00Z", "age": "seventeen"}', "age"),
        ('{"age": 17}', "encountered_at"),
        ('{"encountered_at": "2025-03-01T14:30:00Z", "colour": "red"}', "colour"),
        ('{"encountered_at": ', "JSON"),
        ("[1, 2]", "JSON object"),
        ("", "JSON"),
    ],
)
def test_bad_input_exits_2_naming_the_field(stdin, named):
    completed = run_pathway(stdin)
    assert completed.returncode == 2
    assert named in completed.stderr
    assert completed.stdout == ""


def test_command_uses_an_organisations_settings_when_asked(council_a, lead_a, capsys):
    pathway_settings_update(
        organisation=council_a,
        actor=lead_a,
        ictg_available=False,
        nrm_deadline_hours=24,
        duty_to_notify_deadline_hours=48,
        action_contacts={},
    )
    stdin = io.StringIO('{"encountered_at": "2025-03-01T14:30:00Z", "age": 12}')
    call_command("pathway", "--organisation", council_a.code, stdin=stdin)
    body = json.loads(capsys.readouterr().out)
    assert [action["code"] for action in body["actions"]] == ["children_safeguarding_referral", "nrm_referral"]
    assert body["actions"][1]["due_by"] == "2025-03-02T14:30:00+00:00"


def test_unknown_organisation_exits_2_naming_the_option(db, capsys):
    with pytest.raises(SystemExit) as caught:
        call_command(
            "pathway", "--organisation", "NOPE", stdin=io.StringIO('{"encountered_at": "2025-03-01T14:30:00Z"}')
        )
    assert caught.value.code == 2
    assert "--organisation" in capsys.readouterr().err
