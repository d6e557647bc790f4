import io

import pytest
from django.core.management import CommandError, call_command
from docx import Document
from pypdf import PdfReader

from tackle.statements.outputs import COMMITMENT_HEADERS, NEXT_HEADERS, REVIEW_HEADERS
from tackle.statements.sections import APPROVAL_TITLE, COMMITMENTS_TITLE, NEXT_TITLE, REVIEW_TITLE, TEXT_SECTIONS
from tackle.statements.services.commitments import commitment_create, commitment_link_actions

HEADINGS = [title for _, title in TEXT_SECTIONS] + [REVIEW_TITLE, NEXT_TITLE, COMMITMENTS_TITLE, APPROVAL_TITLE]


def _build(council_a, tmp_path, fmt: str):  # type: ignore[no-untyped-def]
    output = tmp_path / f"statement.{fmt}"
    call_command(
        "statements",
        "build",
        "--organisation",
        council_a.code,
        "--period",
        "2025-2026",
        "--format",
        fmt,
        "--output",
        str(output),
        stdout=io.StringIO(),
    )
    return output


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_build_html_has_every_heading_and_the_policy_text(statement_a, council_a, tmp_path) -> None:
    html = _build(council_a, tmp_path, "html").read_text()
    for heading in HEADINGS:
        assert heading in html
    assert "Our policies say what to do." in html


def test_build_pdf_has_every_heading_and_all_three_tables(statement_a, action_a, council_a, lead_a, tmp_path) -> None:
    commitment = commitment_create(organisation=council_a, actor=lead_a, source="Motion", title="Pay a living wage")
    commitment_link_actions(commitment=commitment, actor=lead_a, actions=[action_a])
    reader = PdfReader(_build(council_a, tmp_path, "pdf"))
    text = _flat(" ".join(page.extract_text() for page in reader.pages))
    for heading in HEADINGS + REVIEW_HEADERS + NEXT_HEADERS + COMMITMENT_HEADERS:
        assert _flat(heading) in text, heading
    assert "Add clauses to contracts" in text
    assert "Pay a living wage" in text and "0 of 1 linked actions done" in text


def test_build_docx_has_every_heading_and_all_three_tables(statement_a, action_a, council_a, tmp_path) -> None:
    document = Document(str(_build(council_a, tmp_path, "docx")))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings == [title for _, title in TEXT_SECTIONS] + [
        "Figures",
        REVIEW_TITLE,
        NEXT_TITLE,
        COMMITMENTS_TITLE,
        APPROVAL_TITLE,
    ]
    assert len(document.tables) == 3
    assert [cell.text for cell in document.tables[2].rows[0].cells] == COMMITMENT_HEADERS
    assert document.tables[2].rows[1].cells[0].text == "No commitments recorded."
    assert [cell.text for cell in document.tables[0].rows[0].cells] == REVIEW_HEADERS
    assert document.tables[1].rows[1].cells[1].text == "Add clauses to contracts"


@pytest.mark.parametrize(
    "arguments, message",
    [
        (["--organisation", "NOPE", "--period", "2025-2026", "--output", "x"], "No organisation"),
        (["--organisation", "E09000001", "--period", "1999-2000", "--output", "x"], "no statement"),
        (["--organisation", "E09000001", "--period", "2025-2026"], "--output"),
    ],
)
def test_build_explains_what_is_wrong(statement_a, arguments, message) -> None:
    with pytest.raises(CommandError, match=message) as refused:
        call_command("statements", "build", *arguments)
    assert refused.value.returncode == 2  # a person's input: one line, exit status 2


def test_build_reports_a_file_it_cannot_write(statement_a, council_a, tmp_path) -> None:
    with pytest.raises(CommandError, match="Could not write") as refused:
        call_command(
            "statements",
            "build",
            "--organisation",
            council_a.code,
            "--period",
            "2025-2026",
            "--format",
            "html",
            "--output",
            str(tmp_path / "missing" / "s.html"),
        )
    assert refused.value.returncode == 2
