"""An officer on a phone (375 and 320 pixels wide) records a concern about two people met together,
one question per page (issue 18, items 1 and 2): errors on the page they belong to, Back, Change from
check your answers, and nothing saved until it is sent; every step and check page no wider than the
window (and axe-clean, as every page)."""

from datetime import timedelta

import pytest
from casework_pages import EncounterPage
from django.utils import timezone
from pages import ConcernStepPage, HomeCountersPage
from playwright.sync_api import Page, expect

from tackle.cases.models import Case

pytestmark = pytest.mark.browser


def _person(step: ConcernStepPage, number: int, *, name: str, age: str, consent: str) -> ConcernStepPage:
    prefix = f"person{number}-" if number > 1 else ""
    step.fill(f"{prefix}person_name", name)
    step.fill(f"{prefix}age", age)
    step = step.next(f"Their nationality and language: person {number}")
    step = step.next(f"Their safety and needs: person {number}")
    step = step.next(f"Referral and sharing: person {number}")
    step.choose(f"{prefix}consent_to_nrm", consent)
    return step


@pytest.mark.parametrize("width", [375, 320])
def test_two_people_met_together_recorded_step_by_step_on_a_phone(
    page: Page, sign_in_browser, frontline_a, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 812})
    sign_in_browser(frontline_a)
    page.goto("/")
    HomeCountersPage(page).start_button.click()
    step = ConcernStepPage(page, "When and where did you see this?")

    step.seen_at(timezone.localtime() - timedelta(hours=3))
    step = step.next("When and where did you see this?")  # no place: the error is on this page
    expect(step.error_summary).to_contain_text("Enter where you saw this")
    expect(step.error_summary).not_to_contain_text("Describe what you saw")
    step.fill("location", "Sparkle Hand Car Wash, 2 Mill Lane")
    step = step.next("What did you see or hear?")
    step.fill("what_was_seen", "Two workers sleeping in the back room. A man collects their pay.")
    step = step.next("What did you notice?")
    step = step.back("What did you see or hear?")
    expect(page.locator("[name='what_was_seen']")).to_have_value(
        "Two workers sleeping in the back room. A man collects their pay."
    )
    step = step.next("What did you notice?")
    step.page.get_by_label("Little or no pay, or someone else controls their money").check()
    step = step.next("What kind of exploitation might it be?")
    step.page.get_by_label("Labour", exact=True).check()
    step = step.next("Who is the concern about?")
    step = step.next("About the person: person 1")

    step = _person(step, 1, name="Arben", age="34", consent="yes")
    step = step.next("Anyone else?")
    step.choose("another-1-another", "yes")
    step = step.next("About the person: person 2")
    step = _person(step, 2, name="Besnik", age="29", consent="no")
    step = step.next("Referral and sharing: person 2")  # an adult's refusal needs its reason
    expect(step.error_summary).to_contain_text("Say why they did not want to be referred")
    step.fill("person2-refusal_reason", "Afraid of the man who collects the pay")
    step = step.next("Anyone else?")
    step.choose("another-2-another", "no")
    check = step.to_check()
    assert not Case.objects.exists()  # nothing is saved before it is sent

    expect(check.answer("Person 1", "Person's name")).to_have_text("Arben")
    expect(check.answer("Person 2", "Person's name")).to_have_text("Besnik")
    step = check.change("Person 1", "Person's name, if known", "About the person: person 1")
    step.fill("person_name", "Arben Krasniqi")
    check = step.to_check()
    expect(check.answer("Person 1", "Person's name")).to_have_text("Arben Krasniqi")

    check.send()
    encounter = EncounterPage(page)
    expect(encounter.rows).to_have_count(2)
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "the encounter page scrolls sideways"
    first, second = Case.objects.order_by("pk")
    assert first.person_name == "Arben Krasniqi"
    # An adult who refuses the NRM is recorded anonymously (the Duty to Notify), with the reason.
    assert second.person_name == "" and second.refusal_reason == "Afraid of the man who collects the pay"
