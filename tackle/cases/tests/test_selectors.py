"""The case list's filters, search through the text index (on whichever database runs the suite),
and caseloads."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.utils import timezone

from tackle.cases.models import AgeGroup, Case, CaseStatus, Referral, ReferralCode, ReferralStatus, Stage
from tackle.cases.selectors import CaseFilters, caseloads_for, cases_filtered
from tackle.cases.services.allocation import case_allocate
from tackle.cases.tests.factories import make_case
from tackle.core.roles import Role


def _found(filters: CaseFilters, organisation) -> set[str]:
    return set(
        cases_filtered(Case.objects.filter(organisation=organisation), filters).values_list("reference", flat=True)
    )


@pytest.fixture
def cases(lead_a, frontline_a):
    org = lead_a.organisation
    made = {
        "anna": make_case(org, frontline_a, reference="C-AAAA1111", person_name="Anna Kowalska",
                          person_date_of_birth=date(2008, 11, 25), age_group=AgeGroup.CHILD,
                          exploitation_types=["criminal", "sexual"], stage=Stage.NRM_REFERRED),
        "bogdan": make_case(org, frontline_a, reference="C-BBBB2222", person_name="Bogdan Nowak",
                            age_group=AgeGroup.ADULT, exploitation_types=["labour"]),
        "closed": make_case(org, frontline_a, reference="C-CCCC3333", person_name="Anna Smith",
                            status=CaseStatus.CLOSED, closed_at=timezone.now(), age_group=AgeGroup.ADULT),
    }  # fmt: skip
    Referral.objects.create(
        case=made["bogdan"], code=ReferralCode.SEEK_NRM_CONSENT, due_by=timezone.now() - timedelta(hours=1)
    )
    Referral.objects.create(
        case=made["anna"], code=ReferralCode.NRM_REFERRAL, due_by=timezone.now() + timedelta(days=1)
    )
    return made


def test_each_filter_narrows_the_list_and_they_combine(cases, lead_a):
    org = lead_a.organisation
    assert _found(CaseFilters(status="open"), org) == {"C-AAAA1111", "C-BBBB2222"}
    assert _found(CaseFilters(status="closed"), org) == {"C-CCCC3333"}
    assert _found(CaseFilters(stage=Stage.NRM_REFERRED), org) == {"C-AAAA1111"}
    assert _found(CaseFilters(age_group=AgeGroup.ADULT), org) == {"C-BBBB2222", "C-CCCC3333"}
    assert _found(CaseFilters(exploitation_type="sexual"), org) == {"C-AAAA1111"}
    assert _found(CaseFilters(exploitation_type="labour"), org) == {"C-BBBB2222"}
    assert _found(CaseFilters(overdue=True), org) == {"C-BBBB2222"}
    assert _found(CaseFilters(overdue=False), org) == {"C-AAAA1111", "C-CCCC3333"}
    assert _found(CaseFilters(status="open", age_group=AgeGroup.ADULT, overdue=True), org) == {"C-BBBB2222"}
    assert _found(CaseFilters(status="closed", overdue=True), org) == set()


def test_a_done_referral_is_never_overdue(cases, lead_a):
    Referral.objects.filter(case=cases["bogdan"]).update(status=ReferralStatus.DONE)
    assert _found(CaseFilters(overdue=True), lead_a.organisation) == set()


def test_allocated_worker_and_nobody_yet(cases, lead_a):
    case_allocate(case=cases["anna"], actor=lead_a, worker=lead_a)
    org = lead_a.organisation
    assert _found(CaseFilters(allocated_to=lead_a.pk), org) == {"C-AAAA1111"}
    assert _found(CaseFilters(not_allocated=True), org) == {"C-BBBB2222", "C-CCCC3333"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("anna", {"C-AAAA1111", "C-CCCC3333"}),  # any case of letters
        ("KOWAL", {"C-AAAA1111"}),  # part of a name
        ("owalsk", {"C-AAAA1111"}),  # from the middle
        ("Anna Smith", {"C-CCCC3333"}),  # a phrase, in order
        ("bbbb22", {"C-BBBB2222"}),  # part of the reference
        ("c-cccc3333", {"C-CCCC3333"}),  # the whole reference
        ("Zofia", set()),
        ('"anna" OR *', set()),  # the words are text to find, never query syntax
    ],
)
def test_search_finds_part_of_a_reference_or_name_through_the_index(cases, lead_a, text, expected):
    assert _found(CaseFilters(search=text), lead_a.organisation) == expected


def test_search_by_date_of_birth(cases, lead_a):
    filters = CaseFilters(search="25/11/2008", born_on=date(2008, 11, 25))
    assert _found(filters, lead_a.organisation) == {"C-AAAA1111"}


def test_search_and_filters_combine(cases, lead_a):
    assert _found(CaseFilters(search="anna", status="closed"), lead_a.organisation) == {"C-CCCC3333"}


def test_the_index_follows_names_written_in_bulk_and_changed_later(lead_a, frontline_a):
    """Triggers on SQLite, PostgreSQL's own indexes: no writer of a name can forget the index."""
    org = lead_a.organisation
    bulk = Case(organisation=org, recorded_by=frontline_a, reference="C-DDDD4444", person_name="Dmitri Petrov")
    bulk.encountered_at, bulk.what_was_seen, bulk.location = timezone.now(), "Seen at a car wash", "1 High Street"
    Case.objects.bulk_create([bulk])  # as the demo loader writes cases
    assert _found(CaseFilters(search="petrov"), org) == {"C-DDDD4444"}
    case = make_case(org, frontline_a, reference="C-EEEE5555", person_name="Elena Popescu")
    assert _found(CaseFilters(search="popescu"), org) == {"C-EEEE5555"}
    Case.objects.filter(pk=case.pk).update(person_name="Elena Ionescu")
    assert _found(CaseFilters(search="popescu"), org) == set()
    assert _found(CaseFilters(search="ionescu"), org) == {"C-EEEE5555"}
    Case.objects.filter(pk=case.pk).delete()
    assert _found(CaseFilters(search="ionescu"), org) == set()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite index's own triggers")
