from tackle.cases.models import NrmEventKind, NrmOutcome
from tackle.cases.rules.nrm_outcomes import ACTION_COMPLETED_BY, OUTCOMES_BY_KIND, STEP_RECORDED_BY, outcome_allowed


def test_every_step_kind_says_which_outcomes_it_takes():
    assert set(OUTCOMES_BY_KIND) == set(NrmEventKind.values)


def test_a_decision_takes_its_own_outcomes_and_nothing_else():
    for kind, allowed in OUTCOMES_BY_KIND.items():
        for outcome in NrmOutcome.values:
            assert outcome_allowed(kind, outcome) == (outcome in allowed)
        assert outcome_allowed(kind, "") == (not allowed)


def test_step_and_action_map_both_ways():
    assert {STEP_RECORDED_BY[code] for code in ACTION_COMPLETED_BY.values()} == set(ACTION_COMPLETED_BY)
