import pytest
from django.core.management import call_command

from tackle.accounts import demo
from tackle.accounts.models import Organisation, User
from tackle.cases import demo as cases_demo
from tackle.core.roles import OrganisationKind, Role

# Files the demo data writes (spend files among them) go to the test's folder, not the checkout's media/
pytestmark = pytest.mark.usefixtures("media_outside_the_checkout")


def test_demo_load_creates_the_council_partners_and_one_user_per_role(db):
    call_command("demo", "load")
    council = Organisation.objects.get(code="E09000099")
    assert council.name == "Demo Borough Council" and council.kind == OrganisationKind.COUNCIL
    # The demo council, the neighbouring one and the Welsh one.
    kinds = list(Organisation.objects.values_list("kind", flat=True))
    assert kinds.count(OrganisationKind.NGO) == 2 and kinds.count(OrganisationKind.COUNCIL) == 3
    assert OrganisationKind.POLICE in kinds
    for role in Role.values:
        user = User.objects.get(username=f"demo-{role}")
        assert user.role == role and user.is_demo
        assert user.check_password("demo-password")
    assert User.objects.get(username="demo-partner").organisation.kind == OrganisationKind.POLICE


def test_demo_load_twice_duplicates_nothing(db):
    call_command("demo", "load")
    counts = (Organisation.objects.count(), User.objects.count())
    call_command("demo", "load")
    assert (Organisation.objects.count(), User.objects.count()) == counts


def test_demo_password_comes_from_the_environment(db, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "another-demo-secret")
    call_command("demo", "load")
    assert User.objects.get(username="demo-councillor").check_password("another-demo-secret")


def test_national_scale_builds_its_organisations_and_users_once(db, monkeypatch):
    # The real sizes (400 and 20,000) are measured by `make bench`; the same code runs here smaller.
    monkeypatch.setattr(demo, "NATIONAL_ORGANISATIONS", 40)
    monkeypatch.setattr(demo, "NATIONAL_USERS", 300)
    monkeypatch.setattr(cases_demo, "NATIONAL_CASES", 200)
    call_command("demo", "load", "--scale", "national")
    call_command("demo", "load", "--scale", "national")
    assert Organisation.objects.filter(code__startswith="NAT-").count() == 40
    assert User.objects.filter(username__startswith="nat-user-").count() == 300
    assert set(User.objects.filter(username__startswith="nat-user-").values_list("role", flat=True)) == set(Role.values)
