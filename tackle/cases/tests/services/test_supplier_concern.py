"""A concern about a supplier keeps the workers on the pathway and reaches procurement as a task on
the supplier's record, through the slot tackle.suppliers fills."""

import pytest
from django.urls import reverse

from tackle.audit.models import AuditAction, AuditEvent
from tackle.cases.models import ConcernAbout, ReferralCode, ReferralStatus
from tackle.cases.services.correction import case_correct
from tackle.core.errors import ApplicationError
from tackle.suppliers.models import SupplierConcernTask
from tackle.suppliers.services import WITHDRAWN
from tackle.suppliers.tests.factories import make_supplier


def _codes(case):
    return set(case.referrals.values_list("code", flat=True))


def test_a_worker_at_a_supplier_stays_on_the_pathway_and_procurement_gets_a_task(
    frontline_a, council_a, record_concern
):
    supplier = make_supplier(council_a, "Sparkle Cleaning Ltd")
    case = record_concern(
        frontline_a,
        concern_about=ConcernAbout.SUPPLIER,
        supplier_name="sparkle cleaning ltd",
        person_name="Ion",
        age=30,
        consent_to_nrm=True,
    )
    assert {ReferralCode.NRM_REFERRAL, ReferralCode.PROCUREMENT_REFERRAL} <= _codes(case)
    task = SupplierConcernTask.objects.get()
    assert (task.supplier, task.case_reference, task.case_uuid) == (supplier, case.reference, case.uuid)
    procurement = case.referrals.get(code=ReferralCode.PROCUREMENT_REFERRAL)
    assert procurement.status == ReferralStatus.SENT and "Sparkle Cleaning Ltd" in procurement.outcome


def test_a_supplier_known_by_another_name_is_matched(frontline_a, council_a, record_concern):
    make_supplier(council_a, "Sparkle Cleaning Ltd", other_names=["Sparkle Hand Car Wash"])
    record_concern(frontline_a, concern_about=ConcernAbout.SUPPLIER, supplier_name="Sparkle Hand Car Wash", age=30)
    assert SupplierConcernTask.objects.count() == 1


def test_an_unknown_or_other_councils_supplier_leaves_the_referral_for_the_lead(frontline_a, council_b, record_concern):
    make_supplier(council_b, "Sparkle Cleaning Ltd")
    case = record_concern(frontline_a, concern_about=ConcernAbout.SUPPLIER, supplier_name="Sparkle Cleaning Ltd")
    assert not SupplierConcernTask.objects.exists()
    assert case.referrals.get(code=ReferralCode.PROCUREMENT_REFERRAL).status == ReferralStatus.TO_DO


def test_a_concern_about_the_councils_own_staff_keeps_the_worker_on_the_pathway(frontline_a, record_concern):
    case = record_concern(frontline_a, concern_about=ConcernAbout.COUNCIL, age=16, appears_under_18=True)
    assert {ReferralCode.WHISTLEBLOWING_REPORT, ReferralCode.NRM_REFERRAL} <= _codes(case)
    assert not SupplierConcernTask.objects.exists()


def test_the_concern_form_passes_the_supplier_on_for_every_person_met(client_for, frontline_a, council_a):
    make_supplier(council_a, "Sparkle Cleaning Ltd")
    first = {
        "encountered_at": "2026-01-05T10:00",
        "location": "Depot",
        "what_was_seen": "Cleaners paid in cash, sleeping at the depot",
        "concern_about": "supplier",
        "supplier_name": "Sparkle Cleaning Ltd",
        "appears_under_18": "no",
        "gender": "male",
        "interpreter_needed": "unknown",
        "exploitation_location": "uk",
        "consent_to_nrm": "yes",
    }
    other = {"person2-appears_under_18": "no", "person2-gender": "female", "person2-interpreter_needed": "unknown"}
    other |= {"person2-consent_to_nrm": "yes", "people": "2"}
    response = client_for(frontline_a).post(reverse("cases:concern-new"), {**first, **other})
    assert response.status_code == 302
    assert SupplierConcernTask.objects.count() == 2


