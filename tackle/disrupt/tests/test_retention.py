"""Intelligence, premises and operations in the retention schedule (issue 15, item 5): due after
their period, held records never due nor changed, anonymising keeps the disruption figures, every
decision audited; the pages for the lead and administrator only, another organisation's record 404."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tackle.audit.models import AuditAction, AuditEvent
from tackle.cases.models import RecordLegalHold, RetentionDecision, RetentionOutcome
from tackle.cases.retention_records import record_kind
from tackle.cases.selectors import other_records_review, retention_months_of
from tackle.cases.services.record_retention import record_decide, record_hold_place
from tackle.core.errors import ApplicationError
from tackle.disrupt.figures import annual_figures
from tackle.disrupt.models import Intelligence, Operation, Premises
from tackle.disrupt.tests.factories import make_intelligence, make_operation, make_outcome, make_premises

LONG_AGO = timezone.localdate() - timedelta(days=365 * 10)


def _kept(record_type, organisation_id, reference):
    kind = record_kind(record_type)
    return kind, kind.find(organisation_id, reference)


@pytest.fixture
def old_intelligence(safety_a):
    return make_intelligence(safety_a, received_on=LONG_AGO)


def _due_references(organisation_id):
    due, _ = other_records_review(organisation_id, timezone.localdate())
    return [item.record.reference for item in due]


def test_each_kind_has_a_default_period(council_a):
    months = retention_months_of(council_a.pk)
    assert (months["intelligence"], months["premises"], months["operation"]) == (72, 72, 72)


def test_old_intelligence_is_due_for_its_own_organisation_only(old_intelligence, safety_a, council_b):
    recent = make_intelligence(safety_a)
    assert _due_references(safety_a.organisation_id) == [old_intelligence.reference]
    assert recent.reference not in _due_references(safety_a.organisation_id)
    assert _due_references(council_b.pk) == []


def test_anonymising_intelligence_keeps_its_grade_and_is_audited(old_intelligence, lead_a):
    kind, record = _kept("intelligence", lead_a.organisation_id, old_intelligence.reference)
    record_decide(kind=kind, record=record, outcome=RetentionOutcome.ANONYMISED, reason="Past its date", actor=lead_a)
    item = Intelligence.objects.get(pk=old_intelligence.pk)
    assert (item.people, item.vehicles, item.where) == ("", "", "")
    assert item.grade == old_intelligence.grade and item.exploitation_types == ["labour"]
    assert old_intelligence.reference not in _due_references(lead_a.organisation_id)
    assert AuditEvent.objects.filter(object_type="intelligence", object_id=record.key, note__contains="anonymised")
    assert RetentionDecision.objects.filter(record_key=record.key, outcome=RetentionOutcome.ANONYMISED).exists()


def test_erasing_intelligence_removes_it(old_intelligence, lead_a):
    kind, record = _kept("intelligence", lead_a.organisation_id, old_intelligence.reference)
    record_decide(kind=kind, record=record, outcome=RetentionOutcome.ERASED, reason="Past its date", actor=lead_a)
    assert not Intelligence.objects.filter(pk=old_intelligence.pk).exists()
    assert AuditEvent.objects.filter(action=AuditAction.DELETE, object_type="intelligence", object_id=record.key)


def test_held_intelligence_is_never_due_and_cannot_be_anonymised_or_erased(old_intelligence, lead_a):
    kind, record = _kept("intelligence", lead_a.organisation_id, old_intelligence.reference)
    record_hold_place(kind=kind, record=record, reason="Prosecution under way", actor=lead_a)
    assert _due_references(lead_a.organisation_id) == []
    for outcome in (RetentionOutcome.ANONYMISED, RetentionOutcome.ERASED):
        with pytest.raises(ApplicationError, match="legal hold"):
            record_decide(kind=kind, record=record, outcome=outcome, reason="Asked", actor=lead_a)
    assert Intelligence.objects.get(pk=old_intelligence.pk).people == old_intelligence.people
    assert AuditEvent.objects.filter(object_type="intelligence", note__contains="legal hold placed").exists()


def test_keeping_longer_moves_the_date(old_intelligence, lead_a):
    kind, record = _kept("intelligence", lead_a.organisation_id, old_intelligence.reference)
    until = timezone.localdate() + timedelta(days=30)
    record_decide(
        kind=kind, record=record, outcome=RetentionOutcome.EXTENDED, keep_until=until, reason="Inquiry", actor=lead_a
    )
    assert _due_references(lead_a.organisation_id) == []


def test_anonymising_an_operation_keeps_the_annual_figures(safety_a, lead_a):
    operation = make_operation(safety_a, on=LONG_AGO, tactical_plan="Enter at 6am by the side gate")
    make_outcome(operation, safety_a, notes="Boss arrested at the gate")
    year = LONG_AGO.year if LONG_AGO.month >= 4 else LONG_AGO.year - 1
    before = annual_figures(safety_a.organisation_id, year)
    kind, record = _kept("operation", lead_a.organisation_id, f"OP-{operation.uuid.hex[:8].upper()}")
    record_decide(kind=kind, record=record, outcome=RetentionOutcome.ANONYMISED, reason="Past its date", actor=lead_a)
    operation = Operation.objects.get(pk=operation.pk)
    assert (operation.tactical_plan, operation.outcome.notes) == ("", "")
    assert annual_figures(safety_a.organisation_id, year) == before
    with pytest.raises(ApplicationError, match="cannot be erased"):
        record_decide(kind=kind, record=record, outcome=RetentionOutcome.ERASED, reason="Asked", actor=lead_a)


def test_premises_an_operation_names_cannot_be_erased(safety_a, lead_a):
    premises = make_premises(safety_a)
    make_operation(safety_a, on=LONG_AGO).premises.add(premises)
    kind, record = _kept("premises", lead_a.organisation_id, f"PR-{premises.uuid.hex[:8].upper()}")
    with pytest.raises(ApplicationError, match="anonymise them instead"):
        record_decide(kind=kind, record=record, outcome=RetentionOutcome.ERASED, reason="Asked", actor=lead_a)
    assert Premises.objects.filter(pk=premises.pk).exists()
    record_decide(kind=kind, record=record, outcome=RetentionOutcome.ANONYMISED, reason="Asked", actor=lead_a)
    premises = Premises.objects.get(pk=premises.pk)
    assert (premises.name, premises.postcode) == ("", "B66")


class TestPages:
    def _decide(self, item):
        return reverse("cases:record-retention-decide", args=["intelligence", item.reference])

    def test_the_review_list_and_schedule_show_other_records(self, client_for, lead_a, old_intelligence):
        page = client_for(lead_a).get(reverse("cases:retention-due")).content.decode()
        assert old_intelligence.reference in page and self._decide(old_intelligence) in page
        schedule = client_for(lead_a).get(reverse("cases:retention-schedule")).content.decode()
        assert "Intelligence reports" in schedule and "Operations" in schedule

    def test_the_lead_anonymises_through_the_page(self, client_for, lead_a, old_intelligence):
        data = {"decision": "anonymise", "reason": "Past its date"}
        assert client_for(lead_a).post(self._decide(old_intelligence), data).status_code == 302
        assert Intelligence.objects.get(pk=old_intelligence.pk).people == ""

    def test_another_organisation_gets_404(self, client_for, lead_b, old_intelligence):
        data = {"decision": "erase", "reason": "Asked"}
        assert client_for(lead_b).post(self._decide(old_intelligence), data).status_code == 404
        assert Intelligence.objects.filter(pk=old_intelligence.pk).exists()

    @pytest.mark.parametrize("persona", ["councillor_a", "safety_a"])
    def test_other_roles_get_403(self, client_for, request, persona, old_intelligence):
        client = client_for(request.getfixturevalue(persona))
        assert client.post(self._decide(old_intelligence), {"decision": "erase", "reason": "x"}).status_code == 403
        assert client.get(reverse("cases:record-hold-new")).status_code == 403
        assert Intelligence.objects.filter(pk=old_intelligence.pk).exists()

    def test_the_lead_places_and_lifts_a_hold(self, client_for, lead_a, lead_b, old_intelligence):
        data = {"record_type": "intelligence", "reference": old_intelligence.reference, "reason": "Prosecution"}
        assert client_for(lead_a).post(reverse("cases:record-hold-new"), data).status_code == 302
        hold = RecordLegalHold.objects.get()
        page = client_for(lead_a).get(reverse("cases:retention-due")).content.decode()
        assert self._decide(old_intelligence) not in page  # held: never due
        assert old_intelligence.reference in page.split('data-testid="record-legal-holds"')[1]
        lift = reverse("cases:record-hold-lift", args=[hold.uuid])
        assert client_for(lead_b).post(lift, {"reason": "Trial over"}).status_code == 404
        assert client_for(lead_a).post(lift, {"reason": "Trial over"}).status_code == 302
        assert RecordLegalHold.objects.get().lifted_at is not None

    def test_another_organisations_reference_cannot_be_held(self, client_for, lead_b, old_intelligence):
        data = {"record_type": "intelligence", "reference": old_intelligence.reference, "reason": "Prosecution"}
        response = client_for(lead_b).post(reverse("cases:record-hold-new"), data)
        assert response.status_code == 200 and "No record of this kind" in response.content.decode()
        assert not RecordLegalHold.objects.exists()
