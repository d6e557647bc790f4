"""Which column of a user's table holds which field, guessed from its header with a confidence.

People rename columns (`Supplier Name`, ` supplier`, `Vendor`, `Suplier nmae`, `Bid value (£)`),
so a header is compared with an importer's known names after folding case, spaces and punctuation;
failing that, with a fuzzy score; failing that, by a tell-tale word. Each importer brings its own
vocabulary; the way of matching is the same for all of them.
"""

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext, gettext_noop
from rapidfuzz import fuzz, process

from tackle.core.errors import ApplicationError
from tackle.core.stored_wording import StoredWording

# How a column was chosen: kept in English (importers store it, the CLI and API print it) and shown
# in the reader's language through `how_in_language` (issue 21).
KNOWN_NAME = gettext_noop("known name")
CLOSE_TO = gettext_noop("close to '%(name)s'")
CONTAINS = gettext_noop("contains '%(word)s'")
NOT_FOUND = gettext_noop("not found")
CHOSEN_BY_YOU = gettext_noop("chosen by you")
_HOW = StoredWording((KNOWN_NAME, CLOSE_TO, CONTAINS, NOT_FOUND, CHOSEN_BY_YOU))


def how_in_language(how: str) -> str:
    """How a column was chosen, stored in English, in the active language."""
    return _HOW.in_language(how)


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
        self.fields = tuple(known)
        self._lookup = {name: (field, rank) for field, names in known.items() for rank, name in enumerate(names)}
        self._choices = list(self._lookup)
        self._tells = [(re.compile(pattern), field) for pattern, field in tells]

    def guess(self, header: str) -> Guess | None:
        folded = fold_header(header)
        if not folded:
            return None
        if folded in self._lookup:
            name, rank = self._lookup[folded]
            return Guess(name, KNOWN_SCORE, rank, KNOWN_NAME)
        best = process.extractOne(folded, self._choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        if best is not None:
            name, rank = self._lookup[best[0]]
            return Guess(name, int(best[1]), rank, CLOSE_TO % {"name": best[0]})
        for pattern, name in self._tells:
            if pattern.search(folded):
                return Guess(name, TELL_SCORE, 99, CONTAINS % {"word": pattern.pattern.split("|")[0]})
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


def confidence(score: int) -> float:
    """A score as a share: 1.0 for a known name, less for a close spelling or a tell-tale word."""
    return round(score / KNOWN_SCORE, 2)


@dataclass(frozen=True, slots=True)
class ColumnChoice:
    """One field as the importer's page shows it: the column chosen, how sure, what it holds."""

    field: str
    label: str
    required: bool
    column: int | None  # 0-based; None when no column holds the field
    header: str
    confidence: float
    how: str
    samples: tuple[str, ...]

    @property
    def guessed(self) -> bool:
        """Chosen by a close spelling or a tell-tale word rather than a known name: worth a look."""
        return self.column is not None and self.confidence < 1


SAMPLES = 3


def column_choices(
    labels: Mapping[str, str],
    required: Iterable[str],
    header: Sequence[str],
    chosen: Mapping[str, tuple[int, Guess]],
    rows: Sequence[Sequence[str]],
) -> list[ColumnChoice]:
    """Each field, in the order `labels` lists them, with the first few values under its column."""
    needed = set(required)
    choices = []
    for name, label in labels.items():
        column, guess = chosen.get(name, (None, None))
        samples: tuple[str, ...] = ()
        if column is not None:
            values = (row[column].strip() for row in rows if column < len(row))
            samples = tuple(value for value in values if value)[:SAMPLES]
        choices.append(
            ColumnChoice(
                field=name,
                label=label,
                required=name in needed,
                column=column,
                header="" if column is None else header[column].strip(),
                confidence=0.0 if guess is None else confidence(guess.score),
                how=NOT_FOUND if guess is None else guess.how,
                samples=samples,
            )
        )
    return choices


CHOSEN = Guess("", KNOWN_SCORE, 0, CHOSEN_BY_YOU)


def parse_map(pairs: Iterable[str], header: Sequence[str], fields: Iterable[str]) -> dict[str, int | None]:
    """`--map FIELD=HEADER` options as field -> column (0-based), None for `FIELD=` (not in the
    file). `HEADER=FIELD` is taken too, when only the right-hand side is a field. The header is
    matched as written, else folded. Raises ValueError saying what is wrong, in one line."""
    known = list(fields)
    folded = [fold_header(cell) for cell in header]
    chosen: dict[str, int | None] = {}
    for pair in pairs:
        name, equals, wanted = pair.partition("=")
        name = name.strip()
        if name not in known and wanted.strip() in known:
            name, wanted = wanted.strip(), name
        if not equals or name not in known:
            raise ValueError(f"--map {pair!r}: write FIELD=HEADER, FIELD one of {', '.join(known)}")
        wanted = wanted.strip()
        if not wanted:
            chosen[name] = None
            continue
        stripped = [cell.strip() for cell in header]
        if wanted in stripped:
            chosen[name] = stripped.index(wanted)
        elif fold_header(wanted) in folded:
            chosen[name] = folded.index(fold_header(wanted))
        else:
            found = ", ".join(repr(cell) for cell in stripped if cell) or "none"
            raise ValueError(f"--map {pair!r}: no column is headed {wanted!r} (the columns are {found})")
    return chosen


def check_map_fields(pairs: Iterable[str], fields: Iterable[str]) -> None:
    """Before any file is read: each `--map` option names a known field, on either side of its `=`.
    Raises ValueError, worded as parse_map words it, for the first that does not."""
    known = list(fields)
    for pair in pairs:
        name, equals, wanted = pair.partition("=")
        if not equals or (name.strip() not in known and wanted.strip() not in known):
            raise ValueError(f"--map {pair!r}: write FIELD=HEADER, FIELD one of {', '.join(known)}")


def with_corrections(
    chosen: Mapping[str, tuple[int, Guess]], corrections: Mapping[str, int | None]
) -> dict[str, tuple[int, Guess]]:
    """A person's corrections over the guess: a column they give a field is taken from any other."""
    result = dict(chosen)
    for name, column in corrections.items():
        result.pop(name, None)
        if column is None:
            continue
        for other, (taken, _) in list(result.items()):
            if taken == column:
                del result[other]
        result[name] = (column, CHOSEN)
    return result


class ColumnsToConfirm(ApplicationError):
    """A column was guessed, or one is missing: nothing is saved until a person says which column
    holds each field, having seen the first values under each (the importer's page shows
    `choices` and asks with forms.ColumnsForm)."""

    def __init__(self, message: str, *, header: list[str], choices: list[ColumnChoice]) -> None:
        super().__init__(message, field="file")
        self.header = header
        self.choices = choices


def confirmed_columns(
    vocabulary: Vocabulary,
    labels: Mapping[str, str],
    required: Iterable[str],
    header: list[str],
    sample_rows: Sequence[Sequence[str]],
    *,
    columns: Mapping[str, int | None] | None = None,
    accept_guesses: bool = False,
) -> tuple[dict[str, int], list[ColumnChoice]]:
    """Each field's column (0-based) once a person has confirmed them, and the choices shown.
    `columns` are the person's choices over the guess (ignored when they name a column the header
    has not: chosen for another file). Raises ColumnsToConfirm when a required field has no column,
    or, unless `accept_guesses` or `columns` were given, when a column was guessed."""
    if columns and any(column is not None and not 0 <= column < len(header) for column in columns.values()):
        columns = None
    chosen = with_corrections(vocabulary.assign(header), columns or {})
    choices = column_choices(labels, required, header, chosen, sample_rows)
    missing = [choice.label.lower() for choice in choices if choice.required and choice.column is None]
    if missing:
        raise ColumnsToConfirm(
            gettext("No column holds the %(fields)s. Choose the columns, then the file again")
            % {"fields": gettext("; nor the ").join(missing)},
            header=header,
            choices=choices,
        )
    if not accept_guesses and not columns and any(choice.guessed for choice in choices):
        raise ColumnsToConfirm(
            gettext("Check the columns guessed from your file's header, then choose the file again and continue"),
            header=header,
            choices=choices,
        )
    return {name: column for name, (column, _) in chosen.items()}, choices
