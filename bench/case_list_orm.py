"""(Helper process of bench.cases_pages.) The case list's own query through the ORM against the same
SQL replayed straight through the driver, in one process on one connection, one after another.

The page's p95 also holds the session, the audit write and the template: about 25 ms whatever the
query, which alone puts a 3 ms search at ten times its SQL. This isolates what the issue asks of the
ORM: what the view calls (the filter form, then `prepared_queue`: the selectors' `cases_filtered` and
`queue_for` compiled once per shape, tackle/cases/prepared_list.py), timed as the view runs them,
against their own captured SELECTs replayed raw. `path="orm"` times `queue_for` over `cases_filtered`
instead (the ORM building and compiling each query per request); `form=False` leaves the form out.
"""

import statistics
import time
from typing import Any

REPEATS = 60


def orm_against_raw(lead: Any, query_string: str, *, path: str = "prepared", form: bool = True) -> dict[str, float]:
    from django.db import connection
    from django.http import QueryDict
    from django.test.utils import CaptureQueriesContext

    from tackle.cases.forms.case_list import CaseFilterForm
    from tackle.cases.prepared_list import prepared_queue
    from tackle.cases.selectors import case_list_visible_to, cases_filtered, queue_for

    def filters_of_the_request() -> Any:
        checked = CaseFilterForm(QueryDict(query_string), workers=[], may_search=True)
        if not checked.is_valid():
            raise RuntimeError(f"the benchmark's filters do not validate: {checked.errors.as_json()}")
        return checked.filters()

    checked_once = filters_of_the_request()

    def list_through_the_orm() -> None:
        filters = filters_of_the_request() if form else checked_once
        if path == "prepared":
            prepared_queue(lead, filters)
        else:
            queue_for(lead, cases_filtered(case_list_visible_to(lead), filters))

    list_through_the_orm()  # warm: the first run fills Django's caches
    with CaptureQueriesContext(connection) as context:
        list_through_the_orm()
    statements = [query["sql"] for query in context.captured_queries]
    orm = [_seconds(list_through_the_orm) for _ in range(REPEATS)]
    driver = connection.connection  # the driver's own connection, under Django's wrapper
    as_bytes = connection.vendor == "postgresql"  # bytes: psycopg reads no placeholders in the LIKE's %
    raw = [_seconds(lambda: _replay(driver, statements, as_bytes)) for _ in range(REPEATS)]
    return {"orm_p95_ms": _p95_ms(orm), "raw_p95_ms": _p95_ms(raw), "queries": len(statements)}


def _replay(driver: Any, statements: list[str], as_bytes: bool) -> None:
    cursor = driver.cursor()
    for sql in statements:
        cursor.execute(sql.encode() if as_bytes else sql)
        if cursor.description is not None:
            cursor.fetchall()
    cursor.close()


def _seconds(work: Any) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def _p95_ms(seconds: list[float]) -> float:
    return statistics.quantiles(seconds, n=100, method="inclusive")[94] * 1000
