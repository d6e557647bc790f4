from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from tackle.cases.rules.nrm_periods import (
    add_working_days,
    move_on_support_ends_on,
    recovery_period_ends_on,
    rg_decision_target,
    rg_test_on,
)


def test_rg_test_in_force_on_each_side_of_each_change():
    assert rg_test_on(date(2023, 1, 29)) == "suspect but cannot prove"
    assert rg_test_on(date(2023, 1, 30)) == "objective factors"
    assert rg_test_on(date(2023, 7, 9)) == "objective factors"
    assert rg_test_on(date(2023, 7, 10)) == "reasonable grounds to believe"
    assert rg_test_on(date(2026, 11, 25)) == "reasonable grounds to believe"


def test_recovery_is_45_days_before_30_january_2023_and_30_from_then():
    assert recovery_period_ends_on(date(2023, 1, 29), None) == date(2023, 1, 29) + timedelta(days=45)
    assert recovery_period_ends_on(date(2023, 1, 30), None) == date(2023, 3, 1)


def test_recovery_lasts_until_a_later_conclusive_grounds_decision():
    assert recovery_period_ends_on(date(2024, 3, 1), date(2024, 9, 1)) == date(2024, 9, 1)


def test_an_early_conclusive_grounds_decision_does_not_shorten_the_minimum():
    assert recovery_period_ends_on(date(2024, 3, 1), date(2024, 3, 10)) == date(2024, 3, 31)


def test_move_on_support_is_45_days_from_a_positive_cg():
    assert move_on_support_ends_on(date(2024, 9, 1)) == date(2024, 10, 16)


def test_rg_target_is_five_working_days():
    assert rg_decision_target(date(2026, 11, 27)) == date(2026, 12, 4)  # Friday to the next Friday


@given(st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 1, 1)), st.integers(min_value=0, max_value=400))
def test_recovery_never_ends_before_its_minimum_or_before_cg(rg_on, cg_after):
    cg_on = rg_on + timedelta(days=cg_after)
    ends = recovery_period_ends_on(rg_on, cg_on)
    assert ends >= cg_on
    assert ends >= rg_on + timedelta(days=30)


@given(st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 1, 1)), st.integers(min_value=1, max_value=30))
def test_working_days_land_on_a_weekday_after_the_start(start, days):
    end = add_working_days(start, days)
    assert end > start and end.weekday() < 5
    assert (end - start).days <= days + 2 * (days // 5 + 1)
