"""The statement reader's sentence splitter on hostile shapes of text: its time must grow with the
text's size, not its square. Each shape is split at 256 KB and at 1 MB; the ratio of the two times
is about 4 when the work is linear (16 when quadratic). The reference in the same run is splitting
the same text into lines with str.splitlines, which is linear by construction."""

import time
from collections.abc import Callable

from bench import Row

TITLE = "Sentence splitting on hostile text (linear: 4x the time for 4x the text)"
KB = 1024

SHAPES: dict[str, Callable[[int], str]] = {
    "short lines, no full stops": lambda size: "\n".join(
        f"we audit our supply chain line {n}" for n in range(size // 40)
    ),
    "hyphenated line ends": lambda size: "suppli-\ners\n" * (size // 12),
    "abbreviations": lambda size: "See e.g. " * (size // 9),
}


def _seconds(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def run() -> list[Row]:
    from tackle.statement_reader.sentences import split_sentences  # pure: no Django set-up needed

    rows = []
    for name, make in SHAPES.items():
        small, large = make(256 * KB), make(1024 * KB)
        small_s, large_s = _seconds(lambda t=small: split_sentences(t)), _seconds(lambda t=large: split_sentences(t))
        reference = _seconds(lambda t=large: t.splitlines())
        rows.append(
            Row(
                name,
                {
                    "1 MB seconds": round(large_s, 2),
                    "1 MB / 256 KB": round(large_s / max(small_s, 1e-9), 1),
                    "x splitlines": round(large_s / max(reference, 1e-9)),
                },
            )
        )
    return rows
