"""The whole API fuzzed from its own schema (issue 15 item 9, issue 19 item 6): every operation
drf-spectacular documents is called with generated requests, in-process through WSGI on whichever
database the suite runs, as a council's lead holding a write token, and must answer without a 5xx,
with only documented status codes and content types, and with a body inside the schema."""

import os
import re
import socket
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
import schemathesis
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tackle.accounts.services import api_token_create
from tackle.accounts.tests.signing_in import two_factor_set_up
from tackle.cases.services.retention import legal_hold_place
from tackle.cases.services.support import case_document_upload, missing_episode_record, safety_plan_create
from tackle.core.models import WorkerHeartbeat
from tackle.core.periods import financial_year_of
from tackle.disrupt.tests.factories import (
    make_action,
    make_agreement,
    make_intelligence,
    make_operation,
    make_premises,
)
from tackle.scrutiny.models import LeadArrangement, Spend
from tackle.scrutiny.services import assessment_create
from tackle.spend.services import spend_import_start
from tackle.spend.tasks import screen_spend_import
from tackle.statement_reader.services import statement_read
from tackle.statement_reader.tests.factories import keyword_labeller, statement_text
from tackle.statements.services.commitments import commitment_create
from tackle.statements.services.statement import action_create, period_create, statement_create
from tackle.suppliers.services import statement_follow_up_raise
from tackle.suppliers.tests.factories import make_records as make_supplier_records
from tackle.targeting.services import Upload, regulator_lists_import
from tackle.targeting.tests.factories import LISTS as TARGETING_LISTS
from tackle.training.models import TrainingSession
from tackle.training.tests.factories import make_course, make_partnership_records, make_team

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]

schema = schemathesis.openapi.from_dict(SchemaGenerator().get_schema(request=None, public=True))
schema.app = WSGIHandler()
# The coverage phase (every boundary and wrong type of every field, in turn) finds the same kinds of
# fault as fuzzing but takes minutes on the large bodies (a concern, an encounter); `make test` runs
# examples and fuzzing, and TACKLE_CONTRACT_COVERAGE=1 adds it for a thorough run by hand.
schema.config.phases.coverage.enabled = os.environ.get("TACKLE_CONTRACT_COVERAGE") == "1"

# Records of the signed-in council that generated path parameters are pointed at half the time, so
# operations on one record reach the record and not only a 404. Filled per test by `lead_token`:
# by parameter name, or by operation path and name where one name means different records (a
# contract's action and a meeting's action are both `action_uuid`).
_KNOWN: dict[str, str] = {}
_KNOWN_AT: dict[tuple[str, str], str] = {}
MEETING_ACTION_CLOSE = "/api/v1/meeting-actions/{action_uuid}/close"
# Operations whose record only a real import or meeting makes: each is also called once on its record.
ON_REAL_RECORDS = [
    ("/api/v1/spend-imports/{import_uuid}", "GET", "import_uuid"),
    ("/api/v1/spend-imports/{import_uuid}/rejects", "GET", "import_uuid"),
    ("/api/v1/spend-files/{file_uuid}/columns", "GET", "file_uuid"),
    (MEETING_ACTION_CLOSE, "POST", "action_uuid"),
    # A case's file and safety plan: both the case's and the record's uuid must be the real ones.
    ("/api/v1/cases/{case_uuid}/support/documents/{document_uuid}", "GET", "document_uuid"),
    ("/api/v1/cases/{case_uuid}/support/safety-plans/{plan_uuid}", "GET", "plan_uuid"),
]


def _known(path: str, name: str) -> str | None:
    return _KNOWN_AT.get((path, name), _KNOWN.get(name))


@schema.hook("map_path_parameters")
def _point_at_known_records(context: Any, path_parameters: dict[str, Any]) -> dict[str, Any]:
    path = context.operation.path if context.operation is not None else ""
    for name, value in (path_parameters or {}).items():
        known = _known(path, name)
        if known is not None and _is_uuid(value) and uuid.UUID(str(value)).int % 2 == 0:
            path_parameters[name] = known
    return path_parameters


def _is_uuid(value: Any) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


