import pytest

from tackle.accounts import demo as accounts_demo
from tackle.statement_reader import demo
from tackle.statement_reader.models import RegistryStatement, StatementReading
from tackle.statement_reader.selectors import registry_history_for_supplier
from tackle.suppliers import demo as suppliers_demo
from tackle.suppliers.models import Supplier

# Files the demo data writes (spend files among them) go to the test's folder, not the checkout's media/
pytestmark = pytest.mark.usefixtures("media_outside_the_checkout")


def test_demo_loads_readings_and_registry_rows_once(db, fake_labeller):
    accounts_demo.load()
    suppliers_demo.load(scale="demo")
    demo.load(scale="demo")
    demo.load(scale="demo")
    assert StatementReading.objects.count() == 2
    assert RegistryStatement.objects.count() == 3
    brightwell = Supplier.objects.get(name="Brightwell Facilities Ltd")
    reading = StatementReading.objects.get(supplier=brightwell)
    assert reading.result["future_only"] == ["effectiveness_kpis", "training"]
    assert [year.row.year for year in registry_history_for_supplier(brightwell)] == [2024, 2023]


def test_demo_without_accounts_loads_nothing(db, fake_labeller):
    demo.load(scale="demo")
    assert not StatementReading.objects.exists() and not RegistryStatement.objects.exists()
