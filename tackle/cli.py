"""The `tackle` command: the same commands as manage.py."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tackle.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["tackle", *sys.argv[1:]])


if __name__ == "__main__":
    main()
