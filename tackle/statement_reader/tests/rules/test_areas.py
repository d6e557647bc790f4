import pytest

from tackle.statement_reader.labeller import LABELS
from tackle.statement_reader.reading import read_text, reading_json
from tackle.statement_reader.rules.areas import AREAS, assess, is_promise, mitigation_areas
from tackle.statement_reader.tests.factories import keyword_labeller, statement_text


@pytest.mark.parametrize(
    "sentence",
    [
        "We will introduce supplier audits.",
        "We plan to train all buyers.",
        "The company intends to map its tier 2 suppliers.",
        "A new supplier code is being developed.",
        "Risk assessments will be rolled out to all sites.",
        "In the coming year we aim to publish KPIs.",
        "Next year, our procurement policy is to be reviewed.",
    ],
)
def test_sentences_that_only_promise_are_promises(sentence):
    assert is_promise(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "We will not tolerate modern slavery in our supply chains.",
        "We will continue to audit high-risk suppliers.",
        "If we find a breach, we will investigate and remediate.",
        "Any supplier who breaches the code will be removed from our approved list.",
        "We audited 40 suppliers during the year.",
        "We have trained 120 staff and will train the rest next year.",
        "Our policy applies to all employees.",
    ],
)
def test_standing_rules_ongoing_work_and_done_work_are_not_promises(sentence):
    assert not is_promise(sentence)


@pytest.mark.parametrize(
    ("sentence", "areas"),
    [
        ("Our supplier code of conduct sets minimum standards.", ["policies"]),
        ("We audited 40 suppliers and sent questionnaires to 200 more.", ["due_diligence"]),
        ("All buyers completed e-learning on modern slavery.", ["training"]),
        ("Our whistleblowing procedure was explained in every induction.", ["policies", "training"]),
        ("We work closely with our partners on these issues.", ["due_diligence"]),
    ],
)
def test_risk_mitigation_is_told_apart_into_policies_due_diligence_and_training(sentence, areas):
    assert mitigation_areas(sentence) == areas


def _scores(**labels: float) -> dict[str, float]:
    row = dict.fromkeys(LABELS, 0.0)
    row.update({name.replace("_", " "): value for name, value in labels.items()})
    return row


def test_an_area_with_only_promises_is_future_only_and_not_covered():
    sentences = ["We will audit our suppliers next year.", "Our policy applies to all staff."]
    mitigation = {"C4 (risk mitigation)": 0.9}
    result = assess(sentences, [{**dict.fromkeys(LABELS, 0.0), **mitigation}] * 2)
    assert result.future_only == ["due_diligence"]
    assert not result.judgements["due_diligence"].covered
    assert [item.index for item in result.judgements["due_diligence"].evidence] == [0]
    assert result.judgements["policies"].covered
    assert result.score == 1


def test_remediation_counts_as_due_diligence_and_any_c2_label_as_structure():
    sentences = ["We repaid recruitment fees to 12 workers.", "We operate 30 depots."]
    rows = [
        {**dict.fromkeys(LABELS, 0.0), "C4 (remediation)": 0.8},
        {**dict.fromkeys(LABELS, 0.0), "C2 (operations)": 0.7},
    ]
    result = assess(sentences, rows)
    assert result.judgements["due_diligence"].covered
    assert result.judgements["structure_business_supply_chains"].covered
    assert result.score == 2


def test_scores_below_one_half_are_not_evidence():
    result = assess(["Our policy."], [{**dict.fromkeys(LABELS, 0.0), "C4 (risk mitigation)": 0.49}])
    assert result.score == 0 and not result.judgements["policies"].evidence


