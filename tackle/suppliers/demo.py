"""Demo data for this module. Idempotent: a second load adds nothing."""


def load(*, scale: str = "demo", out=None) -> None:  # type: ignore[no-untyped-def]
    """Nothing to load yet."""
