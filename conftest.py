"""Shared test personas and helpers: council A (frontline officer, lead, councillor, auditor,
administrator), council B (lead) and a police partner."""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone, translation
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from tackle.accounts.models import Organisation, User
from tackle.accounts.tests.signing_in import sign_in
from tackle.cases.services.case import ConcernDetails, case_record_concern
from tackle.core.roles import OrganisationKind, Role

# A real S3-compatible server and a bucket per test: `object_storage` (issue 15, item 7).
pytest_plugins = ["tackle.core.tests.object_store"]

# Processes the tests start ignore the developer's tackle.local.env (tackle/env.py): each test says
# what its process's environment is.
os.environ.setdefault("TACKLE_LOCAL_SETTINGS", "")

# Time is measured in `make bench`, never asserted in a test: no deadline on a hypothesis example
# and no "too slow" check on generating one, either of which fails a correct test on a busy machine.
hypothesis_settings.register_profile("tackle", deadline=None, suppress_health_check=[HealthCheck.too_slow])
hypothesis_settings.load_profile("tackle")


@pytest.fixture(scope="session", autouse=True)
def welsh_catalogue_compiled() -> None:
    """Pages in Welsh read the compiled catalogue, a build output that `make setup` makes: compile it
    here too when it is missing or older than its .po, so no test reads stale Welsh (docs/i18n.md)."""
    from tackle.core.catalogue import compile_if_stale

    compile_if_stale()


@pytest.fixture(autouse=True)
def default_language():
    """A page requested by a Welsh reader leaves Welsh active in the test's thread (the language
    middleware activates it and nothing turns it off), so every test starts and ends in English."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def media_outside_the_checkout(settings, tmp_path) -> None:
    """Files the test writes (the demo data's spend files among them) go to its own folder, not the
    checkout's media/, where `make run` keeps the demo's own."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def council_a(db) -> Organisation:
    return Organisation.objects.create(name="Council A", code="E09000001", kind=OrganisationKind.COUNCIL)


@pytest.fixture
def council_b(db) -> Organisation:
    return Organisation.objects.create(name="Council B", code="E09000002", kind=OrganisationKind.COUNCIL)


@pytest.fixture
def police(db) -> Organisation:
    return Organisation.objects.create(name="Test Police", code="POL-1", kind=OrganisationKind.POLICE)


@pytest.fixture
def make_user(db):
    counter = {"n": 0}

    def make(role: str, organisation: Organisation, **extra) -> User:
        counter["n"] += 1
        user = User.objects.create(
            username=extra.pop("username", f"{role}-{organisation.code}-{counter['n']}".lower()),
            organisation=organisation,
            role=role,
            first_name=extra.pop("first_name", "Test"),
            last_name=extra.pop("last_name", Role(role).label),
            **extra,
        )
        user.set_password("correct-horse-battery")
        user.save()
        return user

    return make


@pytest.fixture
def frontline_a(make_user, council_a) -> User:
    return make_user(Role.FRONTLINE_OFFICER, council_a)


@pytest.fixture
def lead_a(make_user, council_a) -> User:
    return make_user(Role.MODERN_SLAVERY_LEAD, council_a)


@pytest.fixture
def councillor_a(make_user, council_a) -> User:
    return make_user(Role.COUNCILLOR, council_a)


@pytest.fixture
def auditor_a(make_user, council_a) -> User:
    return make_user(Role.AUDITOR, council_a)


@pytest.fixture
def admin_a(make_user, council_a) -> User:
    return make_user(Role.ADMINISTRATOR, council_a)


@pytest.fixture
def lead_b(make_user, council_b) -> User:
    return make_user(Role.MODERN_SLAVERY_LEAD, council_b)


@pytest.fixture
def police_partner(make_user, police) -> User:
    return make_user(Role.PARTNER, police)


@pytest.fixture
def client_for():
    def make(user: User) -> Client:
        return sign_in(Client(), user)

    return make


@pytest.fixture
def shared_data() -> Path:
    """The shared data folder. Absent: the test says it did not run, or fails in CI."""
    folder = Path(settings.TACKLE_SHARED_DATA)
    if not folder.is_dir():
        message = f"shared data folder not found at {folder} (set TACKLE_SHARED_DATA)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return folder


@pytest.fixture
def record_concern():
    """Record a concern through the real service, as an officer would."""

    def record(officer, **facts):
        details = {
            "encountered_at": timezone.now() - timedelta(hours=1),
            "what_was_seen": "Four workers at a hand car wash, no gloves, sleeping on site",
            "location": "1 High Street",
            **facts,
        }
        return case_record_concern(
            organisation=officer.organisation, recorded_by=officer, details=ConcernDetails(**details)
        )

    return record
