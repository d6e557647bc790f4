"""Disruption's records in the retention schedule (issue 15, item 5): intelligence, premises and
operations, registered with cases' retention registry from DisruptConfig.ready(), so the review
list, legal holds and decisions (made and audited in cases) reach them. Periods and why:
docs/retention.md. Anonymising keeps what the disruption figures count (kinds, dates, grades,
exploitation types, outcome counts, the postcode district) and removes who and what in words."""

from collections.abc import Iterator

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tackle.cases.retention_records import KeptRecord, RecordKind, register
from tackle.core.errors import ApplicationError
from tackle.core.models import RecordShare
from tackle.disrupt.choices import HandlingCode
from tackle.disrupt.models import Intelligence, Operation, Premises

ANONYMISED = "Anonymised"


def _intelligence(organisation_id: int) -> Iterator[KeptRecord]:
    for item in Intelligence.objects.filter(organisation_id=organisation_id).order_by("received_on"):
        yield KeptRecord(key=str(item.uuid), reference=item.reference, starts_on=item.received_on)


def _intelligence_anonymise(organisation_id: int, key: str) -> None:
    item = Intelligence.objects.select_for_update().get(organisation_id=organisation_id, uuid=key)
    item.what, item.where, item.people, item.vehicles = ANONYMISED, "", "", ""
    item.handling_conditions = ANONYMISED if item.handling_code == HandlingCode.CONDITIONS else ""
    item.save(update_fields=["what", "where", "people", "vehicles", "handling_conditions"])
    item.businesses.clear()


@transaction.atomic
def _intelligence_erase(organisation_id: int, key: str) -> None:
    item = Intelligence.objects.select_for_update().get(organisation_id=organisation_id, uuid=key)
    kind = ContentType.objects.get_for_model(Intelligence)
    RecordShare.objects.filter(content_type=kind, object_uuid=item.uuid).delete()
    item.premises.clear()
    item.businesses.clear()
    item.operations.clear()
    item.delete()


def _premises_reference(premises: Premises) -> str:
    return f"PR-{premises.uuid.hex[:8].upper()}"


def _premises(organisation_id: int) -> Iterator[KeptRecord]:
    for premises in Premises.objects.filter(organisation_id=organisation_id).order_by("created_at"):
        started = timezone.localdate(premises.created_at)
        yield KeptRecord(key=str(premises.uuid), reference=_premises_reference(premises), starts_on=started)


def _premises_anonymise(organisation_id: int, key: str) -> None:
    premises = Premises.objects.select_for_update().get(organisation_id=organisation_id, uuid=key)
    # The postcode's district (its outward code) stays: where the figures place premises, not whose.
    premises.name, premises.address, premises.uprn = "", ANONYMISED, ""
    premises.postcode = premises.postcode.split(" ")[0]
    premises.save(update_fields=["name", "address", "uprn", "postcode"])
    premises.flags.update(note="")


def _premises_erase(organisation_id: int, key: str) -> None:
    premises = Premises.objects.select_for_update().get(organisation_id=organisation_id, uuid=key)
    if premises.operations.exists() or premises.intelligence.exists():
        raise ApplicationError(
            gettext("An operation or intelligence still names these premises: anonymise them instead")
        )
    premises.flags.all().delete()
    premises.delete()


def _operation_reference(operation: Operation) -> str:
    return f"OP-{operation.uuid.hex[:8].upper()}"


def _operations(organisation_id: int) -> Iterator[KeptRecord]:
    for operation in Operation.objects.filter(organisation_id=organisation_id).order_by("operation_date"):
        reference = _operation_reference(operation)
        yield KeptRecord(key=str(operation.uuid), reference=reference, starts_on=operation.operation_date)


def _operation_anonymise(organisation_id: int, key: str) -> None:
    operation = Operation.objects.select_for_update().get(organisation_id=organisation_id, uuid=key)
    operation.objective, operation.tactical_plan, operation.risk_assessment = ANONYMISED, "", ""
    operation.save(update_fields=["objective", "tactical_plan", "risk_assessment"])
    if hasattr(operation, "outcome"):
        operation.outcome.notes = ""
        operation.outcome.save(update_fields=["notes"])
    if hasattr(operation, "reception_centre"):
        operation.reception_centre.partners = ""
        operation.reception_centre.save(update_fields=["partners"])


def _finder(records):  # type: ignore[no-untyped-def]
    def find(organisation_id: int, reference: str) -> KeptRecord | None:
        wanted = reference.strip().upper()
        return next((record for record in records(organisation_id) if record.reference == wanted), None)

    return find


def register_kinds() -> None:
    register(
        RecordKind(
            "intelligence",
            _("Intelligence reports"),
            72,
            _("after it was received"),
            _intelligence,
            _finder(_intelligence),
            _intelligence_anonymise,
            _intelligence_erase,
        )
    )
    register(
        RecordKind(
            "premises",
            _("Premises and their flags"),
            72,
            _("after it was added"),
            _premises,
            _finder(_premises),
            _premises_anonymise,
            _premises_erase,
        )
    )
    # Operations are counted in the annual disruption report: anonymised, never erased.
    register(
        RecordKind(
            "operation",
            _("Operations"),
            72,
            _("after the operation"),
            _operations,
            _finder(_operations),
            _operation_anonymise,
        )
    )
