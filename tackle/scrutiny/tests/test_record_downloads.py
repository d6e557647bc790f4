"""The Posts and roles and Spending pages download as CSV and XLSX (issue 19, item 3): every record
of the council the page lists, formulas quoted, audited, officers only."""

from datetime import date
from decimal import Decimal

from django.urls import reverse

from tackle.audit.models import AuditEvent
from tackle.scrutiny.models import LeadArrangement, Spend


def _csv(response) -> list[str]:
    return b"".join(response.streaming_content).decode().splitlines()


def test_the_posts_download_with_their_notes_audited_and_the_councils_own(
    council_a, council_b, lead_a, councillor_a, client_for
):
    LeadArrangement.objects.create(
        organisation=council_a, lead_name="=Coordinator", team="Community safety", dedicated=True, covers_adults=False,
        since=date(2020, 4, 1), ended_on=date(2023, 3, 31), amount_per_year=Decimal("42000"), notes="Funded by grant",
    )  # fmt: skip
    LeadArrangement.objects.create(organisation=council_b, lead_name="B's lead", team="Team", dedicated=False,
                                   since=date(2024, 4, 1))  # fmt: skip
    client = client_for(lead_a)
    assert "download=xlsx" in client.get(reverse("scrutiny:arrangements")).content.decode()

    lines = _csv(client.get(reverse("scrutiny:arrangements"), {"download": "csv"}))

    assert lines[0] == "Post,Lead or contact,Team,Covers,From,To,Funded by,Per year,Notes"
    assert lines[1:] == ["'=Coordinator,Yes,Community safety,Children,2020-04-01,2023-03-31,,42000.00,Funded by grant"]
    assert AuditEvent.objects.filter(object_type="export.lead-arrangements", actor=lead_a).exists()
    xlsx = client.get(reverse("scrutiny:arrangements"), {"download": "xlsx"})
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert client_for(councillor_a).get(reverse("scrutiny:arrangements"), {"download": "csv"}).status_code == 403


def test_the_spending_downloads_by_year_and_category(council_a, council_b, lead_a, frontline_a, client_for):
    Spend.objects.create(organisation=council_a, financial_year="2025-26", category="training", amount=Decimal("1200"))
    Spend.objects.create(organisation=council_b, financial_year="2025-26", category="posts", amount=Decimal("9"))
    client = client_for(lead_a)
    assert "download=csv" in client.get(reverse("scrutiny:spend")).content.decode()

    lines = _csv(client.get(reverse("scrutiny:spend"), {"download": "csv"}))

    assert lines == ["Financial year,Category,Amount,Note", "2025-26,Training,1200.00,"]
    assert AuditEvent.objects.filter(object_type="export.scrutiny-spending", actor=lead_a).exists()
    assert client_for(frontline_a).get(reverse("scrutiny:spend"), {"download": "xlsx"}).status_code == 403


def test_the_pages_filter_and_their_downloads_apply_the_filters(council_a, lead_a, client_for):
    common = {"organisation": council_a, "team": "Community safety", "dedicated": True}
    LeadArrangement.objects.create(lead_name="Lead officer", since=date(2024, 4, 1), **common)
    LeadArrangement.objects.create(
        lead_name="Coordinator", is_lead=False, since=date(2020, 4, 1), ended_on=date(2023, 3, 31), **common
    )
    for year, category in (("2024-25", "training"), ("2025-26", "training"), ("2025-26", "posts")):
        Spend.objects.create(organisation=council_a, financial_year=year, category=category, amount=Decimal("10"))
    client = client_for(lead_a)

    ended = client.get(reverse("scrutiny:arrangements"), {"held": "ended"}).content.decode()
    leads = _csv(client.get(reverse("scrutiny:arrangements"), {"leads_only": "on", "download": "csv"}))
    spending = _csv(client.get(reverse("scrutiny:spend"), {"financial_year": "2025-26", "download": "csv"}))
    refused = client.get(reverse("scrutiny:spend"), {"financial_year": "1999-00"}).content.decode()

    assert "Coordinator" in ended and "Lead officer" not in ended
    assert "download=csv" in ended and "held=ended" in ended  # the links carry the filters
    assert [line.split(",")[0] for line in leads[1:]] == ["Lead officer"]
    assert [line.split(",")[:2] for line in spending[1:]] == [
        ["2025-26", "Posts (staff time on modern slavery)"],
        ["2025-26", "Training"],
    ]
    assert "govuk-error-summary" in refused and refused.count("2024-25") >= 2  # refused: the whole list, said why
    note = AuditEvent.objects.filter(object_type="export.scrutiny-spending").get().note
    assert "financial_year=2025-26" in note
