"""`tackle targeting rank FILE... --json`, run as from a shell."""

import json
import sys

import pytest
from django.core.management import CommandError, call_command, execute_from_command_line

from tackle.targeting.tests.factories import LISTS

pytestmark = pytest.mark.django_db  # the command runs Django's system checks first


@pytest.fixture
def files(tmp_path):
    paths = []
    for name, text in LISTS.items():
        path = tmp_path / name
        path.write_text(text)
        paths.append(str(path))
    return paths


def tackle(*args: str) -> int:
    """Run the command in this process, as the shell would: its exit status, its error on stderr."""
    try:
        call_command(*args)
    except CommandError as error:
        sys.stderr.write(f"CommandError: {error}\n")
        return error.returncode
    return 0


def test_from_the_shell_a_bad_file_exits_2(tmp_path, capsys):
    with pytest.raises(SystemExit) as stopped:
        execute_from_command_line(["tackle", "targeting", "rank", str(tmp_path / "nothere.csv"), "--json"])
    assert stopped.value.code == 2
    assert "nothere.csv: cannot be read" in capsys.readouterr().err


def test_rank_prints_the_ranking_as_json(files, capsys):
    assert tackle("targeting", "rank", *files, "--json") == 0
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert (data["entities"], data["records"]) == (4, 8)
    top = data["ranked"][0]
    assert list(top) == ["entity_id", "name", "postcode", "sources", "score", "reasons"]
    assert (top["name"], top["postcode"], top["score"]) == ("Sparkle Hand Carwash Limited", "B70 6AB", 108)
    assert top["sources"] == ["environmental_health", "fire", "trading_standards"]
    assert err == "trading_standards line 4: “NOTAPOSTCODE” is not a UK postcode\n"


def test_the_same_files_in_another_order_give_the_same_json(files, capsys):
    tackle("targeting", "rank", *files, "--json")
    first = capsys.readouterr().out
    tackle("targeting", "rank", *reversed(files), "--json")
    assert capsys.readouterr().out == first


def test_top_keeps_the_first_premises_but_counts_them_all(files, capsys):
    assert tackle("targeting", "rank", *files, "--json", "--top", "1") == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["entities"], len(data["ranked"])) == (4, 1)


def test_without_json_the_mapping_and_reasons_are_printed(files, capsys):
    assert tackle("targeting", "rank", *files, "--top", "1") == 0
    out = capsys.readouterr().out
    assert "fire: 3 records, 0 rejected; Business name = “Premises name”" in out
    assert "1. Sparkle Hand Carwash Limited, B70 6AB: 108" in out
    assert "2." not in out


def test_a_guessed_column_can_be_corrected(tmp_path, capsys):
    path = tmp_path / "licensing.csv"
    path.write_text("Operator,Shop,Postcode\nAcme Holdings,Acme Nails,B70 6AB\n")
    assert tackle("targeting", "rank", str(path), "--json", "--map", "licensing.csv:business_name=Shop") == 0
    assert json.loads(capsys.readouterr().out)["ranked"][0]["name"] == "Acme Nails"


def test_a_guessed_column_is_used_and_said_on_stderr_with_how_to_change_it(tmp_path, capsys):
    path = tmp_path / "licensing.csv"
    path.write_text("Licensed operator,Postcod\nAcme Holdings,B70 6AB\n")
    assert tackle("targeting", "rank", str(path), "--json") == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["ranked"][0]["postcode"] == "B70 6AB"
    assert err.splitlines() == [
        "licensing: Business name is column “Licensed operator”, guessed (contains 'operator'); "
        "--map licensing:business_name=COLUMN to change it",
        "licensing: Postcode is column “Postcod”, guessed (close to 'postcode'); "
        "--map licensing:postcode=COLUMN to change it",
    ]


def test_a_missing_file_exits_2_naming_it(tmp_path, capsys):
    assert tackle("targeting", "rank", str(tmp_path / "nothere.csv"), "--json") == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "nothere.csv: cannot be read (No such file or directory)" in err


def test_a_file_without_a_name_column_exits_2_naming_it(files, tmp_path, capsys):
    bad = tmp_path / "housing.csv"
    bad.write_text("Postcode,Notes\nB70 6AB,damp\n")
    assert tackle("targeting", "rank", *files, str(bad), "--json") == 2
    _, err = capsys.readouterr()
    assert "housing.csv: No column holds the business name or trading name" in err


