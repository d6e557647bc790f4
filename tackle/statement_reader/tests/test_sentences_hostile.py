"""Hostile shapes of text for the sentence splitter: each is split as a person would expect.

1 MB of each shape took the old, quadratic splitter minutes. Time is measured where time belongs,
in `make bench` (bench/sentence_splitting.py, which prints the 1 MB / 256 KB ratio); here each
shape is large enough (64 KB) to exercise the long-paragraph paths and small enough to be quick
whatever the splitter's speed."""

from tackle.statement_reader.sentences import split_sentences

SIZE = 64 * 1024


def test_short_lines_without_full_stops_are_joined_and_cut_to_length():
    text = "\n".join(f"we audit our supply chain line {number}" for number in range(SIZE // 40))
    sentences = split_sentences(text)
    assert sentences[0].startswith("we audit our supply chain line 0 we audit")
    assert all(len(sentence) <= 2000 for sentence in sentences)
    assert "line 1637" in " ".join(sentences)  # nothing is lost on the way


def test_hyphenated_line_ends_are_rejoined():
    sentences = split_sentences("suppli-\ners\n" * (SIZE // 12))
    assert sentences[0].startswith("suppliers suppliers")
    assert "suppli-" not in " ".join(sentences)


def test_abbreviations_do_not_end_a_sentence():
    assert split_sentences("See e.g. " * (SIZE // 9))[0].startswith("See e.g. See e.g.")
