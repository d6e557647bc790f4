"""The annual disruption report is published, so its counts of people go through disclosure control
(issue 17): small counts withheld, and none worked out from a total beside it."""

import pytest
from django.urls import reverse

from tackle.core.disclosure import WITHHELD, Audience, default_disclosure
from tackle.disrupt.figures import AnnualFigures, annual_people_shown
from tackle.disrupt.tests.factories import make_operation, make_outcome

PUBLIC = default_disclosure(Audience.PUBLIC)
pytestmark = pytest.mark.django_db


def _figures(**counts: int) -> AnnualFigures:
    arrests = {"Modern slavery offences": counts.pop("ms", 0), "Immigration offences": counts.pop("imm", 0)}
    return AnnualFigures(year=2025, label="2025-26", arrests=arrests, **counts)


def test_a_small_number_of_child_victims_is_withheld_and_cannot_be_worked_out_from_the_total():
    shown = annual_people_shown(_figures(victims_adult=12, victims_child=3, people_encountered=40), PUBLIC)
    assert (shown["victims"], shown["victims_adult"], shown["victims_child"]) == (15, WITHHELD, "fewer than 10")
    assert shown["people_encountered"] == 40


def test_arrests_by_offence_are_protected_beside_their_total():
    shown = annual_people_shown(_figures(ms=2, imm=14), PUBLIC)
    assert shown["arrests:Modern slavery offences"] == "fewer than 10"
    assert shown["arrests:Immigration offences"] == WITHHELD and shown["arrests_total"] == 16


def test_zero_stays_zero_and_exact_counts_pass_for_an_exact_audience():
    shown = annual_people_shown(_figures(victims_adult=3), default_disclosure(Audience.INTERNAL))
    assert (shown["victims_adult"], shown["victims_child"], shown["nrm_referrals"]) == (3, 0, 0)


def test_the_report_page_shows_the_publics_counts_and_says_how(client_for, safety_a):
    """An operation this year found 5 adult victims: a published report reads "fewer than 10"."""
    make_outcome(make_operation(safety_a), safety_a)
    page = client_for(safety_a).get(reverse("disrupt:annual-report"))
    text = page.content.decode()
    assert page.context["people"]["victims_adult"] == "fewer than 10"
    assert "adults: fewer than 10" in text and "Any count from 1 to 9" in text
