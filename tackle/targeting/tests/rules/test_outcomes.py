"""Adverse findings read from regulators' own words; words no rule places are reported, not guessed."""

import pytest

from tackle.targeting.rules.outcomes import Outcome, outcome, wording


@pytest.mark.parametrize(
    ("result", "flag", "expected"),
    [
        ("Fail", "", (True, "Fail")),
        ("Non-compliant", "", (True, "Non-compliant")),
        ("Not compliant", "", (True, "Not compliant")),
        ("Improvement notice served", "", (True, "Improvement notice served")),
        ("Broadly compliant", "", (False, "Broadly compliant")),
        ("Pass", "", (False, "Pass")),
        ("0", "", (True, "rating 0")),
        ("2", "", (True, "rating 2")),
        ("3", "", (False, "rating 3")),
        ("", "Yes", (True, "non-compliance recorded")),
        ("", "No", (False, "")),
        ("Pass", "Fire doors locked", (True, "Fire doors locked")),
        ("", "", (False, "")),
    ],
)
def test_compliance_is_read_from_a_result_or_a_non_compliance_column(result, flag, expected):
    found = outcome({"result": result, "non_compliance": flag})
    assert (found.adverse, found.finding) == expected


@pytest.mark.parametrize(
    "result",
    [
        "Enforcement Notice",
        "Prohibition notice served",
        "Alterations notice",
        "Prosecution",
        "Prosecuted - guilty plea",
        "Simple caution",
        "Formal caution issued",
        "Licence review",
        "Review hearing",
        "Licence suspended",
        "Suspension",
        "Revoked",
        "Licence revocation",
        "Refused",
        "Fixed penalty notice",
        "Civil penalty",
        "Convicted",
        "Fined £2,000",
        "Banning order",
        "Improvement Required",
        "Category 1 hazard found",
    ],
)
def test_adverse_outcomes_in_any_wording_are_adverse_findings(result):
    assert outcome({"result": result}) == Outcome(True, result)


@pytest.mark.parametrize(
    "result", ["No further action", "NFA", "Reviewed - no action", "Exempt", "AwaitingInspection", "Licence granted"]
)
def test_outcomes_that_found_nothing_are_not_adverse(result):
    assert outcome({"result": result}) == Outcome(False, result)


@pytest.mark.parametrize(("count", "adverse"), [("3", True), ("1", True), ("0", False), ("", False), ("none", False)])
def test_a_count_of_category_1_hazards_above_nought_is_adverse(count, adverse):
    found = outcome({"hazards": count}, {"hazards": "Category 1 hazards"})
    assert found.adverse is adverse
    if adverse:
        assert found.finding == f"{count} category 1 hazards"


def test_a_superscript_is_not_read_as_a_count():  # str.isdigit takes it, int() refused it (a 500)
    assert outcome({"hazards": "³"}, {"hazards": "Category 1 hazards"}).adverse is False


def test_an_amount_in_a_non_compliance_column_is_named_by_its_column():
    found = outcome({"non_compliance": "£1,234.56"}, {"non_compliance": "Arrears"})
    assert found == Outcome(True, "Arrears: £1,234.56")


def test_a_wording_no_rule_knows_is_reported_and_not_guessed():
    assert outcome({"result": "Advice given (verbal)"}) == Outcome(
        False, "Advice given (verbal)", "advice given verbal"
    )


def test_the_organisations_classification_places_an_unfamiliar_wording():
    known = {"advice given verbal": True, "prosecution": False}
    assert outcome({"result": "Advice given (verbal)"}, known=known) == Outcome(True, "Advice given (verbal)")
    assert outcome({"result": "PROSECUTION"}, known=known).adverse is False


def test_wordings_compare_without_case_or_punctuation():
    assert wording("  Prohibition Notice - served ") == "prohibition notice served"
