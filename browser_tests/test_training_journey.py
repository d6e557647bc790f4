"""A team manager (here the modern slavery lead) checks their team's training, then imports
completions from the learning system and sees the one line that could not be saved."""

from datetime import timedelta

import pytest
from accessibility import assert_accessible
from django.utils import timezone
from playwright.sync_api import Page, expect

from tackle.core.roles import Role
from tackle.training.services import completion_record
from tackle.training.tests.factories import make_course, make_partnership_records, make_requirement, make_team

pytestmark = pytest.mark.browser


def test_manager_sees_team_compliance_and_imports_completions(
    page: Page, sign_in_browser, make_user, council_a, lead_a, tmp_path
):
    today = timezone.localdate()
    officer = make_user(Role.FRONTLINE_OFFICER, council_a, username="officer", first_name="Olu", last_name="Ade")
    buyer = make_user(Role.PROCUREMENT_OFFICER, council_a, username="buyer", first_name="Bea", last_name="Cole")
    team = make_team(council_a, manager=lead_a, members=(officer, buyer))
    safeguarding = make_course(council_a, "SG-MS", title="Safeguarding with modern slavery content")
    ethical = make_course(council_a, "PROC-ETH", title="Ethical procurement")
    make_requirement(safeguarding, role=Role.FRONTLINE_OFFICER)
    make_requirement(ethical, team=team, role=Role.PROCUREMENT_OFFICER)
    completion_record(actor=None, user=officer, course=safeguarding, completed_on=today - timedelta(days=400))
    records = make_partnership_records(council_a)

    sign_in_browser(lead_a)
    page.goto("/training/")
    assert_accessible(page)
    page.get_by_role("link", name="Your teams' compliance").click()
    assert_accessible(page)
    page.get_by_role("link", name=team.name).click()
    table = page.get_by_test_id("team-compliance")
    expect(table.get_by_role("row", name="Olu Ade")).to_contain_text("Overdue")
    expect(table.get_by_role("row", name="Bea Cole")).to_contain_text("Not done")
    assert_accessible(page)

    csv_file = tmp_path / "completions.csv"
    csv_file.write_text(
        f"username,course_code,completed_on\nofficer,SG-MS,{today:%d/%m/%Y}\nbuyer,PROC-ETH,2099-01-01\n"
    )
    page.goto("/training/completions/import")
    assert_accessible(page)
    page.get_by_label("CSV file from the learning system").set_input_files(str(csv_file))
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_test_id("import-summary")).to_contain_text("1 completion saved")
    rejects = page.get_by_test_id("import-rejects")
    expect(rejects).to_contain_text("3")
    expect(rejects).to_contain_text("The completion date is in the future")
    assert_accessible(page)

    page.goto(f"/training/teams/{team.uuid}")
    expect(page.get_by_test_id("team-compliance").get_by_role("row", name="Olu Ade")).to_contain_text("Compliant")
    assert_accessible(page)

    other_pages = [
        "/training/courses/",
        "/training/courses/new",
        "/training/requirements/new",
        "/training/teams/new",
        "/training/sessions/new",
        "/training/completions/new",
        "/training/awareness/",
        f"/training/awareness/{records['campaign'].uuid}",
        "/training/directory/",
        "/training/partnerships/",
        f"/training/partnerships/{records['group'].uuid}",
        f"/training/meetings/{records['meeting'].uuid}",
        f"/training/meetings/{records['meeting'].uuid}/actions/new",
    ]
    for path in other_pages:
        page.goto(path)
        assert_accessible(page)
