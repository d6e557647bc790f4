"""A community safety manager imports three regulators' lists, corrects a column the import could
not guess, sees the premises ranked with their reasons, and plans an operation at the top one."""

import pytest
from accessibility import assert_accessible
from playwright.sync_api import Page, expect

from tackle.core.roles import Role
from tackle.targeting.tests.factories import LISTS

pytestmark = pytest.mark.browser

# The licensing list names its business column "Shop", which no regulator's header usually says.
LICENSING = "Operator,Shop,Postcode,Status\nAhmed Holdings,Sparkle Car Wash,B70 6AB,Licence suspended\n"


def test_manager_imports_lists_corrects_a_column_and_plans_an_operation(
    page: Page, sign_in_browser, make_user, council_a, tmp_path
):
    manager = make_user(Role.COMMUNITY_SAFETY_MANAGER, council_a)
    files = []
    for name, text in {**LISTS, "licensing.csv": LICENSING}.items():
        path = tmp_path / name
        path.write_text(text)
        files.append(str(path))

    sign_in_browser(manager)
    page.goto("/targeting/")
    expect(page.get_by_test_id("no-lists")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Import regulators' lists").click()
    assert_accessible(page)
    page.get_by_label("Regulators' lists").set_input_files(files)
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_text("4 lists imported")).to_be_visible()
    lists = page.get_by_test_id("lists")
    expect(lists.get_by_role("row", name="trading_standards")).to_contain_text("Postcode: “Post Code”")
    assert_accessible(page)

    # The guess took "Operator" (the company behind it) as the business name: use the shop's name.
    page.get_by_role("link", name="Check columns of licensing").click()
    expect(page.get_by_label("Business name")).to_have_value("Operator")
    assert_accessible(page)
    page.get_by_label("Business name").select_option("Shop")
    page.get_by_label("Trading name").select_option("")
    page.get_by_role("button", name="Save columns").click()
    expect(page.get_by_text("Columns saved: 1 record", exact=True)).to_be_visible()
    assert_accessible(page)

    page.goto("/targeting/lists/")
    page.get_by_role("link", name="Check columns of trading_standards").click()
    expect(page.get_by_test_id("rejects")).to_contain_text("“NOTAPOSTCODE” is not a UK postcode")

    page.goto("/targeting/")
    top = page.get_by_test_id("ranked-premises").first
    expect(top).to_contain_text("1. Sparkle Car Wash")  # the name two of the four lists give
    expect(top.get_by_test_id("reasons")).to_contain_text("Non-compliant with 4 regulators")
    expect(top).to_contain_text("environmental_health, fire, licensing, trading_standards")
    assert_accessible(page)

    top.get_by_role("link", name="Plan an operation at Sparkle Car Wash").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert page.url.endswith(
        "/disrupt/operations/new?name=Sparkle+Car+Wash&address=12+High+Street&postcode=B70+6AB"
        "&premises_type=hand_car_wash"
    )
    assert_accessible(page)

    page.goto("/targeting/lists/")
    page.get_by_role("link", name="Check columns of fire").click()
    page.get_by_role("link", name="Remove this list").click()
    assert_accessible(page)
    page.get_by_role("button", name="Remove the list").click()
    expect(page.get_by_text("fire removed")).to_be_visible()


# A licensing register as councils publish it: the name column is "Premises", and one outcome is
# worded in a way no rule knows.
REGISTER = "Premises,Address,Postcode,Outcome\nGolden Dragon,4 Mill Lane,B70 9EF,Minded to vary conditions\n"


def test_manager_classifies_an_outcome_no_rule_knows_and_the_ranking_uses_it(
    page: Page, sign_in_browser, make_user, council_a, tmp_path
):
    manager = make_user(Role.COMMUNITY_SAFETY_MANAGER, council_a)
    path = tmp_path / "licensing.csv"
    path.write_text(REGISTER)
    sign_in_browser(manager)
    page.goto("/targeting/import")
    page.get_by_label("Regulators' lists").set_input_files([str(path)])
    page.get_by_role("button", name="Import").click()
    page.goto("/targeting/")
    expect(page.get_by_test_id("unfamiliar-outcomes")).to_contain_text("1 outcome in your lists is not understood")
    expect(page.get_by_test_id("ranked-premises").first).to_contain_text("Nothing found against it")
    page.get_by_role("link", name="Classify it").click()
    assert_accessible(page)
    page.get_by_role("group", name="“minded to vary conditions”").get_by_label("An adverse finding", exact=True).check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Outcomes classified: the ranking uses them")).to_be_visible()
    assert_accessible(page)
    page.goto("/targeting/")
    expect(page.get_by_test_id("unfamiliar-outcomes")).to_have_count(0)
    expect(page.get_by_test_id("ranked-premises").first.get_by_test_id("reasons")).to_contain_text(
        "Non-compliant with licensing: Minded to vary conditions"
    )


# A licensing register whose columns Tackle can only guess: "Licensed operator" holds a known word,
# "Postcod" is a close spelling. The import asks before saving anything.
GUESSED = "Licensed operator,Shop,Postcod\nAhmed Holdings,Sparkle Car Wash,B70 6AB\n"


def test_manager_confirms_the_columns_guessed_before_a_list_is_imported(
    page: Page, sign_in_browser, make_user, council_a, tmp_path
):
    manager = make_user(Role.COMMUNITY_SAFETY_MANAGER, council_a)
    path = tmp_path / "licensing.csv"
    path.write_text(GUESSED)
    sign_in_browser(manager)
    page.goto("/targeting/import")
    page.get_by_label("Regulators' lists").set_input_files([str(path)])
    page.get_by_role("button", name="Import").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("licensing.csv: Check the columns guessed")
    choices = page.get_by_test_id("column-choices")
    expect(choices.get_by_role("row", name="Postcode")).to_contain_text("close to 'postcode'")
    expect(choices.get_by_role("row", name="Business name")).to_contain_text("Ahmed Holdings")
    assert_accessible(page)
    page.get_by_label("Business name").select_option(label="Column 2: Shop")
    page.get_by_label("Regulators' lists").set_input_files([str(path)])
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_text("1 list imported")).to_be_visible()
    expect(page.get_by_test_id("lists").get_by_role("row", name="licensing")).to_contain_text("Business name: “Shop”")
    assert_accessible(page)
