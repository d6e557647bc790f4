"""The case list's queries compiled once per shape and filled per request (issue 14).

Building and compiling a queryset costs 0.5 to 1 ms of CPU whatever its size, and a page of the
list needs two or three (its keys in order, perhaps the count, its cases), while a search through
the text index answers in about 0.15 ms. So each query is compiled from the selectors' own querysets
(they stay the one definition of who sees what, the filters, the search and the order) once per
shape: database, the user's kind of scope, which filters are given and the page size. It is compiled
with sentinel values in the places of the user's and the filters' values; a request puts its own
values in those places, converted as Django converts them there, and runs the SQL through the
connection's cursor.

A shape goes through the ORM (`queue_for`) when it cannot be filled safely: when compiling it twice,
with other sentinels at another moment, changes anything but the filled places (a value no
sentinel stands for, such as a clock read inside a selector); when a sentinel sits in a place in
a form no known conversion gives; when building it runs a query (PostgreSQL's search reads the
matching aliases first, so its SQL depends on the data); or when the user may see no case.
"""

import contextlib
import dataclasses
from collections.abc import Callable
from datetime import UTC, date, datetime
from functools import partial
from typing import Any
from weakref import ref as weak_ref

from django.contrib.contenttypes.models import ContentType
from django.db import connections, models
from django.db.models import DateField, DateTimeField
from django.db.models.lookups import IContains
from django.db.models.query import _get_from_db, get_related_populators  # type: ignore[attr-defined]
from django.utils import timezone

from tackle.cases import selectors
from tackle.cases.models import Case
from tackle.cases.selectors import (
    CaseFilters,
    QueuePage,
    case_list_scope,
    cases_filtered,
    exploitation_code_in_list,
    queue_keys,
    queue_page,
    queue_rows,
    text_phrase,
    visible_cases,
)
from tackle.core.access import Scope

Conversion = Callable[[Any, Any], Any]  # (value, connection) -> the query parameter


def _as_is(value: Any, connection: Any) -> Any:
    return value


def _contains(value: Any, connection: Any) -> Any:
    """As `__icontains` makes its parameter: the value's LIKE wildcards escaped, then wrapped."""
    return IContains.param_pattern % connection.ops.prep_for_like_query(value)


def _code_in_list(value: Any, connection: Any) -> Any:
    return _contains(exploitation_code_in_list(value), connection)


def _phrase(value: Any, connection: Any) -> Any:
    return text_phrase(value)


def _date(value: Any, connection: Any) -> Any:
    return DateField().get_db_prep_value(value, connection)


def _moment(value: Any, connection: Any) -> Any:
    return DateTimeField().get_db_prep_value(value, connection)


# Each filled value and the forms its parameter may take.
_CONVERSIONS: dict[str, tuple[Conversion, ...]] = {
    "organisation_id": (_as_is,),
    "user_id": (_as_is,),
    "now": (_moment,),
    "status": (_as_is,),
    "stage": (_as_is,),
    "age_group": (_as_is,),
    "exploitation_type": (_code_in_list,),
    "allocated_to": (_as_is,),
    "search": (_contains, _phrase),
    "born_on": (_date,),
}
_FILTER_VALUES = ("status", "stage", "age_group", "exploitation_type", "allocated_to", "search", "born_on")


def _sentinels(n: int) -> dict[str, Any]:
    """Values no request has (negative keys, codes outside every list, days long past)."""
    return {
        "organisation_id": -710_001 - n,
        "user_id": -720_001 - n,
        "allocated_to": -730_001 - n,
        "now": datetime(1901, 2, 3, 4, 5, 6, 700_001 + n, tzinfo=UTC),
        "born_on": date(1902 + n, 3, 4),
        **{name: f"qz{name.replace('_', '')}{n}qz" for name in ("status", "stage", "age_group", "search")},
        "exploitation_type": f"qzexploitation{n}qz",
    }


_OFFSETS = (7_654_321, 7_654_322)  # a page's start, written into the SQL by the compiler


class _Unprepared(Exception):
    """The shape cannot be filled safely: it goes through the ORM."""


class _Caught(Exception):
    """Stops a statement on its way to the database once its SQL is known."""


@dataclasses.dataclass(frozen=True)
class _Statement:
    sql_parts: tuple[str, ...]  # joined by the page's start where the SQL has one
    params: tuple[Any, ...]  # constants, and sentinels where `fills` puts a value
    fills: tuple[tuple[int, str, Conversion], ...]  # (place, value's name, its conversion)
    converters: tuple[tuple[int, tuple[Any, ...], Any], ...]  # Django's, per column

    def rows(self, connection: Any, values: dict[str, Any], start: int = 0) -> list[list[Any]]:
        params = list(self.params)
        for place, name, convert in self.fills:
            params[place] = convert(values[name], connection)
        with connection.cursor() as cursor:
            cursor.execute(str(int(start)).join(self.sql_parts), params)
            rows = [list(row) for row in cursor.fetchall()]
        for row in rows:
            for place, convs, expression in self.converters:
                for convert in convs:
                    row[place] = convert(row[place], expression, connection)
        return rows


