"""Periods and statements made before issue 18 (statements migration 0003): every period gets its
own uuid for its addresses, and the free-text approval body becomes the decision maker."""

from datetime import date

import pytest

from tackle.core.tests.migrating import migrate_to, migrate_to_latest

BEFORE = [("statements", "0002_commitments")]
AFTER = [("statements", "0003_period_uuid_and_approval_decision")]


@pytest.mark.django_db(transaction=True)
def test_periods_get_their_own_uuids_and_approval_bodies_become_decisions():
    old = migrate_to(BEFORE)
    try:
        Organisation = old.get_model("accounts", "Organisation")
        council = Organisation.objects.create(name="Council A", code="E09000001", kind="council")
        period_model = old.get_model("statements", "StatementPeriod")
        statement_model = old.get_model("statements", "Statement")
        periods = [
            period_model.objects.create(
                organisation=council, label=label, starts_on=date(year, 4, 1), ends_on=date(year + 1, 3, 31)
            )
            for year, label in ((2025, "2025/26"), (2026, "2026/27"), (2027, "2027/28"))
        ]
        bodies = ["Cabinet", "full council", "Director of Communities", ""]
        statements = [
            statement_model.objects.create(organisation=council, period=periods[0], version=n, approval_body=body)
            for n, body in enumerate(bodies, start=1)
        ]

        new = migrate_to(AFTER)
        uuids = {period.uuid for period in new.get_model("statements", "StatementPeriod").objects.all()}
        assert len(uuids) == 3 and None not in uuids
        migrated = new.get_model("statements", "Statement").objects
        decisions = [(s.decision_maker, s.delegated_to) for s in (migrated.get(pk=s.pk) for s in statements)]
        assert decisions == [
            ("cabinet", ""),
            ("full_council", ""),
            ("delegated", "Director of Communities"),
            ("", ""),
        ]
    finally:
        migrate_to_latest()
