"""The fields a page's form posts, read from its HTML, for tests that post generated input to any
form without knowing it: each field's name, its kind, and the values its options offer."""

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Field:
    name: str
    kind: str  # "text", "file", "choice" (select, radios, checkboxes)
    options: list[str] = field(default_factory=list)


class _Fields(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, Field] = {}
        self._select: str | None = None
        self._in_form = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        name = values.get("name", "")
        if tag == "form" and values.get("method", "").lower() == "post":
            self._in_form = True
        if not self._in_form:
            return
        if tag == "select" and name:
            self._select = name
            self.fields.setdefault(name, Field(name, "choice"))
        elif tag == "option" and self._select:
            self.fields[self._select].options.append(values.get("value", ""))
        elif tag == "textarea" and name:
            self.fields.setdefault(name, Field(name, "text"))
        elif tag == "input" and name and name != "csrfmiddlewaretoken":
            kind = values.get("type", "text")
            if kind in {"radio", "checkbox"}:
                self.fields.setdefault(name, Field(name, "choice")).options.append(values.get("value", "on"))
            elif kind == "file":
                self.fields.setdefault(name, Field(name, "file"))
            elif kind not in {"submit", "button", "hidden"}:
                self.fields.setdefault(name, Field(name, "text"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        if tag == "form":
            self._in_form = False


def form_fields(html: str) -> list[Field]:
    """The fields of the page's POST forms (hidden ones left out: the page sets them)."""
    parser = _Fields()
    parser.feed(html)
    return list(parser.fields.values())
