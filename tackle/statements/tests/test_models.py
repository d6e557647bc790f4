"""The statements' named constraints read as sentences on the field they are about when a GOV.UK
model form checks them (core/forms.py), never as 'Constraint "..." is violated.' (issue 18)."""

from tackle.core.forms import GovukModelForm
from tackle.statements.models import DecisionMaker, Statement, StatementPeriod


class _PeriodForm(GovukModelForm):
    class Meta:
        model = StatementPeriod
        fields = ["label", "starts_on", "ends_on"]


class _DecisionForm(GovukModelForm):
    class Meta:
        model = Statement
        fields = ["decision_maker", "delegated_to"]


def _period_errors(council, **data) -> dict:
    form = _PeriodForm(data, instance=StatementPeriod(organisation=council))
    assert not form.is_valid()
    return form.errors


def test_an_end_before_the_start_is_named_on_the_end_date(council_a) -> None:
    errors = _period_errors(council_a, label="2026/27", starts_on="2026-04-01", ends_on="2026-03-31")
    assert errors == {"ends_on": ["The end date must be after the start date"]}


def test_a_delegated_decision_without_who_made_it_says_so(statement_a) -> None:
    form = _DecisionForm({"decision_maker": DecisionMaker.DELEGATED, "delegated_to": ""}, instance=statement_a)
    assert not form.is_valid()
    assert form.errors == {"decision_maker": ["Enter the officer or portfolio holder who made the delegated decision"]}
