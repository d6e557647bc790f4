"""Documents Tackle makes for people to keep: tagged PDFs and Word files a screen reader can follow.

A published statement is covered by the public sector bodies accessibility regulations, and every
other pack is read by someone who may use assistive technology. So every PDF is made here as
PDF/UA-1 (a structure tree of headings, lists and table cells, a title shown instead of the file
name, a stated language), and every Word file starts here with its title and language set.
Headings in both are real headings (h1 to h3, Word's "Heading 1" to "Heading 3"), never bold text.
"""

from collections.abc import Sequence
from typing import Any

from django.utils.translation import get_language

LANGUAGE = "en-GB"
PDF_VARIANT = "pdf/ua-1"


def document_language() -> str:
    """A document is in the page's language: Welsh, or else English as LANGUAGE writes it."""
    return "cy" if get_language() == "cy" else LANGUAGE


def tagged_pdf(html: str, *, title: str, language: str = LANGUAGE, base_url: str | None = None) -> bytes:
    """The HTML as a tagged PDF/UA-1 document titled `title` in `language`.

    The title and language given here win over the template's <title> and <html lang>, so the
    document says what it is even where a template forgot.
    """
    from weasyprint import HTML  # imported here: it loads Pango, which only the PDFs need

    if not title.strip():
        raise ValueError("A PDF needs a title: a screen reader announces it instead of the file name.")
    document = HTML(string=html, base_url=base_url).render(pdf_variant=PDF_VARIANT)
    document.metadata.title = title
    document.metadata.lang = language
    return document.write_pdf(pdf_variant=PDF_VARIANT)  # type: ignore[no-any-return]


def word_document(*, title: str, language: str = LANGUAGE) -> Any:
    """A new python-docx Document whose properties carry its title and language.

    The language is also set as the default for every run, which is what Word's spelling checker
    and screen readers read (the template's own default is American English).
    """
    from docx import Document
    from docx.oxml.ns import qn

    document = Document()
    document.core_properties.title = title
    document.core_properties.language = language
    # python-docx's template states its default run language under docDefaults/rPrDefault.
    document.styles.element.find(f"{qn('w:docDefaults')}//{qn('w:lang')}").set(qn("w:val"), language)
    return document


def word_table(document: Any, headers: Sequence[str]) -> Any:
    """A bordered table whose first row holds `headers`, marked as the header row.

    Word repeats a header row on each page, and screen readers announce it with every cell.
    """
    from docx.oxml.ns import qn

    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        cell.text = header
    row_properties = table.rows[0]._tr.get_or_add_trPr()
    row_properties.append(row_properties.makeelement(qn("w:tblHeader"), {}))
    return table
