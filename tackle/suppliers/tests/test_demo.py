from tackle.accounts import demo as accounts_demo
from tackle.suppliers import demo
from tackle.suppliers.models import ClarificationTask, Contract, Supplier, SupplierAssessment, TenderBid
from tackle.suppliers.selectors import suppliers_missing_statement

MODELS = (Supplier, Contract, SupplierAssessment, TenderBid, ClarificationTask)


def test_demo_load_is_idempotent_and_shows_each_part_of_the_module(db):
    accounts_demo.load()
    demo.load()
    counts = [model.objects.count() for model in MODELS]
    demo.load()
    assert [model.objects.count() for model in MODELS] == counts
    assert counts[:2] == [8, 7]
    # The tender check flags the one bid far below the others, and it awaits clarification.
    assert [task.bid.bidder for task in ClarificationTask.objects.all()] == ["Rock Bottom Cleaning Co"]
    council = Supplier.objects.first().organisation
    assert suppliers_missing_statement(council.pk).count() == 3
    assert SupplierAssessment.objects.filter(completed_on__isnull=True).count() == 4
