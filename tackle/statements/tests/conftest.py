from datetime import date

import pytest

from tackle.statements.models import StatementPeriod
from tackle.statements.services.statement import (
    action_create,
    period_create,
    signatory_add,
    statement_approve,
    statement_create,
    statement_section_update,
    statement_submit,
)


@pytest.fixture
def period_a(council_a, lead_a) -> StatementPeriod:
    return period_create(
        organisation=council_a, label="2025-2026", starts_on=date(2025, 4, 1), ends_on=date(2026, 3, 31), actor=lead_a
    )


@pytest.fixture
def next_period_a(council_a, lead_a) -> StatementPeriod:
    return period_create(
        organisation=council_a, label="2026-2027", starts_on=date(2026, 4, 1), ends_on=date(2027, 3, 31), actor=lead_a
    )


@pytest.fixture
def action_a(period_a, lead_a):
    return action_create(
        period=period_a,
        actor=lead_a,
        area="prevention",
        title="Add clauses to contracts",
        due_on=date(2025, 12, 31),
        owner=lead_a,
    )


@pytest.fixture
def statement_a(period_a, lead_a):
    statement = statement_create(period=period_a, actor=lead_a)
    statement_section_update(statement=statement, key="policies", text="Our policies say what to do.", actor=lead_a)
    return statement


@pytest.fixture
def approve():
    """Sign, submit and approve a draft as Cabinet's decision of `on`; the approved statement."""

    def approve(statement, actor, *, on: date = date(2025, 7, 1)):
        signatory_add(statement=statement, name="Ann Leader", role="Leader of the council", actor=actor)
        statement_submit(statement=statement, actor=actor)
        return statement_approve(
            statement=statement,
            actor=actor,
            decision_maker="cabinet",
            approval_date=on,
            minute_reference="CAB 12/25",
            review_date=date(on.year + 1, on.month, 1),
        )

    return approve
