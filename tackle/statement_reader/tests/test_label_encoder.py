"""The numpy MiniLM encoder, checked against properties any sentence encoder must have."""

import numpy as np
import pytest

from tackle.statement_reader.model.encoder import encoder


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