@pytest.fixture
def in_process_database(db):
    """Django's own test client keeps the test's transaction open across requests the same way:
    the request signals would otherwise close the connection inside the test's transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def no_internet(monkeypatch):
    """Generated web addresses (a statement to read) must not reach the internet: no name resolves."""

    def unresolvable(*args: Any, **kwargs: Any) -> Any:
        raise socket.gaierror(socket.EAI_NONAME, "no internet in the contract test")

    monkeypatch.setattr(socket, "getaddrinfo", unresolvable)


@pytest.fixture
def lead_token(
    in_process_database, no_internet, lead_a, frontline_a, record_concern, police, settings, tmp_path
) -> Iterator[str]:
    # Statements queued for reading are stored until the worker reads them: not in the checkout.
    settings.MEDIA_ROOT = tmp_path / "media"
    # A running service: its worker beats, so health answers 200, not the 503 of a stopped worker.
    now = timezone.now()
    WorkerHeartbeat.objects.create(worker_id="contract-test", started_at=now, seen_at=now)
    case = record_concern(frontline_a, person_name="Ana Example", nationality="Albanian", age=34)
    held = record_concern(frontline_a)  # on legal hold, for lifting it
    _KNOWN["hold_uuid"] = str(legal_hold_place(case=held, reason="A tribunal claim", actor=lead_a).uuid)
    _KNOWN["case_uuid"] = str(case.uuid)
    # A safety plan and a document on the case: the support record's operations on one reach real ones.
    plan = safety_plan_create(case=case, actor=lead_a, summary="Stay away from the car wash", created_on=now.date())
    _KNOWN["plan_uuid"] = str(plan.uuid)
    episode = missing_episode_record(case=case, actor=lead_a, went_missing_at=now - timedelta(hours=6))
    _KNOWN["episode_uuid"] = str(episode.uuid)  # not returned: its return can be recorded once, then 409
    letter = SimpleUploadedFile("letter.pdf", b"%PDF-1.4\n%%EOF\n")
    _KNOWN["document_uuid"] = str(case_document_upload(case=case, actor=lead_a, title="Letter", upload=letter).uuid)
    _KNOWN["referral_uuid"] = str(case.referrals.first().uuid)  # type: ignore[union-attr]
    suppliers = make_supplier_records(lead_a.organisation)
    for name in ("supplier", "contract", "check", "task", "action", "assessment"):
        _KNOWN[f"{name}_uuid"] = str(suppliers[name].uuid)
    course = make_course(lead_a.organisation)
    session = TrainingSession.objects.create(
        organisation=lead_a.organisation, course=course, held_on=now.date(), attendee_count=2
    )
    _KNOWN["session_uuid"] = str(session.uuid)
    _KNOWN["course_uuid"] = str(course.uuid)
    _KNOWN["team_uuid"] = str(make_team(lead_a.organisation, manager=lead_a).uuid)
    partnership = make_partnership_records(lead_a.organisation)
    for name in ("campaign", "material", "service", "group", "meeting"):
        _KNOWN[f"{name}_uuid"] = str(partnership[name].uuid)
    _KNOWN["meeting_action_uuid"] = str(partnership["action"].uuid)
    for name, record in (
        ("premises", make_premises(lead_a)),
        ("intelligence", make_intelligence(lead_a)),
        ("operation", make_operation(lead_a)),
        ("agreement", make_agreement(lead_a, police)),
    ):
        _KNOWN[f"{name}_uuid"] = str(record.uuid)
    period = period_create(
        organisation=lead_a.organisation, label="2025-26", starts_on=date(2025, 4, 1), ends_on=date(2026, 3, 31),
        actor=lead_a,
    )  # fmt: skip
    _KNOWN["statement_uuid"] = str(statement_create(period=period, actor=lead_a).uuid)
    action = action_create(
        period=period, actor=lead_a, area="prevention", title="Train buyers", due_on=date(2026, 1, 31)
    )
    _KNOWN["plan_action_uuid"] = str(action.uuid)
    _KNOWN["plan_period_uuid"] = str(period.uuid)
    # A supplier's statement read (with the tests' keyword labeller), for its follow-ups and overrides.
    reading = statement_read(
        actor=lead_a, supplier=suppliers["supplier"], data=statement_text().encode(), file_name="s.txt",
        labeller=keyword_labeller,
    )  # fmt: skip
    _KNOWN["reading_uuid"] = str(reading.uuid)
    follow_up = statement_follow_up_raise(
        actor=lead_a, reading_uuid=reading.uuid, supplier=reading.supplier, description="Ask how buyers are trained",
        owner=lead_a, due_on=now.date(), today=now.date(),
    )  # fmt: skip
    _KNOWN["follow_up_uuid"] = str(follow_up.uuid)  # open: marked as done once, then 409
    commitment = commitment_create(organisation=lead_a.organisation, actor=lead_a, source="Charter", title="Train")
    _KNOWN["commitment_uuid"] = str(commitment.uuid)
    # A spend file read by the real importer (upload, then the screening task), and a meeting's action.
    upload = SimpleUploadedFile("june.csv", b"Supplier,Amount,Date\nSparkle Ltd,100.00,05/06/2024\n")
    spend_import, spend_run = spend_import_start(actor=lead_a, files=[upload])
    screen_spend_import.call(run_uuid=str(spend_run.uuid), import_uuid=str(spend_import.uuid))
    _KNOWN["import_uuid"] = str(spend_import.uuid)
    _KNOWN["file_uuid"] = str(spend_import.files.get().uuid)
    _KNOWN_AT[(MEETING_ACTION_CLOSE, "action_uuid")] = str(make_action(lead_a).uuid)
    fire = Upload("fire.csv", TARGETING_LISTS["fire.csv"].encode())
    regulator_list = regulator_lists_import(organisation=lead_a.organisation, actor=lead_a, uploads=[fire])[0]
    _KNOWN["list_uuid"] = str(regulator_list.uuid)
    assessment = assessment_create(actor=lead_a, year=financial_year_of(now.date()))
    _KNOWN["self_assessment_uuid"] = str(assessment.uuid)
    lead_post = LeadArrangement.objects.create(
        organisation=lead_a.organisation, lead_name="Lead officer", team="Community safety", dedicated=True,
        since=date(2024, 4, 1),
    )  # fmt: skip
    _KNOWN["lead_arrangement_uuid"] = str(lead_post.uuid)
    spending = Spend.objects.create(
        organisation=lead_a.organisation, financial_year="2025-26", category="posts", amount=1
    )
    _KNOWN["spending_uuid"] = str(spending.uuid)
    two_factor_set_up(lead_a)
    _, raw = api_token_create(user=lead_a, name="contract test", scope="write", modules=())
    yield raw
    _KNOWN.clear()
    _KNOWN_AT.clear()


@schema.parametrize()
@settings(
    max_examples=20,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much, HealthCheck.too_slow],
)
def test_every_operation_keeps_its_contract(case, lead_token):
    case.call_and_validate(headers={"Authorization": f"Bearer {lead_token}"}, checks=CHECKS)


@pytest.mark.parametrize(("path", "method", "name"), ON_REAL_RECORDS, ids=[f"{m} {p}" for p, m, _ in ON_REAL_RECORDS])
def test_operations_on_an_imported_spend_file_and_a_meeting_action_keep_their_contract_on_them(
    lead_token, path, method, name
):
    """The fuzzer reaches these records only half the time: called here once on each, answered."""
    operation = schema[path][method]
    parameters = {each: _known(path, each) for each in re.findall(r"\{(\w+)\}", path)}
    if method == "POST":
        body = {"closing_note": "Visited with the GLAA"}
        case = operation.Case(path_parameters=parameters, body=body, media_type="application/json")
    else:
        case = operation.Case(path_parameters=parameters)
    response = case.call_and_validate(headers={"Authorization": f"Bearer {lead_token}"}, checks=CHECKS)
    assert response.status_code == 200


def test_the_schema_names_the_error_answers_each_operation_can_give():
    paths = schema.raw_schema["paths"]
    assert set(paths["/api/v1/cases/{case_uuid}"]["get"]["responses"]) == {"200", "401", "403", "404"}
    assert set(paths["/api/v1/cases/"]["post"]["responses"]) == {"201", "400", "401", "403"}
    assert set(paths["/api/v1/health"]["get"]["responses"]) == {"200", "503"}  # no sign-in, no refusal
    not_found = paths["/api/v1/cases/{case_uuid}"]["get"]["responses"]["404"]
    assert not_found["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/ErrorDetail"}


def test_the_case_list_is_documented_as_the_page_it_answers():
    page = schema.raw_schema["components"]["schemas"]["PaginatedCaseList"]
    assert set(page["required"]) == {"count", "next", "previous", "results"}
