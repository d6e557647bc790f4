"""Bar charts as inline SVG, drawn on the server: no JavaScript and no style attributes (the
content security policy forbids inline styles), only SVG presentation attributes. Each chart sits
beside a table holding the same figures, which is what screen reader users read."""

from dataclasses import dataclass
from typing import Any

WIDTH = 600
BAR_AREA = 480
ROW_HEIGHT = 44
BAR_HEIGHT = 18


@dataclass(frozen=True)
class Bar:
    label: str
    value: Any
    label_y: int
    bar_y: int
    width: int
    value_x: int
    value_y: int


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: list[Bar]


def bar_chart(bars: list[tuple[str, Any]]) -> Chart:
    """Horizontal bars, the label above each. A withheld count ("fewer than 5") draws no bar, so
    its length cannot give the number away."""
    numbers = [value for _, value in bars if isinstance(value, int)]
    largest = max(numbers, default=0) or 1
    drawn = []
    for index, (label, value) in enumerate(bars):
        top = index * ROW_HEIGHT
        width = round(BAR_AREA * value / largest) if isinstance(value, int) else 0
        drawn.append(
            Bar(
                label=label,
                value=value,
                label_y=top + 14,
                bar_y=top + 20,
                width=width,
                value_x=width + 6,
                value_y=top + 34,
            )
        )
    return Chart(width=WIDTH, height=max(ROW_HEIGHT * len(bars), ROW_HEIGHT), bars=drawn)
