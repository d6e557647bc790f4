"""Disclosure control: small counts are withheld so that no person can be picked out of a figure.

Counts from 1 to threshold - 1 read "fewer than <threshold>"; zero stays 0. The register's
docstring (cases) says why nothing more is withheld for figures kept inside the council.
"""

from typing import Any

SUPPRESSION_THRESHOLD = 5


def suppressed_label(threshold: int = SUPPRESSION_THRESHOLD) -> str:
    return f"fewer than {threshold}"


def suppress_small_counts(counts: dict[str, Any], threshold: int = SUPPRESSION_THRESHOLD) -> dict[str, Any]:
    """The same figures with every count from 1 to threshold - 1 replaced by "fewer than <threshold>",
    the total included. Zero stays 0. See the module docstring."""
    label = suppressed_label(threshold)

    def mask(value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool) and 0 < value < threshold:
            return label
        return value

    masked: dict[str, Any] = {}
    for key, value in counts.items():
        if isinstance(value, dict):
            masked[key] = {name: mask(count) for name, count in value.items()}
        elif key == "as_of":
            masked[key] = value
        else:
            masked[key] = mask(value)
    return masked
