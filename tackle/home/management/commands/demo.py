from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tackle.home.demo import demo_load


class Command(BaseCommand):
    help = "Demo data. `tackle demo load` (add --scale national for benchmark-size data)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["load"])
        parser.add_argument("--scale", choices=["demo", "national"], default="demo")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] != "load":
            raise CommandError("Only 'load' is supported")
        demo_load(scale=options["scale"], out=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Demo data loaded ({options['scale']})."))
