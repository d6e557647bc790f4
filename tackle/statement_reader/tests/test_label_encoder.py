"""The MiniLM encoders, checked against properties any sentence encoder must have, and against
each other: the onnxruntime graph the labeller uses must give the numpy forward pass's vectors."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tackle.statement_reader.model.encoder import (
    BATCH_LENGTH_RATIO,
    BATCH_LENGTH_SLACK,
    BATCH_SIZE,
    Encoder,
    OnnxEncoder,
    _batches_of_like_length,
    encoder,
)


@pytest.fixture(scope="module")
def full():
    return encoder()


def test_vectors_are_unit_length_and_one_per_sentence(full):
    vectors = full.encode(["We audit our suppliers every year.", "Signed", ""])
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_the_same_sentence_gives_the_same_vector_whatever_it_is_batched_with(full):
    alone = full.encode(["Our suppliers are audited by an independent firm."])
    batched = full.encode(
        [
            "A much longer sentence that pads the batch with many more tokens than the other one has.",
            "Our suppliers are audited by an independent firm.",
        ]
    )
    assert np.allclose(alone[0], batched[1], atol=1e-5)


def test_similar_sentences_are_closer_than_unrelated_ones(full):
    audit, inspect, weather = full.encode(
        [
            "We audit our suppliers for forced labour.",
            "Our vendors are inspected for forced labour risks.",
            "The weather was sunny at the seaside.",
        ]
    )
    assert audit @ inspect > audit @ weather + 0.2


def test_long_sentences_are_truncated_not_refused(full):
    vectors = full.encode(["supplier " * 400])
    assert np.isfinite(vectors).all()


def test_the_onnxruntime_graph_gives_the_numpy_forward_pass_vectors(full):
    sentences = [
        "We audit our suppliers for forced labour.",
        "Signed",
        "",
        "Approved by the Board of Directors on 12 March 2024 and signed by Jane Smith, Chief Executive.",
        "supplier " * 400,
    ]
    assert isinstance(full, OnnxEncoder)
    fast = full.encode(sentences)
    exact = Encoder().encode(sentences)
    assert np.abs(fast - exact).max() < 1e-5


def test_token_embedding_encoder_is_faster_kind_of_the_same_model():
    shallow = encoder(0)
    audit, inspect, weather = shallow.encode(
        [
            "We audit our suppliers for forced labour.",
            "Our suppliers are audited for forced labour.",
            "Sunny weather today.",
        ]
    )
    assert audit @ inspect > audit @ weather


@given(st.lists(st.integers(min_value=2, max_value=128), max_size=300))
def test_batches_hold_every_sentence_once_and_little_padding(lengths):
    batches = _batches_of_like_length(lengths)
    assert sorted(index for batch in batches for index in batch) == list(range(len(lengths)))
    for batch in batches:
        chosen = [lengths[index] for index in batch]
        assert len(batch) <= BATCH_SIZE
        assert max(chosen) <= min(chosen) * BATCH_LENGTH_RATIO + BATCH_LENGTH_SLACK


def test_one_statement_of_mixed_lengths_is_not_padded_to_its_longest_sentence():
    lengths = [10] * 20 + [120]
    batches = _batches_of_like_length(lengths)
    assert [len(batch) for batch in batches] == [20, 1]
