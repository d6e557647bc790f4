"""Premises and operations by type (issue 17, item 5), counted at the edges of a financial year."""

from datetime import date, datetime

import pytest

from tackle.core.periods import LONDON, financial_year
from tackle.disrupt.choices import PremisesType
from tackle.disrupt.figures import premises_and_operations_by_type
from tackle.disrupt.models import Premises
from tackle.disrupt.tests.factories import make_operation, make_premises

pytestmark = pytest.mark.django_db
YEARS = [financial_year(2024), financial_year(2025)]


def _recorded_at(premises: Premises, moment: datetime) -> None:
    Premises.objects.filter(pk=premises.pk).update(created_at=moment)


def test_premises_count_in_the_year_of_the_london_day_they_were_recorded(safety_a):
    late = make_premises(safety_a)
    _recorded_at(late, datetime(2025, 3, 31, 23, 59, tzinfo=LONDON))
    first = make_premises(safety_a, premises_type=PremisesType.NAIL_BAR, address="1 High Street")
    _recorded_at(first, datetime(2025, 4, 1, 0, 0, tzinfo=LONDON))
    rows = premises_and_operations_by_type(safety_a.organisation_id, YEARS)
    assert rows["Premises recorded: Hand car wash"] == [1, 0]
    assert rows["Premises recorded: Nail bar"] == [0, 1]
    assert "Premises recorded: Farm" not in rows  # no farm in either year


def test_an_operation_counts_once_per_type_of_premises_it_visited(safety_a, lead_b):
    washes = [make_premises(safety_a, address=f"{n} Mill Lane") for n in (1, 2)]
    bar = make_premises(safety_a, premises_type=PremisesType.NAIL_BAR, address="3 Mill Lane")
    raid = make_operation(safety_a, on=date(2025, 4, 1))
    raid.premises.add(*washes, bar)
    make_operation(safety_a, on=date(2025, 3, 31), kind="dynamic")
    make_operation(lead_b, on=date(2025, 6, 1))  # another council's
    rows = premises_and_operations_by_type(safety_a.organisation_id, YEARS)
    assert rows["Operations: Planned"] == [0, 1]
    assert rows["Operations: Dynamic (within hours)"] == [1, 0]
    assert rows["Operations visiting: Hand car wash"] == [0, 1]
    assert rows["Operations visiting: Nail bar"] == [0, 1]
