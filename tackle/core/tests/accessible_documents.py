"""What every document Tackle makes must show a screen reader; each app's test of a download calls these.

A PDF is read as PDF/UA asks: marked as tagged, a structure tree, a stated language, a title in
both the document information and the XMP metadata (shown instead of the file name), headings from
H1 without a skipped level, every figure with alternative text, and in a table every data cell tied
to its header cells. A Word file: its title and language in the core properties and as the default
run language, headings in Word's own "Heading n" styles from Heading 1 without a skip, no paragraph
that is a heading only by being bold, and each table's first row marked as its header row.
"""

import io
import itertools
import re
from typing import Any

import pypdf
from docx import Document
from docx.oxml.ns import qn
from pypdf.generic import ArrayObject, BooleanObject, DictionaryObject, IndirectObject

LANGUAGE = "en-GB"


def _elements(node: Any) -> list[DictionaryObject]:
    """The structure elements under `node` in reading order (a pre-order walk of /K)."""
    if isinstance(node, IndirectObject):
        node = node.get_object()
    if isinstance(node, ArrayObject):
        return [element for kid in node for element in _elements(kid)]
    if not isinstance(node, DictionaryObject):
        return []  # a marked-content number: the text itself
    own = [node] if "/S" in node else []
    return own + _elements(node.get("/K", ArrayObject()))


def _heading_levels_climb_one_at_a_time(levels: list[int]) -> None:
    assert levels and levels[0] == 1, f"the first heading must be level 1, not {levels[:1]}"
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, f"a heading level {after} follows level {before}: {levels}"


def pdf_structure(pdf: bytes) -> list[str]:
    """The structure types of the PDF's tagged elements, in reading order ("/H1", "/P", "/TH" ...)."""
    root = pypdf.PdfReader(io.BytesIO(pdf)).trailer["/Root"]
    return [str(element["/S"]) for element in _elements(root["/StructTreeRoot"])]


def assert_tagged_pdf(pdf: bytes, *, title: str, tables: bool, language: str = LANGUAGE) -> None:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and "/MarkInfo" in root, "the PDF is not tagged"
    assert root["/MarkInfo"]["/Marked"] == BooleanObject(True), "the PDF is not marked as tagged"
    assert root.get("/Lang") == language
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == BooleanObject(True)
    assert reader.metadata is not None and reader.metadata.title == title
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert reader.xmp_metadata is not None and reader.xmp_metadata.dc_title == {"x-default": title}
    assert re.search(r'pdfuaid:part="1"', xmp), "the XMP metadata must claim PDF/UA-1"

    elements = _elements(root["/StructTreeRoot"])
    kinds = [str(element["/S"]) for element in elements]
    _heading_levels_climb_one_at_a_time([int(kind[2:]) for kind in kinds if re.fullmatch(r"/H[1-6]", kind)])
    for figure in (element for element in elements if element["/S"] == "/Figure"):
        assert figure.get("/Alt"), "a figure (chart or image) has no alternative text"
    assert ("/TH" in kinds) == tables, f"expected {'a' if tables else 'no'} table with header cells"
    header_ids = {str(element["/ID"]) for element in elements if element["/S"] == "/TH"}
    for cell in (element for element in elements if element["/S"] == "/TD"):
        headers = {str(header) for header in cell["/A"].get("/Headers", [])}
        assert headers and headers <= header_ids, "a table cell is not tied to a header cell"


def assert_accessible_docx(docx: bytes, *, title: str, language: str = LANGUAGE) -> None:
    document = Document(io.BytesIO(docx))
    assert document.core_properties.title == title
    assert document.core_properties.language == language
    default_language = document.styles.element.find(f"{qn('w:docDefaults')}//{qn('w:lang')}")
    assert default_language.get(qn("w:val")) == language

    levels = []
    for paragraph in document.paragraphs:
        style = paragraph.style.name if paragraph.style is not None else ""
        if match := re.fullmatch(r"Heading (\d)", style):
            levels.append(int(match[1]))
        elif paragraph.text.strip():
            runs = [run for run in paragraph.runs if run.text.strip()]
            assert not all(run.bold for run in runs), f"bold text stands in for a heading: {paragraph.text!r}"
        assert style != "Title", "the document title must be Heading 1, which a screen reader lists"
    _heading_levels_climb_one_at_a_time(levels)
    for table in document.tables:
        first_row = table.rows[0]._tr
        assert first_row.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None, "a table has no header row"
