"""/api/v1/statement-readings/<uuid>/follow-ups and /api/v1/suppliers/<uuid>/statement-registry
(issue 19): follow-up actions listed and raised, and a supplier's registry history read, as the
pages do; other councils' records not found, other roles and tokens refused, bad bodies named."""

from datetime import date, timedelta

import pytest

from tackle.accounts.tests.signing_in import token_client
from tackle.audit.models import AuditAction, AuditEvent
from tackle.core.periods import today_in_london
from tackle.statement_reader.models import RegistryStatement
from tackle.statement_reader.registry import name_key
from tackle.statement_reader.services import statement_read
from tackle.statement_reader.tests.factories import statement_text
from tackle.suppliers.models import StatementFollowUp


@pytest.fixture
def reading_a(buyer_a, supplier_a, fake_labeller):
    return statement_read(actor=buyer_a, supplier=supplier_a, data=statement_text().encode(), file_name="widgets.txt")


def _path(reading) -> str:
    return f"/api/v1/statement-readings/{reading.uuid}/follow-ups"


def _body(owner, due: date | None = None) -> dict:
    due = due or today_in_london() + timedelta(days=30)
    return {"description": "Ask  how buyers are trained", "owner": owner.username, "due_on": due.isoformat()}


def test_a_reviewer_raises_a_follow_up_and_lists_it(buyer_a, lead_a, reading_a, supplier_a):
    client = token_client(buyer_a, modules=("statements",))
    raised = client.post(_path(reading_a), _body(lead_a), format="json")
    assert raised.status_code == 201
    body = raised.json()
    assert body["description"] == "Ask how buyers are trained"  # spaces tidied by the service
    assert (body["owner"], body["supplier"], body["reading"]) == (
        lead_a.username,
        str(supplier_a.uuid),
        str(reading_a.uuid),
    )
    assert body["created_by"] == buyer_a.username
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_id=body["uuid"]).exists()

    later = _body(buyer_a, today_in_london() + timedelta(days=60))
    client.post(_path(reading_a), {**later, "description": "Check the promise was kept"}, format="json")
    listed = token_client(buyer_a, scope="read").get(_path(reading_a)).json()
    assert listed["count"] == 2
    assert [row["description"] for row in listed["results"]] == [
        "Ask how buyers are trained",
        "Check the promise was kept",
    ]
    newest_first = client.get(_path(reading_a), {"sort": "-created_at"}).json()["results"]
    assert newest_first[0]["description"] == "Check the promise was kept"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"description": ""}, "description"),
        ({"owner": "nobody-here"}, "owner"),
        ({"due_on": "2020-01-01"}, "due_on"),
        ({"due_on": "not a date"}, "due_on"),
    ],
)
def test_a_bad_body_is_refused_naming_its_field_and_nothing_is_raised(buyer_a, reading_a, change, field):
    response = token_client(buyer_a).post(_path(reading_a), {**_body(buyer_a), **change}, format="json")
    assert response.status_code == 400 and field in response.json()
    assert not StatementFollowUp.objects.exists()


def test_an_owner_from_another_council_is_refused(buyer_a, lead_b, reading_a):
    response = token_client(buyer_a).post(_path(reading_a), _body(lead_b), format="json")
    assert response.status_code == 400 and "owner" in response.json()
    assert not StatementFollowUp.objects.exists()


def test_an_owner_who_could_not_mark_it_done_is_refused_and_a_lead_is_accepted(buyer_a, frontline_a, lead_a, reading_a):
    """The owner is reminded with a Mark as done link: a colleague whose role cannot open it is no owner."""
    refused = token_client(buyer_a).post(_path(reading_a), _body(frontline_a), format="json")
    assert refused.status_code == 400 and "owner" in refused.json()
    assert not StatementFollowUp.objects.exists()
    assert token_client(buyer_a).post(_path(reading_a), _body(lead_a), format="json").status_code == 201


def test_follow_ups_refuse_other_councils_roles_and_tokens(buyer_a, lead_b, frontline_a, reading_a):
    path = _path(reading_a)
    assert token_client(lead_b).get(path).status_code == 404
    assert token_client(lead_b).post(path, _body(lead_b), format="json").status_code == 404
    assert token_client(frontline_a).get(path).status_code == 403
    assert token_client(buyer_a, scope="read").post(path, _body(buyer_a), format="json").status_code == 403
    assert token_client(buyer_a, modules=("suppliers",)).get(path).status_code == 403
    assert token_client(buyer_a).get(path, {"sort": "owner"}).status_code == 400
    assert not StatementFollowUp.objects.exists()


def test_a_suppliers_registry_history_is_read_as_the_page_shows_it(buyer_a, supplier_a, reading_a):
    RegistryStatement.objects.create(
        year=2025,
        organisation_name="EXAMPLE WIDGETS LIMITED",
        name_key=name_key("EXAMPLE WIDGETS LIMITED"),
        approving_person="Jane Doe",
        includes_training=True,
        includes_goals=True,
    )
    RegistryStatement.objects.create(year=2025, organisation_name="Someone Else Ltd", name_key="someone else")
    response = token_client(buyer_a, scope="read").get(f"/api/v1/suppliers/{supplier_a.uuid}/statement-registry")
    assert response.status_code == 200
    body = response.json()
    assert body["supplier"] == str(supplier_a.uuid) and body["latest_reading"]["uuid"] == str(reading_a.uuid)
    [year] = body["years"]
    assert year["organisation_name"] == "EXAMPLE WIDGETS LIMITED" and year["reading"] == str(reading_a.uuid)
    claims = {claim["area"]: claim for claim in year["claims"]}
    assert claims["training"] == {
        "area": "training",
        "claimed": True,
        "ours": False,
        "promised": True,
        "disagrees": True,
    }
    assert year["disagreements"] == sum(claim["disagrees"] for claim in year["claims"])


def test_the_registry_history_refuses_other_councils_roles_and_tokens(buyer_a, lead_b, frontline_a, supplier_a):
    path = f"/api/v1/suppliers/{supplier_a.uuid}/statement-registry"
    empty = token_client(buyer_a).get(path).json()
    assert empty["years"] == [] and empty["latest_reading"] is None
    assert token_client(lead_b).get(path).status_code == 404
    assert token_client(frontline_a).get(path).status_code == 403
    assert token_client(buyer_a, modules=("suppliers",)).get(path).status_code == 403
