from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tackle.accounts.models import Organisation
from tackle.statements.models import Statement

# A person's input the command cannot use (an unknown name or code, a path it cannot write): one
# line and exit status 2, as every tackle command says it.
BAD_INPUT = 2


class Command(BaseCommand):
    help = (
        "`tackle statements remind`: queue reminders to action owners (run daily). "
        "`tackle statements build --organisation CODE --period YYYY-YYYY --format pdf|docx|html --output FILE`: "
        "write the latest version of a statement. "
        "`tackle statements assess FILE [--json]`: assess a statement's text (see docs/statement-reader.md). "
        "`tackle statements label-sentences --input IN.csv --output OUT.csv`: label each sentence with the AIMS "
        "criteria. `tackle statements train`: retrain the sentence labeller from the shared gold sets."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["remind", "build", "assess", "label-sentences", "train"])
        parser.add_argument("file", nargs="?", type=Path, help="assess: the statement (.txt, .html, .pdf, .docx)")
        parser.add_argument("--json", action="store_true", help="assess: print the assessment as JSON")
        parser.add_argument("--organisation", help="Organisation code, for example E09000099")
        parser.add_argument("--period", help="Period label, for example 2025-2026")
        parser.add_argument("--format", choices=["pdf", "docx", "html"], default="pdf")
        parser.add_argument("--output", help="File to write")
        parser.add_argument("--input", help="label-sentences: CSV with statement_id and sentence columns")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] in ("label-sentences", "train"):
            from tackle.statement_reader.management.commands import _labelling

            {"label-sentences": _labelling.label_sentences, "train": _labelling.train}[options["action"]](self, options)
            return
        if options["action"] == "assess":
            from tackle.statement_reader.commands import assess_statement

            assess_statement(self, options["file"], as_json=options["json"])
            return
        if options["action"] == "remind":
            from tackle.statements.tasks import remind_action_owners

            result = remind_action_owners.enqueue()
            self.stdout.write(f"Queued the action-owner reminders ({result.id}).")
            return
        self._build(options)

    def _build(self, options: dict[str, Any]) -> None:
        from tackle.statements.outputs import render_statement

        missing = [f"--{name}" for name in ("organisation", "period", "output") if not options[name]]
        if missing:
            raise CommandError(f"build needs {', '.join(missing)}.", returncode=BAD_INPUT)
        organisation = Organisation.objects.filter(code=options["organisation"]).first()
        if organisation is None:
            raise CommandError(f"No organisation with code {options['organisation']}.", returncode=BAD_INPUT)
        statement = (
            Statement.objects.filter(organisation=organisation, period__label=options["period"])
            .order_by("-version")
            .first()
        )
        if statement is None:
            raise CommandError(
                f"{organisation.name} has no statement for the period {options['period']}.", returncode=BAD_INPUT
            )
        output = Path(options["output"])
        try:
            output.write_bytes(render_statement(statement, options["format"]))
        except OSError as error:
            raise CommandError(f"Could not write {output}: {error.strerror}.", returncode=BAD_INPUT) from error
        self.stdout.write(f"Wrote version {statement.version} ({options['format']}) to {output}.")
