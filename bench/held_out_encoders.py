"""The fine-tuned encoders the statement benchmarks score held-out statements with.

The shipped encoder adapter (model/trained/encoder_adapter.npz) was fine-tuned on both gold sets,
so scoring either set with it would score statements the encoder learnt from. Each benchmark
labeller therefore uses an adapter fine-tuned on its own training statements only, written by
`make encoder-adapters` (tools/finetune_encoder.py) into bench/adapters/:
`au.npz` and `ca.npz` (one whole gold set), and `au-fold0.npz`... (one set without fold K, for
the out-of-fold scores of bench/statement_judgements.py). The folds are defined here once, for the
benchmark and the fine-tuning alike.
"""

from collections.abc import Sequence
from pathlib import Path
from typing import Any

FOLDS = 2  # two folds grouped by statement: statement i of a gold set is in fold i % FOLDS
FOLDER = Path(__file__).resolve().parent / "adapters"


def outside_fold(statements: Sequence[Any], fold: int) -> list[Any]:
    """The statements of one gold set that are not in `fold`: what its fold-K labeller learns from."""
    return [statement for i, statement in enumerate(statements) if i % FOLDS != fold]


def adapter_for(statements: Sequence[Any], without_fold: int | None = None) -> Path:
    """The adapter fine-tuned on the gold set these statements come from (all from one set), less one
    fold when `without_fold` is given."""
    sources = {statement.source for statement in statements}
    if len(sources) != 1:
        raise ValueError(f"statements from one gold set expected, not {sorted(sources)}")
    gold_set = sources.pop()
    name = gold_set if without_fold is None else f"{gold_set}-fold{without_fold}"
    path = FOLDER / f"{name}.npz"
    if not path.exists():
        raise SystemExit(f"{path} is missing: run `make encoder-adapters` (about 30 minutes) to fine-tune it.")
    return path
