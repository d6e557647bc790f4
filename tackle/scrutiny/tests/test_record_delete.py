"""A post or spending line entered by mistake is deleted, on its page (after a question) and through
the API: officers of the council only, audited."""

from datetime import date

import pytest
from django.urls import reverse

from tackle.accounts.tests.signing_in import token_client
from tackle.audit.models import AuditAction, AuditEvent
from tackle.scrutiny.models import LeadArrangement, Spend

pytestmark = pytest.mark.django_db


@pytest.fixture
def post(council_a):
    return LeadArrangement.objects.create(
        organisation=council_a, lead_name="Entered twice", team="Community safety", dedicated=False,
        since=date(2024, 4, 1),
    )  # fmt: skip


@pytest.fixture
def line(council_a):
    return Spend.objects.create(organisation=council_a, financial_year="2025-26", category="training", amount=900)


def _deleted_events(record) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=AuditAction.DELETE, object_id=str(record.uuid)))


@pytest.mark.parametrize(("fixture", "name", "listing"), [
    ("post", "scrutiny:arrangement-delete", "scrutiny:arrangements"),
    ("line", "scrutiny:spend-delete", "scrutiny:spend"),
])  # fmt: skip
def test_the_lead_is_asked_then_the_record_goes_audited(fixture, name, listing, request, lead_a, client_for):
    record = request.getfixturevalue(fixture)
    client = client_for(lead_a)
    question = client.get(reverse(name, args=[record.uuid]))
    assert question.status_code == 200
    assert "Deleting cannot be undone" in question.content.decode()
    assert type(record).objects.filter(pk=record.pk).exists()  # asking deletes nothing
    assert AuditEvent.objects.filter(action=AuditAction.VIEW, object_id=str(record.uuid)).exists()

    response = client.post(reverse(name, args=[record.uuid]))
    assert response.status_code == 302 and response["Location"] == reverse(listing)
    assert not type(record).objects.filter(pk=record.pk).exists()
    [event] = _deleted_events(record)
    assert event.actor_id == lead_a.pk and event.organisation_id == lead_a.organisation_id
    assert "Entered twice" not in event.note  # the log says which record, not what it said
    assert client.get(reverse(name, args=[record.uuid])).status_code == 404


def test_the_change_pages_link_to_the_question(post, line, lead_a, client_for):
    client = client_for(lead_a)
    post_page = client.get(reverse("scrutiny:arrangement-edit", args=[post.uuid])).content.decode()
    assert reverse("scrutiny:arrangement-delete", args=[post.uuid]) in post_page
    line_page = client.get(reverse("scrutiny:spend-edit", args=[line.uuid])).content.decode()
    assert reverse("scrutiny:spend-delete", args=[line.uuid]) in line_page
    # The lists' add forms are not a record's page: no delete link there.
    assert "/delete" not in client.get(reverse("scrutiny:spend")).content.decode()


def test_councillors_and_frontline_get_403_and_another_council_404(
    post, line, councillor_a, frontline_a, lead_b, client_for
):
    for user, refused in ((councillor_a, 403), (frontline_a, 403), (lead_b, 404)):
        client = client_for(user)
        for name, record in (("scrutiny:arrangement-delete", post), ("scrutiny:spend-delete", line)):
            assert client.get(reverse(name, args=[record.uuid])).status_code == refused, (user.role, name)
            assert client.post(reverse(name, args=[record.uuid])).status_code == refused, (user.role, name)
    assert LeadArrangement.objects.filter(pk=post.pk).exists() and Spend.objects.filter(pk=line.pk).exists()
    assert not AuditEvent.objects.filter(action=AuditAction.DELETE).exists()


def test_the_api_deletes_for_officers_only(post, line, lead_a, lead_b, councillor_a):
    posts, spending = f"/api/v1/lead-arrangements/{post.uuid}", f"/api/v1/scrutiny-spending/{line.uuid}"
    assert token_client(lead_b).delete(spending).status_code == 404
    assert token_client(councillor_a).delete(spending).status_code == 403
    assert token_client(lead_a, scope="read").delete(posts).status_code == 403
    assert token_client(lead_a, modules=("cases",)).delete(posts).status_code == 403
    assert LeadArrangement.objects.filter(pk=post.pk).exists() and Spend.objects.filter(pk=line.pk).exists()

    client = token_client(lead_a)
    assert client.delete(posts).status_code == 204
    assert client.delete(spending).status_code == 204
    assert not LeadArrangement.objects.exists() and not Spend.objects.exists()
    assert len(_deleted_events(post)) == 1 and len(_deleted_events(line)) == 1
    assert client.delete(spending).status_code == 404
