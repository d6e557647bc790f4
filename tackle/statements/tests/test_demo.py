import pytest

from tackle.accounts import demo as accounts_demo
from tackle.statements import demo
from tackle.statements.models import Action, Commitment, CommitmentEvidence, Statement, StatementPeriod

# Files the demo data writes (spend files among them) go to the test's folder, not the checkout's media/
pytestmark = pytest.mark.usefixtures("media_outside_the_checkout")


def test_demo_loads_twice_without_duplicates(db) -> None:
    accounts_demo.load()
    demo.load(scale="demo")
    demo.load(scale="demo")
    assert StatementPeriod.objects.count() == 2
    assert Action.objects.count() == len(demo.ACTIONS)
    statement = Statement.objects.get()
    assert all(section.text for section in statement.sections.all())
    assert statement.sections.count() == 10


def test_demo_council_adopted_the_charter_with_links_and_evidence_once(db) -> None:
    accounts_demo.load()
    demo.load(scale="demo")
    demo.load(scale="demo")
    assert Commitment.objects.count() == 10
    assert CommitmentEvidence.objects.count() == sum(len(links[1]) for links in demo.COMMITMENT_LINKS.values())
    linked = Commitment.objects.get(charter_key="coop_review_spend").actions.count()
    assert linked == len(demo.COMMITMENT_LINKS["coop_review_spend"][0])
    assert Commitment.objects.filter(met_on__isnull=False).count() == 2
