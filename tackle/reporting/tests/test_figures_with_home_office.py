"""The Figures page for the public and the Home Office tables print some of the same counts: a
period's potential victims, and, where every concern was a person, the people by exploitation type
and nationality. Protected together (issue 17): withheld in one, withheld in the other."""

from datetime import datetime

import pytest

from tackle.core.disclosure import Audience, default_disclosure, is_withheld
from tackle.core.periods import LONDON
from tackle.reporting.home_office import POTENTIAL_VICTIMS_ROW, AskedPeriod, home_office_tables
from tackle.reporting.selectors import published_tables
from tackle.reporting.tests.test_home_office import meet

pytestmark = pytest.mark.django_db
PUBLIC = default_disclosure(Audience.PUBLIC)


def test_a_count_withheld_in_the_home_office_tables_is_withheld_on_the_figures_page_and_the_reverse(frontline_a):
    def on(month: int) -> datetime:
        return datetime(2025 if month >= 4 else 2026, month, 10, 10, tzinfo=LONDON)

    meet(frontline_a, on(5), 11, nationality="Albanian", exploitation_types=["labour"], age=30, gender="male")
    meet(frontline_a, on(6), 1, nationality="Vietnamese", exploitation_types=["labour"], age=30, gender="female")
    meet(frontline_a, on(8), 4, nationality="Albanian", exploitation_types=["sexual"], age=25, gender="female")
    meet(frontline_a, on(11), 15, nationality="Romanian", exploitation_types=["labour"], age=40, gender="male")
    organisation = frontline_a.organisation_id
    views = {by: published_tables(organisation, first_year=2025, last_year=2025, by=by, disclosure=PUBLIC)
             for by in ("quarter", "year")}  # fmt: skip
    asked = {("quarter", q - 1): AskedPeriod(2025, q) for q in (1, 2, 3, 4)} | {("year", 0): AskedPeriod(2025)}
    compared = 0
    for (by, c), period in asked.items():
        theirs = {table.key: table for table in home_office_tables(organisation, period).tables}
        ours = {table.key: dict(table.rows) for table in views[by]}
        pairs = [(ours["concerns"][POTENTIAL_VICTIMS_ROW][c], theirs["gender"].total)]
        for key, other in (("exploitation", "exploitation_type"), ("nationalities", "nationality")):
            categories = dict(theirs[other].rows)
            pairs += [(values[c], categories[label]) for label, values in ours[key].items() if label in categories]
        for page, table in pairs:
            assert is_withheld(page) == is_withheld(table), (by, c, page, table)
            compared += is_withheld(page)
    assert compared >= 4  # the 4 in Q2 and the 1 Vietnamese in Q1 at least, on both
