import pytest

from tackle.statement_reader.documents import UnreadableDocument, extract_text
from tackle.statement_reader.reading import document_kind, read_document
from tackle.statement_reader.sentences import split_sentences
from tackle.statement_reader.tests.factories import (
    STATEMENT_PARAGRAPHS,
    keyword_labeller,
    statement_docx,
    statement_html,
    statement_pdf,
    statement_text,
)


def test_text_file_in_windows_encoding_is_read():
    data = "Our supplier code \u2013 updated 2025.\r\nIt applies to all.".encode("cp1252")
    assert split_sentences(extract_text(data, "txt")) == [
        "Our supplier code \u2013 updated 2025.",
        "It applies to all.",
    ]


def test_html_keeps_paragraphs_and_list_items_apart_and_drops_scripts():
    html = (
        b"<html><head><title>x</title><script>var a = 'We audit.';</script></head><body>"
        b"<nav>Home | About</nav><h2>Our policies</h2><ul><li>Code of conduct</li><li>Speak-up policy</li></ul>"
        b"<p>We train\n staff &amp; suppliers.</p></body></html>"
    )
    assert split_sentences(extract_text(html, "html")) == [
        "Our policies",
        "Code of conduct",
        "Speak-up policy",
        "We train staff & suppliers.",
    ]


@pytest.mark.parametrize("make", [statement_text, statement_html, statement_pdf, statement_docx])
def test_every_file_kind_gives_the_same_sentences(make):
    data = make()
    data = data.encode() if isinstance(data, str) else data
    kind = document_kind(name="", data=data, content_type="text/plain" if make is statement_text else "")
    assert split_sentences(extract_text(data, kind)) == STATEMENT_PARAGRAPHS


def test_word_bullets_and_tables_are_read():
    import io

    from docx import Document

    document = Document()
    document.add_paragraph("Our policies")
    document.add_paragraph("Code of conduct", style="List Bullet")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Audits done"
    table.cell(0, 1).text = "Forty suppliers"
    buffer = io.BytesIO()
    document.save(buffer)
    assert split_sentences(extract_text(buffer.getvalue(), "docx")) == [
        "Our policies",
        "Code of conduct",
        "Audits done",
        "Forty suppliers",
    ]


def test_a_pdf_spread_over_pages_loses_running_headers_and_page_numbers():
    from weasyprint import HTML

    pages = "".join(
        "<div style='page-break-after: always'><p>Acme statement 2025</p>"
        f"<p>Section {n} says we audit suppliers.</p><p>{n}</p></div>"
        for n in range(1, 5)
    )
    pdf = HTML(string=f"<html><body>{pages}</body></html>").write_pdf()
    sentences = split_sentences(extract_text(pdf, "pdf"))
    assert sentences == [f"Section {n} says we audit suppliers." for n in range(1, 5)]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("statement.xlsx", b"PK\x03\x04 not really", "must be a .txt, .html, .pdf or .docx"),
        ("statement.pdf", b"%PDF-1.4 broken beyond repair", "PDF could not be read"),
        ("statement.docx", b"PK\x03\x04 broken", "Word document could not be read"),
        ("statement.txt", b"   \n ", "empty"),
        ("statement.txt", b"\x00\x01\x02binary", "does not look like text"),
    ],
)
def test_bad_files_get_a_clear_message(name, data, message):
    with pytest.raises(UnreadableDocument, match=message):
        read_document(data, name=name, labeller=keyword_labeller)


def test_text_that_is_neither_utf8_nor_windows_1252_is_read_as_latin_1_as_every_upload_is():
    reading = read_document(
        b"We audit suppliers.\nWe train \xe9quipes \x81 yearly.", name="s.txt", labeller=keyword_labeller
    )
    assert reading.sentences[0] == "We audit suppliers."
    assert "\u00e9quipes" in reading.sentences[1]


def test_a_downloaded_file_is_known_by_its_type_even_with_an_odd_name():
    reading = read_document(statement_pdf(), name="statement.aspx", from_url=True, labeller=keyword_labeller)
    assert reading.sentences == STATEMENT_PARAGRAPHS


def test_kind_comes_from_name_then_declared_type_then_content():
    assert document_kind(name="a.HTM") == "html"
    assert document_kind(name="download", content_type="application/pdf; charset=binary") == "pdf"
    assert document_kind(name="download", data=b"%PDF-1.7 ...") == "pdf"
    assert document_kind(name="statement", content_type="text/plain") == "txt"
    with pytest.raises(UnreadableDocument):
        document_kind(name="statement", data=b"\x89PNG")


def test_a_pdf_with_wrapped_paragraphs_headings_and_a_list_splits_cleanly():
    from weasyprint import HTML

    html = (
        "<h1>Modern Slavery Statement</h1><h2>Our supply chains and business</h2>"
        "<p>We are a national provider of facilities management services and we buy goods and services from "
        "more than three thousand suppliers, including agencies supplying temporary labour, manufacturers of "
        "uniforms and providers of cleaning products in many countries. The board reviews our approach.</p>"
        "<h2>Policies</h2><ul><li>Supplier code of conduct, which every supplier signs before its first order</li>"
        "<li>Whistleblowing policy</li></ul><p>We audited 40 suppliers.</p>"
    )
    sentences = split_sentences(extract_text(HTML(string=html).write_pdf(), "pdf"))
    assert sentences[:2] == ["Modern Slavery Statement", "Our supply chains and business"]
    assert sentences[2].startswith("We are a national provider") and sentences[2].endswith("in many countries.")
    assert sentences[3:] == [
        "The board reviews our approach.",
        "Policies",
        "Supplier code of conduct, which every supplier signs before its first order",
        "Whistleblowing policy",
        "We audited 40 suppliers.",
    ]


def test_markdown_is_read_for_its_words_not_its_marks():
    markdown = (
        b"# Modern slavery statement 2024-25\n\n## Training\n\nWe trained **all** buyers in *April 2024* "
        b"(see [our policy](https://example.com/policy)).\n\n- Supplier code updated\n\n> Signed by the director.\n\n"
        b"Sums such as 2*3*4 and names like snake_case_name are left alone.\n"
    )
    assert split_sentences(extract_text(markdown, document_kind(name="statement.md"))) == [
        "Modern slavery statement 2024-25",
        "Training",
        "We trained all buyers in April 2024 (see our policy).",
        "Supplier code updated",
        "Signed by the director.",
        "Sums such as 2*3*4 and names like snake_case_name are left alone.",
    ]


def test_html_pasted_into_a_text_file_is_read_as_text_and_a_lone_angle_bracket_kept():
    pasted = b"<p>We train <strong>staff</strong>.</p><p>We audit <em>suppliers</em>.</p>"
    assert split_sentences(extract_text(pasted, "txt")) == ["We train staff.", "We audit suppliers."]
    assert split_sentences(extract_text(b"Turnover 5 < 10 and 10 > 5.", "txt")) == ["Turnover 5 < 10 and 10 > 5."]
