from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from tackle.cases.tasks import remind_cases


class Command(BaseCommand):
    help = "`tackle referrals remind`: the earlier name of `tackle cases remind`, kept for existing cron lines."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["remind"])

    def handle(self, *args: Any, **options: Any) -> None:
        result = remind_cases.enqueue()
        self.stdout.write(f"Queued the daily case reminders ({result.id}); `tackle cases remind` is the new name.")