class TestCorrectingTheSupplier:
    """supplier_name is corrected like any other detail, with a reason; the task follows it."""

    @pytest.fixture
    def case(self, frontline_a, council_a, record_concern):
        make_supplier(council_a, "Sparkle Cleaning Ltd")
        return record_concern(
            frontline_a, concern_about=ConcernAbout.SUPPLIER, supplier_name="Sparkle Cleaning Ltd", age=30
        )

    def test_a_task_for_the_new_supplier_and_the_old_one_withdrawn(self, lead_a, council_a, case):
        brightwash = make_supplier(council_a, "Brightwash Ltd", company_number="07654321")
        case_correct(case=case, actor=lead_a, changes={"supplier_name": "Brightwash Ltd"}, reason="Wrong depot")
        old, new = SupplierConcernTask.objects.order_by("pk")
        assert (old.supplier.name, old.closed_on is not None, old.outcome) == ("Sparkle Cleaning Ltd", True, WITHDRAWN)
        assert (new.supplier, new.closed_on, new.case_uuid) == (brightwash, None, case.uuid)
        procurement = case.referrals.get(code=ReferralCode.PROCUREMENT_REFERRAL)
        assert procurement.status == ReferralStatus.SENT and "Brightwash Ltd" in procurement.outcome
        entry = AuditEvent.objects.filter(object_id=str(case.uuid), action=AuditAction.UPDATE).last()
        assert entry.changed_fields == ["supplier_name"] and "Wrong depot" in entry.note

    def test_an_unknown_supplier_leaves_the_referral_to_the_lead(self, lead_a, case):
        case_correct(case=case, actor=lead_a, changes={"supplier_name": "Nobody Known Ltd"}, reason="Renamed")
        assert SupplierConcernTask.objects.get().outcome == WITHDRAWN
        assert case.referrals.get(code=ReferralCode.PROCUREMENT_REFERRAL).status == ReferralStatus.TO_DO

    def test_a_reason_is_required_and_a_person_concern_names_no_supplier(
        self, lead_a, frontline_a, record_concern, case
    ):
        with pytest.raises(ApplicationError) as no_reason:
            case_correct(case=case, actor=lead_a, changes={"supplier_name": "Brightwash Ltd"}, reason=" ")
        assert no_reason.value.field == "reason"
        person = record_concern(frontline_a, age=30)
        with pytest.raises(ApplicationError) as not_about_one:
            case_correct(case=person, actor=lead_a, changes={"supplier_name": "Brightwash Ltd"}, reason="Seen")
        assert not_about_one.value.field == "supplier_name"
        corrected = case_correct(case=case, actor=lead_a, changes={"concern_about": "person"}, reason="Not a supplier")
        assert corrected.supplier_name == "" and SupplierConcernTask.objects.get().outcome == WITHDRAWN

    def test_the_change_page_corrects_the_supplier(self, client_for, lead_a, council_a, case):
        make_supplier(council_a, "Brightwash Ltd", company_number="07654321")
        client = client_for(lead_a)
        url = reverse("cases:case-change-edit", args=[case.uuid, "encounter"])
        page = client.get(url).content.decode()
        assert 'value="Sparkle Cleaning Ltd"' in page
        assert "Sparkle Cleaning Ltd" in client.get(reverse("cases:case-detail", args=[case.uuid])).content.decode()
        case.refresh_from_db()  # the lead opening it triaged it: a new version
        form = {
            "encountered_at": case.encountered_at.astimezone().strftime("%Y-%m-%dT%H:%M"),
            "location": case.location,
            "what_was_seen": case.what_was_seen,
            "concern_about": "supplier",
            "supplier_name": "Brightwash Ltd",
            "reason": "Wrong depot",
            "version": str(case.version),
        }
        assert client.post(url, form).status_code == 302
        assert SupplierConcernTask.objects.filter(supplier__name="Brightwash Ltd", closed_on=None).exists()
