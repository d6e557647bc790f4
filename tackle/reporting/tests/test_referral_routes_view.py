"""The Figures page's referrals by route and time to refer: counted from the records, shown with
the page's disclosure control, and in its CSV."""

import csv
import io
from datetime import date, datetime

import pytest
from django.urls import reverse

from tackle.cases.models import ConcernAbout, NrmEventKind
from tackle.cases.services.nrm import nrm_event_record
from tackle.core.disclosure import WITHHELD, Audience, Line, default_disclosure
from tackle.core.periods import LONDON
from tackle.core.tests.test_disclosure import worked_out_by_a_reader
from tackle.reporting.selectors import Table, protect_tables

pytestmark = pytest.mark.django_db

YEAR_2025 = {"first_year": 2025, "last_year": 2025, "by": "year"}


@pytest.fixture
def referred(record_concern, frontline_a, lead_a):
    """2025-26: an NRM referral the same day, one 10 days on about a supplier's worker, a Duty to
    Notify 3 days on; and a referral sent on 1 April 2026, after the year."""
    for seen, sent, kind, facts in (
        (date(2025, 5, 2), date(2025, 5, 2), NrmEventKind.REFERRAL_SENT, {}),
        (date(2025, 6, 1), date(2025, 6, 11), NrmEventKind.REFERRAL_SENT, {"concern_about": ConcernAbout.SUPPLIER}),
        (date(2025, 7, 1), date(2025, 7, 4), NrmEventKind.DUTY_TO_NOTIFY_SENT, {}),
        (date(2026, 3, 31), date(2026, 4, 1), NrmEventKind.REFERRAL_SENT, {}),
    ):
        case = record_concern(
            frontline_a, encountered_at=datetime(seen.year, seen.month, seen.day, 10, tzinfo=LONDON), age=30, **facts
        )
        nrm_event_record(case=case, actor=lead_a, kind=kind, occurred_on=sent)
    return lead_a


def test_the_lead_sees_referrals_by_route_and_time_with_the_median_and_how_they_are_counted(referred, client_for):
    page = client_for(referred).get(reverse("reporting:figures"), YEAR_2025)
    tables = {t.key: t for t in page.context["figures"].tables}
    routes = dict(tables["referral_routes"].rows)
    assert routes["NRM referrals sent"] == [2, 2]
    assert routes["Concern about a person"] == [1, 1]
    assert routes["Concern about a supplier or contractor"] == [1, 1]
    times = dict(tables["referral_times"].rows)
    assert (times["Same day"], times["8 to 28 days"], times["Over 28 days"]) == ([1, 1], [1, 1], [0, 0])
    assert dict(tables["duty_to_notify_times"].rows)["1 to 7 days"] == [1, 1]
    text = page.content.decode()
    for key in ("referral_routes", "referral_times", "duty_to_notify_routes", "duty_to_notify_times"):
        assert f'data-testid="table-{key}"' in text and f'data-testid="definition-{key}"' in text, key
    assert "Median days from encounter to NRM referral sent, 2025-26: 5." in text  # of 0 and 10


def test_a_councillor_gets_the_small_counts_and_the_median_withheld(referred, councillor_a, client_for):
    page = client_for(councillor_a).get(reverse("reporting:figures"), YEAR_2025)
    tables = {t.key: t for t in page.context["figures"].tables}
    assert dict(tables["referral_routes"].rows)["NRM referrals sent"] == ["fewer than 5", "fewer than 5"]
    assert "withheld, as it would rest on fewer than 5 referrals" in tables["referral_times"].note
    assert ": 5." not in tables["referral_times"].note


def test_the_csv_carries_the_tables_and_the_median(referred, client_for):
    response = client_for(referred).get(reverse("reporting:figures-csv"), YEAR_2025)
    rows = {tuple(row[:3]): row[3:] for row in csv.reader(io.StringIO(response.content.decode()))}
    assert rows[("NRM referrals by time to refer", "Same day", "2025-26")][0] == "1"
    assert rows[("Duty to Notify by route", "Concern about a person", "Total")][0] == "1"
    assert rows[("NRM referrals by time to refer", "Note", "")][1].endswith(": 5.")


def test_a_withheld_route_cannot_be_worked_out_from_the_age_group_or_time_tables() -> None:
    """12 referrals, 2 about a supplier: beside 10 about a person and the age-group table's 12 adults,
    the 2 would follow by subtraction unless more is withheld."""
    columns = ["2025-26", "Total"]
    ages = Table(
        "referrals", "By age", "Age", columns, [("Adult", [12, 12]), ("Child", [0, 0])], adds_up_to="referral_routes"
    )
    routes = Table(
        "referral_routes",
        "By route",
        "Route",
        columns,
        [("NRM referrals sent", [12, 12]), ("Person", [10, 10]), ("Supplier", [2, 2])],
        first_row_is_total=True,
    )
    times = Table("referral_times", "By time", "Days", columns, [("Same day", [12, 12])], adds_up_to="referral_routes")
    tables = [ages, routes, times]
    shown_tables = protect_tables(tables, default_disclosure(Audience.COUNCILLORS))
    shown = {
        ("one", t.key, r, c): value
        for t in shown_tables
        for r, (_, row) in enumerate(t.rows)
        for c, value in enumerate(row)
    }

    def cell(key: str, r: int, c: int) -> tuple:
        return ("one", key, r, c)

    # What a reader knows adds up, written out here rather than taken from the code under test.
    lines = [Line((cell(t.key, r, 0),), cell(t.key, r, 1)) for t in tables for r in range(len(t.rows))]
    for c in (0, 1):
        lines += [
            Line((cell("referral_routes", 1, c), cell("referral_routes", 2, c)), cell("referral_routes", 0, c)),
            Line((cell("referrals", 0, c), cell("referrals", 1, c)), cell("referral_routes", 0, c)),
            Line((cell("referral_times", 0, c),), cell("referral_routes", 0, c)),
        ]
    assert shown[("one", "referral_routes", 2, 0)] == "fewer than 5"
    assert WITHHELD in shown.values()
    assert worked_out_by_a_reader(shown, lines) == set()
