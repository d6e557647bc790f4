import pytest
from django.core.management import call_command

from tackle.accounts.models import User
from tackle.core.periods import financial_year_of
from tackle.disrupt import selectors
from tackle.disrupt.figures import annual_figures
from tackle.disrupt.models import Action, Intelligence, Operation, OperationOutcome, Premises, SharingAgreement

# Files the demo data writes (spend files among them) go to the test's folder, not the checkout's media/
pytestmark = pytest.mark.usefixtures("media_outside_the_checkout")

MODELS = (Premises, Intelligence, SharingAgreement, Operation, OperationOutcome, Action)


def test_demo_load_is_idempotent_and_gives_the_partner_what_the_agreement_allows(db):
    call_command("demo", "load")
    counts = [model.objects.count() for model in MODELS]
    call_command("demo", "load")
    assert [model.objects.count() for model in MODELS] == counts
    assert counts[3] == 3 and counts[4] == 2

    partner = User.objects.get(username="demo-partner")
    visible = selectors.intelligence_visible_to(partner)
    assert visible.filter(handling_code="C").count() == 0
    assert visible.filter(organisation=partner.organisation).count() == 1
    assert visible.exclude(organisation=partner.organisation).count() == 2
    assert selectors.operations_visible_to(partner).count() == 3


def test_demo_operations_fill_this_years_report(db):
    call_command("demo", "load")
    lead = User.objects.get(username="demo-community_safety_manager")
    operation = Operation.objects.get(name="Operation Foam")
    figures = annual_figures(lead.organisation_id, financial_year_of(operation.operation_date))
    assert figures.arrests_total >= 3
    assert figures.with_outcomes >= 1
