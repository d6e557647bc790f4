from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from tackle.cases.tasks import remind_overdue_referrals


class Command(BaseCommand):
    help = "`tackle referrals remind`: queue the daily overdue-referral reminder (run it from cron each morning)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["remind"])

    def handle(self, *args: Any, **options: Any) -> None:
        result = remind_overdue_referrals.enqueue()
        self.stdout.write(f"Queued the overdue-referral reminder ({result.id}).")
