"""One statement, three outputs from the same content: HTML, PDF (WeasyPrint) and DOCX."""

import io
from typing import Any

from django.template.loader import render_to_string

from tackle.core.documents import tagged_pdf, word_document, word_table
from tackle.statements.models import Statement
from tackle.statements.sections import APPROVAL_TITLE, COMMITMENTS_TITLE, NEXT_TITLE, REVIEW_TITLE
from tackle.statements.selectors.commitments import commitment_rows
from tackle.statements.selectors.statement import (
    live_figures,
    next_activity_rows,
    previous_period,
    review_rows,
    section_rows,
)

REVIEW_HEADERS = ["Area", "What we proposed", "What we did", "Status"]
NEXT_HEADERS = ["Area", "Activity", "Due", "Owner"]
COMMITMENT_HEADERS = ["Commitment", "Progress", "Evidence"]


def statement_content(statement: Statement) -> dict[str, Any]:
    earlier = previous_period(statement.period)
    return {
        "statement": statement,
        "organisation": statement.organisation,
        "sections": section_rows(statement),
        "figures": live_figures(statement),
        "review_period": earlier,
        "review_rows": review_rows(earlier) if earlier else [],
        "next_rows": next_activity_rows(statement.period),
        "review_title": REVIEW_TITLE,
        "next_title": NEXT_TITLE,
        "approval_title": APPROVAL_TITLE,
        "review_headers": REVIEW_HEADERS,
        "next_headers": NEXT_HEADERS,
        "commitments_title": COMMITMENTS_TITLE,
        "commitment_headers": COMMITMENT_HEADERS,
        "commitment_rows": commitment_rows(statement.organisation_id),
        "signatories": list(statement.signatories.all()),
    }


def statement_title(statement: Statement) -> str:
    return f"{statement.organisation.name}: modern slavery statement {statement.period.label}"


def statement_html(statement: Statement) -> str:
    return render_to_string("statements/statement_print.html", statement_content(statement))


def statement_pdf(statement: Statement) -> bytes:
    return tagged_pdf(statement_html(statement), title=statement_title(statement))


def statement_docx(statement: Statement) -> bytes:
    # Headings as in the HTML and the PDF: the title is Heading 1, each section Heading 2.
    content = statement_content(statement)
    document = word_document(title=statement_title(statement))
    document.add_heading(statement_title(statement), level=1)
    for _, title, text in content["sections"]:
        document.add_heading(title, level=2)
        for paragraph in (text or "Not yet written.").split("\n\n"):
            document.add_paragraph(paragraph.strip())
    document.add_heading("Figures", level=2)
    for figure in content["figures"]:
        document.add_paragraph(
            f"{figure.label}: {figure.value} (source: {figure.source}, as of {figure.as_of:%d %B %Y})"
        )
    for title, headers, rows in (
        (REVIEW_TITLE, REVIEW_HEADERS, content["review_rows"]),
        (NEXT_TITLE, NEXT_HEADERS, content["next_rows"]),
    ):
        document.add_heading(title, level=2)
        table = word_table(document, headers)
        for row in rows:
            for cell, value in zip(table.add_row().cells, (row.area, row.proposed, row.done, row.status), strict=True):
                cell.text = value
    _docx_commitments(document, content["commitment_rows"])
    document.add_heading(APPROVAL_TITLE, level=2)
    approval = f"Approved by {statement.approval_body or 'not yet recorded'}"
    if statement.approval_date:
        approval += f" on {statement.approval_date:%d %B %Y}"
    if statement.minute_reference:
        approval += f" (minute {statement.minute_reference})"
    document.add_paragraph(approval + ".")
    for person in content["signatories"]:
        document.add_paragraph(f"{person.name}, {person.role}")
    if statement.review_date:
        document.add_paragraph(f"Next review: {statement.review_date:%d %B %Y}")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _docx_commitments(document: Any, rows: list[Any]) -> None:
    document.add_heading(COMMITMENTS_TITLE, level=2)
    table = word_table(document, COMMITMENT_HEADERS)
    for row in rows:
        cells = table.add_row().cells
        cells[0].text = f"{row.commitment} ({row.source})"
        cells[1].text = row.progress
        cells[2].text = row.evidence or "None recorded yet"
    if not rows:
        table.add_row().cells[0].text = "No commitments recorded."


def render_statement(statement: Statement, fmt: str) -> bytes:
    if fmt == "pdf":
        return statement_pdf(statement)
    if fmt == "docx":
        return statement_docx(statement)
    return statement_html(statement).encode()
