"""Issue 15, defect 1: a council could give itself another's intelligence by naming it as partner
in an agreement of its own making. Reproduced as the neighbouring council's lead would try it."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tackle.core.tests.dates import date_answer
from tackle.disrupt.models import SharingAgreement
from tackle.disrupt.tests.factories import make_intelligence, make_operation, make_premises

pytestmark = pytest.mark.django_db


def test_a_council_cannot_give_itself_anothers_records_by_proposing_an_agreement(
    client_for, safety_a, lead_a, lead_b, council_a
):
    intelligence = make_intelligence(safety_a, what="Vlad collects the wages at the car wash")
    premises = make_premises(safety_a)
    operation = make_operation(safety_a)
    today = timezone.localdate()
    attacker = client_for(lead_b)

    attacker.post(
        reverse("disrupt:agreement-new"),
        {
            "partner": council_a.pk,
            "title": "Neighbourly sharing",
            "purpose": "Taking a look",
            "legal_basis": "cda_1998_s115",
            "categories": ["intelligence", "premises", "operations"],
            **date_answer("starts_on", today),
            **date_answer("expires_on", today.replace(year=today.year + 1)),
        },
    )

    agreement = SharingAgreement.objects.get(organisation=lead_b.organisation, partner=council_a)
    for url in (
        reverse("disrupt:intelligence-detail", args=[intelligence.uuid]),
        reverse("disrupt:premises-detail", args=[premises.uuid]),
        reverse("disrupt:operation-detail", args=[operation.uuid]),
    ):
        assert attacker.get(url).status_code == 404, url
    assert "Vlad" not in attacker.get(reverse("disrupt:intelligence-list")).content.decode()

    # The council named as partner sees the proposal and can turn it down.
    victim = client_for(lead_a)
    assert victim.get(reverse("disrupt:agreement-detail", args=[agreement.uuid])).status_code == 200
    assert victim.post(reverse("disrupt:agreement-decline", args=[agreement.uuid])).status_code == 302
    agreement.refresh_from_db()
    assert agreement.declined_by == lead_a
