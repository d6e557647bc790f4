"""Hostile shapes of text for the sentence splitter: each must be read in time linear in its size.

Each test runs under an alarm, so a splitter that went quadratic again fails in seconds rather
than hanging the suite (1 MB of the shapes below took the quadratic splitter minutes)."""

import signal
from collections.abc import Iterator

import pytest

from tackle.statement_reader.sentences import split_sentences

MB = 1024 * 1024


@pytest.fixture
def within_ten_seconds() -> Iterator[None]:
    def stop(signum: int, frame: object) -> None:
        raise TimeoutError("the splitter did not finish within ten seconds")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(10)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def test_a_megabyte_of_short_lines_without_full_stops_is_split(within_ten_seconds):
    text = "\n".join(f"we audit our supply chain line {number}" for number in range(MB // 40))
    sentences = split_sentences(text)
    assert sentences[0].startswith("we audit our supply chain line 0 we audit")
    assert all(len(sentence) <= 2000 for sentence in sentences)


def test_a_megabyte_of_hyphenated_line_ends_is_split(within_ten_seconds):
    assert split_sentences("suppli-\ners\n" * (MB // 12))[0].startswith("suppliers suppliers")


def test_a_megabyte_of_abbreviations_is_split(within_ten_seconds):
    assert split_sentences("See e.g. " * (MB // 9))[0].startswith("See e.g. See e.g.")
