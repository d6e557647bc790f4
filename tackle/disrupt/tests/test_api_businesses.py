"""/api/v1/businesses (issue 19, item 1): listed as the Businesses page lists them, added as its
Add a business page adds them; refused to other roles, read tokens and tokens for other modules."""

from tackle.accounts.tests.signing_in import token_client
from tackle.audit.models import AuditAction, AuditEvent
from tackle.disrupt.choices import SharingCategory
from tackle.disrupt.models import Business
from tackle.disrupt.tests.factories import make_agreement, make_premises


def _business(user, name="Shine Ltd", **extra):
    return Business.objects.create(organisation=user.organisation, name=name, created_by=user, **extra)


def test_a_coordinator_adds_a_business_at_its_premises(safety_a):
    premises = make_premises(safety_a)
    body = {"name": "Shine Ltd", "company_number": "sc123456", "premises": [str(premises.uuid)]}
    response = token_client(safety_a).post("/api/v1/businesses/", body, format="json")
    assert response.status_code == 201
    assert response.json()["company_number"] == "SC123456" and response.json()["premises"] == [str(premises.uuid)]
    business = Business.objects.get(uuid=response.json()["uuid"])
    assert business.organisation == safety_a.organisation and business.created_by == safety_a
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_id=str(business.uuid)).exists()


def test_a_bad_business_names_its_field_and_adds_nothing(safety_a, safety_b):
    client = token_client(safety_a)
    number = client.post("/api/v1/businesses/", {"name": "X", "company_number": "XX123456"}, format="json")
    assert number.status_code == 400 and "company_number" in number.json()
    theirs = make_premises(safety_b)
    linked = client.post("/api/v1/businesses/", {"name": "X", "premises": [str(theirs.uuid)]}, format="json")
    assert linked.status_code == 400 and "premises" in linked.json()
    assert set(client.post("/api/v1/businesses/", {}, format="json").json()) == {"name"}
    assert not Business.objects.exists()


def test_businesses_are_listed_sorted_filtered_and_audited_and_shared_by_agreement(
    safety_a, safety_b, police_partner, police
):
    _business(safety_a, "Zed Wash", company_number="12345678")
    _business(safety_a, "Alpha Nails")
    client = token_client(safety_a)
    assert [row["name"] for row in client.get("/api/v1/businesses/?sort=-name").json()["results"]] == [
        "Zed Wash",
        "Alpha Nails",
    ]
    assert client.get("/api/v1/businesses/?company_number=12345678").json()["count"] == 1
    assert set(client.get("/api/v1/businesses/?colour=red").json()) == {"colour"}
    assert AuditEvent.objects.filter(action=AuditAction.LIST, object_type="disrupt.business", actor=safety_a).exists()
    assert token_client(safety_b).get("/api/v1/businesses/").json()["count"] == 0
    assert token_client(police_partner).get("/api/v1/businesses/").json()["count"] == 0
    make_agreement(safety_a, police, [SharingCategory.PREMISES])
    assert token_client(police_partner).get("/api/v1/businesses/").json()["count"] == 2


def test_wrong_roles_and_tokens_are_refused_businesses(safety_a, councillor_a, police_partner):
    body = {"name": "Shine Ltd"}
    assert token_client(councillor_a).get("/api/v1/businesses/").status_code == 403
    assert token_client(police_partner).post("/api/v1/businesses/", body, format="json").status_code == 403
    reader = token_client(safety_a, scope="read")
    assert reader.get("/api/v1/businesses/").status_code == 200
    assert reader.post("/api/v1/businesses/", body, format="json").status_code == 403
    assert token_client(safety_a, modules=("reporting",)).get("/api/v1/businesses/").status_code == 403
    assert not Business.objects.exists()
