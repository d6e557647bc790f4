"""The car wash with four workers: a frontline officer records one concern for the four people met
together, using "Add another person"; one refuses the NRM. Four cases, one encounter, and the one
who refused is on the Duty to Notify path."""

from datetime import timedelta

import pytest
from casework_pages import ConcernFormPage
from django.utils import timezone
from playwright.sync_api import Page, expect

from tackle.cases.models import Case, Encounter, ReferralCode

pytestmark = pytest.mark.browser

WORKERS = [
    ("Andrei", 34, True, ""),
    ("Bogdan", 29, True, ""),
    ("Cristian", 41, False, "Afraid of the men who brought him here"),
    ("Dorin", 25, True, ""),
]


def test_one_concern_four_workers_four_cases_and_one_refuses(page: Page, sign_in_browser, frontline_a) -> None:
    sign_in_browser(frontline_a)
    form = ConcernFormPage.open(page)
    form.describe(
        seen_at=timezone.localtime() - timedelta(hours=2),
        where="Sparkle Hand Car Wash, 2 Mill Lane",
        what="Four men washing cars without gloves; they said they sleep in the back room.",
        exploitation="Labour",
    )
    for number, (name, age, consents, reason) in enumerate(WORKERS, start=1):
        if number > 1:
            form.add_another_person(number)
        form.person(number, name=name, age=age, consents=consents, refusal_reason=reason)
    encounter_page = form.send()

    expect(encounter_page.rows).to_have_count(4)
    for name in ("Andrei", "Bogdan", "Dorin"):
        expect(encounter_page.path_of(name)).to_have_text("NRM referral")
    # The man who refused is anonymous on the Duty to Notify path: his name is no longer kept.
    expect(encounter_page.rows.get_by_test_id("path").filter(has_text="Duty to Notify")).to_have_count(1)
    expect(encounter_page.rows.filter(has_text="Cristian")).to_have_count(0)

    encounter = Encounter.objects.get()
    cases = Case.objects.filter(encounter=encounter)
    assert cases.count() == 4 and Case.objects.count() == 4
    refused = cases.get(consent_to_nrm=False)
    assert refused.person_name == "" and refused.is_anonymous
    assert refused.referrals.filter(code=ReferralCode.DUTY_TO_NOTIFY).exists()
    assert all(case.referrals.filter(code=ReferralCode.NRM_REFERRAL).exists() for case in cases.exclude(pk=refused.pk))
