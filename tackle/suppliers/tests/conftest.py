import pytest

from tackle.core.roles import Role


@pytest.fixture
def procurement_a(make_user, council_a):
    return make_user(Role.PROCUREMENT_OFFICER, council_a)


@pytest.fixture
def contract_manager_a(make_user, council_a):
    return make_user(Role.CONTRACT_MANAGER, council_a, email="cm@example.org")
