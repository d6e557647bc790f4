"""The AIMS gold sets in the shared data folder, read into one shape: statements of ordered, labelled sentences.

The two files differ. AIMS.au has one 0/1 column per label. AIMS.ca has the labels as a string
holding an 11-element list in the same order, 445 blank records, and one Mac Roman byte (read as
latin-1, as the AIMS notebooks do). See statements/SOURCES.md in the shared data folder.
"""

import ast
import csv
from dataclasses import dataclass
from pathlib import Path

from tackle.statement_reader.model.labels import LABELS

AU_FILE = "aims_au_gold_sentences.csv"
CA_FILE = "aims_ca_gold_sentences.csv"


@dataclass(frozen=True)
class GoldStatement:
    """One statement: its sentences in order, and for each a 0/1 tuple in LABELS order."""

    source: str
    statement_id: str
    sentences: tuple[str, ...]
    labels: tuple[tuple[int, ...], ...]


def statements_folder() -> Path:
    # Imported here so that tools/finetune_encoder.py, which runs without Django, can read the sets.
    from django.conf import settings

    return Path(settings.TACKLE_SHARED_DATA) / "statements"


def load_au(folder: Path | None = None) -> list[GoldStatement]:
    path = (folder or statements_folder()) / AU_FILE
    by_statement: dict[str, list[tuple[int, str, tuple[int, ...]]]] = {}
    with path.open(newline="", encoding="utf-8") as source:
        for row in csv.DictReader(source):
            labels = tuple(int(row[label]) for label in LABELS)
            by_statement.setdefault(row["statement_id"], []).append(
                (int(row["sentence_orig_idxs"]), row["sentence"], labels)
            )
    return [_statement("au", statement_id, rows) for statement_id, rows in by_statement.items()]


def load_ca(folder: Path | None = None) -> list[GoldStatement]:
    path = (folder or statements_folder()) / CA_FILE
    by_statement: dict[str, list[tuple[int, str, tuple[int, ...]]]] = {}
    with path.open(newline="", encoding="latin-1") as source:
        for row in csv.DictReader(source):
            if not (row.get("statement_id") or "").strip():
                continue  # one of the blank records
            labels = tuple(int(value) for value in ast.literal_eval(row["targets"]))
            if len(labels) != len(LABELS):
                raise ValueError(f"sentence {row['sentence_id']}: {len(labels)} targets, expected {len(LABELS)}")
            by_statement.setdefault(row["statement_id"], []).append(
                (int(row["sentence_id"]), row["sentence_text"], labels)
            )
    return [_statement("ca", statement_id, rows) for statement_id, rows in by_statement.items()]


def _statement(source: str, statement_id: str, rows: list[tuple[int, str, tuple[int, ...]]]) -> GoldStatement:
    rows.sort(key=lambda row: row[0])
    return GoldStatement(
        source=source,
        statement_id=f"{source}:{statement_id}",
        sentences=tuple(row[1] for row in rows),
        labels=tuple(row[2] for row in rows),
    )
