"""Text out of a statement file: plain text, HTML, PDF or Word.

Each reader keeps the layout cues the sentence splitter needs: paragraphs and list items on lines
of their own, headings as separate lines, PDF pages one after another.
"""

import io
import logging
import re
import time
import zipfile
from collections import Counter
from html.parser import HTMLParser
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from tackle.core.errors import ApplicationError
from tackle.core.uploads import UploadError, check_zip, decode
from tackle.statement_reader import wording

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph
    from pypdf import PdfReader

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
# A Word document is a zip: what it unpacks to, read from the zip's directory, is checked before
# python-docx inflates it (pictures are stored packed already, so a statement unpacks to little more).
MAX_DOCX_INFLATED_BYTES = 100 * 1024 * 1024
# A long statement runs to a few hundred thousand characters; more is refused before it is split.
MAX_TEXT_CHARS = 2_000_000
# A web page's markup is refused past this size or this many elements (a million nested <div>s
# would otherwise be walked one by one); a statement page has a few thousand.
MAX_HTML_BYTES = 10 * 1024 * 1024
MAX_HTML_ELEMENTS = 200_000
# A PDF: its pages counted before any is read, each stream unpacked to at most this (pypdf checks
# as it inflates), and all pages' content together; a long statement has 40 pages and a few MB.
MAX_PDF_PAGES = 1000
MAX_PDF_STREAM_BYTES = 20 * 1024 * 1024
MAX_PDF_CONTENT_BYTES = 100 * 1024 * 1024
# However a file is built, its text is extracted within this time, checked between pages or elements.
MAX_READ_SECONDS = 120
KINDS = ("txt", "html", "pdf", "docx")
# Markdown is read as text: its marks are taken out by the text reader (see _plain).
_SUFFIXES = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "txt",
    ".markdown": "txt",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}
_CONTENT_TYPES = {
    "text/plain": "txt",
    "text/markdown": "txt",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}


class UnreadableDocument(ApplicationError):
    """The file is of a kind we do not read, or it could not be read."""


def _too_slow() -> UnreadableDocument:
    return UnreadableDocument(wording.TOO_SLOW % {"seconds": MAX_READ_SECONDS})


def kind_from_name(name: str) -> str | None:
    return _SUFFIXES.get(PurePosixPath(name.lower()).suffix)


def kind_from_content_type(content_type: str) -> str | None:
    return _CONTENT_TYPES.get(content_type.split(";")[0].strip().lower())


def sniff_kind(data: bytes) -> str | None:
    """The kind from the first bytes, for downloads whose name and type say nothing useful."""
    head = data[:2048].lstrip().lower()
    if head.startswith(b"%pdf"):
        return "pdf"
    if head.startswith(b"pk\x03\x04"):
        return "docx"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    return None


def extract_text(data: bytes, kind: str) -> str:
    """The document's text, with a line per paragraph, heading or list item."""
    if len(data) > MAX_DOCUMENT_BYTES:
        raise UnreadableDocument(wording.TOO_LARGE)
    if not data.strip():
        raise UnreadableDocument(wording.EMPTY)
    readers = {"txt": _text, "html": _html, "pdf": _pdf, "docx": _docx}
    if kind not in readers:
        raise UnreadableDocument(wording.WRONG_KIND)
    text = readers[kind](data)
    if len(text) > MAX_TEXT_CHARS:
        raise UnreadableDocument(wording.TOO_LONG % {"limit": f"{MAX_TEXT_CHARS:,}"})
    if not text.strip():
        raise UnreadableDocument(wording.NO_TEXT)
    return text


