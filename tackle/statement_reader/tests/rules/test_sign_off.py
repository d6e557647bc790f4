import datetime

import pytest

from tackle.statement_reader.labeller import LABELS
from tackle.statement_reader.rules.areas import assess, sign_off_json
from tackle.statement_reader.rules.sign_off import (
    Decision,
    approval_sentences,
    effectiveness_sentences,
    judge,
    signatory,
    signature_sentences,
    statement_features,
)

QUIET = dict.fromkeys(LABELS, 0.05)


def _quiet(sentences: list[str]) -> list[dict[str, float]]:
    return [dict(QUIET) for _ in sentences]


@pytest.mark.parametrize(
    "sentence",
    [
        "This statement was approved by the Board of Directors of Northgate Bakeries Limited on 14 May 2025.",
        "The Trustees approved this statement at their meeting of 3 September 2024.",
        "Approved by the board on 2 July 2025",
        "Cabinet approved this statement for publication.",
    ],
)
def test_approval_by_the_governing_body_is_found_in_its_usual_wordings(sentence):
    assert approval_sentences([sentence]) == [0]


@pytest.mark.parametrize(
    "sentence",
    [
        "We buy only from approved suppliers listed on our framework.",
        "The next statement will be approved by the board in June.",
        "Our procurement team approved three new contractors.",
    ],
)
def test_approval_of_something_else_or_in_the_future_is_not_approval(sentence):
    assert approval_sentences([sentence]) == []


def test_a_printed_name_and_title_under_a_signature_image_is_a_signature():
    sentences = ["Our commitment continues.", "Priya Raman", "Chief Executive Officer", "30 June 2025"]
    found = signature_sentences(sentences)
    assert found == [1, 2, 3]
    who = signatory(sentences, found)
    assert (who.name, who.title, who.date) == ("Priya Raman", "Chief Executive Officer", datetime.date(2025, 6, 30))


def test_a_closing_line_gives_the_name_title_and_date():
    sentences = [
        "We audited twelve suppliers.",
        "Signed by Tom Okafor, Managing Director, on 12 June 2025.",
    ]
    found = signature_sentences(sentences)
    assert found == [1]
    who = signatory(sentences, found)
    assert (who.name, who.title, who.date) == ("Tom Okafor", "Managing Director", datetime.date(2025, 6, 12))


def test_a_form_style_block_gives_the_name_after_its_label():
    sentences = ["Full name: Grace Whitfield", "Title: Director", "Date: 01/07/2025"]
    who = signatory(sentences, signature_sentences(sentences))
    assert who.name == "Grace Whitfield"
    assert who.title == "Director"
    assert who.date == datetime.date(2025, 7, 1)


def test_a_long_sentence_about_a_director_is_not_a_signature():
    sentence = (
        "Our Procurement Director, Sam Lee, chairs a working group that meets every quarter to review the "
        "risks our category managers have raised with suppliers."
    )
    assert signature_sentences([sentence]) == []


def test_effectiveness_measures_are_found_by_their_words():
    sentences = [
        "We track three key performance indicators for our supply chain work.",
        "We measure the effectiveness of our actions through supplier audits.",
        "Our effective date is 1 April.",
    ]
    assert effectiveness_sentences(sentences) == [0, 1]


def test_the_labeller_alone_can_carry_a_judgement_at_the_chosen_threshold():
    sentences = ["The statement was reviewed.", "A line the labeller likes."]
    scores = _quiet(sentences)
    scores[1]["Signature"] = 0.65
    assert judge(sentences, scores, {"signature": Decision.threshold(0.6)})["signature"].evidence == [1]
    assert not judge(sentences, scores, {"signature": Decision.threshold(0.7)})["signature"].covered


def test_a_rule_weighs_the_statements_features():
    sentences = ["We buy from many countries.", "We review our audits.", "We track three indicators."]
    scores = _quiet(sentences)
    scores[1]["C5 (effectiveness)"] = 0.4
    scores[2]["C5 (effectiveness)"] = 0.45
    features = statement_features(sentences, scores, "effectiveness")
    assert features["max"] == 0.45
    assert features["top3"] == pytest.approx((0.45 + 0.4 + 0.05) / 3)
    assert features["position"] == 1.0
    # Two sentences near one half together carry it where the best alone would not.
    both = Decision({"max": 1.0, "above_0_3": 1.0}, -1.5)
    assert both.covers(features)
    assert judge(sentences, scores, {"effectiveness": both})["effectiveness"].evidence == [2]
    scores[1]["C5 (effectiveness)"] = 0.05
    assert not judge(sentences, scores, {"effectiveness": both})["effectiveness"].covered


def test_patterns_count_only_where_the_rule_weighs_them():
    sentences = ["This statement was approved by the board on 1 July 2025."]
    by_pattern = {"approval": Decision.threshold(1.01, patterns=True)}
    assert assess(sentences, _quiet(sentences), sign_off_decisions=by_pattern).judgements["approval"].covered
    assert not assess(sentences, _quiet(sentences)).judgements["approval"].covered
    assert not assess(sentences, _quiet(sentences), closing_patterns=False).judgements["approval"].covered


def test_the_shipped_rules_weigh_the_patterns_beside_the_labeller():
    # The same middling score is enough where the approval pattern backs it, and not where it does not;
    # the method before issue 20 (any sentence at 0.5) took either.
    backed = ["This statement was approved by the board on 1 July 2025.", "Jo Bloggs, Director"]
    unbacked = ["The board has looked at this statement.", "Jo Bloggs, Director"]
    for sentences in (backed, unbacked):
        scores = _quiet(sentences)
        scores[0]["Approval"] = 0.55
        covered = assess(sentences, scores).judgements["approval"].covered
        assert covered is (sentences is backed)
        assert assess(sentences, scores, closing_patterns=False).judgements["approval"].covered
    scores = _quiet(backed)
    scores[0]["Approval"] = 0.7
    assert assess(backed, scores).judgements["approval"].evidence[0].index == 0


def test_the_assessment_carries_the_signatory_and_approval_date():
    sentences = [
        "We have mapped our tier one suppliers.",
        "This statement was approved by the board on 30 June 2025.",
        "Helen Price",
        "Chair of the Board",
    ]
    scores = _quiet(sentences)
    scores[1]["Approval"] = 0.95
    scores[3]["Signature"] = 0.95  # the labeller marks the title; the block around it gives the name
    result = assess(sentences, scores)
    assert result.judgements["signature"].covered
    assert sign_off_json(result) == {
        "signatory": {"name": "Helen Price", "title": "Chair of the Board", "date": None},
        "approved_on": "2025-06-30",
    }


def test_a_statement_the_labeller_did_not_read_is_not_judged_by_patterns():
    sentences = ["This statement was approved by the board on 30 June 2025."]
    result = assess(sentences, [{}])
    assert not result.judgements["approval"].covered
