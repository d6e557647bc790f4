"""Split a statement's text into sentences, whatever the file it came from.

Text from PDFs breaks lines mid-sentence and hyphenates words across lines; Word and HTML give
headings and list items with no full stop. So the text is first cut into paragraphs (blank lines),
then into lines that stand alone (bullets, headings), then the rest are joined and cut at full
stops that end a sentence (not those of "Ltd.", "e.g." or "No. 5").
"""

import re
import unicodedata

# Words that end with a full stop without ending the sentence (lower case, without the stop).
ABBREVIATIONS = frozenset(
    {
        "ltd", "co", "inc", "corp", "plc", "llp", "pty", "bv", "gmbh", "ag", "sa", "nv",
        "e.g", "i.e", "eg", "ie", "etc", "cf", "vs", "viz", "al", "approx", "incl", "excl", "dept",
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "rev", "cllr",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "u.k", "u.s", "a.m", "p.m", "govt", "intl",
    }
)  # fmt: skip
# Abbreviations only when a number follows ("No. 5", "p. 12"): "...said no. We..." ends a sentence.
_NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "vol", "p", "pp", "para", "paras", "s", "ss", "fig", "ref"})

_COMPANY_SUFFIXES = frozenset({"ltd", "plc", "inc", "llp", "corp", "co"})
_SENTENCE_STARTERS = frozenset(
    {"We", "Our", "The", "This", "These", "It", "In", "As", "All", "Its", "They", "There", "Each", "Since", "During"}
)
_PAGE_LINE = re.compile(r"^\s*(page\s*)?\d{1,4}(\s*(of|/)\s*\d{1,4})?\s*$", re.IGNORECASE)
_BULLET = re.compile(
    r"^\s*(?:[•●○◦▪▫■□‣\u2043∙·\-\u2013\u2014*➢➤►✓✔]|\(?\d{1,2}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)])\s+", re.I
)
_SENTENCE_END = re.compile(r"([.!?…]+)([\"'\u201d\u2019)\]]*)\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9•])")
_CONNECTORS = frozenset(
    {"and", "or", "the", "of", "to", "a", "an", "in", "for", "with", "by", "on", "our", "its", "their", "as", "at"}
)
_MAX_HEADING_WORDS = 10
# A line this short, without end punctuation and followed by a capital, is a heading even in
# sentence case ("Our business and supply chains"); running PDF lines are longer.
_SHORT_HEADING_WORDS = 7
# Lines at least this long mean the text was wrapped to a width (PDF), not written a line per paragraph.
_WRAPPED_WIDTH = 50
MAX_SENTENCE_CHARS = 2000
# How far either side of a full stop is looked at to tell an abbreviation: more than its longest.
_WORD_WINDOW = 64


def normalise(text: str) -> str:
    """Unicode compatibility forms (ligatures such as "ﬁ"), no soft hyphens, plain newlines."""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\u00ad", "").replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    text = re.sub(r"[\u00a0\u2000-\u200b\u202f\u205f\u3000\t]", " ", text)
    return re.sub(r"[\u2028\u2029]", "\n", text)


def split_sentences(text: str) -> list[str]:
    sentences: list[str] = []
    for paragraph in re.split(r"\n\s*\n", normalise(text)):
        for unit in _units(paragraph):
            sentences.extend(_cut(unit))
    return [sentence for sentence in sentences if _worth_keeping(sentence)]


def _units(paragraph: str) -> list[str]:
    """Lines of one paragraph grouped into the pieces that read on: a bullet item with its
    continuation lines, a heading alone, running text joined across line breaks.

    The piece being read is kept as a list of its lines and joined once, when it ends, and only its
    last line is looked at: a paragraph of many lines is read in time linear in its length."""
    lines = [line.strip() for line in paragraph.split("\n") if line.strip()]
    # In wrapped text (a PDF page) a line well short of the full width ends its paragraph or item.
    width = max((len(line) for line in lines), default=0) if len(lines) >= 3 else 0
    units: list[str] = []
    current: list[str] = []  # the piece being read, never holding an empty string

    def close() -> None:
        units.append("".join(current))
        current.clear()

    for number, line in enumerate(lines):
        following = lines[number + 1] if number + 1 < len(lines) else ""
        previous = lines[number - 1] if number else ""
        if _BULLET.match(line):
            close()
            current.append(_BULLET.sub("", line, count=1))
        elif (not current or _ends_with_stop(current)) and _is_heading(line, following):
            close()
            units.append(line)
        elif current and width >= _WRAPPED_WIDTH and len(previous) < width * 0.6 and line[:1].isupper():
            close()
            current.append(line)
        elif current:
            _join(current, line)
        else:
            current.append(line)
    close()
    return [unit for unit in units if unit]


