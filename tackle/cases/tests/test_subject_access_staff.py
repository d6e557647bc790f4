"""A member of staff's subject access request (issue 15, item 5): `tackle sar export --user`
gathers their training attendance, completions and the audit entries of what they did, never a
case; other officers marked; a wrong user or organisation is one line and exit status 2; audited."""

import csv
import io
import zipfile
from datetime import date

import pytest
from django.core.management import ManagementUtility, call_command
from django.core.management.base import CommandError

from tackle.audit.models import AuditAction, AuditEvent
from tackle.audit.services import audit_record
from tackle.cases.subject_access import subject_access_archive
from tackle.core.roles import Role
from tackle.training.models import Completion, CompletionSource, TrainingSession
from tackle.training.services import session_record
from tackle.training.tests.factories import make_course


def _open(path):
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name).decode("utf-8-sig") for name in archive.namelist()}


def _rows(text):
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def officer(make_user, council_a, lead_a):
    officer = make_user(Role.FRONTLINE_OFFICER, council_a)
    session = TrainingSession(
        organisation_id=council_a.pk,
        course=make_course(council_a, code="MS-1", title="Spotting the signs"),
        held_on=date(2025, 3, 1),
        attendee_count=4,
    )
    session_record(actor=lead_a, session=session, attendees=[officer])
    Completion.objects.create(
        user=officer,
        course=make_course(council_a, code="EL-1", title="E-learning"),
        completed_on=date(2025, 4, 1),
        source=CompletionSource.IMPORT,
        recorded_by=lead_a,
    )
    audit_record(action=AuditAction.VIEW, actor=officer, object_type="cases.case", object_id="abc", note="looked")
    audit_record(action=AuditAction.VIEW, actor=lead_a, object_type="cases.case", object_id="xyz", note="not theirs")
    return officer


def _export(officer, council_a, output):
    call_command("sar", "export", "--user", officer.username, "--organisation", council_a.code, "--output", str(output))
    return _open(output)


def test_the_archive_holds_their_training_and_what_they_did(officer, council_a, lead_a, tmp_path):
    files = _export(officer, council_a, tmp_path / "staff.zip")
    assert [row["course"] for row in _rows(files["training_sessions.csv"])] == ["Spotting the signs"]
    completions = {row["course"]: row for row in _rows(files["completions.csv"])}
    assert set(completions) == {"Spotting the signs", "E-learning"}
    assert completions["E-learning"]["recorded_by"] == f"[[REDACT officer]] {lead_a.display_name}"
    assert completions["E-learning"]["source"] == "Imported"
    notes = [row["note"] for row in _rows(files["audit.csv"])]
    assert "looked" in notes and "not theirs" not in notes
    assert "person.json" not in files and "case.json" not in files
    assert "answer" in files["index.txt"] and "--case" in files["index.txt"] and "supplier" in files["index.txt"]
    assert (tmp_path / "staff.zip").stat().st_mode & 0o077 == 0


def test_the_export_is_audited_on_the_member_of_staff(officer, council_a, tmp_path):
    _export(officer, council_a, tmp_path / "staff.zip")
    event = AuditEvent.objects.get(action=AuditAction.EXPORT, note="staff subject access export (command line)")
    assert event.organisation_id == council_a.pk and event.object_id


@pytest.mark.parametrize("who, organisation", [("nobody-here", None), (None, "E09000002")])
def test_a_wrong_user_or_organisation_is_one_line_with_status_2(officer, council_a, tmp_path, who, organisation):
    output = tmp_path / "staff.zip"
    arguments = ["--user", who or officer.username, "--organisation", organisation or council_a.code]
    with pytest.raises(CommandError, match="has no user") as error:
        call_command("sar", "export", *arguments, "--output", str(output))
    assert error.value.returncode == 2 and "\n" not in str(error.value)
    assert not output.exists()
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()


def test_an_existing_file_is_refused(officer, council_a, tmp_path):
    output = tmp_path / "staff.zip"
    output.write_bytes(b"kept")
    with pytest.raises(CommandError, match="already exists") as error:
        call_command(
            "sar", "export", "--user", officer.username, "--organisation", council_a.code, "--output", str(output)
        )
    assert error.value.returncode == 2 and output.read_bytes() == b"kept"


def test_the_command_line_prints_one_line_and_exits_2_for_an_unknown_user(db, capsys):
    with pytest.raises(SystemExit) as exit:
        ManagementUtility(["tackle", "sar", "export", "--user", "nobody", "--organisation", "E09000001"]).execute()
    assert exit.value.code == 2
    assert capsys.readouterr().err.strip().splitlines() == ["CommandError: Organisation E09000001 has no user nobody."]


def test_the_case_archive_says_where_staff_and_suppliers_are_answered(frontline_a, record_concern):
    case = record_concern(frontline_a, person_name="Ana Petrova")
    with zipfile.ZipFile(io.BytesIO(subject_access_archive(case))) as archive:
        index = archive.read("index.txt").decode()
    assert "tackle sar export --user USERNAME" in index and "supplier's contact" in index
