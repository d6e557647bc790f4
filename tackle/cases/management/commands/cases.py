from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from tackle.cases.services.reminders import cases_remind
from tackle.cases.tasks import remind_cases


class Command(BaseCommand):
    help = (
        "`tackle cases remind`: queue the daily reminders to case workers (run it from cron each morning); "
        "--now sends them at once, without the task worker."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["remind"])
        parser.add_argument("--now", action="store_true", help="send in this process instead of queueing a task")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["now"]:
            sent = cases_remind()
            self.stdout.write(f"Sent {sent} new reminder{'s' if sent != 1 else ''}.")
            return
        result = remind_cases.enqueue()
        self.stdout.write(f"Queued the daily case reminders ({result.id}).")