def test_the_sqlite_index_mends_itself_when_a_migration_dropped_its_triggers(lead_a, frontline_a):
    """Django rebuilds an SQLite table to alter it, dropping its triggers; post_migrate puts them back."""
    from tackle.cases.text_index import drop_text_index, ensure_text_index

    drop_text_index(connection)
    make_case(lead_a.organisation, frontline_a, reference="C-FFFF6666", person_name="Farida Begum")
    ensure_text_index(connection)
    assert _found(CaseFilters(search="farida"), lead_a.organisation) == {"C-FFFF6666"}


def test_caseloads_count_each_workers_open_and_overdue_cases(cases, lead_a, make_user, council_a, frontline_a):
    manager = make_user(Role.SAFEGUARDING_MANAGER, council_a)
    make_user(Role.COUNCILLOR, council_a)  # not a case worker: not listed
    case_allocate(case=cases["anna"], actor=lead_a, worker=manager)
    case_allocate(case=cases["bogdan"], actor=lead_a, worker=manager)
    loads = {
        (load.worker.username if load.worker else None): (load.open, load.overdue) for load in caseloads_for(lead_a)
    }
    assert loads == {manager.username: (2, 1), lead_a.username: (0, 0), None: (0, 0)}


def test_queue_pages_count_every_case_and_read_a_page_past_the_end_as_the_last(cases, lead_a, monkeypatch):
    from tackle.cases import selectors

    monkeypatch.setattr(selectors, "QUEUE_PAGE_SIZE", 2)
    every = Case.objects.filter(organisation=lead_a.organisation)
    first, second, past_end, garbled = (selectors.queue_for(lead_a, every, page=p) for p in (1, 2, 9, "x"))
    assert (first.count, first.pages, first.number, len(first.rows)) == (3, 2, 1, 2)
    assert (second.count, second.number, len(second.rows)) == (3, 2, 1)
    assert (past_end.number, [row["case"] for row in past_end.rows]) == (2, [row["case"] for row in second.rows])
    assert (garbled.number, len(garbled.rows)) == (1, 2)
    assert {row["case"].reference for row in first.rows + second.rows} == {c.reference for c in cases.values()}


def test_a_first_page_that_is_not_full_counts_its_rows_without_a_count_query(cases, lead_a, django_assert_num_queries):
    from tackle.cases import selectors

    every = Case.objects.filter(organisation=lead_a.organisation)
    with django_assert_num_queries(2):  # the page's keys in order, then its cases: no COUNT(*)
        page = selectors.queue_for(lead_a, every)
    assert (page.count, page.pages, page.number) == (3, 1, 1)


def test_the_queue_puts_overdue_cases_first_by_due_time_then_the_rest_then_nothing_due(cases, lead_a, frontline_a):
    from tackle.cases.selectors import queue_for

    nothing_due = make_case(lead_a.organisation, frontline_a, reference="C-DDDD4444")
    Referral.objects.create(
        case=cases["closed"], code=ReferralCode.NRM_REFERRAL, due_by=timezone.now() - timedelta(hours=3)
    )
    every = Case.objects.filter(organisation=lead_a.organisation)
    every.update(triaged_at=timezone.now())
    rows = queue_for(lead_a, every).rows
    assert [row["case"].reference for row in rows] == ["C-CCCC3333", "C-BBBB2222", "C-AAAA1111", nothing_due.reference]
    assert [row["overdue"] for row in rows] == [True, True, False, False]
    assert [row["new"] for row in rows] == [False] * 4
