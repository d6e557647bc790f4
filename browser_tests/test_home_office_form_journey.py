"""Journey: the lead completes the Home Office form for a child found at a car wash, section by
section, until nothing is missing, and downloads the NRM pack as a tagged PDF."""

from pathlib import Path

import pytest
from home_office_pages import HomeOfficeFormPage
from playwright.sync_api import Page, expect

from tackle.accounts.services import organisation_settings_update
from tackle.cases.services.correction import case_correct
from tackle.core.tests.accessible_documents import assert_tagged_pdf

pytestmark = pytest.mark.browser


def test_the_lead_completes_the_home_office_form_and_downloads_the_pack(
    page: Page, sign_in_browser, frontline_a, lead_a, record_concern
) -> None:
    organisation_settings_update(
        organisation=lead_a.organisation,
        actor=lead_a,
        values={
            "mash_phone": "020 7000 0000",
            "mash_email": "mash@council-a.example.org",
            "first_responder_name": "Priya Shah",
            "first_responder_role": "Modern slavery lead",
            "first_responder_phone": "020 7000 0001",
            "first_responder_email": "modern.slavery@council-a.example.org",
        },
    )
    case = record_concern(
        frontline_a,
        age=16,
        appears_under_18=True,
        person_name="Sam",
        gender="male",
        nationality="Vietnamese",
        interpreter_needed=False,
        indicators=["little_or_no_pay", "poor_housing"],
        exploitation_types=["labour"],
        exploitation_location="uk",
    )
    # Where they are now is the record's (its Change page), not asked on the form.
    changes = {"current_town": "Leeds", "current_county": "West Yorkshire"}
    case = case_correct(case=case, actor=lead_a, changes=changes, reason="Placed with foster carers")
    sign_in_browser(lead_a)
    page.goto(f"/cases/{case.uuid}/")
    form = HomeOfficeFormPage.from_case_page(page)
    expect(form.missing).to_contain_text("Still missing")
    titles = form.section_titles()
    assert titles[0] == "About the referral" and "The council contacted about the child" in titles
    assert "Who receives the decision" not in titles  # a child: the adults' sections are not asked

    for title in titles:
        form = form.open_section(title).answer_everything()
        expect(form.status_of(title)).to_contain_text("Completed")
    expect(form.missing).to_contain_text("Nothing is missing")

    pack = form.open_pack()
    expect(page.locator("main")).to_contain_text("Little or no pay, or someone else controls their money")
    expect(page.locator("main")).not_to_contain_text("little_or_no_pay")
    download = pack.download_pdf()
    pdf = Path(download.path()).read_bytes()
    assert_tagged_pdf(pdf, title=f"NRM referral pack: {case.reference}", tables=False)
