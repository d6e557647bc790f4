from datetime import date

import pytest

from tackle.core.dated import DatedRule, rule_on, value_on

RATES = (DatedRule(date(2020, 4, 1), 10), DatedRule(date(2021, 4, 1), 12))
ALWAYS = (DatedRule(date.min, "old"), DatedRule(date(2023, 1, 30), "new"))


def test_a_rule_applies_from_the_day_it_took_effect():
    assert value_on(RATES, date(2021, 3, 31)) == 10
    assert value_on(RATES, date(2021, 4, 1)) == 12
    assert value_on(RATES, date(2030, 1, 1)) == 12


def test_before_the_first_rule_there_is_no_value():
    assert value_on(RATES, date(2020, 3, 31)) is None


def test_a_table_from_date_min_always_has_a_rule():
    assert rule_on(ALWAYS, date(1900, 1, 1)) == "old"
    assert rule_on(ALWAYS, date(2023, 1, 30)) == "new"


def test_a_table_without_a_rule_on_the_day_says_so():
    with pytest.raises(ValueError, match="No rule in force"):
        rule_on(RATES, date(2019, 1, 1))
