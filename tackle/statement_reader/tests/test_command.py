import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tackle.statement_reader.tests.factories import statement_docx, statement_html, statement_pdf, statement_text


def _assess(path, *extra):
    out = StringIO()
    call_command("statements", "assess", str(path), *extra, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "make"),
    [("s.txt", statement_text), ("s.html", statement_html), ("s.pdf", statement_pdf), ("s.docx", statement_docx)],
)
def test_assess_prints_the_same_json_for_every_file_kind(tmp_path, fake_labeller, name, make):
    data = make()
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    result = json.loads(_assess(path, "--json"))
    assert result["sentences"] == 10
    assert result["score"] == 6
    assert result["future_only"] == ["training"]
    assert result["period"] == {"start": "2024-04-01", "end": "2025-03-31"}


def test_the_shipped_model_reads_the_plain_parts_of_a_statement_alike_in_every_file_kind(tmp_path):
    """The trained labeller itself (no stand-in): every file kind gives one reading, and the
    sentences no reader could miss (the approval line, the signature, the group and its supply
    chain, the named policies) are found where they are."""
    readings = []
    for name, make in (("s.txt", statement_text), ("s.html", statement_html), ("s.pdf", statement_pdf)):
        data = make()
        path = tmp_path / name
        path.write_bytes(data.encode() if isinstance(data, str) else data)
        readings.append(json.loads(_assess(path, "--json")))
    assert readings[0] == readings[1] == readings[2]
    result = readings[0]
    assert result["sentences"] == 10
    assert [item["index"] for item in result["approval"]["evidence"]] == [8]
    assert [item["index"] for item in result["signature"]["evidence"]] == [9]
    assert result["areas"]["structure_business_supply_chains"]["covered"]
    assert 5 in [item["index"] for item in result["areas"]["policies"]["evidence"]]
    assert 0 <= result["score"] <= 8


def test_assess_without_json_prints_a_summary(tmp_path, fake_labeller):
    path = tmp_path / "s.txt"
    path.write_text(statement_text())
    output = _assess(path)
    assert "score 6 of 8" in output
    assert "- Training: only promised" in output


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("s.xlsx", b"PK\x03\x04", "must be a .txt, .html, .pdf or .docx"),
        ("s.pdf", b"%PDF-1.4 garbage", "PDF could not be read"),
        ("missing.txt", None, "Cannot read"),
    ],
)
def test_a_bad_or_unreadable_file_exits_with_status_2(tmp_path, fake_labeller, name, data, message):
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    with pytest.raises(CommandError, match=message) as raised:
        _assess(path, "--json")
    assert raised.value.returncode == 2


def test_assess_needs_a_file(fake_labeller):
    with pytest.raises(CommandError, match="needs the statement file") as raised:
        call_command("statements", "assess", "--json")
    assert raised.value.returncode == 2


def test_a_broken_labeller_is_reported_not_raised(tmp_path, monkeypatch):
    from tackle.statement_reader import reading

    def broken(sentences):
        raise FileNotFoundError("model files missing")

    monkeypatch.setattr(reading, "default_labeller", broken)
    path = tmp_path / "s.txt"
    path.write_text(statement_text())
    with pytest.raises(CommandError, match="labeller failed \\(model files missing\\)") as raised:
        _assess(path, "--json")
    assert raised.value.returncode == 1
