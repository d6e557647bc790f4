import pytest

from tackle.core.roles import Role
from tackle.statement_reader import reading
from tackle.statement_reader.tests.factories import keyword_labeller
from tackle.suppliers.models import Supplier


@pytest.fixture
def fake_labeller(monkeypatch):
    """Every reading in the test uses the keyword labeller instead of the trained model."""
    monkeypatch.setattr(reading, "default_labeller", keyword_labeller)
    return keyword_labeller


@pytest.fixture
def buyer_a(make_user, council_a):
    return make_user(Role.PROCUREMENT_OFFICER, council_a)


@pytest.fixture
def supplier_a(council_a):
    return Supplier.objects.create(organisation=council_a, name="Example Widgets Ltd", company_number="01234567")


@pytest.fixture
def supplier_b(council_b):
    return Supplier.objects.create(organisation=council_b, name="Other Council Supplier Ltd")
