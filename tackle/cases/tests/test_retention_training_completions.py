"""Training completions entered or imported in the retention schedule (issue 15, item 5): due after
their period, for their own organisation only; kept or erased, never anonymised (a completion always
names its person); erasing takes them out of people trained, as the decision page says; audited."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tackle.audit.models import AuditAction, AuditEvent
from tackle.cases.models import RetentionOutcome
from tackle.cases.retention_records import record_kind
from tackle.cases.selectors import other_records_review, retention_months_of
from tackle.cases.services.record_retention import record_decide
from tackle.core.errors import ApplicationError
from tackle.core.periods import Period
from tackle.core.roles import Role
from tackle.training.figures import training_figures
from tackle.training.models import Completion, CompletionSource, TrainingSession
from tackle.training.services import session_record
from tackle.training.tests.factories import make_course

TODAY = timezone.localdate()
LONG_AGO = TODAY - timedelta(days=365 * 10)
AROUND_THEN = Period("Around then", LONG_AGO - timedelta(days=30), LONG_AGO + timedelta(days=30))


def _reference(completion):
    return f"TC-{completion.uuid.hex[:8].upper()}"


def _due(organisation_id):
    due, _ = other_records_review(organisation_id, TODAY)
    return [item.record.reference for item in due]


@pytest.fixture
def officer(make_user, council_a):
    return make_user(Role.FRONTLINE_OFFICER, council_a)


@pytest.fixture
def old_completion(officer, council_a):
    course = make_course(council_a, code="EL-1")
    return Completion.objects.create(user=officer, course=course, completed_on=LONG_AGO, source=CompletionSource.IMPORT)


def _kept(organisation_id, completion):
    kind = record_kind("training_completion")
    return kind, kind.find(organisation_id, _reference(completion))


def test_an_old_completion_is_due_for_its_own_organisation_only(old_completion, officer, council_a, council_b):
    assert retention_months_of(council_a.pk)["training_completion"] == 72
    recent = Completion.objects.create(user=officer, course=old_completion.course, completed_on=TODAY)
    due = _due(council_a.pk)
    assert _reference(old_completion) in due and _reference(recent) not in due
    assert _due(council_b.pk) == []
    assert record_kind("training_completion").find(council_b.pk, _reference(old_completion)) is None


def test_a_sessions_own_completions_go_with_its_attendance_not_here(lead_a, officer):
    session = TrainingSession(
        organisation_id=lead_a.organisation_id,
        course=make_course(lead_a.organisation, code="MS-9"),
        held_on=LONG_AGO,
        attendee_count=1,
    )
    session_record(actor=lead_a, session=session, attendees=[officer])
    given = Completion.objects.get(source=CompletionSource.SESSION)
    assert _reference(given) not in _due(lead_a.organisation_id)


def test_a_completion_cannot_be_anonymised(old_completion, lead_a):
    kind, record = _kept(lead_a.organisation_id, old_completion)
    with pytest.raises(ApplicationError, match="cannot be anonymised"):
        record_decide(kind=kind, record=record, outcome=RetentionOutcome.ANONYMISED, reason="Asked", actor=lead_a)
    assert Completion.objects.filter(pk=old_completion.pk).exists()


def test_erasing_takes_it_out_of_people_trained_and_is_audited(old_completion, lead_a):
    assert training_figures(lead_a.organisation_id, AROUND_THEN).people_trained == 1
    kind, record = _kept(lead_a.organisation_id, old_completion)
    record_decide(kind=kind, record=record, outcome=RetentionOutcome.ERASED, reason="Past its date", actor=lead_a)
    assert not Completion.objects.filter(pk=old_completion.pk).exists()
    assert training_figures(lead_a.organisation_id, AROUND_THEN).people_trained == 0
    assert AuditEvent.objects.filter(action=AuditAction.DELETE, object_type="training_completion", object_id=record.key)


def test_the_decision_page_offers_keep_and_erase_and_says_what_erasing_does(client_for, lead_a, lead_b, old_completion):
    url = reverse("cases:record-retention-decide", args=["training_completion", _reference(old_completion)])
    assert client_for(lead_b).get(url).status_code == 404
    page = client_for(lead_a).get(url).content.decode()
    assert 'value="keep"' in page and 'value="erase"' in page and 'value="anonymise"' not in page
    assert "removes it from the training figures" in page
    refused = client_for(lead_a).post(url, {"decision": "anonymise", "reason": "Asked"})
    assert refused.status_code == 200 and Completion.objects.filter(pk=old_completion.pk).exists()
    assert client_for(lead_a).post(url, {"decision": "erase", "reason": "Past its date"}).status_code == 302
    assert not Completion.objects.filter(pk=old_completion.pk).exists()
