"""The fine-tuned encoders the statement benchmarks score held-out statements with.

The shipped encoder adapter (model/trained/encoder_adapter.npz) was fine-tuned on both gold sets,
so scoring either set with it would score statements the encoder learnt from. Each benchmark
labeller therefore uses an adapter fine-tuned on its own training statements only, written by
`make encoder-adapters` (tools/finetune_encoder.py) into bench/adapters/:
`au.npz` and `ca.npz` (one whole gold set), and `au-fold0.npz`... (one set without fold K, for
the out-of-fold scores of bench/statement_judgements.py).
"""

from pathlib import Path

FOLDER = Path(__file__).resolve().parent / "adapters"


def adapter_for(gold_set: str, without_fold: int | None = None) -> Path:
    """The adapter fine-tuned on `gold_set` ("au" or "ca"), less one fold when `without_fold` is given."""
    name = gold_set if without_fold is None else f"{gold_set}-fold{without_fold}"
    path = FOLDER / f"{name}.npz"
    if not path.exists():
        raise SystemExit(f"{path} is missing: run `make encoder-adapters` (about 30 minutes) to fine-tune it.")
    return path
