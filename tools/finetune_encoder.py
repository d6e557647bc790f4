"""Fine-tune the statement reader's MiniLM encoder on gold statements and write a low-rank adapter.

Not part of the product, which never imports torch: this runs in its own environment
(`make encoder-adapters` builds .venv-finetune with Python 3.11 and the CPU build of torch) and
writes the small arrays that model/adapter.py adds to the encoder's weights. Usage:

    .venv-finetune/bin/python tools/finetune_encoder.py --train au,ca --output OUT.npz
    .venv-finetune/bin/python tools/finetune_encoder.py --train au --fold 0 --output OUT.npz

`--train` names the gold sets to learn from; `--fold K` keeps only the statements the benchmarks
score with a labeller fitted without them (the folds of bench/held_out_encoders.py),
so that no statement is scored by an encoder that saw it. Every hyperparameter below was fixed
before any held-out figure was looked at, except the rank-16 adapter against full fine-tuning, which
was compared once on AU->CA (docs/statement-reader.md).

The network is written out here (six BERT blocks, as model/encoder.py computes them in numpy), so
the only training dependency beyond the product's is torch. The encoder's own weights stay frozen;
each linear map of each block learns W + SCALE * B @ A, with A (RANK, inputs) and B (outputs, RANK),
and a linear head over the mean-pooled vector learns the eleven labels, weighted towards each
label's rarer class. Deterministic on the CPU for the same data and seed.
"""

import argparse
import os
import random
import sys
from pathlib import Path

import numpy as np
import torch
from torch import nn

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))

from bench.held_out_encoders import FOLDS, outside_fold  # noqa: E402
from tackle.statement_reader.model.adapter import ADAPTED_LINEARS, save_adapter  # noqa: E402
from tackle.statement_reader.model.encoder import MAX_TOKENS, model_folder, read_safetensors  # noqa: E402
from tackle.statement_reader.model.gold import load_au, load_ca  # noqa: E402
from tackle.statement_reader.model.labels import LABELS  # noqa: E402

RANK = 16
SCALE = 2.0
EPOCHS = 4
LEARNING_RATE = 5e-4
BATCH = 32
SEED = 0
HEADS = 12


class LowRankLinear(nn.Module):
    def __init__(self, weight: np.ndarray, bias: np.ndarray) -> None:
        super().__init__()
        outputs, inputs = weight.shape
        self.weight = nn.Parameter(torch.from_numpy(weight), requires_grad=False)
        self.bias = nn.Parameter(torch.from_numpy(bias), requires_grad=False)
        self.a = nn.Parameter(torch.randn(RANK, inputs) * 0.01)
        self.b = nn.Parameter(torch.zeros(outputs, RANK))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return nn.functional.linear(x, self.weight, self.bias) + (x @ self.a.T @ self.b.T) * SCALE


