"""Correcting a person's details: the lead corrects the name and date of birth an officer wrote down
at the roadside, gives the reason, and sees the change on the case and in its timeline."""

from datetime import date

import pytest
from casework_pages import CaseDetailPage
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_the_lead_corrects_a_name_and_date_of_birth_with_a_reason(
    page: Page, sign_in_browser, frontline_a, lead_a, record_concern
) -> None:
    case = record_concern(frontline_a, person_name="Mo", appears_under_18=False, consent_to_nrm=True)

    sign_in_browser(lead_a)
    case_page = CaseDetailPage.open(page, str(case.uuid))
    change = case_page.change("The person's details")
    case_page = change.correct_person(
        name="Mohammed Rahman", date_of_birth=date(1995, 3, 14), reason="Passport seen at interview"
    )
    person = case_page.summary_card("The person's details")
    expect(person).to_contain_text("Mohammed Rahman")
    expect(person).to_contain_text("1995")

    timeline = case_page.timeline()
    correction = timeline.entries.locator("tr[data-kind='correction']").filter(has_text="Corrected:")
    expect(correction).to_contain_text("Corrected: Passport seen at interview")
    expect(correction).to_contain_text("Date of birth")  # as people read it, never the field's key
    expect(correction).not_to_contain_text("person_date_of_birth")
    expect(correction).to_contain_text("Name")
    expect(correction).to_contain_text(lead_a.display_name)

    case.refresh_from_db()
    assert (case.person_name, case.person_date_of_birth) == ("Mohammed Rahman", date(1995, 3, 14))
