from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from tackle.suppliers.tasks import send_assessment_reminders


class Command(BaseCommand):
    help = "`tackle suppliers remind`: queue reminders of annual supplier assessments (run it from cron each day)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("remind", help="Queue the reminder emails to contract managers")

    def handle(self, *args: Any, **options: Any) -> None:
        queued = send_assessment_reminders.enqueue()
        self.stdout.write(f"Queued the supplier assessment reminders ({queued.id}).")