Compiled = tuple[str, tuple[Any, ...], tuple[Any, ...]]  # sql, params, Django's converters


def _statement(
    compiled: list[Compiled], values: list[dict[str, Any]], connection: Any, offsets: tuple[int, ...] = ()
) -> _Statement:
    """From one statement compiled twice with other sentinels (and, where it starts a page at an
    offset, other offsets), what a request fills in; `_Unprepared` if anything else differs."""
    (sql, params, converters), (other_sql, other_params, _) = compiled
    parts: tuple[str, ...] = (sql,)
    other_parts: tuple[str, ...] = (other_sql,)
    if offsets:
        parts, other_parts = tuple(sql.split(str(offsets[0]))), tuple(other_sql.split(str(offsets[1])))
        if len(parts) != 2:
            raise _Unprepared
    fills = _fills(params, values[0], connection)
    if parts != other_parts or len(params) != len(other_params) or fills != _fills(other_params, values[1], connection):
        raise _Unprepared
    filled = {place for place, _, _ in fills}
    for place, param in enumerate(params):
        if place in filled:
            continue
        if param != other_params[place]:
            raise _Unprepared  # a value that changes between requests but is not one we fill
        if any(str(value) in str(param) for value in values[0].values()):
            raise _Unprepared  # a sentinel in a form no conversion gives
    return _Statement(parts, params, fills, converters)


def _fills(params: tuple[Any, ...], values: dict[str, Any], connection: Any) -> tuple[tuple[int, str, Conversion], ...]:
    fills = []
    for place, param in enumerate(params):
        for name, value in values.items():
            matched = [c for c in _CONVERSIONS.get(name, (_as_is,)) if _same(param, c(value, connection))]
            if matched:
                fills.append((place, name, matched[0]))
                break
    return tuple(fills)


def _same(param: Any, made: Any) -> bool:
    return type(made) is type(param) and made == param


def _compiled(queryset: models.QuerySet[Any]) -> Compiled:
    compiler = queryset.query.get_compiler(using=queryset.db)
    sql, params = compiler.as_sql()
    columns = [column[0] for column in compiler.select[: compiler.col_count]]
    converters = tuple((place, tuple(convs), expr) for place, (convs, expr) in compiler.get_converters(columns).items())
    return sql, tuple(params), converters


