from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from tackle.audit.models import AuditAction, AuditEvent
from tackle.cases.models import Case


@pytest.fixture
def api_for():
    def make(user):
        client = APIClient()
        client.force_authenticate(user)
        return client

    return make


def _concern(**extra):
    return {
        "encountered_at": (timezone.now() - timedelta(hours=2)).isoformat(),
        "what_was_seen": "Man sleeping in a shed behind a house in multiple occupation",
        "location": "3 Garden Row",
        **extra,
    }


def test_create_a_case_and_read_it_back(api_for, frontline_a):
    client = api_for(frontline_a)
    response = client.post("/api/v1/cases/", _concern(age=16, person_name="Sam"), format="json")
    assert response.status_code == 201
    body = response.json()
    assert body["treated_as_child"] is True and body["stage"] == "concern"
    assert {r["code"] for r in body["referrals"]} >= {"children_safeguarding_referral", "nrm_referral"}
    assert body["recovery_period_ends_on"] is None and body["move_on_support_ends_on"] is None
    detail = client.get(f"/api/v1/cases/{body['uuid']}")
    assert detail.status_code == 200 and detail.json()["person_name"] == "Sam"


def test_bad_input_names_the_field_and_creates_nothing(api_for, frontline_a):
    response = api_for(frontline_a).post("/api/v1/cases/", _concern(exploitation_types=["farming"]), format="json")
    assert response.status_code == 400 and "exploitation_types" in response.json()
    response = api_for(frontline_a).post("/api/v1/cases/", {"location": "x"}, format="json")
    assert response.status_code == 400 and "encountered_at" in response.json()
    assert not Case.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"), [("encountered_at", "0019-05-01T10:00:00+00:00"), ("person_date_of_birth", "0019-05-01")]
)
def test_a_year_before_1900_is_a_typing_slip_refused_by_name(api_for, frontline_a, field, value):
    response = api_for(frontline_a).post("/api/v1/cases/", _concern(**{field: value}), format="json")
    assert response.status_code == 400
    assert "from 1900 onwards" in str(response.json()[field])
    assert not Case.objects.exists()


def test_an_anonymous_duty_to_notify_has_no_identifying_keys(api_for, frontline_a):
    body = (
        api_for(frontline_a)
        .post(
            "/api/v1/cases/",
            _concern(age=40, person_name="Adam", consent_to_nrm=False, refusal_reason="Afraid"),
            format="json",
        )
        .json()
    )
    assert "person_name" not in body and "person_contact" not in body
    assert Case.objects.get().person_name == ""


def test_nrm_events_through_the_api_give_the_periods(api_for, frontline_a, lead_a):
    case_uuid = (
        api_for(frontline_a)
        .post(
            "/api/v1/cases/",
            _concern(age=30, consent_to_nrm=True, encountered_at=(timezone.now() - timedelta(days=100)).isoformat()),
            format="json",
        )
        .json()["uuid"]
    )
    lead = api_for(lead_a)
    today = timezone.localdate()
    steps = [
        {"kind": "referral_sent", "occurred_on": (today - timedelta(days=99)).isoformat()},
        {"kind": "rg_decision", "occurred_on": (today - timedelta(days=90)).isoformat(), "outcome": "positive"},
        {"kind": "cg_decision", "occurred_on": (today - timedelta(days=10)).isoformat(), "outcome": "slavery"},
    ]
    for step in steps:
        assert lead.post(f"/api/v1/cases/{case_uuid}/nrm-events", step, format="json").status_code == 201
    body = lead.get(f"/api/v1/cases/{case_uuid}").json()
    assert body["stage"] == "positive_cg"
    assert body["recovery_period_ends_on"] == (today - timedelta(days=10)).isoformat()
    assert body["move_on_support_ends_on"] == (today + timedelta(days=35)).isoformat()


def test_a_rule_broken_through_the_api_is_a_400(api_for, frontline_a, lead_a):
    case_uuid = api_for(frontline_a).post("/api/v1/cases/", _concern(age=30), format="json").json()["uuid"]
    response = api_for(lead_a).post(
        f"/api/v1/cases/{case_uuid}/nrm-events",
        {"kind": "rg_decision", "occurred_on": timezone.localdate().isoformat(), "outcome": "positive"},
        format="json",
    )
    assert response.status_code == 400 and "NRM referral" in response.json()["detail"]


