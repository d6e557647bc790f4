import io
from datetime import date

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from tackle.core.errors import ApplicationError
from tackle.core.roles import Role
from tackle.core.uploads import UploadError
from tackle.training.models import Completion, CompletionSource
from tackle.training.services import MAX_IMPORT_BYTES, completions_import, parse_completion_date
from tackle.training.tests.factories import make_course

TODAY = date(2026, 6, 1)


@pytest.fixture
def people(make_user, council_a, council_b):
    alice = make_user(Role.FRONTLINE_OFFICER, council_a, username="alice", email="alice@a.example")
    bob = make_user(Role.PROCUREMENT_OFFICER, council_a, username="bob")
    outsider = make_user(Role.FRONTLINE_OFFICER, council_b, username="carol")
    course = make_course(council_a, "MS-101", title="Modern slavery awareness", validity_months=24)
    make_course(council_b, "B-1", title="Council B course")
    return {"alice": alice, "bob": bob, "outsider": outsider, "course": course}


def test_a_good_file_saves_every_line_with_its_expiry(people, council_a):
    data = b"username,course_code,completed_on\nalice,MS-101,2025-03-01\nbob,ms-101,15/01/2026\n"
    result = completions_import(organisation=council_a, actor=None, data=data, today=TODAY)
    assert (result.saved, result.rejects) == (2, [])
    alice = Completion.objects.get(user=people["alice"])
    assert alice.expires_on == date(2027, 3, 1)
    assert alice.source == CompletionSource.IMPORT
    assert Completion.objects.get(user=people["bob"]).completed_on == date(2026, 1, 15)


def test_email_and_course_title_columns_work_too(people, council_a):
    data = "\ufeffEmail,Course title,Completed on\nalice@a.example,Modern slavery awareness,2025-03-01\n".encode()
    result = completions_import(organisation=council_a, actor=None, data=data, today=TODAY)
    assert result.saved == 1


def test_bad_lines_are_reported_by_line_number_and_good_ones_saved(people, council_a):
    data = (
        b"username,course_code,completed_on\n"
        b"alice,MS-101,2025-03-01\n"  # 2: good
        b"nobody,MS-101,2025-03-01\n"  # 3: unknown user
        b"carol,MS-101,2025-03-01\n"  # 4: another council's user
        b"bob,NOPE,2025-03-01\n"  # 5: unknown course
        b"bob,B-1,2025-03-01\n"  # 6: another council's course
        b"bob,MS-101,31/02/2025\n"  # 7: no such date
        b"bob,MS-101,March 2025\n"  # 8: not a date
        b"bob,MS-101,2030-01-01\n"  # 9: future
        b"alice,MS-101,2025-03-01\n"  # 10: duplicate
        b"bob,MS-101\n"  # 11: too few values
        b"\n"  # 12: blank, ignored
        b",MS-101,2025-03-01\n"  # 13: no user
    )
    result = completions_import(organisation=council_a, actor=None, data=data, today=TODAY)
    assert result.saved == 1
    reasons = {reject.line: reject.reason for reject in result.rejects}
    assert sorted(reasons) == [3, 4, 5, 6, 7, 8, 9, 10, 11, 13]
    assert "No active user 'nobody'" in reasons[3]
    assert "No active user 'carol'" in reasons[4]
    assert reasons[5] == "No course 'NOPE'"
    assert reasons[6] == "No course 'B-1'"
    assert "is not a date" in reasons[7] and "is not a date" in reasons[8]
    assert reasons[9] == "The completion date is in the future"
    assert reasons[10] == "This completion is already recorded."
    assert reasons[11] == "Expected 3 values, found 2"
    assert reasons[13] == "No username or email"
    assert Completion.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xff\xfe\x00u\x00s", "The file must be a CSV file saved as UTF-8 or Windows-1252"),
        (b"", "The file is empty"),
        (b"name,when\nalice,2025-01-01\n", "No column holds the username or email; nor the course code or title"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "The file must be a CSV file saved as UTF-8 or Windows-1252"),
    ],
)
def test_an_unreadable_file_saves_nothing(people, council_a, data, message):
    with pytest.raises(ApplicationError, match=message):
        completions_import(organisation=council_a, actor=None, data=data, today=TODAY)
    assert not Completion.objects.exists()


def test_a_file_saved_as_windows_1252_is_read(people, council_a):
    # Refused as "not UTF-8" before the one upload reader; Excel on a UK PC saves CSV this way.
    make_course(council_a, "MS-102", title="Café staff awareness")
    data = "username,course_title,completed_on\nalice,Café staff awareness,2025-03-01\n".encode("cp1252")
    result = completions_import(organisation=council_a, actor=None, data=data, today=TODAY)
    assert (result.saved, result.rejects) == (1, [])


def test_a_file_over_5_mb_is_refused(people, council_a):
    data = b"username,course_code,completed_on\n" + b"alice,MS-101,2025-03-01\n" * (5 * 1024 * 1024 // 24)
    assert len(data) > MAX_IMPORT_BYTES
    with pytest.raises(UploadError, match="The file must be smaller than 5 MB"):
        completions_import(organisation=council_a, actor=None, data=data, today=TODAY)
    assert not Completion.objects.exists()


def test_an_xlsx_workbook_is_read_with_its_sheet_row_numbers(people, council_a):
    book = openpyxl.Workbook()
    for row in (["username", "course_code", "completed_on"], ["alice", "MS-101", date(2025, 3, 1)], ["bob", "NOPE"]):
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    result = completions_import(organisation=council_a, actor=None, data=buffer.getvalue(), today=TODAY)
    assert result.saved == 1
    assert [(reject.line, reject.reason) for reject in result.rejects] == [(3, "No course 'NOPE'")]


def test_a_line_with_a_multi_line_value_is_numbered_by_its_first_line(people, council_a):
    data = b'username,course_code,completed_on\n"bob\nsmith",MS-101,2025-03-01\n'
    result = completions_import(organisation=council_a, actor=None, data=data, today=TODAY)
    assert [reject.line for reject in result.rejects] == [2]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2025-03-01", date(2025, 3, 1)),
        ("01/03/2025", date(2025, 3, 1)),
        ("1/3/2025", date(2025, 3, 1)),
        ("2025-02-30", None),
        ("03/01/25", None),
        ("2025/03/01", None),
        ("", None),
    ],
)
def test_dates_are_iso_or_british(raw, expected):
    assert parse_completion_date(raw) == expected


def test_the_import_command_prints_the_rejects(people, council_a, tmp_path, capsys):
    path = tmp_path / "completions.csv"
    path.write_text("username,course_code,completed_on\nalice,MS-101,2025-03-01\nbob,MS-101,soon\n")
    call_command("training", "import", str(path), "--organisation", council_a.code)
    output = capsys.readouterr().out
    assert "Saved 1 completions; rejected 1 lines." in output
    assert "Line 3: 'soon' is not a date" in output


def test_the_import_command_refuses_an_unknown_organisation_or_unreadable_file(people, council_a, tmp_path):
    path = tmp_path / "completions.csv"
    path.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(CommandError, match="No organisation"):
        call_command("training", "import", str(path), "--organisation", "NOPE")
    with pytest.raises(CommandError, match="UTF-8"):
        call_command("training", "import", str(path), "--organisation", council_a.code)
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("training", "import", str(tmp_path / "missing.csv"), "--organisation", council_a.code)
