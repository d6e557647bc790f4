"""`tackle statements label-sentences --input IN.csv --output OUT.csv`: the CSV contract."""

import csv
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tackle.statement_reader import labeller
from tackle.statement_reader.labeller import LABELS, label_sentences_csv


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as target:
        writer = csv.writer(target)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(newline="", encoding="utf-8") as source:
        reader = csv.DictReader(source)
        return list(reader.fieldnames or []), list(reader)


ROWS = [
    ["A", "1", "Acme Ltd makes bricks in three factories in the Midlands."],
    ["A", "2", "We audit our suppliers for forced labour every year."],
    ["B", "1", "This statement was approved by the board of directors on 1 March 2025."],
    ["B", "2", "Jane Smith, Chief Executive Officer"],
]


def test_output_keeps_every_row_and_column_and_adds_one_0_1_column_per_label(tmp_path):
    source = write_csv(tmp_path / "in.csv", ["statement_id", "line", "sentence"], ROWS)
    written = label_sentences_csv(source, tmp_path / "out.csv")
    fields, rows = read_csv(tmp_path / "out.csv")
    assert written == 4
    assert fields == ["statement_id", "line", "sentence", *LABELS]
    assert [[row["statement_id"], row["line"], row["sentence"]] for row in rows] == ROWS
    assert all(row[label] in {"0", "1"} for row in rows for label in LABELS)


def test_sentences_of_different_statements_are_labelled_apart(tmp_path, monkeypatch):
    seen: list[list[str]] = []
    real = labeller.label_statement
    monkeypatch.setattr(labeller, "label_statement", lambda sentences: seen.append(sentences) or real(sentences))
    interleaved = [ROWS[0], ROWS[2], ROWS[1], ROWS[3]]
    source = write_csv(tmp_path / "in.csv", ["statement_id", "line", "sentence"], interleaved)
    label_sentences_csv(source, tmp_path / "out.csv")
    _, rows = read_csv(tmp_path / "out.csv")
    assert sorted(seen) == sorted([[ROWS[0][2], ROWS[1][2]], [ROWS[2][2], ROWS[3][2]]])
    assert [row["sentence"] for row in rows] == [row[2] for row in interleaved]


def test_the_command_writes_the_file_and_says_how_many_rows(tmp_path, capsys):
    source = write_csv(tmp_path / "in.csv", ["statement_id", "sentence"], [[row[0], row[2]] for row in ROWS])
    call_command("statements", "label-sentences", "--input", str(source), "--output", str(tmp_path / "out.csv"))
    assert "Labelled 4 sentences" in capsys.readouterr().out
    assert len(read_csv(tmp_path / "out.csv")[1]) == 4


@pytest.mark.parametrize("missing", ["statement_id", "sentence"])
def test_a_missing_column_exits_2_naming_the_column_and_writes_nothing(tmp_path, missing):
    header = [column for column in ["statement_id", "sentence"] if column != missing]
    source = write_csv(tmp_path / "in.csv", header, [["x"]])
    with pytest.raises(CommandError) as raised:
        call_command("statements", "label-sentences", "--input", str(source), "--output", str(tmp_path / "out.csv"))
    assert raised.value.returncode == 2
    assert f"'{missing}'" in str(raised.value)
    assert not (tmp_path / "out.csv").exists()


def test_an_unreadable_input_exits_2_with_a_reason(tmp_path):
    with pytest.raises(CommandError) as raised:
        call_command(
            "statements",
            "label-sentences",
            "--input",
            str(tmp_path / "absent.csv"),
            "--output",
            str(tmp_path / "o.csv"),
        )
    assert raised.value.returncode == 2
    assert "Cannot read" in str(raised.value)


def test_a_file_that_is_not_utf8_exits_2(tmp_path):
    source = tmp_path / "in.csv"
    source.write_bytes("statement_id,sentence\nA,Ferme St-Zotique Lt\x8ee\n".encode("latin-1"))
    with pytest.raises(CommandError) as raised:
        call_command("statements", "label-sentences", "--input", str(source), "--output", str(tmp_path / "out.csv"))
    assert raised.value.returncode == 2
    assert "UTF-8" in str(raised.value)


def test_label_statement_gives_a_probability_per_label_per_sentence():
    scores = labeller.label_statement([row[2] for row in ROWS])
    assert len(scores) == 4
    assert all(set(score) == set(LABELS) and all(0.0 <= value <= 1.0 for value in score.values()) for score in scores)
    assert labeller.label_statement([]) == []