def test_scope_and_roles(api_for, frontline_a, lead_a, lead_b, councillor_a, make_user, council_a):
    case_uuid = api_for(frontline_a).post("/api/v1/cases/", _concern(), format="json").json()["uuid"]
    assert api_for(lead_b).get(f"/api/v1/cases/{case_uuid}").status_code == 404
    assert api_for(councillor_a).get("/api/v1/cases/").status_code == 403
    colleague = make_user("frontline_officer", council_a)
    assert api_for(colleague).get("/api/v1/cases/").json()["count"] == 0
    assert api_for(lead_a).get("/api/v1/cases/").json()["count"] == 1
    assert (
        api_for(frontline_a)
        .post(
            f"/api/v1/cases/{case_uuid}/nrm-events",
            {"kind": "referral_sent", "occurred_on": "2026-01-01"},
            format="json",
        )
        .status_code
        == 403
    )
    assert AuditEvent.objects.filter(action=AuditAction.LIST, object_type="cases.case").exists()


class TestCaseListFilters:
    """GET /api/v1/cases/?search=TEXT&status=open|closed&stage=...&allocated_to=USERNAME"""

    @pytest.fixture
    def cases(self, lead_a, frontline_a):
        from tackle.cases.tests.factories import make_case

        org = lead_a.organisation
        return [
            make_case(org, frontline_a, reference="C-AAAA1111", person_name="Anna Kowalska", stage="nrm_referred"),
            make_case(org, frontline_a, reference="C-BBBB2222", person_name="Anna Nowak"),
            make_case(org, frontline_a, reference="C-CCCC3333", status="closed", closed_at=timezone.now()),
        ]

    def _references(self, response):
        assert response.status_code == 200, response.json()
        return sorted(row["reference"] for row in response.json()["results"])

    def test_the_named_parameters_combine(self, api_for, lead_a, cases):
        from tackle.cases.services.allocation import case_allocate

        case_allocate(case=cases[0], actor=lead_a, worker=lead_a)
        client = api_for(lead_a)
        assert self._references(client.get("/api/v1/cases/")) == ["C-AAAA1111", "C-BBBB2222", "C-CCCC3333"]
        assert self._references(client.get("/api/v1/cases/", {"status": "closed"})) == ["C-CCCC3333"]
        assert self._references(client.get("/api/v1/cases/", {"search": "anna"})) == ["C-AAAA1111", "C-BBBB2222"]
        query = {"search": "anna", "status": "open", "stage": "nrm_referred", "allocated_to": lead_a.username}
        response = client.get("/api/v1/cases/", query)
        assert self._references(response) == ["C-AAAA1111"]
        assert response.json()["results"][0]["allocated_to"] == lead_a.username
        assert self._references(client.get("/api/v1/cases/", {"allocated_to": "none"})) == ["C-BBBB2222", "C-CCCC3333"]

    def test_bad_values_answer_400_naming_the_parameter(self, api_for, lead_a, cases):
        client = api_for(lead_a)
        for query, field in (
            ({"status": "pending"}, "status"),
            ({"stage": "nonsense"}, "stage"),
            ({"age_group": "old"}, "age_group"),
            ({"exploitation_type": "x"}, "exploitation_type"),
            ({"overdue": "maybe"}, "overdue"),
            ({"allocated_to": "nobody"}, "allocated_to"),
            ({"search": "an"}, "search"),
        ):
            response = client.get("/api/v1/cases/", query)
            assert response.status_code == 400 and field in response.json(), query

    def test_a_search_is_audited_without_its_words(self, api_for, lead_a, cases):
        api_for(lead_a).get("/api/v1/cases/", {"search": "kowalska"})
        event = AuditEvent.objects.filter(action=AuditAction.LIST).latest("sequence")
        assert "1 found" in event.note and "kowalska" not in (event.note + event.path).lower()

    def test_a_partner_cannot_search(self, api_for, police_partner, cases):
        assert api_for(police_partner).get("/api/v1/cases/", {"search": "anna"}).status_code == 403

    def test_another_organisation_finds_nothing(self, api_for, lead_b, cases):
        assert self._references(api_for(lead_b).get("/api/v1/cases/", {"search": "anna"})) == []

    def test_the_schema_documents_the_parameters(self):
        from drf_spectacular.generators import SchemaGenerator

        paths = SchemaGenerator().get_schema(request=None, public=True)["paths"]
        listed = {parameter["name"] for parameter in paths["/api/v1/cases/"]["get"]["parameters"]}
        assert {"search", "status", "stage", "allocated_to", "age_group", "exploitation_type", "overdue"} <= listed
        assert "post" in paths["/api/v1/cases/{case_uuid}/allocation"]


