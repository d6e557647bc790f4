"""The lead narrows the open partnership actions to one group's overdue ones and takes that list
away: the download links carry the filters (issue 19, item 3)."""

import re
from datetime import date, timedelta

import pytest
from accessibility import assert_accessible
from django.utils import timezone
from playwright.sync_api import Page, expect

from tackle.training.models import Meeting, MeetingAction, PartnershipGroup
from tackle.training.tests.factories import make_partnership_records

pytestmark = pytest.mark.browser


def test_the_lead_filters_the_open_actions_and_downloads_them(page: Page, sign_in_browser, council_a, lead_a):
    make_partnership_records(council_a)  # "Do the thing", in the group "Partnership", overdue
    tactical = PartnershipGroup.objects.create(organisation=council_a, name="Tactical", level="tactical")
    meeting = Meeting.objects.create(group=tactical, held_on=date(2025, 5, 1))
    MeetingAction.objects.create(meeting=meeting, text="Visit the hotels", due_on=date(2025, 6, 1))
    MeetingAction.objects.create(
        meeting=meeting, text="Brief taxi drivers", due_on=timezone.localdate() + timedelta(days=30)
    )

    sign_in_browser(lead_a)
    page.goto("/training/partnerships/")
    actions = page.get_by_test_id("open-actions")
    expect(actions.get_by_role("row")).to_have_count(4)  # the header and three actions
    assert_accessible(page)

    filters = page.get_by_test_id("action-filters")
    filters.get_by_label("Group").select_option(label="Tactical")
    filters.get_by_label("Overdue only").check()
    filters.get_by_role("button", name="Apply filters").click()

    expect(actions.get_by_role("row")).to_have_count(2)
    expect(actions).to_contain_text("Visit the hotels")
    csv = page.locator('a[href*="table=open-actions"][href*="download=csv"]')
    expect(csv).to_have_attribute("href", re.compile(f"group={tactical.uuid}&overdue=on&"))
    assert_accessible(page)

    page.goto("/training/partnerships/?group=not-a-group")
    expect(page.get_by_test_id("open-actions").get_by_role("row")).to_have_count(4)
    assert_accessible(page)
