"""The Welsh catalogue (locale/cy/LC_MESSAGES/django.po) read as entries: what `tackle i18n`
counts and lists for the council's translation service, and what the catalogue test checks
(docs/i18n.md). A small reader of the PO format, enough for what makemessages writes."""

import ast
import os
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

# A translation a Welsh speaker should check carries this in a comment: a translator's comment in
# the .po (`# Translators: check`) or one extracted from the source (`#. Translators: check`).
REVIEW_MARKER = "Translators: check"


@dataclass
class Entry:
    msgid: str
    msgid_plural: str = ""
    context: str = ""
    msgstr: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)

    @property
    def translated(self) -> bool:
        return bool(self.msgstr) and all(self.msgstr) and "fuzzy" not in self.flags

    @property
    def to_check(self) -> bool:
        return any(REVIEW_MARKER in comment for comment in self.comments)


def catalogue_path(language: str = "cy", domain: str = "django") -> Path:
    return Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / f"{domain}.po"


def read_catalogue(path: Path) -> list[Entry]:
    """Every entry but the header (msgid "") and obsolete ones (#~)."""
    entries: list[Entry] = []
    entry = Entry(msgid="")
    key = ""
    started = False

    def finish() -> None:
        nonlocal entry, started
        if started and entry.msgid:
            entries.append(entry)
        entry, started = Entry(msgid=""), False

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#~"):
            continue
        if line.startswith("#"):
            if started:
                finish()
            if line.startswith("#:"):
                entry.files += [
                    place.rsplit(":", 1)[0] if place[-1:].isdigit() else place for place in line[2:].split()
                ]
            elif line.startswith("#,"):
                entry.flags += [flag.strip() for flag in line[2:].split(",")]
            elif line.startswith("#.") or line.startswith("# "):
                entry.comments.append(line[2:].strip())
            continue
        if line.startswith('"'):
            _append(entry, key, ast.literal_eval(line))
            continue
        keyword, _, value = line.partition(" ")
        if keyword in ("msgctxt", "msgid") and entry.msgstr:
            finish()  # the next entry, with no comment line before it
        started, key = True, keyword
        _append(entry, key, ast.literal_eval(value), new=True)
    finish()
    return entries


def _append(entry: Entry, key: str, text: str, new: bool = False) -> None:
    if key == "msgid":
        entry.msgid += text
    elif key == "msgid_plural":
        entry.msgid_plural += text
    elif key == "msgctxt":
        entry.context += text
    elif key.startswith("msgstr"):
        if new:
            entry.msgstr.append(text)
        else:
            entry.msgstr[-1] += text


@dataclass(frozen=True)
class Counts:
    translated: int
    untranslated: int
    to_check: int


def counts(entries: list[Entry]) -> Counts:
    done = [entry for entry in entries if entry.translated]
    return Counts(len(done), len(entries) - len(done), sum(1 for entry in done if entry.to_check))


def compile_if_stale(path: Path | None = None) -> bool:
    """Compile the .po into its .mo (a build output) when the .mo is missing or older, as `make
    setup` does; True when it compiled. Written beside and renamed, so no reader sees half a file."""
    po = path or catalogue_path()
    mo = po.with_suffix(".mo")
    if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
        return False
    handle, partial = tempfile.mkstemp(dir=po.parent, suffix=".mo.partial")
    os.close(handle)
    try:
        subprocess.run(["msgfmt", "--check-format", "-o", partial, str(po)], check=True, capture_output=True)
        os.replace(partial, mo)
    finally:
        Path(partial).unlink(missing_ok=True)
    return True
