"""Test helpers: a labeller that follows keywords (so rule tests do not depend on the trained
model), statement files of each kind, and a local web server."""

import functools
import http.server
import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tackle.statement_reader.labeller import LABELS

# Words that make the fake labeller give a label: enough to drive every rule.
KEYWORDS: dict[str, tuple[str, ...]] = {
    "Approval": ("approved by the board",),
    "Signature": ("signed by", "director signature"),
    "C2 (structure)": ("our group", "headquartered"),
    "C2 (operations)": ("we operate", "our operations"),
    "C2 (supply chains)": ("our supply chain", "suppliers in"),
    "C3 (risk description)": ("risk of modern slavery", "high-risk"),
    "C4 (risk mitigation)": ("policy", "audit", "train", "code of conduct", "due diligence", "questionnaire"),
    "C4 (remediation)": ("remediation", "remedy"),
    "C5 (effectiveness)": ("kpi", "measure our effectiveness", "key performance"),
}


def keyword_labeller(sentences: list[str]) -> list[dict[str, float]]:
    scores = []
    for sentence in sentences:
        text = sentence.lower()
        row = dict.fromkeys(LABELS, 0.05)
        for label, words in KEYWORDS.items():
            if any(word in text for word in words):
                row[label] = 0.9
        scores.append(row)
    return scores


STATEMENT_PARAGRAPHS = [
    "Modern Slavery Statement",
    "This statement covers the financial year ending 31 March 2025 for Example Widgets Ltd. and its subsidiaries.",
    "Our group is headquartered in Leeds and we operate three factories.",
    "Our supply chain includes suppliers in twelve countries.",
    "We have assessed the risk of modern slavery in cleaning and logistics.",
    "Our supplier code of conduct and whistleblowing policy apply to every contract.",
    "During the year we completed an audit of forty suppliers.",
    "We will train all buyers in the coming year.",
    "This statement was approved by the board on 30 June 2025.",
    "Signed by Jane Doe, Director.",
]


# The same statement in Welsh, sentence for sentence (issue 21: Welsh and bilingual statements).
WELSH_PARAGRAPHS = [
    "Datganiad Caethwasiaeth Fodern",
    "Mae'r datganiad hwn yn cwmpasu'r flwyddyn ariannol a ddaeth i ben ar 31 Mawrth 2025 ar gyfer Example "
    "Widgets Ltd. a'i is-gwmnïau.",
    "Mae pencadlys ein grŵp yn Leeds ac rydym yn rhedeg tair ffatri.",
    "Mae ein cadwyn gyflenwi yn cynnwys cyflenwyr mewn deuddeg gwlad.",
    "Rydym wedi asesu'r risg o gaethwasiaeth fodern yn y gwaith glanhau a logisteg.",
    "Mae ein cod ymddygiad i gyflenwyr a'n polisi chwythu'r chwiban yn berthnasol i bob contract.",
    "Yn ystod y flwyddyn fe wnaethom gwblhau archwiliad o ddeugain o gyflenwyr.",
    "Byddwn yn hyfforddi pob prynwr yn y flwyddyn i ddod.",
    "Cymeradwywyd y datganiad hwn gan y bwrdd ar 30 Mehefin 2025.",
    "Llofnodwyd gan Jane Doe, Cyfarwyddwr.",
]


def welsh_text() -> str:
    return "\n\n".join(WELSH_PARAGRAPHS)


def bilingual_text(*, side_by_side: bool) -> str:
    """Both languages: paragraph by paragraph, as a two-column table reads out, or English then Welsh."""
    if side_by_side:
        return "\n\n".join(line for pair in zip(STATEMENT_PARAGRAPHS, WELSH_PARAGRAPHS, strict=True) for line in pair)
    return statement_text() + "\n\n" + welsh_text()


def bilingual_docx() -> bytes:
    """A Word statement in a two-column table, Welsh on the left as Welsh public bodies often set it."""
    from docx import Document

    document = Document()
    table = document.add_table(rows=0, cols=2)
    for english, welsh in zip(STATEMENT_PARAGRAPHS, WELSH_PARAGRAPHS, strict=True):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = welsh, english
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def statement_text() -> str:
    return "\n\n".join(STATEMENT_PARAGRAPHS)


def statement_html() -> bytes:
    body = "".join(
        f"<h1>{text}</h1>" if index == 0 else f"<p>{text}</p>" for index, text in enumerate(STATEMENT_PARAGRAPHS)
    )
    head = "<head><title>Statement</title><style>p {}</style></head>"
    return f"<!DOCTYPE html><html lang='en'>{head}<body>{body}</body></html>".encode()


def statement_pdf() -> bytes:
    from weasyprint import HTML

    return HTML(string=statement_html().decode()).write_pdf()


def statement_docx(paragraphs: list[str] | None = None, bullets: list[str] | None = None) -> bytes:
    from docx import Document

    document = Document()
    texts = paragraphs if paragraphs is not None else STATEMENT_PARAGRAPHS
    document.add_heading(texts[0], level=1)
    for text in texts[1:]:
        document.add_paragraph(text)
    for bullet in bullets or []:
        document.add_paragraph(bullet, style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def local_server(folder: Path) -> Iterator[str]:
    """Serve a folder on 127.0.0.1; yields the base address."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
