"""Suppliers' named contacts in the retention schedule (issue 15, item 5), read and changed here;
cases registers them (suppliers sits below cases and cannot reach its registry). A contact's period
runs from when it was last changed: an unchanged contact is one nobody has confirmed. Anonymising
keeps the contact's place and job title on the supplier and removes the name, email and phone.
Periods and why: docs/retention.md."""

from collections.abc import Iterator
from datetime import date

from django.utils import timezone

from tackle.suppliers.models import SupplierContact

ANONYMISED = "Anonymised"


def contact_reference(contact: SupplierContact) -> str:
    return f"SC-{contact.uuid.hex[:8].upper()}"


def named_contacts(organisation_id: int) -> Iterator[tuple[str, str, date]]:
    """(key, reference, last changed) of each contact that still names someone, oldest first."""
    contacts = SupplierContact.objects.filter(supplier__organisation_id=organisation_id).exclude(name=ANONYMISED)
    for contact in contacts.order_by("updated_at", "pk"):
        yield str(contact.uuid), contact_reference(contact), timezone.localdate(contact.updated_at)


def contact_anonymise(organisation_id: int, key: str) -> None:
    contact = SupplierContact.objects.get(supplier__organisation_id=organisation_id, uuid=key)
    contact.name, contact.email, contact.phone = ANONYMISED, "", ""
    contact.save(update_fields=["name", "email", "phone", "updated_at"])


def contact_erase(organisation_id: int, key: str) -> None:
    SupplierContact.objects.filter(supplier__organisation_id=organisation_id, uuid=key).delete()
