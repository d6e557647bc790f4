"""Hostile statement files are refused before the expensive step, with a clear message."""

import io
import zipfile

import pytest

from tackle.statement_reader.documents import MAX_TEXT_CHARS, UnreadableDocument, extract_text
from tackle.statement_reader.tests.factories import statement_docx

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
