"""all-MiniLM-L6-v2 as an ONNX graph, built from the wheel's safetensors, for onnxruntime on a CPU.

The numpy forward pass in encoder.py is exact but runs about a hundred sentences a second at best on
two cores: numpy does each GELU, softmax and layer norm as many single-threaded passes over memory.
onnxruntime fuses those steps (attention, GELU with its bias, layer norm with its residual) and
runs two to four times faster, with the same float32 weights and the same vectors. The graph is
written here op by op (the model is six identical blocks), so no torch is needed to export it, and
it is built in memory when the encoder loads: at 90 MB of weights it is too big for the repository,
and building it takes about a second. (int8 weights for the products ran about 1.8 times faster
but lowered held-out macro-F1 below the aim; see docs/statement-reader.md.)

Inputs: `input_ids` (batch, tokens) int64, `position_ids` (1, tokens) int64 and `attention_mask`
(batch, tokens) int32, 1 for a real token and 0 for padding. Output: `hidden` (batch, tokens, 384);
pooling stays in numpy (encoder.py) so both paths pool the same way. Attention is onnxruntime's
fused `Attention` kernel (com.microsoft domain): spelled out as standard operators, the per-head
products and transposes ran three times slower than the whole numpy layer they replace.
"""

import json
from pathlib import Path
from typing import Any

import numpy as np
from onnx import ModelProto, TensorProto, helper, numpy_helper

OPSET = 17  # LayerNormalization is a standard op from 17
IR_VERSION = 8  # the newest onnx writes a version onnxruntime cannot read yet; 8 is enough for opset 17


def build_graph(folder: Path, adapter: Path | None = None) -> ModelProto:
    """The ONNX ModelProto of the encoder whose config and safetensors lie in `folder`, with the
    fine-tuned changes of `adapter` added (model/adapter.py)."""
    from tackle.statement_reader.model.adapter import adapted
    from tackle.statement_reader.model.encoder import read_safetensors

    config = json.loads((folder / "config.json").read_text())
    hidden = int(config["hidden_size"])
    heads = int(config["num_attention_heads"])
    weights = adapted(read_safetensors(folder / "model.safetensors"), adapter)
    initializers = []
    nodes = []

    def constant(name: str, value: np.ndarray) -> str:
        initializers.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def node(op: str, inputs: list[str], output: str, **attributes: Any) -> str:
        nodes.append(helper.make_node(op, inputs, [output], **attributes))
        return output

    def linear(x: str, prefix: str, name: str) -> str:
        weight = constant(f"{name}.w", weights[f"{prefix}.weight"].T)
        bias = constant(f"{name}.b", weights[f"{prefix}.bias"])
        return node("Add", [node("MatMul", [x, weight], f"{name}.mm"), bias], name)

    def layer_norm(x: str, prefix: str, name: str) -> str:
        scale = constant(f"{name}.g", weights[f"{prefix}.weight"])
        shift = constant(f"{name}.beta", weights[f"{prefix}.bias"])
        return node("LayerNormalization", [x, scale, shift], name, axis=-1, epsilon=1e-12)

    word_table = constant("word_embeddings", weights["embeddings.word_embeddings.weight"])
    words = node("Gather", [word_table, "input_ids"], "words")
    # Every sentence is one segment, so the token-type embedding is always its row 0.
    position_table = constant(
        "position_embeddings",
        weights["embeddings.position_embeddings.weight"] + weights["embeddings.token_type_embeddings.weight"][0],
    )
    positions = node("Gather", [position_table, "position_ids"], "positions")
    x = layer_norm(node("Add", [words, positions], "embedded"), "embeddings.LayerNorm", "embedding_norm")

    for index in range(int(config["num_hidden_layers"])):
        p, n = f"encoder.layer.{index}", f"l{index}"

        # onnxruntime's own Attention kernel: the three projections in one product, then scaled
        # dot-product attention over the real tokens (attention_mask 1, padding 0), per head.
        qkv_weight = np.concatenate(
            [weights[f"{p}.attention.self.{kind}.weight"] for kind in ("query", "key", "value")]
        ).T
        qkv_bias = np.concatenate([weights[f"{p}.attention.self.{kind}.bias"] for kind in ("query", "key", "value")])
        context = node(
            "Attention",
            [x, constant(f"{n}.qkv.w", qkv_weight), constant(f"{n}.qkv.b", qkv_bias), "attention_mask"],
            f"{n}.context.joined",
            domain="com.microsoft",
            num_heads=heads,
        )
        attended = linear(context, f"{p}.attention.output.dense", f"{n}.attention_out")
        attended = node("Add", [attended, x], f"{n}.residual1")
        attended = layer_norm(attended, f"{p}.attention.output.LayerNorm", f"{n}.norm1")
        # BERT's exact GELU (erf form) with the bias added first, as one onnxruntime kernel.
        inner = node(
            "MatMul", [attended, constant(f"{n}.inner.w", weights[f"{p}.intermediate.dense.weight"].T)], f"{n}.inner"
        )
        activated = node(
            "BiasGelu",
            [inner, constant(f"{n}.inner.b", weights[f"{p}.intermediate.dense.bias"])],
            f"{n}.gelu",
            domain="com.microsoft",
        )
        out = linear(activated, f"{p}.output.dense", f"{n}.out")
        x = layer_norm(node("Add", [out, attended], f"{n}.residual2"), f"{p}.output.LayerNorm", f"{n}.norm2")

    nodes.append(helper.make_node("Identity", [x], ["hidden"]))
    graph = helper.make_graph(
        nodes,
        "all-MiniLM-L6-v2",
        [
            helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "tokens"]),
            helper.make_tensor_value_info("position_ids", TensorProto.INT64, [1, "tokens"]),
            helper.make_tensor_value_info("attention_mask", TensorProto.INT32, ["batch", "tokens"]),
        ],
        [helper.make_tensor_value_info("hidden", TensorProto.FLOAT, ["batch", "tokens", hidden])],
        initializers,
    )
    opsets = [helper.make_opsetid("", OPSET), helper.make_opsetid("com.microsoft", 1)]
    model = helper.make_model(graph, opset_imports=opsets, producer_name="tackle")
    model.ir_version = IR_VERSION
    return model