_CLOSERS = "'\"\u201d\u2019)"


def _ends_with_stop(pieces: list[str]) -> bool:
    """Whether the text the pieces make ends with . ! ? or :, perhaps inside quotes or brackets."""
    for piece in reversed(pieces):
        kept = piece.rstrip(_CLOSERS)
        if kept:
            return kept[-1] in ".!?:"
    return False


def _join(pieces: list[str], after: str) -> None:
    """Add a line to a paragraph's pieces, mending words hyphenated at the line break."""
    end = "".join(pieces[-2:])[-2:]  # every piece holds a character, so the text's last two are here
    if len(end) == 2 and end[1] == "-" and end[0].isascii() and end[0].isalpha():
        # "suppli-/ers" was one word split by the layout; "Anti-/Slavery" keeps its hyphen.
        if after[:1].islower():
            pieces[-1] = pieces[-1][:-1]
            if not pieces[-1]:
                pieces.pop()
        pieces.append(after)
    else:
        pieces.append(f" {after}")


def _ends_sentence(line: str) -> bool:
    return bool(re.search(r"[.!?:;,…]['\"\u201d\u2019)]*$", line))


def _is_heading(line: str, following: str) -> bool:
    """A short line without end punctuation, followed by a line that starts anew."""
    words = line.split()
    if not words or len(words) > _MAX_HEADING_WORDS or _ends_sentence(line):
        return False
    if words[-1].lower() in _CONNECTORS or line.endswith("-"):
        return False
    if not following:
        return True
    starts_anew = following[:1].isupper() or bool(_BULLET.match(following))
    if not starts_anew:
        return False
    capitalised = sum(1 for word in words if word[:1].isupper() or not word[:1].isalpha())
    return line.isupper() or capitalised >= max(1, len(words) - 1) or len(words) <= _SHORT_HEADING_WORDS


def _cut(unit: str) -> list[str]:
    # A bullet glyph left at a line end by PDF extraction belongs to no sentence.
    unit = re.sub(r"(?:\s+[•●▪■◦])+\s*$", "", re.sub(r"\s+", " ", unit)).strip()
    pieces: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(unit):
        end = match.end(2)
        # Only the word before the stop and the word after it matter: looking no further keeps the
        # cutting linear in the unit's length, however many stops it holds.
        before = unit[max(start, match.start(1) - _WORD_WINDOW) : match.start(1)]
        after = unit[match.end() : match.end() + _WORD_WINDOW]
        if match.group(1) == "." and _is_abbreviation(before, after, whole=match.start(1) - start <= _WORD_WINDOW):
            continue
        pieces.append(unit[start:end].strip())
        start = match.end()
    pieces.append(unit[start:].strip())
    return [chunk for piece in pieces for chunk in _limit(piece) if chunk]


def _is_abbreviation(before: str, after: str, *, whole: bool = True) -> bool:
    """Whether the stop after `before` belongs to an abbreviation. `whole` is False when `before`
    was cut short: a word that fills all of it is longer than any abbreviation."""
    parts = re.split(r"[\s(]", before)
    if not whole and len(parts) == 1:
        return False
    word = parts[-1].lower() if before else ""
    if not word:
        return False
    if word in _COMPANY_SUFFIXES:
        # "Acme Ltd. We make..." ends a sentence; "Acme Ltd. (company number...)" does not.
        return after.split(" ", 1)[0] not in _SENTENCE_STARTERS
    if word in _NUMBER_ABBREVIATIONS:
        return after[:1].isdigit()
    if word in ABBREVIATIONS:
        return True
    # Initials ("J. Smith", "A.B. Jones") and "e.g"/"U.K" style run-together abbreviations.
    return bool(re.fullmatch(r"[a-z]", word) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))


def _limit(sentence: str) -> list[str]:
    """Very long runs (a table flattened into one line) are cut so one sentence stays readable."""
    if len(sentence) <= MAX_SENTENCE_CHARS:
        return [sentence]
    return [sentence[i : i + MAX_SENTENCE_CHARS] for i in range(0, len(sentence), MAX_SENTENCE_CHARS)]


def _worth_keeping(sentence: str) -> bool:
    return any(character.isalnum() for character in sentence) and not _PAGE_LINE.match(sentence)
