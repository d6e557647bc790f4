"""The `tackle` command: the same commands as manage.py, with the local settings `make run` wrote."""

import os
import sys

from django.core.exceptions import ImproperlyConfigured


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tackle.settings")
    from django.core.management import execute_from_command_line

    from tackle.env import load_local_settings

    try:
        load_local_settings()
        execute_from_command_line(["tackle", *sys.argv[1:]])
    except ImproperlyConfigured as error:
        # A setting missing or wrong is the person's to fix: say which, without a traceback.
        sys.stderr.write(f"tackle: {error}\n")
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
