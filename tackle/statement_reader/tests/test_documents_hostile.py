"""Hostile statement files are refused before the expensive step, with a clear message."""

import io
import zipfile

import pytest

from tackle.statement_reader import documents
from tackle.statement_reader.documents import MAX_TEXT_CHARS, UnreadableDocument, extract_text
from tackle.statement_reader.tests.factories import statement_docx, statement_pdf

MB = 1024 * 1024


def bomb_docx(inflated: int) -> bytes:
    """A Word document whose document.xml inflates to `inflated` bytes from a few hundred KB."""
    normal = zipfile.ZipFile(io.BytesIO(statement_docx(["We audit our suppliers."])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in normal.infolist():
            if member.filename == "word/document.xml":
                body = normal.read(member)
                archive.writestr(member.filename, body.replace(b"</w:body>", b" " * inflated + b"</w:body>"))
            else:
                archive.writestr(member, normal.read(member))
    return buffer.getvalue()


def test_a_word_document_that_inflates_past_the_limit_is_refused_unread():
    data = bomb_docx(300 * MB)
    assert len(data) < MB  # it passed the 20 MB limit on its size and took a worker to gigabytes
    with pytest.raises(UnreadableDocument, match="unpacks to more than 100 MB"):
        extract_text(data, "docx")


def test_a_word_document_of_too_many_parts_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for number in range(1_001):
            archive.writestr(f"word/media/{number}.xml", b"")
    with pytest.raises(UnreadableDocument, match="holds 1,001 parts"):
        extract_text(buffer.getvalue(), "docx")


def test_text_longer_than_the_limit_is_refused_before_it_is_split():
    with pytest.raises(UnreadableDocument, match=f"more than {MAX_TEXT_CHARS:,} characters"):
        extract_text(b"We audit. " * (MAX_TEXT_CHARS // 10 + 1), "txt")


# PDF and HTML (issue 15, item 2): each limit is checked before the work it bounds.


def _pdf(pages: int, content: bytes = b"") -> bytes:
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, NameObject

    writer = PdfWriter()
    for _ in range(pages):
        page = writer.add_blank_page(200, 200)
        if content:
            stream = DecodedStreamObject()
            stream.set_data(content)
            page[NameObject("/Contents")] = writer._add_object(stream.flate_encode())
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_a_pdf_of_too_many_pages_is_refused_before_any_page_is_read():
    data = _pdf(documents.MAX_PDF_PAGES + 1)
    assert len(data) < MB
    with pytest.raises(UnreadableDocument, match=r"has 1,001 pages; Tackle reads statements of up to 1,000 pages"):
        extract_text(data, "pdf")


def test_a_pdf_page_that_unpacks_past_the_limit_is_refused():
    data = _pdf(1, b" " * (documents.MAX_PDF_STREAM_BYTES + 1))
    assert len(data) < MB  # a few KB that would unpack to more than 20 MB
    with pytest.raises(UnreadableDocument, match="part of it unpacks to more than 20 MB"):
        extract_text(data, "pdf")


def test_a_pdf_whose_pages_together_unpack_past_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr(documents, "MAX_PDF_CONTENT_BYTES", 2 * MB)
    data = _pdf(3, b"BT /F1 12 Tf (We audit.) Tj ET\n" + b" " * MB)
    with pytest.raises(UnreadableDocument, match="its pages unpack to more than 2 MB"):
        extract_text(data, "pdf")


def test_a_pdf_that_takes_too_long_is_stopped_between_pages(monkeypatch):
    monkeypatch.setattr(documents, "MAX_READ_SECONDS", -1)
    with pytest.raises(UnreadableDocument, match="took longer than -1 seconds"):
        extract_text(statement_pdf(), "pdf")


def test_a_web_page_of_a_million_nested_elements_is_refused_after_the_limit():
    data = b"<html><body>" + b"<b>" * 1_000_000 + b"We audit." + b"</b>" * 1_000_000 + b"</body></html>"
    assert len(data) < documents.MAX_HTML_BYTES
    with pytest.raises(UnreadableDocument, match="more than 200,000 elements"):
        extract_text(data, "html")


def test_a_text_file_of_pasted_markup_is_held_to_the_same_element_limit():
    data = b"<p>We audit.</p>" + b"<span>" * (documents.MAX_HTML_ELEMENTS + 1)
    with pytest.raises(UnreadableDocument, match="more than 200,000 elements"):
        extract_text(data, "txt")


def test_a_web_page_past_the_size_limit_is_refused_unparsed():
    data = b"<html><body><p>" + b"We audit our suppliers. " * (documents.MAX_HTML_BYTES // 24 + 1) + b"</p>"
    with pytest.raises(UnreadableDocument, match="The web page must be smaller than 10 MB"):
        extract_text(data, "html")


def test_a_statement_of_too_many_sentences_is_refused_before_it_is_labelled():
    from tackle.statement_reader.reading import MAX_SENTENCES, read_text

    labelled: list[list[str]] = []
    with pytest.raises(UnreadableDocument, match=r"too long to read \(5,001 sentences\)"):
        read_text("We audit. " * (MAX_SENTENCES + 1), labeller=lambda sentences: labelled.append(sentences) or [])
    assert labelled == []
