from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.http import HttpRequest

# Set on a request whose answer must not touch the database (the 500 page: the database may be
# why it is shown). Parts of the page that would ask it, such as the header's language switch, read
# `without_database(request)` and leave themselves out.
_WITHOUT_DATABASE = "tackle_without_database"


def answer_without_database(request: "HttpRequest") -> None:
    setattr(request, _WITHOUT_DATABASE, True)


def without_database(request: "HttpRequest") -> bool:
    return bool(getattr(request, _WITHOUT_DATABASE, False))


class ApplicationError(Exception):
    """A rule said no. The message is written for the person using the service."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class ConflictError(ApplicationError):
    """A rule said no because of the record's state, not what was sent: it is already closed or
    recorded, or someone changed it since it was read. Pages show it as any refusal; the API answers
    409 Conflict (tackle.core.api.exception_handler)."""
