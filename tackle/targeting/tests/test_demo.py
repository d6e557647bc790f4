import pytest
from django.core.management import call_command

from tackle.accounts.demo import DEMO_COUNCIL_CODE, demo_username
from tackle.accounts.models import User
from tackle.audit.models import AuditEvent
from tackle.core.roles import Role
from tackle.targeting.models import RegulatorList
from tackle.targeting.selectors import ranking_for

# Files the demo data writes (spend files among them) go to the test's folder, not the checkout's media/
pytestmark = pytest.mark.usefixtures("media_outside_the_checkout")


def test_demo_lists_load_once_and_join_across_regulators(db):
    from tackle.accounts import demo as accounts_demo
    from tackle.disrupt import demo as disrupt_demo
    from tackle.targeting import demo

    accounts_demo.load()
    disrupt_demo.load()
    demo.load()
    events = AuditEvent.objects.count()
    demo.load()
    assert AuditEvent.objects.count() == events
    lists = RegulatorList.objects.filter(organisation__code=DEMO_COUNCIL_CODE)
    assert lists.count() == 5 and all(item.reject_count == 0 for item in lists)
    manager = User.objects.get(username=demo_username(Role.COMMUNITY_SAFETY_MANAGER))
    ranking = ranking_for(manager)
    assert len(ranking.ranked) == 18  # one entity for each demo premises, however each list wrote it
    assert len(ranking.ranked[0].sources) >= 3
    assert not ranking.ranked[0].name.isupper()  # a name in capitals is shown only when no list wrote it otherwise


def test_the_whole_demo_load_includes_targeting(db):
    call_command("demo", "load")
    assert RegulatorList.objects.count() == 5
