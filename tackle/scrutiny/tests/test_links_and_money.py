"""What councillors and officers read on the scrutiny pages: no link a role cannot follow, and money
written as everywhere else."""

from datetime import date
from decimal import Decimal

from django.urls import reverse

from tackle.scrutiny.models import LeadArrangement, Spend
from tackle.scrutiny.services import assessment_create


def _assessment_with_a_lead(council, lead):
    LeadArrangement.objects.create(
        organisation=council,
        lead_name="Exploitation coordinator",
        team="Community safety",
        dedicated=True,
        since=date(2022, 4, 1),
    )
    return assessment_create(actor=lead, year=2025)


def test_a_councillor_reads_the_lead_arrangements_without_a_link_they_cannot_follow(client_for, councillor_a, lead_a):
    assessment = _assessment_with_a_lead(lead_a.organisation, lead_a)
    arrangements = reverse("scrutiny:arrangements")
    for page in ("scrutiny:assessment-detail", "scrutiny:assessment-edit"):
        html = client_for(councillor_a).get(reverse(page, args=[assessment.uuid])).content.decode()
        assert "Exploitation coordinator leads on modern slavery" in html
        assert f'href="{arrangements}"' not in html
    assert client_for(councillor_a).get(arrangements).status_code == 403  # why the link is gone


def test_the_lead_still_follows_the_link_to_the_arrangements(client_for, lead_a):
    assessment = _assessment_with_a_lead(lead_a.organisation, lead_a)
    html = client_for(lead_a).get(reverse("scrutiny:assessment-detail", args=[assessment.uuid])).content.decode()
    assert f'href="{reverse("scrutiny:arrangements")}"' in html


def test_spending_is_written_with_a_thousands_comma(client_for, lead_a):
    Spend.objects.create(
        organisation=lead_a.organisation, financial_year="2025-26", category="posts", amount=Decimal("12000")
    )
    html = client_for(lead_a).get(reverse("scrutiny:spend")).content.decode()
    assert "£12,000.00" in html and "12000.00" not in html