class Block(nn.Module):
    def __init__(self, weights: dict[str, np.ndarray], prefix: str) -> None:
        super().__init__()
        self.linears = nn.ModuleDict(
            {
                name.replace(".", "_"): LowRankLinear(
                    weights[f"{prefix}.{name}.weight"], weights[f"{prefix}.{name}.bias"]
                )
                for name in ADAPTED_LINEARS
            }
        )
        self.norms = [
            (
                torch.from_numpy(weights[f"{prefix}.{name}.LayerNorm.weight"]),
                torch.from_numpy(weights[f"{prefix}.{name}.LayerNorm.bias"]),
            )
            for name in ("attention.output", "output")
        ]

    def linear(self, name: str, x: torch.Tensor) -> torch.Tensor:
        return self.linears[name.replace(".", "_")](x)

    def forward(self, x: torch.Tensor, attention_bias: torch.Tensor) -> torch.Tensor:
        batch, length, hidden = x.shape

        def heads(y: torch.Tensor) -> torch.Tensor:
            return y.view(batch, length, HEADS, hidden // HEADS).transpose(1, 2)

        query = heads(self.linear("attention.self.query", x))
        key = heads(self.linear("attention.self.key", x))
        value = heads(self.linear("attention.self.value", x))
        scores = query @ key.transpose(-1, -2) / (hidden // HEADS) ** 0.5 + attention_bias
        context = (scores.softmax(-1) @ value).transpose(1, 2).reshape(batch, length, hidden)
        attended = nn.functional.layer_norm(
            self.linear("attention.output.dense", context) + x, (hidden,), *self.norms[0], eps=1e-12
        )
        inner = nn.functional.gelu(self.linear("intermediate.dense", attended))
        return nn.functional.layer_norm(
            self.linear("output.dense", inner) + attended, (hidden,), *self.norms[1], eps=1e-12
        )


class Tuned(nn.Module):
    def __init__(self, weights: dict[str, np.ndarray]) -> None:
        super().__init__()
        self.words = torch.from_numpy(weights["embeddings.word_embeddings.weight"])
        self.positions = torch.from_numpy(
            weights["embeddings.position_embeddings.weight"] + weights["embeddings.token_type_embeddings.weight"][0]
        )
        self.norm = (
            torch.from_numpy(weights["embeddings.LayerNorm.weight"]),
            torch.from_numpy(weights["embeddings.LayerNorm.bias"]),
        )
        self.blocks = nn.ModuleList(Block(weights, f"encoder.layer.{i}") for i in range(6))
        self.head = nn.Linear(self.words.shape[1], len(LABELS))

    def forward(self, tokens: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        x = self.words[tokens] + self.positions[: tokens.shape[1]]
        x = nn.functional.layer_norm(x, (x.shape[-1],), *self.norm, eps=1e-12)
        attention_bias = ((1.0 - mask) * -1e9)[:, None, None, :]
        for block in self.blocks:
            x = block(x, attention_bias)
        pooled = (x * mask[:, :, None]).sum(1) / mask.sum(1, keepdim=True).clamp(min=1)
        return self.head(pooled)

    def adapter(self) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        return {
            f"encoder.layer.{i}.{name}": (
                block.linears[name.replace(".", "_")].a.detach().numpy(),
                block.linears[name.replace(".", "_")].b.detach().numpy(),
            )
            for i, block in enumerate(self.blocks)
            for name in ADAPTED_LINEARS
        }


def training_statements(sets: list[str], fold: int | None) -> list:  # type: ignore[type-arg]
    # The TACKLE_SHARED_DATA setting, read as the settings module does (Django is not installed here).
    folder = Path(os.environ.get("TACKLE_SHARED_DATA", REPOSITORY.parent / "shared" / "data")) / "statements"
    loaders = {"au": load_au, "ca": load_ca}
    statements = []
    for name in sets:
        loaded = loaders[name](folder)
        if fold is not None:
            loaded = outside_fold(loaded, fold)
        statements += loaded
    return statements


def fine_tune(statements: list) -> Tuned:  # type: ignore[type-arg]
    from tokenizers import Tokenizer

    torch.manual_seed(SEED)
    shuffler = random.Random(SEED)  # noqa: S311 - the order of batches, not a secret
    tokenizer = Tokenizer.from_file(str(model_folder() / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(MAX_TOKENS)
    sentences = [sentence for statement in statements for sentence in statement.sentences]
    ids = [encoding.ids for encoding in tokenizer.encode_batch(sentences)]
    labels = torch.tensor([row for statement in statements for row in statement.labels], dtype=torch.float32)
    positives = labels.sum(0)
    present = (positives > 0).float()
    # The rarer class weighs more, by the square root of the imbalance (full balancing overshoots
    # for labels with a few dozen examples).
    loss_function = nn.BCEWithLogitsLoss(
        pos_weight=torch.where(positives > 0, ((len(labels) - positives) / positives.clamp(min=1)).sqrt(), 1.0),
        reduction="none",
    )
    model = Tuned(read_safetensors(model_folder() / "model.safetensors"))
    trainable = [parameter for parameter in model.parameters() if parameter.requires_grad]
    steps = EPOCHS * -(-len(ids) // BATCH)
    optimiser = torch.optim.AdamW(trainable, lr=LEARNING_RATE, weight_decay=0.01)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda step: min(1.0, (step + 1) / (0.1 * steps)) * max(0.0, (steps - step) / steps)
    )
    for epoch in range(EPOCHS):
        # Batches of like length (little padding), in a new order each epoch.
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]) + shuffler.random() * 4)
        batches = [order[start : start + BATCH] for start in range(0, len(order), BATCH)]
        shuffler.shuffle(batches)
        total = 0.0
        for batch in batches:
            tokens, mask = _padded([ids[i] for i in batch])
            loss = (loss_function(model(tokens, mask), labels[batch]) * present).mean()
            optimiser.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(trainable, 1.0)
            optimiser.step()
            schedule.step()
            total += loss.item()
        print(f"epoch {epoch + 1} of {EPOCHS}: loss {total / len(batches):.4f}", flush=True)
    return model


def _padded(batch: list[list[int]]) -> tuple[torch.Tensor, torch.Tensor]:
    length = max(len(row) for row in batch)
    tokens = torch.zeros((len(batch), length), dtype=torch.long)
    mask = torch.zeros((len(batch), length))
    for index, row in enumerate(batch):
        tokens[index, : len(row)] = torch.tensor(row)
        mask[index, : len(row)] = 1.0
    return tokens, mask


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", required=True, help="gold sets, comma-separated: au, ca")
    parser.add_argument("--fold", type=int, choices=range(FOLDS), help="leave out fold K of each set")
    parser.add_argument("--output", required=True, type=Path)
    options = parser.parse_args()
    torch.set_num_threads(2)
    statements = training_statements(options.train.split(","), options.fold)
    print(f"Fine-tuning on {len(statements)} statements.", flush=True)
    model = fine_tune(statements)
    save_adapter(options.output, model.adapter(), SCALE)
    print(f"Wrote {options.output} ({options.output.stat().st_size / 1e6:.1f} MB).")


if __name__ == "__main__":
    main()
