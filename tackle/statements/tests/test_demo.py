from tackle.accounts import demo as accounts_demo
from tackle.statements import demo
from tackle.statements.models import Action, Statement, StatementPeriod


def test_demo_loads_twice_without_duplicates(db) -> None:
    accounts_demo.load()
    demo.load(scale="demo")
    demo.load(scale="demo")
    assert StatementPeriod.objects.count() == 2
    assert Action.objects.count() == len(demo.ACTIONS)
    statement = Statement.objects.get()
    assert all(section.text for section in statement.sections.all())
    assert statement.sections.count() == 10
