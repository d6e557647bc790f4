"""The register entries other modules match against, and the assessment reminders."""

from datetime import date, timedelta

from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.utils import timezone, translation

from tackle.suppliers.models import SupplierAssessment
from tackle.suppliers.selectors import supplier_register_entries
from tackle.suppliers.statements import latest_statement_assessment
from tackle.suppliers.tasks import send_assessment_reminders
from tackle.suppliers.tests.factories import make_contract, make_supplier


def test_register_entries_carry_what_matching_needs_for_one_organisation_only(council_a, council_b):
    supplier = make_supplier(council_a, "Acme Cleaning Ltd", other_names=["Acme Clean"], sectors=["cleaning"])
    make_supplier(council_b, "Other Council Supplier")
    entries = supplier_register_entries(council_a.pk)
    assert len(entries) == 1
    entry = entries[0]
    assert (entry.supplier_id, entry.name, entry.other_names, entry.company_number, entry.sectors) == (
        supplier.pk,
        "Acme Cleaning Ltd",
        ("Acme Clean",),
        "01234567",
        ("cleaning",),
    )
    assert entry.has_statement is False


def test_a_supplier_never_read_has_no_statement_assessment(council_a):
    assert latest_statement_assessment(make_supplier(council_a)) is None


def test_contract_managers_get_one_reminder_a_week_for_due_and_overdue_assessments(council_a, contract_manager_a):
    today = timezone.localdate()
    contract = make_contract(make_supplier(council_a), contract_manager=contract_manager_a)
    overdue = SupplierAssessment.objects.create(contract=contract, due_on=today - timedelta(days=5))
    later = make_contract(contract.supplier, title="Later", contract_manager=contract_manager_a)
    SupplierAssessment.objects.create(contract=later, due_on=today + timedelta(days=200))
    assert send_assessment_reminders.call() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["cm@example.org"]
    assert "Office cleaning" in mail.outbox[0].body and "overdue since" in mail.outbox[0].body
    assert "Later" not in mail.outbox[0].body
    overdue.refresh_from_db()
    assert overdue.last_reminded_on == today
    assert send_assessment_reminders.call() == 0  # not again within the week


def test_the_remind_command_queues_the_task(capsys, db):
    call_command("suppliers", "remind")
    assert "Queued the supplier assessment reminders" in capsys.readouterr().out


def test_a_contract_manager_who_reads_welsh_gets_the_reminder_in_welsh(council_a, contract_manager_a):
    contract_manager_a.language = "cy"
    contract_manager_a.save(update_fields=["language"])
    contract = make_contract(make_supplier(council_a), contract_manager=contract_manager_a)
    SupplierAssessment.objects.create(contract=contract, due_on=date(2026, 3, 1))
    assert send_assessment_reminders.call() == 1
    email = mail.outbox[0]
    assert email.subject.startswith("Asesiadau blynyddol cyflenwyr")
    assert "yn hwyr ers 1 Mawrth 2026" in email.body and "Office cleaning" in email.body
    assert "overdue" not in email.body and translation.get_language() == settings.LANGUAGE_CODE
