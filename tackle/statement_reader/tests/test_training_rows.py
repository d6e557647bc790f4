from tackle.statement_reader.selectors import latest_assessment_for_supplier, reviewer_overrides_for_training
from tackle.statement_reader.services import judgement_override, statement_read
from tackle.statement_reader.tests.factories import statement_text
from tackle.suppliers.statements import latest_statement_assessment


def _read(buyer, supplier):
    return statement_read(actor=buyer, supplier=supplier, data=statement_text().encode(), file_name="w.txt")


def test_overrides_become_sentence_labels_for_training(buyer_a, supplier_a, fake_labeller):
    reading = _read(buyer_a, supplier_a)
    # Sentence 5 (a policy) is removed from policies, and no other area keeps it as risk mitigation.
    judgement_override(
        actor=buyer_a, reading=reading, judgement="policies", covered=False, reason="r", evidence_removed=[5]
    )
    # Sentence 6 (an audit) added to effectiveness; sentence 3 (supply chain) removed from structure.
    judgement_override(
        actor=buyer_a, reading=reading, judgement="effectiveness_kpis", covered=True, reason="r", evidence_added=[6]
    )
    judgement_override(
        actor=buyer_a,
        reading=reading,
        judgement="structure_business_supply_chains",
        covered=True,
        reason="r",
        evidence_removed=[3],
    )
    rows = set(reviewer_overrides_for_training())
    sentences = reading.sentences
    assert rows == {
        (sentences[5], "C4 (risk mitigation)", 0),
        (sentences[6], "C5 (effectiveness)", 1),
        (sentences[3], "C2 (supply chains)", 0),
    }


def test_a_sentence_moved_between_mitigation_areas_teaches_no_negative(buyer_a, supplier_a, fake_labeller):
    reading = _read(buyer_a, supplier_a)
    # Sentence 6 (an audit) is due diligence; the reviewer moves it to training only.
    judgement_override(
        actor=buyer_a, reading=reading, judgement="due_diligence", covered=False, reason="r", evidence_removed=[6]
    )
    judgement_override(
        actor=buyer_a, reading=reading, judgement="training", covered=True, reason="r", evidence_added=[6]
    )
    assert reviewer_overrides_for_training() == [(reading.sentences[6], "C4 (risk mitigation)", 1)]


def test_only_the_newest_override_of_a_judgement_counts(buyer_a, supplier_a, fake_labeller):
    reading = _read(buyer_a, supplier_a)
    judgement_override(
        actor=buyer_a, reading=reading, judgement="policies", covered=False, reason="r", evidence_removed=[5]
    )
    judgement_override(actor=buyer_a, reading=reading, judgement="policies", covered=True, reason="changed my mind")
    assert reviewer_overrides_for_training() == []
    reading.refresh_from_db()
    assert reading.score == reading.machine_score == 6


def test_latest_assessment_is_the_newest_reading_of_that_supplier(buyer_a, supplier_a, fake_labeller):
    assert latest_assessment_for_supplier(supplier_a) is None
    _read(buyer_a, supplier_a)
    newer = _read(buyer_a, supplier_a)
    statement_read(actor=buyer_a, supplier=None, data=b"Our own statement.", file_name="ours.txt")
    assert latest_assessment_for_supplier(supplier_a) == newer


def test_the_supplier_register_sees_the_readers_latest_assessment(buyer_a, supplier_a, fake_labeller):
    newer = [_read(buyer_a, supplier_a) for _ in range(2)][-1]
    assert latest_statement_assessment(supplier_a) == newer
