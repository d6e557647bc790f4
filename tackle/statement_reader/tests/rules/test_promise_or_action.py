import pytest

from tackle.statement_reader.labeller import LABELS
from tackle.statement_reader.rules.areas import AREAS, area_state, assess, is_promise, promise_or_action_json

MITIGATION = {**dict.fromkeys(LABELS, 0.05), "C4 (risk mitigation)": 0.9}
NOTHING = dict.fromkeys(LABELS, 0.05)


@pytest.mark.parametrize(
    "sentence",
    [
        "Our target is to audit every tier one supplier in the food category.",
        "All buyers to be trained in spotting exploitation by 2027.",
        "By 2026, we aim to have mapped our cleaning contractors.",
    ],
)
def test_targets_and_deadlines_are_promises(sentence):
    assert is_promise(sentence)


def test_a_target_already_met_is_not_a_promise():
    assert not is_promise("We completed the supplier audits we had targeted for 2024.")


def test_each_area_says_done_promised_or_nothing_with_its_sentences():
    sentences = [
        "We audited twenty suppliers of agency staff during the year.",
        "We will introduce a supplier code of conduct next year.",
        "Our warehouse is in Rotherham.",
    ]
    result = assess(sentences, [MITIGATION, MITIGATION, NOTHING])
    assert area_state(result, "due_diligence") == "done"
    assert area_state(result, "policies") == "promised"
    assert area_state(result, "training") == "none"
    states = promise_or_action_json(result)
    assert list(states) == list(AREAS)
    assert states["due_diligence"] == {
        "state": "done",
        "done": [{"sentence": sentences[0], "index": 0}],
        "promised": [],
    }
    assert states["policies"]["promised"] == [{"sentence": sentences[1], "index": 1}]
    assert states["training"] == {"state": "none", "done": [], "promised": []}


def test_a_covered_area_still_lists_what_it_only_promises():
    sentences = [
        "We audited twenty suppliers of agency staff during the year.",
        "We plan to audit our laundry suppliers.",
    ]
    states = promise_or_action_json(assess(sentences, [MITIGATION, MITIGATION]))
    assert states["due_diligence"]["state"] == "done"
    assert [line["index"] for line in states["due_diligence"]["promised"]] == [1]


def test_a_statement_that_only_promises_scores_lower_than_one_that_acts():
    acts = ["We audited twenty suppliers.", "We trained all buyers on modern slavery risks."]
    promises = ["We will audit twenty suppliers.", "We plan to train all buyers on modern slavery risks."]
    acting, promising = assess(acts, [MITIGATION] * 2), assess(promises, [MITIGATION] * 2)
    assert acting.score == 2
    assert promising.score == 0
    assert set(promising.future_only) == {"due_diligence", "training"}
