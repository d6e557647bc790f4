"""Statement-level judgements on statements the model never saw: approved by the board, signed by a
director (or another named senior person), and reports how it measures effectiveness (issue 20).

The truth for a statement is whether any of its gold sentences carries the label (Approval,
Signature, C5): the AIMS gold sets label sentences, and no set in the shared data labels whole
statements. Held out: the labeller is trained on one gold set (50 statements) and judged on the
other (50), both ways; the pooled rows count the 100 held-out statements together. The rule for
each judgement (rules/sign_off.py Decision, over statement_features) was chosen on the training side
only: each training statement scored by a labeller refitted on the other half of the statements
(two folds grouped by statement; each fit takes minutes on two shared cores), then METHODS compared by
five stratified folds of those statements (one row a statement), one method for all three judgements,
fitted on the whole training side. The held-out side chose nothing. The closing-block patterns were
written by hand after reading a few sentences of both sets, so they are not blind to the held-out side.

"previous": assess() as before issue 20, a judgement covered when any sentence has its label at
0.5 or more. "ours": assess() with the rules chosen on the training side. The last rows make the same
choice on both gold sets, which rules/sign_off.py must ship. Balanced accuracy, (sensitivity +
specificity) / 2, per judgement and the mean.
"""

import hashlib
import os
from pathlib import Path

import numpy as np

from bench import Row
from bench.held_out_encoders import FOLDS, adapter_for, outside_fold

TITLE = "Statement-level judgements: held-out balanced accuracy (approval, signature, effectiveness)"
# 1.01: the labeller never suffices, the patterns alone decide.
CANDIDATES = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
CV_FOLDS, CV_REPEATS = 5, 5
# The methods the training side chooses among: the best sentence at a threshold (with or without the
# patterns), and logistic models over a few sets of rules/sign_off.py statement_features.
FEATURE_SETS = (
    ("max",),
    ("max", "pattern"),
    ("max", "pattern_max", "above_half", "pattern"),
    ("max", "top3", "above_half"),
    ("max", "top3", "above_half", "above_0_3", "pattern", "patterns", "pattern_max", "position", "tail_max", "length"),
)
METHODS = [("threshold", False), ("threshold", True)] + [
    ("logistic", names, strength) for names in FEATURE_SETS for strength in (0.1, 1.0)
]
MODEL_CODE = Path(__file__).resolve().parent.parent / "tackle" / "statement_reader" / "model"
JUDGEMENTS = {"approval": "approval", "signature": "signature", "effectiveness": "effectiveness_kpis"}


def run() -> list[Row]:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tackle.settings")
    os.environ.setdefault("DEBUG", "1")
    import django

    django.setup()
    from tackle.statement_reader.model.gold import load_au, load_ca

    au, ca = load_au(), load_ca()
    rows: list[Row] = []
    pooled: dict[str, tuple[list[np.ndarray], list[np.ndarray]]] = {"previous": ([], []), "ours": ([], [])}
    out_of_fold = {"AU": _out_of_fold(au), "CA": _out_of_fold(ca)}
    for name, fitted, held in (("trained on AU, tested on CA", au, ca), ("trained on CA, tested on AU", ca, au)):
        method, chosen = _choose(fitted, out_of_fold["AU" if fitted is au else "CA"])
        held_scores = _scores(fitted, held, adapter_for(fitted))
        truth = _truth(held)
        for label, decisions in (("previous", None), ("ours", chosen)):
            decided = _decide(held, held_scores, decisions)
            pooled[label][0].append(truth)
            pooled[label][1].append(decided)
            figures = _figures(truth, decided)
            if decisions:
                figures["chosen on the training side"] = method
            rows.append(Row(f"{label}, {name}", figures))
    for method, (truths, decideds) in pooled.items():
        rows.append(Row(f"{method}, both held-out sides (100)", _figures(np.vstack(truths), np.vstack(decideds))))
    rows.append(_shipped([*au, *ca], [*out_of_fold["AU"], *out_of_fold["CA"]]))
    counts = _truth([*au, *ca])
    rows.append(
        Row(
            "statements with it (AU + CA)",
            {key: f"{int(counts[:, j].sum())} of {len(counts)}" for j, key in enumerate(JUDGEMENTS)},
        )
    )
    return rows


