"""The Welsh a journey expects, read from the catalogue (issue 21), so no test copies Welsh text."""

from django.utils import translation
from django.utils.translation import gettext


def cy(english: str) -> str:
    """The catalogue's Welsh for an English string; a string left in English fails the test here."""
    with translation.override("cy"):
        welsh = gettext(english)
    assert welsh != english, f"no Welsh in the catalogue for {english!r}"
    return welsh
