"""Sentence labelling: which AIMS criteria each sentence of a modern slavery statement gives evidence for.

The model (model/trained/, rebuilt by `tackle statements train`) is loaded once per process. Each
label's probability is shifted so that 0.5 is the decision point tuned for that label on held-out
statements: callers decide with `>= 0.5` whatever the label.
"""

import csv
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import numpy as np

from tackle.statement_reader.model.adapter import SHIPPED_ADAPTER, adapter_digest
from tackle.statement_reader.model.classifier import LabellerModel
from tackle.statement_reader.model.encoder import encoder
from tackle.statement_reader.model.labels import LABELS
from tackle.statement_reader.model.paths import TRAINED_FOLDER

__all__ = ["LABELS", "LabellingInputError", "label_sentences_csv", "label_statement"]

REQUIRED_COLUMNS = ("statement_id", "sentence")
DECISION = 0.5


class LabellingInputError(ValueError):
    """The input cannot be labelled (missing column, unreadable file); the message says why."""


@cache
def _model() -> LabellerModel:
    return LabellerModel.load(TRAINED_FOLDER)


@cache
def _adapter_for(digest: str) -> Path | None:
    """The fine-tuned encoder the classifier was trained on (by its digest): the shipped adapter, or none."""
    if digest == "none":
        return None
    if digest != adapter_digest(SHIPPED_ADAPTER):
        raise ValueError(
            f"The sentence labeller in {TRAINED_FOLDER} was trained on another encoder than "
            f"{SHIPPED_ADAPTER.name}: run `tackle statements train` again."
        )
    return SHIPPED_ADAPTER


def label_statement(sentences: list[str]) -> list[dict[str, float]]:
    """Probability per label for each sentence of one statement, in order (a label applies at >= 0.5)."""
    if not sentences:
        return []
    model = _model()
    embeddings = encoder(model.encoder_layers, _adapter_for(model.encoder_adapter)).encode(sentences)
    probabilities = _centre_on_thresholds(model.probabilities(sentences, embeddings), model.thresholds)
    return [dict(zip(LABELS, (float(value) for value in row), strict=True)) for row in probabilities]


def _centre_on_thresholds(probabilities: np.ndarray, thresholds: np.ndarray) -> np.ndarray:
    # Subtracting the threshold's log-odds moves each label's tuned threshold to exactly 0.5 and
    # keeps the order of scores within a label.
    clipped = np.clip(probabilities, 1e-6, 1 - 1e-6)
    logits = np.log(clipped / (1 - clipped)) - np.log(thresholds / (1 - thresholds))
    return 1.0 / (1.0 + np.exp(-logits))


def label_sentences_csv(input_path: Path | str, output_path: Path | str) -> int:
    """Copy the CSV at input_path to output_path with one 0/1 column per label; return rows written.

    Rows are grouped by statement_id (keeping their order) so that neighbouring sentences of
    one statement give each other context and sentences of different statements never do.
    """
    fields, rows = _read_rows(Path(input_path))
    by_statement: dict[str, list[int]] = {}
    for index, row in enumerate(rows):
        by_statement.setdefault(row["statement_id"], []).append(index)
    decisions: list[dict[str, int]] = [{} for _ in rows]
    for indexes in by_statement.values():
        scores = label_statement([rows[i]["sentence"] or "" for i in indexes])
        for index, score in zip(indexes, scores, strict=True):
            decisions[index] = {label: int(score[label] >= DECISION) for label in LABELS}
    kept = [field for field in fields if field not in LABELS]  # an input that already has label columns is relabelled
    try:
        with open(output_path, "w", newline="", encoding="utf-8") as target:
            writer = csv.DictWriter(target, fieldnames=[*kept, *LABELS], extrasaction="ignore")
            writer.writeheader()
            writer.writerows({**row, **decision} for row, decision in zip(rows, decisions, strict=True))
    except OSError as error:
        raise LabellingInputError(f"Cannot write {output_path}: {error.strerror}.") from error
    return len(rows)


def _read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    try:
        with path.open(newline="", encoding="utf-8-sig") as source:
            reader = csv.DictReader(source)
            fields = list(reader.fieldnames or [])
            _check_columns(fields, path)
            rows = list(reader)
    except OSError as error:
        raise LabellingInputError(f"Cannot read {path}: {error.strerror}.") from error
    except UnicodeDecodeError as error:
        raise LabellingInputError(f"{path} is not UTF-8 text (byte {error.start}); save it as UTF-8 CSV.") from error
    except csv.Error as error:
        raise LabellingInputError(f"{path} is not a readable CSV: {error}.") from error
    return fields, _complete(rows)


def _check_columns(fields: Iterable[str], path: Path) -> None:
    present = set(fields)
    missing = [column for column in REQUIRED_COLUMNS if column not in present]
    if missing:
        names = ", ".join(f"'{column}'" for column in missing)
        raise LabellingInputError(f"{path} has no {names} column (it needs {', '.join(REQUIRED_COLUMNS)}).")


def _complete(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    # Short rows leave None in DictReader; write them back as empty cells rather than "None".
    return [{key: "" if value is None else value for key, value in row.items() if key is not None} for row in rows]
