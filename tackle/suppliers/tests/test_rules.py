"""The pure rules: the selection questionnaire's logic, the contract risk score, assessment dates."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tackle.suppliers.rules.assessments import add_years, first_due, is_overdue, needs_reminder, next_due
from tackle.suppliers.rules.contract_risk import ContractFacts, RiskLevel, contract_risk
from tackle.suppliers.rules.questionnaire import MsaAnswers, answer_errors, outcome
from tackle.suppliers.sectors import Sector

URL = "https://example.com/modern-slavery"


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        (MsaAnswers(False), "not_relevant"),
        (MsaAnswers(True, True, statement_url=URL), "compliant"),
        (MsaAnswers(True, False, explanation="First year over the threshold"), "not_compliant"),
    ],
)
def test_consistent_answers_have_no_errors_and_an_outcome(answers, expected):
    assert answer_errors(answers) == {}
    assert outcome(answers) == expected


@pytest.mark.parametrize(
    ("answers", "field"),
    [
        (MsaAnswers(None), "is_relevant_organisation"),
        (MsaAnswers(True), "is_compliant"),
        (MsaAnswers(True, True), "statement_url"),
        (MsaAnswers(True, True, statement_url=URL, explanation="why"), "explanation"),
        (MsaAnswers(True, False), "explanation"),
        (MsaAnswers(True, False, statement_url=URL, explanation="why"), "statement_url"),
        (MsaAnswers(False, True), "is_compliant"),
        (MsaAnswers(False, None, explanation="not needed"), "is_compliant"),
    ],
)
def test_inconsistent_answers_name_the_field_to_fix(answers, field):
    assert field in answer_errors(answers)


@given(st.sampled_from([None, True, False]), st.sampled_from([None, True, False]), st.booleans(), st.booleans())
def test_every_accepted_answer_keeps_the_questionnaire_rules(relevant, compliant, has_url, has_text):
    answers = MsaAnswers(relevant, compliant, URL if has_url else "", "because" if has_text else "")
    if answer_errors(answers):
        return
    assert relevant is not None
    if not relevant:
        assert compliant is None and not has_url and not has_text
    elif compliant:
        assert has_url and not has_text
    else:
        assert compliant is False and has_text and not has_url


def _facts(**extra) -> ContractFacts:
    base = {"category": Sector.OTHER, "supplier_sectors": (), "value": Decimal(50000)}
    return ContractFacts(**{**base, **extra})


def test_a_small_contract_outside_risky_sectors_scores_nothing():
    risk = contract_risk(_facts())
    assert (risk.score, risk.level, risk.reasons) == (0, RiskLevel.LOW, ())


def test_a_large_cleaning_contract_with_a_missing_statement_scores_high_with_its_reasons():
    risk = contract_risk(
        _facts(
            category=Sector.CLEANING,
            value=Decimal(1500000),
            subcontracted=True,
            statement_required=True,
            statement_on_file=False,
        )
    )
    # sector 3 + labour intensive 2 (cleaning) + subcontracted 2 + value 2 + no statement 2
    assert risk.score == 11
    assert risk.level == RiskLevel.HIGH
    texts = [reason.text for reason in risk.reasons]
    assert "High-risk sector: cleaning" in texts
    assert any("no modern slavery statement" in text for text in texts)


def test_the_supplier_sectors_count_and_each_sector_is_named_once():
    risk = contract_risk(_facts(category=Sector.SECURITY, supplier_sectors=("security", "logistics")))
    assert risk.reasons[0].text == "High-risk sector: security, logistics"
    assert risk.reasons[0].points == 3


def test_a_statement_on_file_or_not_required_adds_nothing():
    assert contract_risk(_facts(statement_required=True, statement_on_file=True)).score == 0
    assert contract_risk(_facts(statement_required=False)).score == 0


def test_the_latest_assessment_outcome_counts():
    assert contract_risk(_facts(latest_assessment_outcome="serious_concerns")).score == 3
    assert contract_risk(_facts(latest_assessment_outcome="improvement_needed")).score == 1
    assert contract_risk(_facts(latest_assessment_outcome="satisfactory")).score == 0


@pytest.mark.parametrize(("value", "points"), [("99999.99", 0), ("100000", 1), ("999999", 1), ("1000000", 2)])
def test_value_bands(value, points):
    assert contract_risk(_facts(value=Decimal(value))).score == points


@given(
    st.sampled_from(Sector.values),
    st.decimals(min_value=0, max_value=10**9, places=2),
    st.booleans(),
    st.booleans(),
    st.booleans(),
)
def test_the_score_is_the_sum_of_its_reasons_and_adding_a_factor_never_lowers_it(category, value, a, b, c):
    facts = _facts(category=category, value=value, labour_intensive=a, overseas_supply_chain=b, subcontracted=c)
    risk = contract_risk(facts)
    assert risk.score == sum(reason.points for reason in risk.reasons)
    assert contract_risk(replace(facts, overseas_supply_chain=True)).score >= risk.score


def test_the_first_assessment_is_a_year_after_the_start():
    assert first_due(start_on=date(2026, 3, 1), end_on=date(2029, 1, 1), today=date(2026, 6, 1)) == date(2027, 3, 1)


def test_an_old_contract_added_late_is_assessed_within_90_days():
    assert first_due(start_on=date(2020, 3, 1), end_on=date(2029, 1, 1), today=date(2026, 6, 1)) == date(2026, 8, 30)


def test_no_assessment_falls_after_the_contract_ends():
    assert first_due(start_on=date(2026, 3, 1), end_on=date(2026, 12, 31), today=date(2026, 6, 1)) == date(2026, 12, 31)
    assert first_due(start_on=date(2020, 3, 1), end_on=date(2026, 1, 1), today=date(2026, 6, 1)) is None
    assert next_due(completed_on=date(2026, 5, 1), end_on=date(2027, 1, 1)) is None
    assert next_due(completed_on=date(2026, 5, 1), end_on=date(2028, 1, 1)) == date(2027, 5, 1)


def test_a_leap_day_moves_to_the_end_of_february():
    assert add_years(date(2028, 2, 29)) == date(2029, 2, 28)


def test_overdue_and_reminders():
    due = date(2026, 6, 30)
    assert not is_overdue(due_on=due, completed_on=None, today=due)
    assert is_overdue(due_on=due, completed_on=None, today=date(2026, 7, 1))
    assert not is_overdue(due_on=due, completed_on=date(2026, 7, 2), today=date(2026, 8, 1))
    assert not needs_reminder(due_on=due, completed_on=None, last_reminded_on=None, today=date(2026, 5, 30))
    assert needs_reminder(due_on=due, completed_on=None, last_reminded_on=None, today=date(2026, 5, 31))
    assert not needs_reminder(due_on=due, completed_on=None, last_reminded_on=date(2026, 6, 1), today=date(2026, 6, 7))
    assert needs_reminder(due_on=due, completed_on=None, last_reminded_on=date(2026, 6, 1), today=date(2026, 6, 8))
    assert not needs_reminder(due_on=due, completed_on=date(2026, 6, 1), last_reminded_on=None, today=date(2026, 7, 8))
