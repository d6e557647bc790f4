import pytest

from tackle.core.roles import Role


@pytest.fixture
def safety_a(make_user, council_a):
    """The community safety manager of council A: runs premises, intelligence and operations."""
    return make_user(Role.COMMUNITY_SAFETY_MANAGER, council_a, username="safety-a")


@pytest.fixture
def safety_b(make_user, council_b):
    return make_user(Role.COMMUNITY_SAFETY_MANAGER, council_b, username="safety-b")
