class ApplicationError(Exception):
    """A rule said no. The message is written for the person using the service."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