def _captured(alias: str, work: Callable[[], Any]) -> Compiled:
    """The one statement `work` sends to the database, stopped before it gets there."""
    seen = []

    def catch(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        seen.append((sql, tuple(params or ())))
        raise _Caught

    with connections[alias].execute_wrapper(catch), contextlib.suppress(_Caught):
        work()
    if len(seen) != 1:
        raise _Unprepared
    return (*seen[0], ())


def _no_queries(alias: str, work: Callable[[], Any]) -> Any:
    def refuse(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        raise _Unprepared  # the shape's SQL depends on the data

    with connections[alias].execute_wrapper(refuse):
        return work()


@dataclasses.dataclass(frozen=True)
class _Shape:
    alias: str
    scope: Scope
    given: tuple[str, ...]  # the filters that carry a value
    overdue: bool | None
    not_allocated: bool
    page_size: int
    # The shares' content type is a constant of the SQL: a database whose content types were made
    # again (tests that flush it) has other ids, and so other statements.
    shared_type: int | None

    def cases(self, values: dict[str, Any]) -> models.QuerySet[Case]:
        """The selectors' own queryset for this shape, with these values."""
        filters = CaseFilters(
            overdue=self.overdue,
            not_allocated=self.not_allocated,
            **{name: values[name] for name in self.given},
        )
        visible = visible_cases(self.scope, values["organisation_id"], values["user_id"], now=values["now"])
        return cases_filtered(visible.using(self.alias), filters, now=values["now"])


@dataclasses.dataclass(frozen=True)
class _Prepared:
    first_keys: _Statement
    keys_from: _Statement
    count: _Statement


_prepared: dict[_Shape, _Prepared | None] = {}
_rows: dict[tuple[str, int], "_PreparedRows | None"] = {}


def _given(filters: CaseFilters) -> tuple[str, ...]:
    return tuple(name for name in _FILTER_VALUES if getattr(filters, name) not in ("", None))


def _prepared_for(user: Any, filters: CaseFilters) -> _Prepared | None:
    scope = case_list_scope(user)
    if scope is None:
        return None
    alias, page_size = Case.objects.db, selectors.QUEUE_PAGE_SIZE
    shared_type = ContentType.objects.db_manager(alias).get_for_model(Case).pk if scope == Scope.SHARED else None
    shape = _Shape(alias, scope, _given(filters), filters.overdue, filters.not_allocated, page_size, shared_type)
    if shape not in _prepared:
        _prepared[shape] = _prepare(shape)
    return _prepared[shape]


def is_prepared(user: Any, filters: CaseFilters) -> bool:
    """Whether this user's list with filters of this shape runs through prepared statements."""
    return _prepared_for(user, filters) is not None


def prepared_queue(user: Any, filters: CaseFilters, *, page: str | int | None = 1) -> QueuePage:
    """What `queue_for(user, cases_filtered(case_list_visible_to(user), filters), page=page)` gives,
    through the shape's prepared statements where it has them."""
    prepared = _prepared_for(user, filters)
    if prepared is None:
        return selectors.queue_for(user, cases_filtered(selectors.case_list_visible_to(user), filters), page=page)
    alias = Case.objects.db
    connection = connections[alias]
    values = {
        **{name: getattr(filters, name) for name in _given(filters)},
        "organisation_id": user.organisation_id,
        "user_id": user.pk,
        "now": timezone.now(),
    }
    statements = prepared

    def keys_from(start: int) -> list[Any]:
        if start:
            return statements.keys_from.rows(connection, values, start)
        return statements.first_keys.rows(connection, values)

    return queue_page(
        page,
        keys_from=keys_from,
        count=lambda: statements.count.rows(connection, values)[0][0],
        cases_of=lambda pks: _cases_of(alias, list(dict.fromkeys(pks))),
    )


def _prepare(shape: _Shape) -> _Prepared | None:
    connection = connections[shape.alias]
    values = [_sentinels(0), _sentinels(1)]
    size = shape.page_size
    try:
        shape.cases(values[0])  # a first use fills Django's own caches (content types, say)
        cases = [_no_queries(shape.alias, partial(shape.cases, v)) for v in values]
        keys = [queue_keys(c) for c in cases]
        first = _statement([_compiled(k[:size]) for k in keys], values, connection)
        at = [_compiled(k[offset : offset + size]) for k, offset in zip(keys, _OFFSETS, strict=True)]
        keys_from = _statement(at, values, connection, _OFFSETS)
        count = _statement([_captured(shape.alias, c.count) for c in cases], values, connection)
    except _Unprepared:
        return None
    return _Prepared(first, keys_from, count)


@dataclasses.dataclass(frozen=True)
class _PreparedRows:
    """`queue_rows`'s statement for some number of keys, with what Django's ModelIterable works out
    from its compiler before making objects: where the case's columns are, their fields, the
    related populator of its worker, the fetch mode."""

    statement: _Statement
    columns: slice
    init_list: tuple[str, ...]
    from_db: Callable[..., Any]
    populators: tuple[Any, ...]  # kept only when they keep no peers (their list grows per request)
    fetch_mode: Any
    klass_info: Any
    select: Any


def _prepare_rows(alias: str, size: int) -> _PreparedRows | None:
    values = [{f"pk{i}": -740_001 - i - 1_000 * n for i in range(size)} for n in (0, 1)]
    querysets = [queue_rows(alias, list(v.values())) for v in values]
    try:
        statement = _statement([_compiled(q) for q in querysets], values, connections[alias])
    except _Unprepared:
        return None
    compiler = querysets[0].query.get_compiler(using=alias)
    compiler.as_sql()  # fills its select and klass_info
    fetch_mode = querysets[0]._fetch_mode  # type: ignore[attr-defined]
    select, klass_info = compiler.select, compiler.klass_info
    first, last = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
    return _PreparedRows(
        statement,
        slice(first, last),
        tuple(column[0].target.attname for column in select[first:last]),
        _get_from_db(klass_info["model"], fetch_mode),
        () if fetch_mode.track_peers else tuple(get_related_populators(klass_info, select, alias, fetch_mode)),
        fetch_mode,
        klass_info,
        select,
    )


def _cases_of(alias: str, pks: list[Any]) -> list[Case]:
    """The page's cases by key, through `queue_rows`'s statement compiled once per number of keys,
    made into objects as Django's ModelIterable makes them."""
    if (alias, len(pks)) not in _rows:
        _rows[alias, len(pks)] = _prepare_rows(alias, len(pks))
    prepared = _rows[alias, len(pks)]
    if prepared is None:
        return list(queue_rows(alias, pks))
    rows = prepared.statement.rows(connections[alias], {f"pk{i}": pk for i, pk in enumerate(pks)})
    init_list = list(prepared.init_list)
    track_peers = prepared.fetch_mode.track_peers
    populators = prepared.populators
    if track_peers:
        populators = tuple(get_related_populators(prepared.klass_info, prepared.select, alias, prepared.fetch_mode))
    cases: list[Case] = []
    peers: list[Any] = []
    for row in rows:
        case = prepared.from_db(alias, init_list, row[prepared.columns])
        if track_peers:
            peers.append(weak_ref(case))
            case._state.peers = peers
        for populator in populators:
            populator.populate(row, case)
        cases.append(case)
    return cases
