"""/api/v1/ approval and publication of a statement, the plan's periods, and commitments (issue 19,
item 1): the modern slavery lead writes through the pages' forms and services, the supply roles
read, another council's records are not found, a read token or a token for another module is
refused, and a refused body names its field and changes nothing."""

from datetime import date

import pytest

from tackle.accounts.tests.signing_in import token_client
from tackle.audit.models import AuditAction, AuditEvent
from tackle.core.roles import Role
from tackle.statements.models import Action, ActionStatus, Commitment, StatementPeriod, StatementStatus
from tackle.statements.services.commitments import commitment_create, commitment_evidence_add
from tackle.statements.services.statement import signatory_add, statement_submit

DECISION = {
    "decision_maker": "cabinet",
    "approval_date": "2025-07-01",
    "minute_reference": "CAB 12/25",
    "review_date": "2026-07-01",
}
PUBLISHED = {"published_url": "https://www.example.gov.uk/statement"}


@pytest.fixture
def procurement_a(make_user, council_a):
    return make_user(Role.PROCUREMENT_OFFICER, council_a)


@pytest.fixture
def submitted_a(statement_a, lead_a):
    signatory_add(statement=statement_a, name="Ann Leader", role="Leader of the council", actor=lead_a)
    return statement_submit(statement=statement_a, actor=lead_a)


@pytest.fixture
def commitment_a(council_a, lead_a):
    return commitment_create(
        organisation=council_a, actor=lead_a, source="Co-operative Party charter", title="Train buyers"
    )


# Approval and publication -------------------------------------------------------------------------


def test_the_lead_records_the_approval_corrects_it_and_publishes(lead_a, submitted_a):
    client = token_client(lead_a)
    path = f"/api/v1/statements/{submitted_a.uuid}"
    approved = client.post(f"{path}/approval", DECISION, format="json")
    assert approved.status_code == 200 and approved.json()["status"] == "approved"
    corrected = client.post(f"{path}/approval", {"minute_reference": "CAB 13/25"}, format="json").json()
    assert corrected["minute_reference"] == "CAB 13/25" and corrected["decision_maker"] == "cabinet"
    assert corrected["version"] == 1  # a corrected record, not a new version
    published = client.post(f"{path}/publication", PUBLISHED, format="json")
    assert published.status_code == 200 and published.json()["status"] == "published"
    assert published.json()["published_url"] == PUBLISHED["published_url"]


def test_a_refused_approval_or_publication_names_its_field_and_changes_nothing(lead_a, submitted_a):
    client = token_client(lead_a)
    path = f"/api/v1/statements/{submitted_a.uuid}"
    delegated = client.post(f"{path}/approval", {**DECISION, "decision_maker": "delegated"}, format="json")
    assert delegated.status_code == 400 and set(delegated.json()) == {"delegated_to"}
    early = client.post(f"{path}/approval", {**DECISION, "review_date": "2025-06-01"}, format="json")
    assert early.status_code == 400 and set(early.json()) == {"review_date"}
    bad_url = client.post(f"{path}/publication", {"published_url": "not a link"}, format="json")
    assert bad_url.status_code == 400 and set(bad_url.json()) == {"published_url"}
    unapproved = client.post(f"{path}/publication", PUBLISHED, format="json")
    assert unapproved.status_code == 400 and "approval recorded" in str(unapproved.json()).lower()
    submitted_a.refresh_from_db()
    assert submitted_a.status == StatementStatus.SUBMITTED and not submitted_a.minute_reference
    assert not submitted_a.published_url


def test_approval_refuses_wrong_roles_other_councils_and_read_tokens(
    submitted_a, lead_b, procurement_a, lead_a, approve
):
    path = f"/api/v1/statements/{submitted_a.uuid}"
    assert token_client(lead_b).post(f"{path}/approval", DECISION, format="json").status_code == 404
    assert token_client(lead_b).post(f"{path}/publication", PUBLISHED, format="json").status_code == 404
    assert token_client(procurement_a).post(f"{path}/approval", DECISION, format="json").status_code == 403
    assert token_client(procurement_a).post(f"{path}/publication", PUBLISHED, format="json").status_code == 403
    assert token_client(lead_a, scope="read").post(f"{path}/approval", DECISION, format="json").status_code == 403
    assert token_client(lead_a, modules=("cases",)).post(f"{path}/approval", DECISION).status_code == 403
    assert token_client(lead_a, scope="read").post(f"{path}/publication", PUBLISHED).status_code == 403
    submitted_a.refresh_from_db()
    assert submitted_a.status == StatementStatus.SUBMITTED


