"""The one way Tackle makes a PDF or a Word file, and the checks every app's downloads are held to."""

import io
import re
from pathlib import Path

import pytest
from weasyprint import HTML

from tackle.core.documents import tagged_pdf, word_document, word_table
from tackle.core.tests.accessible_documents import assert_accessible_docx, assert_tagged_pdf, pdf_structure

# A template that forgot its language and titles itself differently: the helper's title and language win.
PAGE = """<!DOCTYPE html><html><head><title>draft</title></head><body>
<h1>Annual figures</h1><p>Counted from 1 April.</p>
<h2>Referrals</h2>
<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><title>Referrals by route</title>
<rect width="20" height="10"/></svg>
<table><caption>Referrals by route</caption>
<thead><tr><th scope="col">Route</th><th scope="col">Referrals</th></tr></thead>
<tbody><tr><th scope="row">Police</th><td>4</td></tr></tbody></table>
<h3>Notes</h3><ul><li>Small numbers are withheld.</li></ul>
</body></html>"""

CHART_WITHOUT_TITLE = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect width="20" height="10"/></svg>'
)


def _docx(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_the_pdf_is_tagged_titled_and_in_british_english():
    pdf = tagged_pdf(PAGE, title="Annual figures 2026/27")
    assert_tagged_pdf(pdf, title="Annual figures 2026/27", tables=True)
    structure = pdf_structure(pdf)
    assert [kind for kind in structure if kind.startswith("/H")] == ["/H1", "/H2", "/H3"]
    assert {"/Figure", "/Table", "/Caption", "/TH", "/TD", "/L", "/LI"} <= set(structure)


def test_a_pdf_needs_a_title():
    with pytest.raises(ValueError, match="needs a title"):
        tagged_pdf(PAGE, title=" ")


def test_the_check_refuses_an_untagged_pdf():
    with pytest.raises(AssertionError, match="not tagged"):
        assert_tagged_pdf(HTML(string=PAGE).write_pdf(), title="draft", tables=True)


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("<h2>Referrals</h2><h3>Notes</h3>", "first heading must be level 1"),
        ("<h1>Figures</h1><h3>Notes</h3>", "heading level 3 follows level 1"),
        ("<h1>Figures</h1><table><tr><td>4</td></tr></table>", "not tied to a header cell"),
        ("<h1>Figures</h1><table><tr><th>Police</th><td>4</td></tr></table>", "expected no table"),
        (f"<h1>Figures</h1>{CHART_WITHOUT_TITLE}", "no alternative text"),
    ],
)
def test_the_check_finds_what_a_screen_reader_would_miss(body, problem):
    pdf = tagged_pdf(f'<html lang="en-GB"><body>{body}</body></html>', title="Figures")
    with pytest.raises(AssertionError, match=problem):
        assert_tagged_pdf(pdf, title="Figures", tables=False)


def test_the_word_document_carries_its_title_and_language():
    document = word_document(title="FOI answer")
    document.add_heading("FOI answer", level=1)
    document.add_heading("Question 1", level=2)
    document.add_paragraph("Four referrals.")
    word_table(document, ["Route", "Referrals"]).add_row().cells[0].text = "Police"
    assert_accessible_docx(_docx(document), title="FOI answer")


@pytest.mark.parametrize(
    ("build", "problem"),
    [
        (lambda d: d.add_heading("FOI answer", level=0), "must be Heading 1"),
        (lambda d: d.add_heading("Question 1", level=2), "first heading must be level 1"),
        (lambda d: d.add_paragraph().add_run("Q1. How many?").__setattr__("bold", True), "bold text stands in"),
        (lambda d: (d.add_heading("FOI", level=1), d.add_table(rows=2, cols=2)), "no header row"),
    ],
)
def test_the_word_check_finds_fake_and_missing_structure(build, problem):
    document = word_document(title="FOI answer")
    build(document)
    with pytest.raises(AssertionError, match=problem):
        assert_accessible_docx(_docx(document), title="FOI answer")


def test_every_pdf_and_new_word_file_is_made_here():
    """A PDF made straight from WeasyPrint, or a Word file from a bare Document(), would skip the tags."""
    tackle = Path(__file__).resolve().parents[2]
    makers = tackle / "core" / "documents.py"
    for path in tackle.rglob("*.py"):
        if "tests" in path.parts or path == makers:
            continue
        source = path.read_text()
        assert "weasyprint" not in source, f"{path}: make the PDF with tackle.core.documents.tagged_pdf"
        assert not re.search(r"\bDocument\(\)", source), f"{path}: start the Word file with word_document()"
