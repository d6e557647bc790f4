"""Which column of a user's table holds which field, guessed from its header with a confidence.

People rename columns (`Supplier Name`, ` supplier`, `Vendor`, `Suplier nmae`, `Bid value (£)`),
so a header is compared with an importer's known names after folding case, spaces and punctuation;
failing that, with a fuzzy score; failing that, by a tell-tale word. Each importer brings its own
vocabulary; the way of matching is the same for all of them.
"""

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

FUZZY_CUTOFF = 85
KNOWN_SCORE = 100
TELL_SCORE = 60
_FOLD = re.compile(r"[^a-z0-9£]+")


def fold_header(text: str) -> str:
    """`  Supplier_Name ` and `SUPPLIER NAME` fold to `supplier name`; `Amount (£)` to `amount`."""
    folded = _FOLD.sub(" ", text.lower().replace("£", " ")).strip()
    return re.sub(r"\b(?:gbp|excl|inc)\b$", "", folded).strip() or folded


@dataclass(frozen=True, slots=True)
class Guess:
    field: str
    score: int  # KNOWN_SCORE exact, the fuzzy score otherwise, TELL_SCORE for a tell-tale word
    rank: int  # the known name's place in its field's list: earlier names win a tie
    how: str  # in words, for the page: "known name", "close to 'supplier name'", "contains 'date'"


class Vocabulary:
    """An importer's known names per field (best first) and tell-tale words (pattern, field)."""

    def __init__(self, known: Mapping[str, Sequence[str]], tells: Iterable[tuple[str, str]] = ()) -> None:
        self._lookup = {name: (field, rank) for field, names in known.items() for rank, name in enumerate(names)}
        self._choices = list(self._lookup)
        self._tells = [(re.compile(pattern), field) for pattern, field in tells]

    def guess(self, header: str) -> Guess | None:
        folded = fold_header(header)
        if not folded:
            return None
        if folded in self._lookup:
            name, rank = self._lookup[folded]
            return Guess(name, KNOWN_SCORE, rank, "known name")
        best = process.extractOne(folded, self._choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        if best is not None:
            name, rank = self._lookup[best[0]]
            return Guess(name, int(best[1]), rank, f"close to '{best[0]}'")
        for pattern, name in self._tells:
            if pattern.search(folded):
                return Guess(name, TELL_SCORE, 99, f"contains '{pattern.pattern.split('|')[0]}'")
        return None

    def assign(self, headers: Sequence[str]) -> dict[str, tuple[int, Guess]]:
        """Each field's best column (0-based) and how it was chosen; a column serves one field."""
        guesses = [(column, guess) for column, header in enumerate(headers) if (guess := self.guess(header))]
        guesses.sort(key=lambda item: (-item[1].score, item[1].rank, item[0]))
        chosen: dict[str, tuple[int, Guess]] = {}
        taken: set[int] = set()
        for column, guess in guesses:
            if guess.field in chosen or column in taken:
                continue
            chosen[guess.field] = (column, guess)
            taken.add(column)
        return chosen