# Periods ------------------------------------------------------------------------------------------


def test_the_lead_adds_a_financial_year_or_dates_of_its_own(lead_a):
    client = token_client(lead_a)
    year = date.today().year
    added = client.post("/api/v1/action-plan/periods", {"year": year}, format="json")
    assert added.status_code == 201 and added.json()["starts_on"] == f"{year}-04-01"
    own = {"label": "Calendar 2026", "starts_on": "2026-01-01", "ends_on": "2026-12-31"}
    assert client.post("/api/v1/action-plan/periods", own, format="json").json()["label"] == "Calendar 2026"
    assert StatementPeriod.objects.count() == 2


def test_a_refused_period_names_its_field_and_adds_nothing(lead_a, period_a):
    client = token_client(lead_a)
    far = client.post("/api/v1/action-plan/periods", {"year": 1990}, format="json")
    assert far.status_code == 400 and set(far.json()) == {"year"}
    backwards = {"label": "Odd", "starts_on": "2026-12-31", "ends_on": "2026-01-01"}
    assert set(client.post("/api/v1/action-plan/periods", backwards, format="json").json()) == {"ends_on"}
    same = {"label": "2025-2026", "starts_on": "2027-04-01", "ends_on": "2028-03-31"}
    assert set(client.post("/api/v1/action-plan/periods", same, format="json").json()) == {"label"}
    assert StatementPeriod.objects.count() == 1


def test_the_lead_corrects_a_period_and_closes_it_into_the_next(lead_a, period_a, next_period_a, action_a):
    client = token_client(lead_a)
    path = f"/api/v1/action-plan/periods/{period_a.uuid}"
    corrected = client.patch(path, {"label": "2025/26"}, format="json")
    assert corrected.status_code == 200 and corrected.json()["label"] == "2025/26"
    assert corrected.json()["starts_on"] == "2025-04-01"
    refused = client.patch(path, {"ends_on": "2025-01-01"}, format="json")
    assert refused.status_code == 400 and set(refused.json()) == {"ends_on"}
    backwards = client.post(f"{path}/close", {"next_period": str(period_a.uuid)}, format="json")
    assert backwards.status_code == 400 and set(backwards.json()) == {"next_period"}
    closed = client.post(f"{path}/close", {"next_period": str(next_period_a.uuid)}, format="json")
    assert closed.status_code == 200 and closed.json()["closed"] is True
    assert Action.objects.get(carried_from=action_a).period == next_period_a
    period_a.refresh_from_db()
    assert period_a.ends_on == date(2026, 3, 31)


def test_periods_refuse_wrong_roles_other_councils_and_read_tokens(
    period_a, next_period_a, lead_b, procurement_a, lead_a, action_a
):
    path = f"/api/v1/action-plan/periods/{period_a.uuid}"
    close = {"next_period": str(next_period_a.uuid)}
    assert token_client(lead_b).get(path).status_code == 404
    assert token_client(lead_b).patch(path, {"label": "x"}, format="json").status_code == 404
    assert token_client(lead_b).post(f"{path}/close", close, format="json").status_code == 404
    writer = token_client(procurement_a)
    assert writer.get(path).json()["label"] == "2025-2026"
    assert writer.patch(path, {"label": "x"}, format="json").status_code == 403
    assert writer.post(f"{path}/close", close, format="json").status_code == 403
    assert writer.post("/api/v1/action-plan/periods", {"year": 2025}, format="json").status_code == 403
    reader = token_client(lead_a, scope="read")
    assert reader.post("/api/v1/action-plan/periods", {"year": 2025}, format="json").status_code == 403
    assert reader.post(f"{path}/close", close, format="json").status_code == 403
    assert token_client(lead_a, modules=("cases",)).get(path).status_code == 403
    period_a.refresh_from_db()
    assert period_a.label == "2025-2026" and not period_a.closed and StatementPeriod.objects.count() == 2
    assert action_a.status == ActionStatus.PLANNED


