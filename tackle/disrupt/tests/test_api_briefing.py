"""/api/v1/briefings/pack (issue 19): the daily briefing pack as JSON with what the briefing page
shows, for coordinators only, audited as the page is; another council's records never in it."""

from datetime import timedelta

import pytest
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator

from tackle.accounts.tests.signing_in import token_client
from tackle.audit.models import AuditAction, AuditEvent
from tackle.disrupt.tests.factories import make_action, make_intelligence, make_operation

PATH = "/api/v1/briefings/pack"


@pytest.fixture
def news(safety_a, frontline_a, safety_b, record_concern):
    old = make_intelligence(safety_a, where="Old Road")
    type(old).objects.filter(pk=old.pk).update(recorded_at=timezone.now() - timedelta(days=2))
    make_intelligence(safety_b, where="Council B's street")
    make_action(safety_b, title="Council B's action")
    return {
        "intelligence": make_intelligence(safety_a, where="Station Road", what=" ".join(["word"] * 40)),
        "concern": record_concern(frontline_a),
        "overdue": make_action(safety_a, due_on=timezone.localdate() - timedelta(days=1)),
        "closed": make_action(safety_a, title="Done", closed_at=timezone.now()),
        "soon": make_operation(safety_a, on=timezone.localdate() + timedelta(days=2)),
        "far": make_operation(safety_a, on=timezone.localdate() + timedelta(days=60), name="Far off"),
    }


def test_a_coordinator_reads_the_pack_the_page_shows_audited(safety_a, news, client_for):
    pack = token_client(safety_a, scope="read").get(PATH)
    assert pack.status_code == 200
    body = pack.json()
    assert [row["where"] for row in body["intelligence"]] == ["Station Road"]
    shown = body["intelligence"][0]["what"]
    assert shown == " ".join(["word"] * 25) + " …"  # the start, as the page shows it
    assert [row["reference"] for row in body["concerns"]] == [news["concern"].reference]
    assert body["concerns"][0]["uuid"] is None  # community safety cannot open a case
    assert [(row["title"], row["overdue"]) for row in body["open_actions"]] == [(news["overdue"].title, True)]
    assert [row["name"] for row in body["upcoming_operations"]] == [news["soon"].name]
    assert body["last_meeting_held_at"] is None
    assert AuditEvent.objects.filter(
        action=AuditAction.VIEW, object_type="disrupt.briefing", note="Briefing pack (API)"
    ).exists()
    page = client_for(safety_a).get("/disrupt/briefing/").content.decode()
    for text in (shown, news["concern"].reference, news["overdue"].title, news["soon"].name):
        assert text in page


def test_the_lead_is_given_the_uuid_of_a_concern_they_may_open(lead_a, news):
    concerns = token_client(lead_a).get(PATH).json()["concerns"]
    assert [row["uuid"] for row in concerns] == [str(news["concern"].uuid)]


def test_another_councils_pack_holds_none_of_this_councils_records(safety_b, news):
    body = token_client(safety_b).get(PATH).json()
    assert [row["where"] for row in body["intelligence"]] == ["Council B's street"]
    assert [row["title"] for row in body["open_actions"]] == ["Council B's action"]
    assert body["concerns"] == [] and body["upcoming_operations"] == []


def test_only_coordinators_with_a_disruption_token_read_the_pack(safety_a, councillor_a, frontline_a, news):
    assert token_client(councillor_a).get(PATH).status_code == 403
    assert token_client(frontline_a).get(PATH).status_code == 403
    assert token_client(safety_a, modules=("reporting",)).get(PATH).status_code == 403
    assert not AuditEvent.objects.filter(action=AuditAction.VIEW, object_type="disrupt.briefing").exists()


def test_the_schema_documents_the_pack():
    operation = SchemaGenerator().get_schema(request=None, public=True)["paths"][PATH]["get"]
    assert set(operation["responses"]) == {"200", "401", "403"}
    ok = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok == {"$ref": "#/components/schemas/BriefingPack"}
