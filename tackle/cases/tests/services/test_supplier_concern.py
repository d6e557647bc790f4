"""A concern about a supplier keeps the workers on the pathway and reaches procurement as a task on
the supplier's record, through the slot tackle.suppliers fills."""

from django.urls import reverse

from tackle.cases.models import ConcernAbout, ReferralCode, ReferralStatus
from tackle.suppliers.models import SupplierConcernTask
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
