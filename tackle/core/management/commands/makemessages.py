"""Django's makemessages, without fuzzy matching: a new string gets an empty translation, never a
guess copied from a similar one, which a reader would take for a real translation (docs/i18n.md)."""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
