"""The service's own pages (accessibility statement, privacy notice, cookies, contact): their
default text and how text is shown.

Text is plain: paragraphs are split by a blank line, a line starting "## " is a heading and a
paragraph whose lines all start "- " is a bulleted list. It is never read as HTML, so an
administrator's text cannot add markup or scripts to a public page. "{organisation}" in the text
becomes the organisation's name. Whose text a visitor reads: tackle/home/selectors.py.
"""

from dataclasses import dataclass
from pathlib import Path

from django.utils import translation

from tackle.home.models import ServicePageKind


@dataclass(frozen=True)
class Block:
    kind: str  # "heading", "paragraph" or "list"
    text: str
    items: tuple[str, ...] = ()


def blocks(text: str) -> list[Block]:
    """Plain text as headings, paragraphs and lists, for the template to escape and show."""
    found = []
    for chunk in text.replace("\r\n", "\n").split("\n\n"):
        chunk = chunk.strip()
        if chunk.startswith("## "):
            heading, _, rest = chunk.partition("\n")
            found.append(Block("heading", heading[3:].strip()))
            chunk = rest.strip()
        lines = chunk.splitlines()
        if lines and all(line.startswith("- ") for line in lines):
            found.append(Block("list", "", tuple(line[2:].strip() for line in lines)))
        elif chunk:
            found.append(Block("paragraph", chunk))
    return found


# The default text of each page, for an organisation that has not written its own: English, and in
# Welsh (service_page_texts/cy/) for a reader who chose Cymraeg (issue 21).
_TEXTS = Path(__file__).parent / "service_page_texts"
DEFAULTS: dict[str, str] = {kind.value: (_TEXTS / f"{kind.value}.txt").read_text() for kind in ServicePageKind}
_WELSH_DEFAULTS: dict[str, str] = {
    kind.value: (_TEXTS / "cy" / f"{kind.value}.txt").read_text() for kind in ServicePageKind
}


def default_text(kind: str) -> str:
    """The default text of a page in the active language."""
    return _WELSH_DEFAULTS[kind] if translation.get_language() == "cy" else DEFAULTS[kind]
