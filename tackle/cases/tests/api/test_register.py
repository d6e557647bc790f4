from datetime import date

import pytest
from rest_framework.test import APIClient

from tackle.accounts.tests.signing_in import token_client
from tackle.audit.models import AuditEvent
from tackle.cases.models import AgeGroup, ExploitationType, NrmEventKind, NrmOutcome
from tackle.cases.tests.test_register import make_case
from tackle.core.periods import today_in_london
from tackle.core.roles import Role

URL = "/api/v1/register"
E, OUT = NrmEventKind, NrmOutcome


@pytest.fixture
def caseload(frontline_a):
    """Seven open cases in council A on 1 March 2024; one closed before then."""
    for _ in range(5):
        make_case(frontline_a, exploitation_types=[ExploitationType.LABOUR])
    make_case(frontline_a, events=[(E.REFERRAL_SENT, "", date(2024, 1, 11))], age_group=AgeGroup.CHILD)
    make_case(
        frontline_a,
        events=[(E.REFERRAL_SENT, "", date(2024, 1, 11)), (E.RG_DECISION, OUT.POSITIVE, date(2024, 1, 20))],
        exploitation_types=[ExploitationType.CRIMINAL, ExploitationType.LABOUR],
    )
    return frontline_a.organisation


def test_the_lead_gets_exact_counts_in_the_documented_shape(lead_a, caseload):
    response = token_client(lead_a).get(URL, {"as_of": "2024-03-01"})
    assert response.status_code == 200
    assert response.json() == {
        "as_of": "2024-03-01",
        "total": 7,
        "by_stage": {
            "concern": 5,
            "nrm_referred": 1,
            "positive_rg": 1,
            "negative_rg": 0,
            "positive_cg": 0,
            "negative_cg": 0,
            "duty_to_notify": 0,
        },
        "by_age_group": {"adult": 6, "child": 1, "unknown": 0},
        "by_exploitation_type": {"Labour": 5, "Labour & Criminal": 1, "Not specified or unknown": 1},
        "children_by_stage": {
            "concern": 0,
            "nrm_referred": 1,
            "positive_rg": 0,
            "negative_rg": 0,
            "positive_cg": 0,
            "negative_cg": 0,
            "duty_to_notify": 0,
        },
    }


def test_as_of_defaults_to_today_in_london(lead_a, caseload):
    body = token_client(lead_a).get(URL).json()
    assert body["as_of"] == today_in_london().isoformat()
    assert body["total"] == 7


@pytest.mark.parametrize(
    "bad", ["2024-13-01", "2024-02-30", "yesterday", "20240301", "2024-3-1", "2024-W09-5", "9999-12-31", "0001-01-01"]
)
def test_a_bad_date_is_a_400_naming_as_of(lead_a, caseload, bad):
    response = token_client(lead_a).get(URL, {"as_of": bad})
    assert response.status_code == 400
    assert list(response.json()) == ["as_of"]
    assert "YYYY-MM-DD" in response.json()["as_of"][0] or "between 1900 and 2999" in response.json()["as_of"][0]


def test_a_councillor_sees_small_counts_as_fewer_than_5(councillor_a, caseload):
    body = token_client(councillor_a).get(URL, {"as_of": "2024-03-01"}).json()
    assert body["total"] == 7
    assert body["by_stage"]["concern"] == "withheld"  # the withheld stages (1 and 1) would be a small group
    assert body["by_stage"]["nrm_referred"] == "fewer than 5"
    assert body["by_stage"]["positive_rg"] == "fewer than 5"
    assert body["by_stage"]["negative_rg"] == 0
    # Issue 15, defect 5: adults 6 beside a total of 7 would give children = 1, so adults are withheld too.
    assert body["by_age_group"] == {"adult": "withheld", "child": "fewer than 5", "unknown": 0}
    assert body["by_exploitation_type"]["Labour & Criminal"] == "fewer than 5"


def test_a_total_under_5_is_suppressed_for_a_councillor(councillor_a, frontline_a):
    make_case(frontline_a)
    body = token_client(councillor_a).get(URL, {"as_of": "2024-03-01"}).json()
    assert body["total"] == "fewer than 5"
    assert body["by_stage"]["concern"] == "fewer than 5"


@pytest.mark.parametrize("role", [Role.COMMUNITY_SAFETY_MANAGER, Role.AUDITOR])
def test_other_figures_only_roles_are_suppressed_like_councillors(make_user, council_a, caseload, role):
    body = token_client(make_user(role, council_a)).get(URL, {"as_of": "2024-03-01"}).json()
    assert body["by_age_group"]["child"] == "fewer than 5"


def test_a_safeguarding_manager_sees_exact_counts(make_user, council_a, caseload):
    body = token_client(make_user(Role.SAFEGUARDING_MANAGER, council_a)).get(URL, {"as_of": "2024-03-01"}).json()
    assert body["by_age_group"]["child"] == 1


@pytest.mark.parametrize(
    "role", [Role.FRONTLINE_OFFICER, Role.PROCUREMENT_OFFICER, Role.CONTRACT_MANAGER, Role.ADMINISTRATOR]
)
def test_roles_without_organisation_figures_get_403(make_user, council_a, caseload, role):
    assert token_client(make_user(role, council_a)).get(URL).status_code == 403


def test_frontline_officer_gets_403(frontline_a, caseload):
    assert token_client(frontline_a).get(URL).status_code == 403


def test_a_partner_gets_403(police_partner):
    assert token_client(police_partner).get(URL).status_code == 403


def test_signed_out_is_refused(db):
    assert APIClient().get(URL).status_code in {401, 403}


def test_each_organisation_sees_only_its_own_cases(lead_b, caseload):
    body = token_client(lead_b).get(URL, {"as_of": "2024-03-01"}).json()
    assert body["total"] == 0


def test_session_sign_in_works_too(client_for, lead_a, caseload):
    response = client_for(lead_a).get(URL, {"as_of": "2024-03-01"})
    assert response.status_code == 200 and response.json()["total"] == 7


def test_every_view_is_audited(lead_a, councillor_a, caseload):
    token_client(lead_a).get(URL, {"as_of": "2024-03-01"})
    token_client(councillor_a).get(URL, {"as_of": "2024-03-01"})
    events = AuditEvent.objects.filter(object_type="cases.register").order_by("sequence")
    assert [(event.actor_username, event.action, event.object_id) for event in events] == [
        (lead_a.username, "view", "2024-03-01"),
        (councillor_a.username, "view", "2024-03-01"),
    ]
    assert "suppressed" in events[1].note and "suppressed" not in events[0].note


def test_a_refused_request_is_not_audited_as_a_view(frontline_a):
    token_client(frontline_a).get(URL)
    assert not AuditEvent.objects.filter(object_type="cases.register").exists()


def test_the_schema_documents_the_register():
    schema = APIClient().get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    operation = schema["paths"]["/api/v1/register"]["get"]
    assert [parameter["name"] for parameter in operation["parameters"]] == ["as_of"]
    assert {"200", "400", "403"} <= set(operation["responses"])
