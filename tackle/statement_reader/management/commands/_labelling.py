"""`tackle statements label-sentences` and `tackle statements train`, called from the statements command.

The leading underscore keeps Django from treating this module as a command of its own.
"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from tackle.statement_reader.labeller import LabellingInputError, label_sentences_csv

BAD_INPUT = 2


def label_sentences(command: BaseCommand, options: dict[str, Any]) -> None:
    missing = [f"--{name}" for name in ("input", "output") if not options.get(name)]
    if missing:
        raise CommandError(f"label-sentences needs {' and '.join(missing)}.", returncode=BAD_INPUT)
    try:
        written = label_sentences_csv(Path(options["input"]), Path(options["output"]))
    except LabellingInputError as error:
        raise CommandError(str(error), returncode=BAD_INPUT) from None
    command.stdout.write(f"Labelled {written} sentences into {options['output']}.")


def train(command: BaseCommand, options: dict[str, Any]) -> None:
    from tackle.statement_reader.model.build import train_shipped_model
    from tackle.statement_reader.model.training import ReviewedSentence
    from tackle.statement_reader.selectors import reviewer_overrides_for_training

    try:
        reviewed = [ReviewedSentence(*row) for row in reviewer_overrides_for_training()]
    except DatabaseError:
        # A set-up run before `tackle migrate` still trains, from the gold sets alone.
        command.stdout.write("No database to read reviewers' corrections from; training on the gold sets only.")
        reviewed = []
    try:
        summary = train_shipped_model(reviewed=reviewed, progress=command.stdout.write)
    except FileNotFoundError as error:
        raise CommandError(f"Cannot train: {error}. Set TACKLE_SHARED_DATA to the shared data folder.") from None
    command.stdout.write(summary)