class TestAllocation:
    """POST /api/v1/cases/{uuid}/allocation with {"username": ...}"""

    @pytest.fixture
    def case(self, lead_a, frontline_a):
        from tackle.cases.tests.factories import make_case

        return make_case(lead_a.organisation, frontline_a)

    def _url(self, case):
        return f"/api/v1/cases/{case.uuid}/allocation"

    def test_the_lead_allocates_and_hands_over(self, api_for, lead_a, make_user, council_a, case):
        from tackle.core.roles import Role

        manager = make_user(Role.SAFEGUARDING_MANAGER, council_a)
        client = api_for(lead_a)
        response = client.post(self._url(case), {"username": manager.username}, format="json")
        assert response.status_code == 200 and response.json()["allocated_to"] == manager.username
        refused = client.post(self._url(case), {"username": lead_a.username}, format="json")
        assert refused.status_code == 400 and "handover_note" in refused.json()
        handed = client.post(
            self._url(case), {"username": lead_a.username, "handover_note": "Visit due"}, format="json"
        )
        assert handed.status_code == 200 and handed.json()["allocated_to"] == lead_a.username

    def test_a_user_who_is_not_a_case_worker_here_is_400(self, api_for, lead_a, lead_b, councillor_a, case):
        client = api_for(lead_a)
        for username in (lead_b.username, councillor_a.username, "nobody"):
            response = client.post(self._url(case), {"username": username}, format="json")
            assert response.status_code == 400 and "username" in response.json()

    def test_the_frontline_officer_gets_403(self, api_for, frontline_a, lead_a, case):
        response = api_for(frontline_a).post(self._url(case), {"username": lead_a.username}, format="json")
        assert response.status_code == 403

    def test_another_organisation_gets_404(self, api_for, lead_b, case):
        assert api_for(lead_b).post(self._url(case), {"username": lead_b.username}, format="json").status_code == 404


def test_a_supplier_is_named_when_recording_and_corrected_with_a_reason(api_for, frontline_a, lead_a, council_a):
    from tackle.suppliers.models import SupplierConcernTask
    from tackle.suppliers.tests.factories import make_supplier

    make_supplier(council_a, "Sparkle Cleaning Ltd")
    make_supplier(council_a, "Brightwash Ltd", company_number="07654321")
    refused = api_for(frontline_a).post("/api/v1/cases/", _concern(supplier_name="Sparkle Cleaning Ltd"), format="json")
    assert refused.status_code == 400 and "supplier_name" in refused.json()
    created = api_for(frontline_a).post(
        "/api/v1/cases/", _concern(concern_about="supplier", supplier_name="Sparkle Cleaning Ltd"), format="json"
    )
    assert created.status_code == 201 and created.json()["supplier_name"] == "Sparkle Cleaning Ltd"
    url = f"/api/v1/cases/{created.json()['uuid']}"
    assert api_for(lead_a).patch(url, {"supplier_name": "Brightwash Ltd"}, format="json").status_code == 400
    patched = api_for(lead_a).patch(url, {"supplier_name": "Brightwash Ltd", "reason": "Wrong depot"}, format="json")
    assert patched.status_code == 200 and patched.json()["supplier_name"] == "Brightwash Ltd"
    open_tasks = SupplierConcernTask.objects.filter(closed_on=None)
    assert [task.supplier.name for task in open_tasks] == ["Brightwash Ltd"]
