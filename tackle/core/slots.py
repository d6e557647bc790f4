"""Upward links as registries. A lower app declares a slot; a higher app fills it from its
AppConfig.ready(), so the lower app can show what the higher one owns without importing it (the
menu in core/navigation.py works the same way)."""

from collections.abc import Callable
from typing import Any


class Slot:
    """Providers registered by higher apps, called in registration order."""

    def __init__(self, purpose: str) -> None:
        self.purpose = purpose
        self._providers: list[Callable[..., Any]] = []

    def register(self, provider: Callable[..., Any]) -> None:
        if provider not in self._providers:
            self._providers.append(provider)

    def first(self, *args: Any) -> Any:
        """The first provider's answer that is not None, or None."""
        for provider in self._providers:
            found = provider(*args)
            if found is not None:
                return found
        return None

    def all(self, *args: Any) -> list[Any]:
        """Every provider's answer that is not None."""
        return [found for provider in self._providers if (found := provider(*args)) is not None]
