import json
import sys
from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandParser

from tackle.accounts.models import Organisation
from tackle.cases.rules.pathway import PathwayInputError, PathwayRules, evaluate_pathway, parse_pathway_input
from tackle.cases.services.pathway import pathway_rules_for

# Exit status for input the pathway cannot read, as argparse uses for bad arguments.
BAD_INPUT = 2


class Command(BaseCommand):
    help = (
        "The referral pathway: reads one JSON object of encounter facts on standard input and prints the "
        "actions as JSON. Bad input: a message naming the field on standard error, exit status 2."
    )
    requires_system_checks: list[str] = []  # a quick filter for scripts; checks run elsewhere
    stealth_options = ("stdin",)  # tests pass a file here instead of the real standard input

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--organisation", metavar="CODE", help="Use this organisation's settings, not the defaults")
        parser.add_argument("--pretty", action="store_true", help="Indent the JSON for reading")

    def handle(self, *args: Any, **options: Any) -> None:
        rules = self._rules(options["organisation"])
        source = options.get("stdin") or sys.stdin
        try:
            data = json.loads(source.read())
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            self._refuse(f"The input is not valid JSON: {error}")
        try:
            facts = parse_pathway_input(data)
        except PathwayInputError as error:
            self._refuse(error.message)
        result = evaluate_pathway(facts, rules)
        self.stdout.write(json.dumps(result.as_json(), indent=2 if options["pretty"] else None))

    def _rules(self, code: str | None) -> PathwayRules:
        if code is None:
            return PathwayRules()
        organisation = Organisation.objects.filter(code=code).first()
        if organisation is None:
            self._refuse(f"--organisation: no organisation has the code {code!r}")
        return pathway_rules_for(organisation)

    def _refuse(self, message: str) -> NoReturn:
        self.stderr.write(message)
        sys.exit(BAD_INPUT)
