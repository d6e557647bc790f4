import csv
import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tackle.audit.models import AuditEvent
from tackle.cases.models import AgeGroup, ExploitationType, Gender, NrmEventKind, NrmOutcome
from tackle.cases.register import EXPORT_COLUMNS
from tackle.cases.tests.test_register import make_case
from tackle.core.navigation import nav_items_for
from tackle.core.roles import Role

PAGE = reverse("cases:register")
CSV = reverse("cases:register-export-csv")
XLSX = reverse("cases:register-export-xlsx")
E, OUT = NrmEventKind, NrmOutcome
NAMES = ["Ada Identifiable", "Bo Identifiable", "Cy Identifiable"]


@pytest.fixture
def caseload(frontline_a):
    """Council A on 1 March 2024: a referred child, an adult with a positive RG, an anonymous Duty
    to Notify, and five concerns; all with names (but the anonymous one) that must never be exported."""
    child = make_case(
        frontline_a,
        person_name=NAMES[0],
        person_address="1 Secret Road",
        age_group=AgeGroup.CHILD,
        gender=Gender.MALE,
        nationality="British",
        county_lines=True,
        exploitation_types=[ExploitationType.CRIMINAL],
        events=[(E.REFERRAL_SENT, "", date(2024, 1, 11))],
    )
    adult = make_case(
        frontline_a,
        person_name=NAMES[1],
        person_contact="07700 900000",
        gender=Gender.FEMALE,
        nationality="Albanian",
        exploitation_types=[ExploitationType.SEXUAL, ExploitationType.LABOUR],
        exploitation_location="uk_and_overseas",
        events=[(E.REFERRAL_SENT, "", date(2024, 1, 12)), (E.RG_DECISION, OUT.POSITIVE, date(2024, 1, 20))],
    )
    anonymous = make_case(
        frontline_a,
        consent_to_nrm=False,
        refusal_reason="Afraid",
        nationality="Romanian",
        exploitation_types=[ExploitationType.LABOUR],
        events=[(E.DUTY_TO_NOTIFY_SENT, "", date(2024, 1, 13))],
    )
    for _ in range(5):
        make_case(frontline_a, person_name=NAMES[2], nationality="=HYPERLINK(1)")
    return {"child": child, "adult": adult, "anonymous": anonymous}


def test_the_lead_sees_the_register_tables(client_for, lead_a, caseload):
    response = client_for(lead_a).get(PAGE, {"as_of": "2024-03-01"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Open cases on 1 March 2024" in page
    for heading in ("By stage", "By age group", "By exploitation type"):
        assert heading in page
    assert "Positive reasonable grounds" in page and "Sexual &amp; Labour" in page
    assert 'data-testid="register-total"><strong>8</strong>' in page
    assert "fewer than 5" not in page
    assert f"{CSV}?as_of=2024-03-01" in page and f"{XLSX}?as_of=2024-03-01" in page
    for name in NAMES:
        assert name not in page


def test_the_date_input_picks_the_date(client_for, lead_a, caseload):
    response = client_for(lead_a).get(PAGE, {"as_of-day": "10", "as_of-month": "1", "as_of-year": "2024"})
    assert response.status_code == 200
    assert response.context["counts"]["total"] == 8
    assert response.context["counts"]["by_stage"]["concern"] == 8
    assert 'name="as_of-day" type="text" inputmode="numeric" value="10"' in response.content.decode()


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("31", "2", "2024", "Date the register shows must be a real date"),
        ("", "", "", "Enter the date the register shows"),
        ("1", "", "2024", "Date the register shows must include a month"),
        ("x", "1", "2024", "Date the register shows must be a real date"),
        ("1", "1", "24", "from 1900 onwards"),
        ("31", "12", "9999", "Date the register shows must be between 1900 and 2999"),
    ],
)
def test_a_bad_date_shows_a_govuk_error(client_for, lead_a, day, month, year, message):
    response = client_for(lead_a).get(PAGE, {"as_of-day": day, "as_of-month": month, "as_of-year": year})
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page and message in page
    assert "<title>Error: Register" in page
    assert f'name="as_of-day" type="text" inputmode="numeric" value="{day}"' in page  # what was typed stays