# Commitments --------------------------------------------------------------------------------------


def test_commitments_are_listed_filtered_sorted_and_read_audited(procurement_a, commitment_a, lead_a, council_a):
    commitment_create(organisation=council_a, actor=lead_a, source="Council motion", title="Living wage")
    client = token_client(procurement_a, scope="read")
    listed = client.get("/api/v1/commitments/?source=charter").json()
    assert [row["title"] for row in listed["results"]] == ["Train buyers"]
    assert client.get("/api/v1/commitments/?status=met").json()["count"] == 0
    by_title = client.get("/api/v1/commitments/?sort=title").json()["results"]
    assert [row["title"] for row in by_title] == ["Living wage", "Train buyers"]
    assert set(client.get("/api/v1/commitments/?status=kept").json()) == {"status"}
    body = client.get(f"/api/v1/commitments/{commitment_a.uuid}").json()
    assert body["status"] == "not_started" and body["source"] == "Co-operative Party charter"
    assert AuditEvent.objects.filter(action=AuditAction.VIEW, object_id=str(commitment_a.uuid)).exists()


def test_the_lead_adds_corrects_and_judges_a_commitment(lead_a, commitment_a):
    client = token_client(lead_a)
    added = client.post("/api/v1/commitments/", {"source": "Motion", "title": "Audit suppliers"}, format="json")
    assert added.status_code == 201 and added.json()["status"] == "not_started"
    path = f"/api/v1/commitments/{commitment_a.uuid}"
    changed = client.patch(path, {"adopted_by": "Cabinet"}, format="json").json()
    assert changed["adopted_by"] == "Cabinet" and changed["title"] == "Train buyers"
    commitment_evidence_add(commitment=commitment_a, actor=lead_a, text="Course run", recorded_on=date(2025, 9, 1))
    met = client.post(f"{path}/judgement", {"met": True, "note": "All buyers trained"}, format="json")
    assert met.status_code == 200 and met.json()["status"] == "met"
    assert client.post(f"{path}/judgement", {"met": False}, format="json").json()["status"] == "in_progress"


def test_a_refused_commitment_names_its_field_and_changes_nothing(lead_a, commitment_a):
    client = token_client(lead_a)
    missing = client.post("/api/v1/commitments/", {"source": "Motion"}, format="json")
    assert missing.status_code == 400 and set(missing.json()) == {"title"}
    future = client.patch(f"/api/v1/commitments/{commitment_a.uuid}", {"adopted_on": "2099-01-01"}, format="json")
    assert future.status_code == 400 and set(future.json()) == {"adopted_on"}
    unevidenced = client.post(f"/api/v1/commitments/{commitment_a.uuid}/judgement", {"met": True, "note": "x"})
    assert unevidenced.status_code == 400 and set(unevidenced.json()) == {"met"}
    commitment_a.refresh_from_db()
    assert Commitment.objects.count() == 1 and commitment_a.adopted_on is None and commitment_a.met_on is None


def test_commitments_refuse_wrong_roles_other_councils_and_read_tokens(commitment_a, lead_b, procurement_a, lead_a):
    path = f"/api/v1/commitments/{commitment_a.uuid}"
    new = {"source": "Motion", "title": "Audit suppliers"}
    assert token_client(lead_b).get(path).status_code == 404
    assert token_client(lead_b).patch(path, {"title": "x"}, format="json").status_code == 404
    assert token_client(lead_b).post(f"{path}/judgement", {"met": False}, format="json").status_code == 404
    writer = token_client(procurement_a)
    assert writer.patch(path, {"title": "x"}, format="json").status_code == 403
    assert writer.post(f"{path}/judgement", {"met": False}, format="json").status_code == 403
    assert writer.post("/api/v1/commitments/", new, format="json").status_code == 403
    assert token_client(lead_a, scope="read").post("/api/v1/commitments/", new, format="json").status_code == 403
    assert token_client(lead_a, scope="read").patch(path, {"title": "x"}, format="json").status_code == 403
    assert token_client(lead_a, modules=("cases",)).get("/api/v1/commitments/").status_code == 403
    commitment_a.refresh_from_db()
    assert Commitment.objects.count() == 1 and commitment_a.title == "Train buyers"
