"""Training attendance and suppliers' named contacts in the retention schedule (issue 15, item 5):
due after their period, for their own organisation only; anonymising keeps the training figures;
held records refused; every decision audited; the schedule and review pages list them."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tackle.audit.models import AuditAction, AuditEvent
from tackle.cases.models import RetentionDecision, RetentionOutcome
from tackle.cases.retention_records import record_kind
from tackle.cases.selectors import other_records_review, retention_months_of
from tackle.cases.services.record_retention import record_decide, record_hold_place
from tackle.core.errors import ApplicationError
from tackle.core.periods import Period
from tackle.core.roles import Role
from tackle.suppliers.models import SupplierContact
from tackle.suppliers.tests.factories import make_supplier
from tackle.training.figures import training_figures
from tackle.training.models import Completion, TrainingSession
from tackle.training.services import session_record
from tackle.training.tests.factories import make_course

TODAY = timezone.localdate()
LONG_AGO = TODAY - timedelta(days=365 * 10)
AROUND_THEN = Period("Around then", LONG_AGO - timedelta(days=30), LONG_AGO + timedelta(days=30))


def _due_references(organisation_id):
    due, _ = other_records_review(organisation_id, TODAY)
    return [item.record.reference for item in due]


def _kept(record_type, organisation_id, reference):
    kind = record_kind(record_type)
    return kind, kind.find(organisation_id, reference)


def _reference(prefix, record):
    return f"{prefix}-{record.uuid.hex[:8].upper()}"


@pytest.fixture
def staff_a(make_user, council_a):
    return [make_user(Role.FRONTLINE_OFFICER, council_a) for _ in range(3)]


def _session(lead, staff, held_on, **counts):
    session = TrainingSession(
        organisation_id=lead.organisation_id,
        course=make_course(lead.organisation, code=f"MS-{held_on.isoformat()}"),
        held_on=held_on,
        **{"attendee_count": 5, "external_attendee_count": 2, **counts},
    )
    return session_record(actor=lead, session=session, attendees=staff)


@pytest.fixture
def old_session(lead_a, staff_a):
    return _session(lead_a, staff_a, LONG_AGO)


@pytest.fixture
def old_contact(council_a):
    supplier = make_supplier(council_a)
    contact = SupplierContact.objects.create(supplier=supplier, name="Jo Bloggs", email="jo@example.com", phone="0121")
    SupplierContact.objects.filter(pk=contact.pk).update(updated_at=timezone.now() - timedelta(days=365 * 3))
    return contact


def test_each_kind_has_a_default_period(council_a):
    months = retention_months_of(council_a.pk)
    assert (months["training_attendance"], months["supplier_contact"]) == (72, 24)


def test_old_attendance_and_contacts_are_due_for_their_own_organisation_only(
    old_session, old_contact, lead_a, staff_a, council_b
):
    recent = _session(lead_a, staff_a[:1], TODAY)
    due = _due_references(lead_a.organisation_id)
    assert _reference("TS", old_session) in due and _reference("SC", old_contact) in due
    assert _reference("TS", recent) not in due
    assert _due_references(council_b.pk) == []


def test_a_new_contact_counts_from_the_day_it_was_added(council_a):
    contact = SupplierContact.objects.create(supplier=make_supplier(council_a), name="Sam New")
    assert timezone.localdate(contact.created_at) == timezone.localdate()  # today when it runs, not when collected
    assert _reference("SC", contact) not in _due_references(council_a.pk)


def test_anonymising_attendance_keeps_the_training_figures(old_session, lead_a, staff_a):
    before = training_figures(lead_a.organisation_id, AROUND_THEN)
    assert (before.sessions_held, before.people_trained) == (1, 5)
    kind, record = _kept("training_attendance", lead_a.organisation_id, _reference("TS", old_session))
    record_decide(kind=kind, record=record, outcome=RetentionOutcome.ANONYMISED, reason="Past its date", actor=lead_a)
    session = TrainingSession.objects.get(pk=old_session.pk)
    assert list(session.attendees.all()) == [] and not Completion.objects.filter(user__in=staff_a).exists()
    assert session.attendee_count == 5
    assert training_figures(lead_a.organisation_id, AROUND_THEN) == before
    assert _reference("TS", old_session) not in _due_references(lead_a.organisation_id)
    assert AuditEvent.objects.filter(
        action=AuditAction.UPDATE, object_type="training_attendance", object_id=record.key, note__contains="anonymised"
    )
    assert RetentionDecision.objects.filter(record_key=record.key, outcome=RetentionOutcome.ANONYMISED).exists()


def test_attendance_is_never_erased(old_session, lead_a):
    kind, record = _kept("training_attendance", lead_a.organisation_id, _reference("TS", old_session))
    with pytest.raises(ApplicationError, match="cannot be erased"):
        record_decide(kind=kind, record=record, outcome=RetentionOutcome.ERASED, reason="Asked", actor=lead_a)
    assert TrainingSession.objects.get(pk=old_session.pk).attendees.count() == 3


def test_anonymising_a_contact_removes_who_and_keeps_the_role(old_contact, lead_a):
    old_contact.job_title = "Compliance manager"
    SupplierContact.objects.filter(pk=old_contact.pk).update(job_title=old_contact.job_title)
    kind, record = _kept("supplier_contact", lead_a.organisation_id, _reference("SC", old_contact))
    record_decide(kind=kind, record=record, outcome=RetentionOutcome.ANONYMISED, reason="Past its date", actor=lead_a)
    contact = SupplierContact.objects.get(pk=old_contact.pk)
    assert (contact.name, contact.email, contact.phone, contact.job_title) == (
        "Anonymised",
        "",
        "",
        "Compliance manager",
    )
    assert _reference("SC", old_contact) not in _due_references(lead_a.organisation_id)
    assert AuditEvent.objects.filter(object_type="supplier_contact", object_id=record.key, note__contains="anonymised")


def test_erasing_a_contact_removes_it_and_is_audited(old_contact, lead_a):
    kind, record = _kept("supplier_contact", lead_a.organisation_id, _reference("SC", old_contact))
    record_decide(kind=kind, record=record, outcome=RetentionOutcome.ERASED, reason="Left the firm", actor=lead_a)
    assert not SupplierContact.objects.filter(pk=old_contact.pk).exists()
    assert AuditEvent.objects.filter(action=AuditAction.DELETE, object_type="supplier_contact", object_id=record.key)


def test_another_organisation_cannot_find_them(old_session, old_contact, lead_b):
    assert record_kind("training_attendance").find(lead_b.organisation_id, _reference("TS", old_session)) is None
    assert record_kind("supplier_contact").find(lead_b.organisation_id, _reference("SC", old_contact)) is None


@pytest.mark.parametrize("record_type, prefix", [("training_attendance", "TS"), ("supplier_contact", "SC")])
def test_held_records_are_never_due_and_are_refused(request, lead_a, record_type, prefix):
    kept = request.getfixturevalue("old_session" if prefix == "TS" else "old_contact")
    kind, record = _kept(record_type, lead_a.organisation_id, _reference(prefix, kept))
    record_hold_place(kind=kind, record=record, reason="Employment tribunal", actor=lead_a)
    assert _reference(prefix, kept) not in _due_references(lead_a.organisation_id)
    with pytest.raises(ApplicationError, match="legal hold"):
        record_decide(kind=kind, record=record, outcome=RetentionOutcome.ANONYMISED, reason="Asked", actor=lead_a)
    assert kind.find(lead_a.organisation_id, record.reference) == record  # untouched: still names someone
    assert AuditEvent.objects.filter(object_type=record_type, note__contains="legal hold placed").exists()


def test_the_pages_list_them(client_for, lead_a, old_session, old_contact):
    schedule = client_for(lead_a).get(reverse("cases:retention-schedule")).content.decode()
    assert "Training attendance" in schedule and "named contacts" in schedule
    page = client_for(lead_a).get(reverse("cases:retention-due")).content.decode()
    for record_type, reference in (
        ("training_attendance", _reference("TS", old_session)),
        ("supplier_contact", _reference("SC", old_contact)),
    ):
        assert reverse("cases:record-retention-decide", args=[record_type, reference]) in page


def test_the_lead_anonymises_attendance_through_the_page(client_for, lead_a, lead_b, old_session):
    url = reverse("cases:record-retention-decide", args=["training_attendance", _reference("TS", old_session)])
    data = {"decision": "anonymise", "reason": "Past its date"}
    assert client_for(lead_b).post(url, data).status_code == 404
    assert client_for(lead_a).post(url, data).status_code == 302
    assert TrainingSession.objects.get(pk=old_session.pk).attendees.count() == 0
