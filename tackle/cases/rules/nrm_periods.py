"""NRM decision tests and support periods from dated rules tables. Pure functions: no database.

The tables are tackle.core.dated tables: every case keeps the rule in force on its own decision date.
"""

from datetime import date, timedelta

from tackle.core.dated import DatedRule, rule_on

# The reasonable grounds test (England and Wales). The "objective factors" wording was introduced
# on 30 January 2023 and withdrawn after judicial review in July 2023.
RG_TESTS: tuple[DatedRule[str], ...] = (
    DatedRule(date.min, "suspect but cannot prove"),
    DatedRule(date(2023, 1, 30), "objective factors"),
    DatedRule(date(2023, 7, 10), "reasonable grounds to believe"),
)

# Minimum recovery period after a positive reasonable grounds decision, in days.
RECOVERY_MINIMUM_DAYS: tuple[DatedRule[int], ...] = (
    DatedRule(date.min, 45),
    DatedRule(date(2023, 1, 30), 30),
)

# Move-on support after a positive conclusive grounds decision, in days (extendable by a
# recovery needs assessment, which is recorded as a support record, not here).
MOVE_ON_DAYS: tuple[DatedRule[int], ...] = (DatedRule(date.min, 45),)

# Target for a reasonable grounds decision, in working days from referral.
RG_TARGET_WORKING_DAYS: tuple[DatedRule[int], ...] = (DatedRule(date.min, 5),)


def rg_test_on(decided_on: date) -> str:
    return rule_on(RG_TESTS, decided_on)


def recovery_period_ends_on(positive_rg_on: date, conclusive_grounds_on: date | None) -> date:
    """The recovery period lasts the minimum in force on the RG date, and in any case until the
    conclusive grounds decision: it ends on the later of the two. Before the CG decision, the
    minimum end is the earliest it can end, which is what reminders are set against."""
    minimum_end = positive_rg_on + timedelta(days=rule_on(RECOVERY_MINIMUM_DAYS, positive_rg_on))
    if conclusive_grounds_on is None:
        return minimum_end
    return max(minimum_end, conclusive_grounds_on)


def move_on_support_ends_on(positive_cg_on: date) -> date:
    return positive_cg_on + timedelta(days=rule_on(MOVE_ON_DAYS, positive_cg_on))


def add_working_days(start: date, days: int) -> date:
    """Monday to Friday only; bank holidays are not modelled (a known simplification)."""
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            remaining -= 1
    return current


def rg_decision_target(referred_on: date) -> date:
    return add_working_days(referred_on, rule_on(RG_TARGET_WORKING_DAYS, referred_on))