def test_a_binary_file_exits_2(tmp_path, capsys):
    bad = tmp_path / "photo.csv"
    bad.write_bytes(b"\x89PNG\x00\x00")
    assert tackle("targeting", "rank", str(bad), "--json") == 2
    assert "photo.csv: The file must be a CSV file saved as UTF-8 or Windows-1252" in capsys.readouterr().err


def test_a_bad_correction_exits_2(files, capsys):
    assert tackle("targeting", "rank", *files, "--map", "fire.csv:colour=Red") == 2
    assert "write FILE:FIELD=COLUMN" in capsys.readouterr().err


def test_with_an_organisation_its_intelligence_counts(files, lead_a, capsys):
    from tackle.disrupt.tests.factories import make_intelligence, make_premises

    dragon = make_premises(lead_a, name="Golden Dragon", address="4 Mill Lane", postcode="B70 9EF")
    make_intelligence(lead_a).premises.add(dragon)
    assert tackle("targeting", "rank", *files, "--json", "--organisation", lead_a.organisation.code) == 0
    ranked = json.loads(capsys.readouterr().out)["ranked"]
    entity = next(entity for entity in ranked if entity["postcode"] == "B70 9EF")
    assert any(reason.startswith("1 intelligence report") for reason in entity["reasons"])


def test_an_unknown_organisation_exits_2(files, capsys):
    assert tackle("targeting", "rank", *files, "--organisation", "NOPE") == 2
    assert "No organisation with code NOPE" in capsys.readouterr().err


def test_a_million_column_list_is_refused_at_its_first_line(tmp_path, capsys):
    path = tmp_path / "wide.csv"
    path.write_text("Business,Postcode" + ",x" * 200_000 + "\n")  # hung the command (a header check was quadratic)
    assert tackle("targeting", "rank", str(path), "--json") == 2
    assert "wide.csv: Line 1 has 200,002 values; a file may have at most 1,000 columns" in capsys.readouterr().err


def test_a_list_over_5_mb_is_refused_before_it_is_read(tmp_path, capsys):
    path = tmp_path / "huge.csv"
    with path.open("wb") as handle:
        handle.truncate(250 * 1024 * 1024)  # sparse: 250 MB on paper (it took the command past 6 GB)
    assert tackle("targeting", "rank", str(path), "--json") == 2
    assert "huge.csv: The file must be smaller than 5 MB" in capsys.readouterr().err


def test_a_list_of_too_many_rows_is_refused(tmp_path, capsys):
    path = tmp_path / "long.csv"
    path.write_text("Business,Postcode\n" + "A,B70 6AB\n" * 50_001)
    assert tackle("targeting", "rank", str(path), "--json") == 2
    assert "long.csv: The file has more than 50,000 rows" in capsys.readouterr().err


def test_lists_holding_too_many_records_together_are_refused(tmp_path, capsys, monkeypatch):
    from tackle.targeting.management.commands import targeting

    monkeypatch.setattr(targeting, "MAX_RECORDS", 10)  # the bound is what is tested, not its size
    paths = []
    for number in range(3):
        path = tmp_path / f"list{number}.csv"
        path.write_text("Business,Postcode\n" + "A,B70 6AB\n" * 4)
        paths.append(str(path))
    assert tackle("targeting", "rank", *paths, "--json") == 2
    assert "more than 10 records together" in capsys.readouterr().err


def test_an_outcome_no_rule_knows_is_named_on_stderr_and_the_organisations_answer_used(tmp_path, lead_a, capsys):
    from tackle.targeting.services import outcome_wordings_classify

    path = tmp_path / "licensing.csv"
    path.write_text("Premises,Postcode,Outcome\nGolden Dragon,B70 9EF,Minded to vary conditions\n")
    assert tackle("targeting", "rank", str(path), "--json") == 0
    captured = capsys.readouterr()
    assert "licensing: outcome “minded to vary conditions” (1 line) is not understood" in captured.err
    assert json.loads(captured.out)["ranked"][0]["reasons"] == []
    decisions = {"Minded to vary conditions": True}
    outcome_wordings_classify(organisation=lead_a.organisation, actor=lead_a, decisions=decisions)
    code = lead_a.organisation.code
    assert tackle("targeting", "rank", str(path), "--json", "--organisation", code) == 0
    captured = capsys.readouterr()
    assert "not understood" not in captured.err
    reasons = json.loads(captured.out)["ranked"][0]["reasons"]
    assert reasons[0] == "Non-compliant with licensing: Minded to vary conditions (+20)"
