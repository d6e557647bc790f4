"""The shipped labeller is a real model: plain invented sentences get the labels a reader would give.

Not a measure of quality (that is `make bench`, on held-out gold statements): only a guard against
a stub or a model whose columns are out of order.
"""

import pytest

from tackle.statement_reader.labeller import label_statement

STATEMENT = [
    "Modern slavery statement 2025",
    "Northgate Bricks Ltd makes clay bricks at two factories in Staffordshire and employs 400 people.",
    "We buy clay, fuel and packaging from about 120 suppliers, most of them in the UK and some in China.",
    "Our highest risks of forced labour are in the packaging supply chain and in agency labour.",
    "All new suppliers must sign our supplier code of conduct and are audited every year.",
    "We measure how well our actions work by tracking the number of audits completed and issues closed.",
    "This statement was approved by the board of directors on 12 March 2025.",
    "Signed",
    "Anna Patel",
    "Chief Executive Officer",
]


@pytest.fixture(scope="module")
def scores():
    return label_statement(STATEMENT)


@pytest.mark.parametrize(
    ("index", "label"),
    [
        (2, "C2 (supply chains)"),
        (4, "C4 (risk mitigation)"),
        (5, "C5 (effectiveness)"),
        (6, "Approval"),
    ],
)
def test_a_plain_sentence_gets_its_label(scores, index, label):
    assert scores[index][label] >= 0.5


def test_the_signature_block_is_a_signature(scores):
    assert max(scores[index]["Signature"] for index in (7, 8, 9)) >= 0.5


def test_the_approval_line_is_not_taken_for_risk_mitigation(scores):
    assert scores[6]["Approval"] > scores[6]["C4 (risk mitigation)"]


def test_context_changes_the_scores_of_the_same_sentence():
    alone = label_statement(["Anna Patel"])[0]
    in_block = label_statement(STATEMENT)[8]
    assert alone != in_block
