"""Completions from a learning system's file whose columns are named its own way: found by the
kernel's vocabulary, a guessed one shown with its first values for a person to confirm or correct,
on the page or with --map."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from tackle.core.roles import Role
from tackle.core.tests.table_files import ods
from tackle.training.models import Completion
from tackle.training.services import COMPLETED_ON, COURSE, USER, ColumnsToConfirm, completions_import
from tackle.training.tests.factories import make_course

TODAY = date(2026, 6, 1)
GUESSED = b"Learner mail address,Module,When done\nalice,MS-101,2025-03-01\nbob,MS-101,2025-04-01\n"


@pytest.fixture
def people(make_user, council_a):
    make_user(Role.FRONTLINE_OFFICER, council_a, username="alice")
    make_user(Role.PROCUREMENT_OFFICER, council_a, username="bob")
    make_course(council_a, "MS-101", title="Modern slavery awareness")


def test_known_names_under_title_lines_are_read_without_asking(people, council_a):
    data = b"Exported from the learning system\r\n1 June 2026\r\n\r\nUser name;Course title;Date completed\r\n"
    data += b"alice;Modern slavery awareness;01/03/2025\r\n"
    result = completions_import(organisation=council_a, actor=None, data=data, today=TODAY)
    assert (result.saved, result.rejects) == (1, [])
    assert [(choice.field, choice.confidence) for choice in result.columns] == [
        (USER, 1.0),
        (COURSE, 1.0),
        (COMPLETED_ON, 1.0),
    ]


def test_an_ods_file_is_read(people, council_a):
    data = ods(["username", "course_code", "completed_on"], ["bob", "MS-101", "2025-04-01"])
    assert completions_import(organisation=council_a, actor=None, data=data, today=TODAY).saved == 1


def test_a_guessed_column_saves_nothing_and_shows_its_first_values(people, council_a):
    with pytest.raises(ColumnsToConfirm) as raised:
        completions_import(organisation=council_a, actor=None, data=GUESSED, today=TODAY)
    choices = {choice.field: choice for choice in raised.value.choices}
    assert choices[USER].guessed and choices[USER].samples == ("alice", "bob")
    assert choices[USER].confidence < 1 and choices[COURSE].confidence == 1.0
    assert choices[COMPLETED_ON].column is None
    assert not Completion.objects.exists()


def test_the_columns_a_person_chose_are_used(people, council_a):
    result = completions_import(
        organisation=council_a, actor=None, data=GUESSED, today=TODAY, columns={USER: 0, COURSE: 1, COMPLETED_ON: 2}
    )
    assert result.saved == 2


def test_columns_chosen_for_another_file_are_asked_again(people, council_a):
    with pytest.raises(ColumnsToConfirm):
        completions_import(organisation=council_a, actor=None, data=GUESSED, today=TODAY, columns={USER: 7})


def test_the_page_shows_the_guess_with_sample_values_then_imports_with_the_correction(client_for, lead_a, people):
    client = client_for(lead_a)
    url = reverse("training:completion-import")
    response = client.post(url, {"file": SimpleUploadedFile("c.csv", GUESSED)})
    html = response.content.decode()
    assert 'data-testid="column-choices"' in html and "alice; bob" in html and "Check" in html
    assert response.context["result"] is None and not Completion.objects.exists()
    chosen = {"headers": ["Learner mail address", "Module", "When done"], USER: "0", COURSE: "1", COMPLETED_ON: "2"}
    response = client.post(url, {"file": SimpleUploadedFile("c.csv", GUESSED), **chosen})
    assert response.context["result"].saved == 2


def test_the_page_asks_again_when_one_column_is_given_twice(client_for, lead_a, people):
    chosen = {"headers": ["Learner mail address", "Module", "When done"], USER: "0", COURSE: "0", COMPLETED_ON: "2"}
    response = client_for(lead_a).post(
        reverse("training:completion-import"), {"file": SimpleUploadedFile("c.csv", GUESSED), **chosen}
    )
    assert "Use each column for one field only" in response.content.decode()
    assert not Completion.objects.exists()


def test_the_command_takes_map_and_says_what_it_guessed(people, council_a, tmp_path, capsys):
    path = tmp_path / "c.csv"
    path.write_bytes(GUESSED)
    with pytest.raises(CommandError, match=r"No column holds the date completed.*--map FIELD=HEADER"):
        call_command("training", "import", str(path), "--organisation", council_a.code)
    call_command("training", "import", str(path), "--organisation", council_a.code, "--map", "completed_on=When done")
    output = capsys.readouterr().out
    assert "Username or email: column 'Learner mail address' guessed" in output
    assert "Saved 2 completions" in output
    with pytest.raises(CommandError, match="no column is headed 'Nope'"):
        call_command("training", "import", str(path), "--organisation", council_a.code, "--map", "user=Nope")
