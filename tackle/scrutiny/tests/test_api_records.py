"""/api/v1/lead-arrangements and /api/v1/scrutiny-spending (issue 19, item 1): the posts and the
spending FOI answers are drafted from, listed, read, added and changed as their pages do; officers
of the council only, audited."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from tackle.accounts.tests.signing_in import token_client
from tackle.audit.models import AuditAction, AuditEvent
from tackle.core.periods import today_in_london
from tackle.scrutiny.models import LeadArrangement, Spend

POSTS, SPENDING = "/api/v1/lead-arrangements", "/api/v1/scrutiny-spending"


@pytest.fixture
def posts(council_a):
    """Council A: a lead in post today and a coordinator whose funding ended."""
    common = {"organisation": council_a, "team": "Community safety", "dedicated": True}
    lead = LeadArrangement.objects.create(lead_name="Lead officer", since=date(2024, 4, 1), **common)
    ended = LeadArrangement.objects.create(
        lead_name="Coordinator", is_lead=False, since=date(2020, 4, 1), ended_on=date(2023, 3, 31),
        amount_per_year=Decimal("42000"), **common,
    )  # fmt: skip
    return lead, ended


@pytest.fixture
def spending(council_a):
    return [
        Spend.objects.create(organisation=council_a, financial_year=year, category=category, amount=amount)
        for year, category, amount in (
            ("2024-25", "training", Decimal("900")),
            ("2025-26", "training", Decimal("1200")),
            ("2025-26", "emergency_accommodation", Decimal("3200")),
        )
    ]


def test_the_lead_lists_the_posts_filtered_and_audited(posts, lead_a):
    lead, ended = posts
    client = token_client(lead_a, scope="read", modules=("scrutiny",))
    body = client.get(POSTS).json()
    assert [row["uuid"] for row in body["results"]] == [str(lead.uuid), str(ended.uuid)]
    assert body["results"][1]["amount_per_year"] == "42000.00" and body["results"][1]["ended_on"] == "2023-03-31"
    assert [row["post"] for row in client.get(POSTS, {"current": "true"}).json()["results"]] == ["Lead officer"]
    assert [row["post"] for row in client.get(POSTS, {"is_lead": "false"}).json()["results"]] == ["Coordinator"]
    assert client.get(POSTS, {"sort": "since"}).json()["results"][0]["post"] == "Coordinator"
    assert AuditEvent.objects.filter(action=AuditAction.LIST, object_type="scrutiny.leadarrangement").exists()
    refused = client.get(POSTS, {"sort": "salary", "current": "maybe"})
    assert refused.status_code == 400 and set(refused.json()) == {"sort", "current"}


def test_reading_a_post_is_audited(posts, lead_a):
    lead, _ = posts
    body = token_client(lead_a, scope="read").get(f"{POSTS}/{lead.uuid}").json()
    assert (body["team"], body["covers_children"], body["is_lead"]) == ("Community safety", True, True)
    assert AuditEvent.objects.filter(action=AuditAction.VIEW, object_id=str(lead.uuid)).exists()


def test_a_post_is_added_and_changed_as_the_page_checks_it(lead_a):
    client = token_client(lead_a, modules=("scrutiny",))
    sent = {"lead_name": "Coordinator", "team": "Adult social care", "since": "2025-04-01", "amount_per_year": "30000"}
    created = client.post(POSTS, sent, format="json")
    assert created.status_code == 201
    record = LeadArrangement.objects.get(uuid=created.json()["uuid"])
    assert (record.organisation, record.covers_adults, record.is_lead) == (lead_a.organisation, True, True)
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_id=str(record.uuid)).exists()
    changed = client.patch(f"{POSTS}/{record.uuid}", {"ended_on": "2026-03-31"}, format="json")
    assert changed.status_code == 200 and changed.json()["team"] == "Adult social care"
    record.refresh_from_db()
    assert record.ended_on == date(2026, 3, 31)
    assert AuditEvent.objects.filter(action=AuditAction.UPDATE, object_id=str(record.uuid)).exists()


def test_a_post_the_page_would_refuse_is_refused_by_field(posts, lead_a):
    lead, _ = posts
    client = token_client(lead_a)
    neither = {
        "lead_name": "Lead",
        "team": "Team",
        "since": "2025-04-01",
        "covers_children": False,
        "covers_adults": False,
    }
    assert set(client.post(POSTS, neither, format="json").json()) == {"covers_adults"}
    assert set(client.post(POSTS, {"lead_name": "  ", "team": "Team"}, format="json").json()) == {"lead_name", "since"}
    before_start = client.patch(f"{POSTS}/{lead.uuid}", {"ended_on": "2020-01-01"}, format="json")
    assert before_start.status_code == 400 and "ended_on" in str(before_start.json())
    assert set(client.patch(f"{POSTS}/{lead.uuid}", {"amount_per_year": "-5"}, format="json").json()) == {
        "amount_per_year"
    }
    lead.refresh_from_db()
    assert (lead.ended_on, lead.amount_per_year, LeadArrangement.objects.count()) == (None, None, 2)


def test_spending_is_listed_filtered_read_added_and_changed(spending, lead_a):
    client = token_client(lead_a, modules=("scrutiny",))
    rows = client.get(SPENDING, {"financial_year": "2025-26", "sort": "-amount"}).json()["results"]
    assert [(row["category"], row["amount"]) for row in rows] == [
        ("emergency_accommodation", "3200.00"),
        ("training", "1200.00"),
    ]
    assert rows[0]["category_label"] == "Emergency accommodation"
    assert client.get(SPENDING, {"category": "training"}).json()["count"] == 2
    assert client.get(f"{SPENDING}/{spending[0].uuid}").json()["financial_year"] == "2024-25"
    created = client.post(SPENDING, {"financial_year": "2025-26", "category": "posts", "amount": "500"}, format="json")
    assert created.status_code == 201
    assert Spend.objects.get(uuid=created.json()["uuid"]).organisation == lead_a.organisation
    assert client.patch(f"{SPENDING}/{spending[0].uuid}", {"note": "Trainers"}, format="json").status_code == 200
    spending[0].refresh_from_db()
    assert (spending[0].note, spending[0].amount) == ("Trainers", Decimal("900"))
    audited = set(AuditEvent.objects.filter(object_type="scrutiny.spend").values_list("action", flat=True))
    assert {AuditAction.LIST, AuditAction.VIEW, AuditAction.CREATE, AuditAction.UPDATE} <= audited


def test_bad_spending_is_refused_by_field(spending, lead_a):
    client = token_client(lead_a)
    bad = client.post(SPENDING, {"financial_year": "2025", "category": "cake", "amount": "-1"}, format="json")
    assert set(bad.json()) == {"category", "amount"}
    assert client.post(
        SPENDING, {"financial_year": "2025", "category": "posts", "amount": "1"}, format="json"
    ).json() == {"financial_year": ["Enter the financial year like 2025-26"]}
    assert set(client.get(SPENDING, {"financial_year": "last year"}).json()) == {"financial_year"}
    assert Spend.objects.count() == 3


def test_another_councils_records_are_not_found(posts, spending, lead_b):
    client = token_client(lead_b)
    assert client.get(POSTS).json()["count"] == 0 and client.get(SPENDING).json()["count"] == 0
    assert client.get(f"{POSTS}/{posts[0].uuid}").status_code == 404
    assert client.patch(f"{SPENDING}/{spending[0].uuid}", {"amount": "1"}, format="json").status_code == 404
    spending[0].refresh_from_db()
    assert spending[0].amount == Decimal("900")


def test_councillors_frontline_other_modules_and_read_tokens_are_refused(
    posts, spending, councillor_a, frontline_a, lead_a
):
    lead, _ = posts
    for user in (councillor_a, frontline_a):
        client = token_client(user)
        assert client.get(POSTS).status_code == 403
        assert client.get(f"{SPENDING}/{spending[0].uuid}").status_code == 403
        assert (
            client.post(SPENDING, {"financial_year": "2025-26", "category": "posts", "amount": "1"}).status_code == 403
        )
    assert token_client(lead_a, modules=("cases",)).get(SPENDING).status_code == 403
    read = token_client(lead_a, scope="read")
    assert read.patch(f"{POSTS}/{lead.uuid}", {"team": "Other"}, format="json").status_code == 403
    assert read.post(SPENDING, {"financial_year": "2025-26", "category": "posts", "amount": "1"}).status_code == 403
    lead.refresh_from_db()
    assert lead.team == "Community safety" and Spend.objects.count() == 3


def test_a_post_ended_yesterday_is_not_current(council_a, lead_a):
    yesterday = today_in_london() - timedelta(days=1)
    LeadArrangement.objects.create(
        organisation=council_a, lead_name="Former", team="Team", dedicated=False, since=date(2020, 1, 1),
        ended_on=yesterday,
    )  # fmt: skip
    client = token_client(lead_a)
    assert client.get(POSTS, {"current": "true"}).json()["count"] == 0
    assert client.get(POSTS, {"current": "false"}).json()["count"] == 1