def test_the_json_has_exactly_the_published_keys_and_counts():
    result = reading_json(read_text(statement_text(), labeller=keyword_labeller))
    # "language" joined the published keys in issue 21; every earlier key keeps its place and shape.
    assert list(result) == [
        "sentences",
        "areas",
        "approval",
        "signature",
        "period",
        "future_only",
        "score",
        "language",
        "promise_or_action",
        "sign_off",
    ]
    assert list(result["areas"]) == list(AREAS)
    assert result["sentences"] == 10
    for judgement in [*result["areas"].values(), result["approval"], result["signature"]]:
        assert set(judgement) == {"covered", "evidence"}
        for item in judgement["evidence"]:
            assert set(item) == {"sentence", "index"}
    assert result["period"] == {"start": "2024-04-01", "end": "2025-03-31"}
    assert result["future_only"] == ["training"]
    covered = {name for name, judgement in result["areas"].items() if judgement["covered"]}
    assert covered == {
        "structure_business_supply_chains",
        "risk_assessment_management",
        "policies",
        "due_diligence",
    }
    assert result["approval"]["evidence"] == [
        {"sentence": "This statement was approved by the board on 30 June 2025.", "index": 8}
    ]
    assert result["signature"]["covered"] is True
    assert result["score"] == 6


def test_a_heading_is_not_evidence_that_an_area_is_covered():
    sentences = ["Training", "Signed: A. Morgan"]
    rows = [
        {**dict.fromkeys(LABELS, 0.0), "C4 (risk mitigation)": 0.9},
        {**dict.fromkeys(LABELS, 0.0), "Signature": 0.9},
    ]
    result = assess(sentences, rows)
    assert not result.judgements["training"].evidence
    assert result.judgements["signature"].covered


def test_numpy_scores_from_the_labeller_become_plain_floats():
    import json

    import numpy as np

    def numpy_labeller(sentences):
        return [{label: np.float32(0.9 if label == "Signature" else 0.1) for label in LABELS} for _ in sentences]

    reading = read_text("Signed by the director.", labeller=numpy_labeller)
    assert json.dumps(reading.scores) and reading.scores[0]["Signature"] == 0.9
    assert reading.assessment.judgements["signature"].covered


@pytest.mark.parametrize(
    "sentence",
    [
        "Our job evaluators received training in the new grading scheme.",
        "All managers attended a workshop on the new finance system.",
    ],
)
def test_training_about_something_else_is_not_training_in_modern_slavery(sentence):
    assert "training" not in mitigation_areas(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Our HR team received training on the indicators of trafficking.",
        "All buyers attended a workshop on forced labour in supply chains.",
        "Staff were trained to spot the signs of exploitation.",
    ],
)
def test_training_about_slavery_or_the_supply_chain_is_training(sentence):
    assert "training" in mitigation_areas(sentence)


def test_a_heading_about_modern_slavery_training_gives_the_sentence_its_subject():
    assert "training" in mitigation_areas("120 staff completed the course.", heading="Modern slavery training")
    assert "training" not in mitigation_areas("120 staff completed the course.", heading="Training")


def test_job_evaluators_training_leaves_training_uncovered_in_a_reading():
    mitigation = {**dict.fromkeys(LABELS, 0.0), "C4 (risk mitigation)": 0.9}
    plain = {**dict.fromkeys(LABELS, 0.0)}
    sentences = [
        "Our job evaluators received training in the new grading scheme.",
        "Modern slavery awareness",
        "All staff completed the e-learning this year.",
    ]
    evaluators_only = assess(sentences[:1], [mitigation])
    assert not evaluators_only.judgements["training"].covered
    assert not evaluators_only.judgements["due_diligence"].covered
    under_heading = assess(sentences, [mitigation, plain, mitigation])
    assert [item.index for item in under_heading.judgements["training"].evidence] == [2]


def test_the_json_says_each_areas_state_and_who_signed_the_statement_when():
    result = reading_json(read_text(statement_text(), labeller=keyword_labeller))
    states = {area: item["state"] for area, item in result["promise_or_action"].items()}
    assert states["training"] == "promised"
    assert states["due_diligence"] == "done"
    assert states["effectiveness_kpis"] == "none"
    assert result["promise_or_action"]["training"]["promised"] == [
        {"sentence": "We will train all buyers in the coming year.", "index": 7}
    ]
    assert result["sign_off"] == {
        "signatory": {"name": "Jane Doe", "title": "Director", "date": None},
        "approved_on": "2025-06-30",
        "financial_year": {"start": "2024-04-01", "end": "2025-03-31"},
    }