def test_the_page_asks_the_date_with_the_kernels_date_input(client_for, lead_a, caseload):
    """Issue 18: the same GOV.UK date input as every form, not boxes built by hand for this page."""
    page = client_for(lead_a).get(PAGE, {"as_of": "2024-03-01"}).content.decode()
    assert '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Date the register shows</legend>' in page
    assert 'value="2024"' in page and "For example, 31 3 2025" in page


def test_the_page_defaults_to_today(client_for, lead_a, caseload):
    response = client_for(lead_a).get(PAGE)
    assert response.status_code == 200
    assert response.context["counts"]["total"] == 8


def test_a_councillor_sees_suppressed_counts_and_no_export(client_for, councillor_a, caseload):
    response = client_for(councillor_a).get(PAGE, {"as_of": "2024-03-01"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "fewer than 5" in page
    assert response.context["counts"]["by_age_group"]["child"] == "fewer than 5"
    assert response.context["counts"]["total"] == 8
    assert CSV not in page and XLSX not in page


def test_the_organisation_sets_the_councillors_threshold(client_for, councillor_a, caseload):
    from tackle.accounts.services import organisation_settings_of

    row = organisation_settings_of(councillor_a.organisation)
    row.figures_threshold_councillors = 10
    row.save()
    response = client_for(councillor_a).get(PAGE, {"as_of": "2024-03-01"})
    assert response.context["counts"]["total"] == "fewer than 10"
    assert "Any count from 1 to 9 reads" in response.content.decode()


def test_children_are_shown_by_stage_and_add_up_to_the_children(client_for, lead_a, caseload):
    response = client_for(lead_a).get(PAGE, {"as_of": "2024-03-01"})
    counts = response.context["counts"]
    assert counts["children_by_stage"]["nrm_referred"] == 1
    assert sum(counts["children_by_stage"].values()) == counts["by_age_group"]["child"]
    assert 'data-testid="register-children-by-stage"' in response.content.decode()


def test_no_count_a_councillor_sees_can_be_worked_out_from_the_total(client_for, councillor_a, caseload):
    """Issue 15, defect 5: beside a total, a lone withheld count could be worked out by subtraction."""
    counts = client_for(councillor_a).get(PAGE, {"as_of": "2024-03-01"}).context["counts"]
    tables = {name: counts[name] for name in ("by_stage", "by_age_group", "by_exploitation_type")}
    tables["children_by_stage"] = {**counts["children_by_stage"], "all children": counts["by_age_group"]["child"]}
    for name, table in tables.items():
        withheld = [value for value in table.values() if isinstance(value, str)]
        assert len(withheld) != 1, name


@pytest.mark.parametrize("url", [CSV, XLSX])
def test_a_councillor_cannot_export_cases(client_for, councillor_a, caseload, url):
    assert client_for(councillor_a).get(url, {"as_of": "2024-03-01"}).status_code == 403
    assert not AuditEvent.objects.filter(action="export").exists()


@pytest.mark.parametrize("url", [PAGE, CSV, XLSX])
def test_frontline_officers_and_partners_get_403(client_for, frontline_a, police_partner, url):
    assert client_for(frontline_a).get(url).status_code == 403
    assert client_for(police_partner).get(url).status_code == 403


@pytest.mark.parametrize("role", [Role.COMMUNITY_SAFETY_MANAGER, Role.AUDITOR])
def test_other_figures_only_roles_see_the_suppressed_page(client_for, make_user, council_a, caseload, role):
    user = make_user(role, council_a)
    response = client_for(user).get(PAGE, {"as_of": "2024-03-01"})
    assert response.status_code == 200 and response.context["suppressed"]
    assert client_for(user).get(CSV).status_code == 403


def test_viewing_the_page_is_audited(client_for, lead_a, caseload):
    client_for(lead_a).get(PAGE, {"as_of": "2024-03-01"})
    event = AuditEvent.objects.get(object_type="cases.register")
    assert (event.action, event.actor_username, event.object_id) == ("view", lead_a.username, "2024-03-01")


def _csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_the_csv_has_one_row_per_open_case_in_home_office_categories(client_for, lead_a, caseload):
    response = client_for(lead_a).get(CSV, {"as_of": "2024-03-01"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="register-E09000001-2024-03-01.csv"' in response["Content-Disposition"]
    rows = _csv_rows(response)
    assert rows[0] == list(EXPORT_COLUMNS)
    assert len(rows) == 1 + 8
    by_reference = {row[0]: row for row in rows[1:]}
    assert by_reference[caseload["child"].reference] == [
        caseload["child"].reference,
        "Child (17 or under)",
        "Male",
        "British",
        "Criminal",
        "Not specified or unknown",
        "Yes",
        "Referred to the NRM",
        "Local Authority",
        "2024-01-11",
    ]
    adult = by_reference[caseload["adult"].reference]
    assert adult[1:9] == [
        "Adult (18 or over)",
        "Female",
        "Albanian",
        "Sexual & Labour",
        "UK and Overseas",
        "No",
        "Positive reasonable grounds",
        "Local Authority",
    ]
    anonymous = by_reference[caseload["anonymous"].reference]
    assert anonymous[7] == "Duty to Notify sent" and anonymous[9] == "2024-01-13" and anonymous[2] == "Other"


def test_exports_hold_nothing_that_identifies_a_person(client_for, lead_a, caseload):
    text = b"".join(client_for(lead_a).get(CSV, {"as_of": "2024-03-01"}).streaming_content).decode()
    workbook = load_workbook(io.BytesIO(client_for(lead_a).get(XLSX, {"as_of": "2024-03-01"}).content))
    cells = " ".join(str(cell) for row in workbook.active.iter_rows(values_only=True) for cell in row)
    for content in (text, cells):
        for secret in [*NAMES, "Secret Road", "07700 900000", "Afraid"]:
            assert secret not in content


def test_a_cell_that_looks_like_a_formula_is_defused(client_for, lead_a, caseload):
    rows = _csv_rows(client_for(lead_a).get(CSV, {"as_of": "2024-03-01"}))
    assert "'=HYPERLINK(1)" in [row[3] for row in rows]
    workbook = load_workbook(io.BytesIO(client_for(lead_a).get(XLSX, {"as_of": "2024-03-01"}).content))
    nationalities = [row[3] for row in workbook.active.iter_rows(min_row=2, values_only=True)]
    assert "'=HYPERLINK(1)" in nationalities


def test_the_xlsx_matches_the_csv(client_for, lead_a, caseload):
    response = client_for(lead_a).get(XLSX, {"as_of": "2024-03-01"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == list(EXPORT_COLUMNS)
    assert len(rows) == 1 + 8
    referral_dates = {row[0]: row[9] for row in rows[1:]}
    assert referral_dates[caseload["adult"].reference].date() == date(2024, 1, 12)


def test_exports_are_audited(client_for, lead_a, caseload):
    b"".join(client_for(lead_a).get(CSV, {"as_of": "2024-03-01"}).streaming_content)
    client_for(lead_a).get(XLSX, {"as_of": "2024-03-01"})
    events = AuditEvent.objects.filter(object_type="cases.register", action="export").order_by("sequence")
    assert [event.note for event in events] == [
        "Register as of 2024-03-01 exported (csv)",
        "Register as of 2024-03-01 exported (xlsx)",
    ]


def test_an_export_with_a_bad_date_is_a_400(client_for, lead_a):
    assert client_for(lead_a).get(CSV, {"as_of": "1 March"}).status_code == 400


def test_the_menu_shows_the_register_to_figures_roles_only(lead_a, councillor_a, frontline_a, police_partner):
    def labels(user):
        return [item.label for item, _ in nav_items_for(user)]

    assert "Register" in labels(lead_a) and "Register" in labels(councillor_a)
    assert "Register" not in labels(frontline_a) and "Register" not in labels(police_partner)
    assert dict((item.label, url) for item, url in nav_items_for(lead_a))["Register"] == PAGE


def test_a_control_character_in_a_nationality_does_not_break_the_xlsx(client_for, lead_a, frontline_a, caseload):
    make_case(frontline_a, nationality="British\x0bcitizen")
    response = client_for(lead_a).get(XLSX, {"as_of": "2024-03-01"})
    assert response.status_code == 200
    nationalities = [row[3] for row in load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True)]
    assert "Britishcitizen" in nationalities
