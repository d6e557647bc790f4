"""The statement as a tagged PDF and as a Word file with real headings, as the lead downloads them."""

from django.urls import reverse

from tackle.core.tests.accessible_documents import assert_accessible_docx, assert_tagged_pdf, pdf_structure
from tackle.statements.sections import TEXT_SECTIONS


def _download(client_for, lead_a, statement, fmt: str) -> bytes:  # type: ignore[no-untyped-def]
    response = client_for(lead_a).get(reverse("statements:statement-download", args=[statement.uuid, fmt]))
    assert response.status_code == 200
    return response.content


def test_the_statement_pdf_is_tagged_with_its_title_headings_and_table_headers(
    statement_a, action_a, lead_a, client_for
) -> None:
    pdf = _download(client_for, lead_a, statement_a, "pdf")
    assert_tagged_pdf(pdf, title=f"Council A: modern slavery statement {statement_a.period.label}", tables=True)
    headings = [kind for kind in pdf_structure(pdf) if kind.startswith("/H")]
    assert headings[0] == "/H1" and headings.count("/H2") >= len(TEXT_SECTIONS)


def test_the_statement_docx_has_word_headings_a_title_and_a_language(statement_a, action_a, lead_a, client_for) -> None:
    docx = _download(client_for, lead_a, statement_a, "docx")
    assert_accessible_docx(docx, title=f"Council A: modern slavery statement {statement_a.period.label}")
