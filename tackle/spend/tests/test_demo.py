import pytest

from tackle.accounts import demo as accounts_demo
from tackle.spend import demo
from tackle.spend.models import ImportStatus, SpendImport, SpendTotal
from tackle.suppliers import demo as suppliers_demo


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.mark.django_db
def test_demo_spend_is_screened_once_and_matches_the_register():
    accounts_demo.load()
    suppliers_demo.load()
    demo.load()
    demo.load()
    spend_import = SpendImport.objects.get()
    assert spend_import.status == ImportStatus.DONE
    assert spend_import.rows_accepted > 400
    assert spend_import.rows_rejected == 4  # a lost amount and a total line in each file
    matched = SpendTotal.objects.filter(spend_import=spend_import, supplier__isnull=False)
    assert matched.filter(payee_name="Brightwell Facilities Ltd").exists()
    assert set(SpendTotal.objects.values_list("financial_year", flat=True)) == {2024, 2025}
