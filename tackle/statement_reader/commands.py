"""`tackle statements assess FILE [--json]`, called from the statements command."""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError

from tackle.statement_reader.documents import UnreadableDocument
from tackle.statement_reader.reading import LabellerFailed, read_document, reading_json
from tackle.statement_reader.rules.areas import AREA_NAMES, JUDGEMENTS

# Exit status for a file we cannot take: wrong kind, unreadable, missing.
BAD_FILE = 2


def assess_statement(command: Any, path: Path | None, *, as_json: bool) -> None:
    if path is None:
        raise CommandError("assess needs the statement file: tackle statements assess FILE --json", returncode=BAD_FILE)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CommandError(f"Cannot read {path}: {error.strerror}.", returncode=BAD_FILE) from None
    try:
        reading = read_document(data, name=path.name)
    except UnreadableDocument as error:
        raise CommandError(f"{path}: {error.message}", returncode=BAD_FILE) from None
    except LabellerFailed as error:
        raise CommandError(error.message) from None
    result = reading_json(reading)
    if as_json:
        command.stdout.write(json.dumps(result, ensure_ascii=False))
        return
    command.stdout.write(f"{path.name}: {result['sentences']} sentences, score {result['score']} of 8")
    language = result["language"]
    if language["statement"] == "both":
        command.stdout.write("Language: Welsh and English; the English part was read")
    elif language["statement"] == "cy":
        command.stdout.write("Language: Welsh; the areas cannot be judged automatically: a person must review it")
    period = result["period"]
    command.stdout.write(f"Period: {period['start'] or 'not found'} to {period['end'] or 'not found'}")
    for name in JUDGEMENTS:
        judgement = result["areas"].get(name) or result[name]
        if judgement["covered"]:
            state = "covered"
        elif name in result["future_only"]:
            state = "only promised"
        else:
            state = "not found"
        command.stdout.write(f"- {AREA_NAMES[name]}: {state} ({len(judgement['evidence'])} sentences)")