def _decode(data: bytes) -> str:
    """Web pages are read leniently: one stray byte in a page must not lose the statement on it."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _text(data: bytes) -> str:
    """A text file is read as every upload is: UTF-8, else Windows-1252, and nothing else. Text
    written in Markdown, or with HTML pasted into it, is read for its words, not its marks."""
    try:
        text = decode(data, max_bytes=MAX_DOCUMENT_BYTES).text
    except UploadError as error:
        # The kernel's message speaks of CSV files; a statement is plain text.
        message = wording.NOT_TEXT_AT_LINE % {"line": error.line} if error.line else wording.NOT_TEXT
        raise UnreadableDocument(message) from None
    return _plain(text)


# Markdown and HTML in a text file ------------------------------------------------------------------

_HTML_TAG = re.compile(r"</?(?:p|br|div|span|strong|em|b|i|u|ul|ol|li|h[1-6]|a|table|tr|td|th|section)\b[^>]*>", re.I)
_MARKDOWN = [
    (re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)[ \t#]*$", re.M), r"\1"),  # headings
    (re.compile(r"^ {0,3}(?:[-*_][ \t]*){3,}$", re.M), ""),  # rules
    (re.compile(r"^ {0,3}>[ \t]?", re.M), ""),  # quotes
    (re.compile(r"^([ \t]*)[-*+][ \t]+", re.M), r"\1• "),  # bullets
    (re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)"), r"\1"),  # images: their text
    (re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)"), r"\1"),  # links: their text
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])"), r"\2"),  # emphasis
    (re.compile(r"`([^`\n]+)`"), r"\1"),  # code
]


def _plain(text: str) -> str:
    """The words of a text file, without HTML tags or Markdown's marks, so that they show (and are
    read) as the sentences they are: "## Training" is the heading "Training", "**all** staff" is
    "all staff"."""
    if _HTML_TAG.search(text):
        parser = _TextParser()
        parser.feed(text)
        parser.close()
        text = "".join(parser.parts)
    for pattern, replacement in _MARKDOWN:
        text = pattern.sub(replacement, text)
    return text


# HTML ---------------------------------------------------------------------------------------------

_BLOCKS = {
    "p", "div", "section", "article", "header", "footer", "main", "aside", "blockquote", "br",
    "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "table", "ul", "ol", "dl", "dt", "dd", "figcaption", "hr",
}  # fmt: skip
_SKIPPED = {"script", "style", "noscript", "template", "head", "svg", "nav"}


class _TextParser(HTMLParser):
    """Raises UnreadableDocument, stopping the parse, at MAX_HTML_ELEMENTS or MAX_READ_SECONDS."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.elements = 0
        self.deadline = time.monotonic() + MAX_READ_SECONDS

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements += 1
        if self.elements > MAX_HTML_ELEMENTS:
            raise UnreadableDocument(wording.PAGE_TOO_BUSY % {"limit": f"{MAX_HTML_ELEMENTS:,}"})
        if self.elements % 1000 == 0 and time.monotonic() > self.deadline:
            raise _too_slow()
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")
            if tag == "li":
                self.parts.append("• ")
        elif tag in {"td", "th"}:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            # Inside a block, HTML's own line breaks are just spaces.
            self.parts.append(re.sub(r"\s+", " ", data))


