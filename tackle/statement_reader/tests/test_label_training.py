"""Training the labeller: deterministic, stored without pickle, and reviewers' corrections count."""

import numpy as np
import pytest

from tackle.statement_reader.model.classifier import LabellerModel
from tackle.statement_reader.model.encoder import encoder
from tackle.statement_reader.model.gold import GoldStatement
from tackle.statement_reader.model.labels import LABELS
from tackle.statement_reader.model.training import ReviewedSentence, train

APPROVAL, SIGNATURE, SUPPLY = LABELS.index("Approval"), LABELS.index("Signature"), LABELS.index("C2 (supply chains)")


def invented_statement(number: int) -> GoldStatement:
    sentences = (
        f"Company {number} buys timber and steel from suppliers in several countries.",
        f"Company {number} makes furniture in its own workshops.",
        "The board of directors approved this statement.",
        f"Director {number}",
    )
    rows = []
    for index in range(len(sentences)):
        row = [0] * len(LABELS)
        row[{0: SUPPLY, 2: APPROVAL, 3: SIGNATURE}.get(index, LABELS.index("C2 (operations)"))] = 1
        rows.append(tuple(row))
    return GoldStatement("test", str(number), sentences, tuple(rows))


@pytest.fixture(scope="module")
def statements():
    return [invented_statement(number) for number in range(6)]


def fit(statements, reviewed=()):
    vectors = [encoder(0).encode(list(statement.sentences)) for statement in statements]
    reviewed_vectors = encoder(0).encode([row.sentence for row in reviewed]) if reviewed else None
    return train(statements, vectors, 0, reviewed, reviewed_vectors)


def test_the_same_statements_give_the_same_model(statements):
    assert np.array_equal(fit(statements).weights, fit(statements).weights)


def test_a_saved_model_loads_back_to_the_same_probabilities(statements, tmp_path):
    model = fit(statements)
    model.save(tmp_path)
    loaded = LabellerModel.load(tmp_path)
    sentences = ["We buy timber from suppliers.", "Director 9"]
    vectors = encoder(0).encode(sentences)
    assert np.allclose(model.probabilities(sentences, vectors), loaded.probabilities(sentences, vectors), atol=1e-5)
    assert {path.suffix for path in tmp_path.iterdir()} == {".npz", ".json"}


def test_a_label_never_seen_in_training_is_never_predicted(statements):
    model = fit(statements)
    sentences = ["We consulted the entities we own and control."]
    probabilities = model.probabilities(sentences, encoder(0).encode(sentences))
    assert probabilities[0, LABELS.index("C6 (consultation)")] < 0.01


def test_a_reviewers_positive_example_raises_that_label_only(statements):
    sentence = "We train our buyers to spot forced labour."
    reviewed = [ReviewedSentence(sentence, "C4 (risk mitigation)", 1), ReviewedSentence("Noise", "Approval", 0)]
    before = fit(statements)
    after = fit(statements, reviewed)
    vectors = encoder(0).encode([sentence])
    mitigation = LABELS.index("C4 (risk mitigation)")
    assert before.probabilities([sentence], vectors)[0, mitigation] < 0.01
    assert after.probabilities([sentence], vectors)[0, mitigation] > 0.5
