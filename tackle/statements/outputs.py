"""One statement, three outputs from the same content: HTML, PDF (WeasyPrint) and DOCX.

A statement is written in English, in Welsh, or in both side by side (issue 21). Each language's
version is the same content rendered under `translation.override`, so the fixed text (headings,
standard sentences) comes from the Welsh catalogue and dates are written the Welsh way; the
council's own text is its Welsh version of each section, and where that is missing the Welsh
version says so, never giving the English instead.
"""

import io
from typing import Any

import pypdf
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from pypdf.generic import DictionaryObject, IndirectObject, NameObject, TextStringObject

from tackle.core.documents import tagged_pdf, word_document, word_table
from tackle.statements.models import Statement, StatementLanguages
from tackle.statements.sections import (
    APPROVAL_TITLE,
    COMMITMENT_HEADERS,
    COMMITMENTS_TITLE,
    NEXT_HEADERS,
    NEXT_TITLE,
    REVIEW_HEADERS,
    REVIEW_TITLE,
)
from tackle.statements.selectors.commitments import commitment_rows
from tackle.statements.selectors.statement import (
    live_figures,
    next_activity_rows,
    previous_period,
    review_rows,
    section_rows,
)

# Language tags as HTML, PDF and Word write them.
LANGUAGE_TAGS = {"en": "en-GB", "cy": "cy"}
WORD_LANGUAGE_TAGS = {"en": "en-GB", "cy": "cy-GB"}
# The order of the versions: Welsh first, where a reader looks first (Welsh Language Standards).
VERSIONS = {
    StatementLanguages.ENGLISH: ("en",),
    StatementLanguages.WELSH: ("cy",),
    StatementLanguages.BOTH: ("cy", "en"),
}
# Between the blocks of one version (title, each section, each table): side by side, block pairs with block.
_BLOCK = "<!-- tackle-block -->"


def statement_versions(statement: Statement) -> tuple[str, ...]:
    return VERSIONS.get(StatementLanguages(statement.languages), ("en",))


def statement_content(statement: Statement, language: str = "en") -> dict[str, Any]:
    """What the statement says in one language; call it under translation.override(language)."""
    earlier = previous_period(statement.period)
    sections = [(key, _(title), text) for key, title, text in section_rows(statement, language=language)]
    return {
        "statement": statement,
        "organisation": statement.organisation,
        "language": language,
        "lang": LANGUAGE_TAGS[language],
        "sections": sections,
        "missing_welsh": missing_welsh(statement) if language == "cy" else set(),
        "figures": live_figures(statement),
        "review_period": earlier,
        "review_rows": review_rows(earlier) if earlier else [],
        "next_rows": next_activity_rows(statement.period),
        "review_title": _(REVIEW_TITLE),
        "next_title": _(NEXT_TITLE),
        "approval_title": _(APPROVAL_TITLE),
        "review_headers": [_(header) for header in REVIEW_HEADERS],
        "next_headers": [_(header) for header in NEXT_HEADERS],
        "commitments_title": _(COMMITMENTS_TITLE),
        "commitment_headers": [_(header) for header in COMMITMENT_HEADERS],
        "commitment_rows": commitment_rows(statement.organisation_id),
        "signatories": list(statement.signatories.all()),
        "title": statement_title(statement, language),
        "approval_sentence": _approval_sentence(statement),
    }


def missing_welsh(statement: Statement) -> set[str]:
    """Keys of the sections written in English with no Welsh version yet."""
    return {section.key for section in statement.sections.all() if section.text.strip() and not section.text_cy.strip()}


def statement_title(statement: Statement, language: str = "en") -> str:
    with translation.override(language):
        return _("%(organisation)s: modern slavery statement %(period)s") % {
            "organisation": statement.organisation.name,
            "period": statement.period.label,
        }


def document_title(statement: Statement) -> str:
    """The file's own title: each version's, Welsh first, for a bilingual statement."""
    return " / ".join(statement_title(statement, language) for language in statement_versions(statement))


def _version_blocks(statement: Statement, language: str) -> list[str]:
    with translation.override(language):
        html = render_to_string("statements/_statement_version.html", statement_content(statement, language))
    return [block.strip() for block in html.split(_BLOCK) if block.strip()]


def statement_html(statement: Statement) -> str:
    versions = statement_versions(statement)
    blocks = [_version_blocks(statement, language) for language in versions]
    # Side by side, block by block: a section's Welsh beside its English, in rows that stay aligned.
    rows = [
        [(LANGUAGE_TAGS[language], block) for language, block in zip(versions, row, strict=True)]
        for row in zip(*blocks, strict=True)
    ]
    context = {
        "title": document_title(statement),
        "lang": LANGUAGE_TAGS[versions[0]],
        "side_by_side": len(versions) > 1,
        "rows": rows,
    }
    return render_to_string("statements/statement_print.html", context)


def statement_pdf(statement: Statement) -> bytes:
    versions = statement_versions(statement)
    pdf = tagged_pdf(statement_html(statement), title=document_title(statement), language=LANGUAGE_TAGS[versions[0]])
    return _columns_tagged_with_language(pdf, [LANGUAGE_TAGS[language] for language in versions])