def _html(data: bytes) -> str:
    if len(data) > MAX_HTML_BYTES:
        raise UnreadableDocument(wording.PAGE_TOO_LARGE % {"megabytes": MAX_HTML_BYTES // (1024 * 1024)})
    parser = _TextParser()
    parser.feed(_decode(data))
    parser.close()
    lines = (line.strip() for line in "".join(parser.parts).split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


# PDF ----------------------------------------------------------------------------------------------

_PAGE_NUMBER = re.compile(r"^\s*(page\s*)?\d{1,4}(\s*(of|/)\s*\d{1,4})?\s*$", re.IGNORECASE)


def _pdf(data: bytes) -> str:
    from pypdf import PdfReader, apply_configuration  # imported here: only PDF readings pay for loading it
    from pypdf.errors import LimitReachedError, PdfReadError

    # pypdf logs every oddity of a damaged file; the person gets one clear message instead.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    unpacked = {
        name: MAX_PDF_STREAM_BYTES
        for name in (
            "zlib_maximum_output_length",
            "lzw_maximum_output_length",
            "run_length_maximum_output_length",
            "brotli_maximum_output_length",
            "array_based_stream_maximum_output_length",
            "maximum_declared_stream_length",
        )
    }
    try:
        with apply_configuration(None, **unpacked):
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                reader.decrypt("")
            pages = _pdf_pages(reader)
    except UnreadableDocument:
        raise
    except LimitReachedError:
        megabytes = MAX_PDF_STREAM_BYTES // (1024 * 1024)
        raise UnreadableDocument(wording.PDF_PART_TOO_LARGE % {"megabytes": megabytes}) from None
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise UnreadableDocument(wording.PDF_UNREADABLE % {"error": error}) from None
    except Exception as error:  # pypdf raises many kinds on broken files; none may become a 500.
        raise UnreadableDocument(wording.PDF_UNREADABLE % {"error": type(error).__name__}) from None
    return "\n".join(_without_running_lines(pages))


def _pdf_pages(reader: "PdfReader") -> list[str]:
    """Each page's text. The page count the file declares is checked before the page tree is
    walked, the count found after; each page's content is unpacked and measured before its text
    is extracted, and the text and the time are checked after each page."""
    tree: Any = reader.root_object.get("/Pages")
    declared = tree.get_object().get("/Count", 0) if tree is not None else 0
    count = max(int(declared) if isinstance(declared, int) else 0, 0)
    if count <= MAX_PDF_PAGES:
        count = len(reader.pages)
    if count > MAX_PDF_PAGES:
        raise UnreadableDocument(wording.PDF_TOO_MANY_PAGES % {"count": f"{count:,}", "limit": f"{MAX_PDF_PAGES:,}"})
    deadline = time.monotonic() + MAX_READ_SECONDS
    unpacked = characters = 0
    pages = []
    for page in reader.pages:
        contents = page.get_contents()
        unpacked += len(contents.get_data()) if contents is not None else 0
        if unpacked > MAX_PDF_CONTENT_BYTES:
            megabytes = MAX_PDF_CONTENT_BYTES // (1024 * 1024)
            raise UnreadableDocument(wording.PDF_PAGES_TOO_LARGE % {"megabytes": megabytes})
        text = page.extract_text() or ""
        characters += len(text)
        if characters > MAX_TEXT_CHARS:
            raise UnreadableDocument(wording.TOO_LONG % {"limit": f"{MAX_TEXT_CHARS:,}"})
        if time.monotonic() > deadline:
            raise _too_slow()
        pages.append(text)
    return pages


def _without_running_lines(pages: list[str]) -> list[str]:
    """Drop page numbers, and headers or footers repeated on most pages."""
    counts: Counter[str] = Counter()
    for page in pages:
        counts.update({line.strip() for line in page.splitlines() if line.strip()})
    repeated = {line for line, count in counts.items() if len(pages) >= 3 and count >= max(3, len(pages) // 2)}
    return [
        "\n".join(line for line in page.splitlines() if line.strip() not in repeated and not _PAGE_NUMBER.match(line))
        for page in pages
    ]


# Word ---------------------------------------------------------------------------------------------


def _docx(data: bytes) -> str:
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError
    from docx.text.paragraph import Paragraph

    try:
        check_zip(data, max_inflated_bytes=MAX_DOCX_INFLATED_BYTES)
    except UploadError as error:
        raise UnreadableDocument(wording.WORD_UNREADABLE % {"reason": error.english}) from None
    try:
        document = Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise UnreadableDocument(wording.WORD_DAMAGED % {"error": error}) from None
    except Exception as error:  # a damaged package can fail deep inside lxml or zipfile.
        raise UnreadableDocument(wording.WORD_DAMAGED % {"error": type(error).__name__}) from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(_docx_paragraph(block))
        else:
            for row in block.rows:
                for cell in row.cells:
                    lines.extend(paragraph.text for paragraph in cell.paragraphs)
    return "\n\n".join(line for line in lines if line.strip())


def _docx_paragraph(paragraph: "Paragraph") -> str:
    text = paragraph.text.strip()
    try:
        style = paragraph.style.name or "" if paragraph.style is not None else ""
    except (AttributeError, KeyError, ValueError):
        style = ""
    properties = paragraph._p.pPr
    numbered = properties is not None and properties.numPr is not None
    if text and ("List" in style or numbered):
        return f"• {text}"
    return text
