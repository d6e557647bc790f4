"""Telling Welsh from English, sentence by sentence and for a whole statement (issue 21)."""

import pytest

from tackle.statement_reader.rules.language import BOTH, ENGLISH, WELSH, sentence_language, statement_language
from tackle.statement_reader.tests.factories import STATEMENT_PARAGRAPHS, WELSH_PARAGRAPHS

ENGLISH_LINES = STATEMENT_PARAGRAPHS[1:]
WELSH_LINES = WELSH_PARAGRAPHS[1:]


@pytest.mark.parametrize("sentence", ENGLISH_LINES)
def test_an_english_sentence_is_english(sentence):
    assert sentence_language(sentence) == ENGLISH


@pytest.mark.parametrize("sentence", WELSH_LINES)
def test_a_welsh_sentence_is_welsh(sentence):
    assert sentence_language(sentence) == WELSH


@pytest.mark.parametrize(
    "sentence",
    [
        "2024-25",
        "Jane Doe",
        "Modern Slavery Statement",
        "Chief Executive / Prif Weithredwr",
    ],
)
def test_names_dates_and_mixed_headings_say_no_language(sentence):
    assert sentence_language(sentence) is None


def test_welsh_names_in_an_english_sentence_leave_it_english():
    assert sentence_language("We work with Llywodraeth Cymru and Cyngor Caerdydd on this.") == ENGLISH


def test_the_welsh_contractions_count_with_either_apostrophe():
    assert sentence_language("Mae\u2019r cyngor yn sicrhau bod pob contract yn cael ei fonitro.") == WELSH


def test_an_english_statement_is_english_and_all_of_it_is_read():
    found = statement_language(STATEMENT_PARAGRAPHS)
    assert found.code == ENGLISH and found.assessable
    assert found.to_read == tuple(range(len(STATEMENT_PARAGRAPHS)))


def test_a_welsh_strapline_does_not_make_an_english_statement_bilingual():
    found = statement_language([*STATEMENT_PARAGRAPHS, "Mae'r cyngor yn falch o'i waith."])
    assert found.code == ENGLISH and found.welsh_sentences == 1
    assert len(found.to_read) == len(STATEMENT_PARAGRAPHS) + 1


def test_a_welsh_statement_is_welsh_and_cannot_be_assessed():
    found = statement_language(WELSH_PARAGRAPHS)
    assert found.code == WELSH and not found.assessable
    assert found.welsh_sentences == 9 and found.english_sentences == 0


@pytest.mark.parametrize(
    "sentences",
    [
        [line for pair in zip(STATEMENT_PARAGRAPHS, WELSH_PARAGRAPHS, strict=True) for line in pair],
        [*WELSH_PARAGRAPHS, *STATEMENT_PARAGRAPHS],
    ],
    ids=["side by side", "one after the other"],
)
def test_of_a_bilingual_statement_the_english_part_and_the_sentences_without_a_language_are_read(sentences):
    found = statement_language(sentences)
    assert found.code == BOTH and found.assessable
    kept = [sentences[index] for index in found.to_read]
    assert set(ENGLISH_LINES) <= set(kept)
    assert not set(WELSH_LINES) & set(kept)
    assert found.welsh_sentences == found.english_sentences == 9


def test_a_statement_of_names_and_numbers_is_taken_as_english():
    found = statement_language(["Jane Doe", "2025"])
    assert found.code == ENGLISH and found.to_read == (0, 1)