def _columns_tagged_with_language(pdf: bytes, tags: list[str]) -> bytes:
    """WeasyPrint gives a PDF one language; side by side, each column's structure element gets its own
    /Lang, as a screen reader needs to switch voice. A row of the layout is a Div holding one Div per
    language; a row cut by a page break holds fewer, and its parts keep the document's language."""
    if len(tags) < 2:
        return pdf
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    writer = pypdf.PdfWriter(clone_from=reader)
    root = writer.root_object["/StructTreeRoot"].get_object()

    def kids(element: DictionaryObject) -> list[DictionaryObject]:
        found = element.get("/K", [])
        found = found if isinstance(found, list) else [found]
        resolved = [kid.get_object() if isinstance(kid, IndirectObject) else kid for kid in found]
        return [kid for kid in resolved if isinstance(kid, DictionaryObject)]

    def walk(element: DictionaryObject) -> None:
        children = [kid for kid in kids(element) if "/S" in kid]
        if element.get("/S") == "/Div" and len(children) == len(tags) and all(c["/S"] == "/Div" for c in children):
            for child, tag in zip(children, tags, strict=True):
                child[NameObject("/Lang")] = TextStringObject(tag)
        for child in children:
            walk(child)

    if isinstance(root, DictionaryObject):
        walk(root)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _word_language(paragraph: Any, tag: str) -> None:
    """Each run of a paragraph in `tag`: Word's spelling checker and screen readers follow it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for run in paragraph.runs:
        properties = run._r.get_or_add_rPr()
        language = properties.find(qn("w:lang"))
        if language is None:
            language = OxmlElement("w:lang")
            properties.append(language)
        language.set(qn("w:val"), tag)


def statement_docx(statement: Statement) -> bytes:
    """One version after the other, Welsh first: Word has no side by side that screen readers
    follow (a layout table is read cell by cell, and would hold the action plan's tables inside
    its cells), so each version keeps its own headings and each paragraph its own language."""
    versions = statement_versions(statement)
    document = word_document(title=document_title(statement), language=WORD_LANGUAGE_TAGS[versions[0]])
    for language in versions:
        with translation.override(language):
            paragraphs, tables = len(document.paragraphs), len(document.tables)
            _docx_version(document, statement, statement_content(statement, language))
            cells = (cell for table in document.tables[tables:] for row in table.rows for cell in row.cells)
            for paragraph in [*document.paragraphs[paragraphs:], *(p for cell in cells for p in cell.paragraphs)]:
                _word_language(paragraph, WORD_LANGUAGE_TAGS[language])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _long_date(day: Any) -> str:
    return date_format(day, "j F Y")


def _docx_version(document: Any, statement: Statement, content: dict[str, Any]) -> None:
    # Headings as in the HTML and the PDF: the title is Heading 1, each section Heading 2.
    document.add_heading(statement_title(statement, content["language"]), level=1)
    for key, title, text in content["sections"]:
        document.add_heading(title, level=2)
        if key in content["missing_welsh"]:
            document.add_paragraph(_("Welsh version missing: this section has not yet been written in Welsh."))
            continue
        for paragraph in (text or _("Not yet written.")).split("\n\n"):
            document.add_paragraph(paragraph.strip())
    document.add_heading(_("Figures"), level=2)
    for figure in content["figures"]:
        document.add_paragraph(
            _("%(label)s: %(value)s (source: %(source)s, as of %(day)s)")
            % {"label": figure.label, "value": figure.value, "source": figure.source, "day": _long_date(figure.as_of)}
        )
    for title, headers, rows in (
        (content["review_title"], content["review_headers"], content["review_rows"]),
        (content["next_title"], content["next_headers"], content["next_rows"]),
    ):
        document.add_heading(title, level=2)
        table = word_table(document, headers)
        for row in rows:
            for cell, value in zip(table.add_row().cells, (row.area, row.proposed, row.done, row.status), strict=True):
                cell.text = value
    _docx_commitments(document, content)
    document.add_heading(content["approval_title"], level=2)
    document.add_paragraph(_approval_sentence(statement))
    for person in content["signatories"]:
        document.add_paragraph(f"{person.name}, {person.role}")
    if statement.review_date:
        document.add_paragraph(_("Next review: %(day)s") % {"day": _long_date(statement.review_date)})


def _approval_sentence(statement: Statement) -> str:
    body = statement.approval_body or _("not yet recorded")
    if statement.approval_date and statement.minute_reference:
        text = _("Approved by %(body)s on %(day)s (minute %(minute)s).")
    elif statement.approval_date:
        text = _("Approved by %(body)s on %(day)s.")
    elif statement.minute_reference:
        text = _("Approved by %(body)s (minute %(minute)s).")
    else:
        text = _("Approved by %(body)s.")
    day = _long_date(statement.approval_date) if statement.approval_date else ""
    return text % {"body": body, "day": day, "minute": statement.minute_reference}


def _docx_commitments(document: Any, content: dict[str, Any]) -> None:
    document.add_heading(content["commitments_title"], level=2)
    table = word_table(document, content["commitment_headers"])
    rows = content["commitment_rows"]
    for row in rows:
        cells = table.add_row().cells
        cells[0].text = f"{row.commitment} ({row.source})"
        cells[1].text = row.progress
        cells[2].text = row.evidence or _("None recorded yet")
    if not rows:
        table.add_row().cells[0].text = _("No commitments recorded.")


def render_statement(statement: Statement, fmt: str) -> bytes:
    if fmt == "pdf":
        return statement_pdf(statement)
    if fmt == "docx":
        return statement_docx(statement)
    return statement_html(statement).encode()