def _shipped(statements: list, scores: list) -> Row:  # type: ignore[type-arg]
    """The same choice made on both gold sets' out-of-fold scores: what rules/sign_off.py ships."""
    from tackle.statement_reader.rules.sign_off import SIGN_OFF_DECISIONS

    method, chosen = _choose(statements, scores)
    same = all(
        SIGN_OFF_DECISIONS[key].weights.keys() == decision.weights.keys()
        and np.allclose(
            [SIGN_OFF_DECISIONS[key].bias, *SIGN_OFF_DECISIONS[key].weights.values()],
            [decision.bias, *decision.weights.values()],
            atol=1e-3,
        )
        for key, decision in chosen.items()
    )
    figures: dict[str, object] = {"chosen on the training side": method, "mean": "shipped" if same else "NOT SHIPPED"}
    if not same:
        print({key: (dict(d.weights), d.bias) for key, d in chosen.items()})
    return Row("chosen on both gold sets (100)", figures)


def _scores(fitted: list, held: list, adapter: Path) -> list[list[dict[str, float]]]:  # type: ignore[type-arg]
    """The labeller trained on `fitted` scoring `held`, over the vectors of the encoder fine-tuned on
    `fitted` only (`adapter`). Training takes minutes on two cores, so the scores are cached beside
    the embeddings (never in the repository), keyed by the statements, the adapter and the
    labeller's code: a change to the model code trains again."""
    from tackle.statement_reader.model.adapter import adapter_digest
    from tackle.statement_reader.model.build import cached_embeddings, train_on
    from tackle.statement_reader.model.labels import LABELS
    from tackle.statement_reader.model.paths import cache_folder

    code = b"".join(path.read_bytes() for path in sorted(MODEL_CODE.glob("*.py")))
    names = "\n".join(statement.statement_id for statement in [*fitted, None, *held] if statement) + str(len(fitted))
    digest = hashlib.sha256(code + names.encode() + adapter_digest(adapter).encode()).hexdigest()[:24]
    path = cache_folder() / f"judgement-scores-{digest}.npy"
    if path.exists():
        table = np.load(path, allow_pickle=False)
    else:
        model = train_on(fitted, adapter=adapter)
        vectors = cached_embeddings(held, model.encoder_layers, adapter)
        table = np.vstack(
            [
                model.probabilities(list(statement.sentences), embeddings)
                for statement, embeddings in zip(held, vectors, strict=True)
            ]
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        np.save(path, table)
    out, start = [], 0
    for statement in held:
        rows = table[start : start + len(statement.sentences)]
        out.append([dict(zip(LABELS, map(float, row), strict=True)) for row in rows])
        start += len(statement.sentences)
    return out


def _out_of_fold(statements: list) -> list[list[dict[str, float]]]:  # type: ignore[type-arg]
    """Each training statement scored by a labeller fitted on the other folds (grouped by statement),
    its encoder fine-tuned on those folds only (the same folds, bench/held_out_encoders.py)."""
    scored: list[list[dict[str, float]]] = [[] for _ in statements]
    for fold in range(FOLDS):
        inside = [i for i in range(len(statements)) if i % FOLDS == fold]
        fitted = outside_fold(statements, fold)
        adapter = adapter_for(statements, without_fold=fold)
        for i, scores in zip(inside, _scores(fitted, [statements[i] for i in inside], adapter), strict=True):
            scored[i] = scores
    return scored


def _truth(statements: list) -> np.ndarray:  # type: ignore[type-arg]
    from tackle.statement_reader.model.labels import LABELS
    from tackle.statement_reader.rules.sign_off import LABEL_OF

    columns = [LABELS.index(LABEL_OF[key]) for key in JUDGEMENTS]
    return np.array([[any(row[j] for row in statement.labels) for j in columns] for statement in statements])


def _decide(statements: list, scores: list, decisions: dict | None) -> np.ndarray:  # type: ignore[type-arg]
    """decisions: per judgement, its rules/sign_off.py Decision; None: the method before issue 20."""
    from tackle.statement_reader.rules.areas import assess

    out = []
    for statement, rows in zip(statements, scores, strict=True):
        if decisions is None:
            result = assess(list(statement.sentences), rows, closing_patterns=False)
        else:
            result = assess(list(statement.sentences), rows, sign_off_decisions=decisions)
        out.append([result.judgements[area].covered for area in JUDGEMENTS.values()])
    return np.array(out)


def _features(statements: list, scores: list) -> dict[str, list[dict[str, float]]]:  # type: ignore[type-arg]
    from tackle.statement_reader.rules.sign_off import statement_features

    return {
        key: [statement_features(list(s.sentences), rows, key) for s, rows in zip(statements, scores, strict=True)]
        for key in JUDGEMENTS
    }


def _fit(method: tuple, features: list[dict[str, float]], truth: np.ndarray):  # type: ignore[no-untyped-def,type-arg]
    """One method fitted to the statements' features: ("threshold", with patterns) takes the grid value
    with the best balanced accuracy (ties to the nearest 0.5); ("logistic", names, C) a logistic model
    weighting both classes equally, whose decision boundary is the Decision."""
    from sklearn.linear_model import LogisticRegression

    from tackle.statement_reader.rules.sign_off import Decision

    if method[0] == "threshold" or truth.all() or not truth.any():
        patterns = method[0] == "threshold" and method[1]
        options = [Decision.threshold(value, patterns) for value in CANDIDATES if patterns or value <= 1]
        return max(
            options,
            key=lambda d: (round(_balanced(truth, np.array([d.covers(f) for f in features])), 6), -abs(d.bias + 0.5)),
        )
    _, names, strength = method
    matrix = np.array([[f[name] for name in names] for f in features])
    model = LogisticRegression(C=strength, class_weight="balanced", max_iter=2000).fit(matrix, truth)
    return Decision(dict(zip(names, map(float, model.coef_[0]), strict=True)), float(model.intercept_[0]))


def _grouped_cv(method: tuple, features: list[dict[str, float]], truth: np.ndarray) -> float:  # type: ignore[type-arg]
    """Balanced accuracy of the method out of fold: statements in five stratified folds (each statement
    one row, so the folds are grouped by statement), five shuffles; nan when a class has one statement."""
    from sklearn.model_selection import StratifiedKFold

    folds = min(CV_FOLDS, int(truth.sum()), int((~truth).sum()))
    if folds < 2:
        return float("nan")
    results = []
    for shuffle in range(CV_REPEATS):
        decided = np.zeros(len(truth), bool)
        for inside, outside in StratifiedKFold(folds, shuffle=True, random_state=shuffle).split(
            np.zeros(len(truth)), truth
        ):
            decision = _fit(method, [features[i] for i in inside], truth[inside])
            decided[outside] = [decision.covers(features[i]) for i in outside]
        results.append(_balanced(truth, decided))
    return float(np.mean(results))


def _choose(statements: list, scores: list) -> tuple[str, dict]:  # type: ignore[type-arg]
    """One method for all three judgements, the one with the best mean balanced accuracy out of fold
    on the training side (a judgement with one statement of a class does not vote), each judgement then
    fitted on the whole training side."""
    truth = _truth(statements)
    features = _features(statements, scores)
    votes = {
        method: np.nanmean([_grouped_cv(method, features[key], truth[:, j]) for j, key in enumerate(JUDGEMENTS)])
        for method in METHODS
    }
    best = max(METHODS, key=lambda method: round(float(votes[method]), 6))
    fitted = {key: _fit(best, features[key], truth[:, j]) for j, key in enumerate(JUDGEMENTS)}
    return _method_name(best), fitted


def _method_name(method: tuple) -> str:  # type: ignore[type-arg]
    if method[0] == "threshold":
        return "threshold" + (" or patterns" if method[1] else "")
    return f"logistic({'+'.join(method[1])}, C={method[2]:g})"


def _balanced(truth: np.ndarray, decided: np.ndarray) -> float:
    rates = [float(np.mean(decided[truth == value] == value)) for value in (True, False) if (truth == value).any()]
    return float(np.mean(rates))


def _figures(truth: np.ndarray, decided: np.ndarray) -> dict[str, object]:
    scores = {key: _balanced(truth[:, j], decided[:, j]) for j, key in enumerate(JUDGEMENTS)}
    return {"mean": round(float(np.mean(list(scores.values()))), 3), **{k: round(v, 3) for k, v in scores.items()}}
