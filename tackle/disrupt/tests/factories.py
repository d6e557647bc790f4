"""Small builders for disruption records in tests."""

from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from tackle.accounts.models import Organisation, User
from tackle.disrupt.choices import (
    AgencyAttendance,
    HandlingCode,
    IntelligenceAssessment,
    LegalBasis,
    OperationKind,
    PremisesType,
    SharingCategory,
    SourceEvaluation,
)
from tackle.disrupt.models import (
    Action,
    Intelligence,
    Operation,
    OperationAgency,
    OperationOutcome,
    Premises,
    SharingAgreement,
)


def make_premises(user: User, **extra: Any) -> Premises:
    fields = {
        "name": "Sparkle Hand Car Wash",
        "address": "12 Mill Lane",
        "postcode": "B66 1AA",
        "premises_type": PremisesType.HAND_CAR_WASH,
        **extra,
    }
    return Premises.objects.create(organisation=user.organisation, created_by=user, **fields)


def make_intelligence(user: User, **extra: Any) -> Intelligence:
    fields = {
        "received_on": timezone.localdate(),
        "what": "Workers collected by minibus at 6am, appear to sleep on site",
        "where": "Mill Lane car wash",
        "people": "Man known as 'Boss', about 40",
        "vehicles": "White minibus AB12 CDE",
        "exploitation_types": ["labour"],
        "source_evaluation": SourceEvaluation.RELIABLE,
        "intelligence_assessment": IntelligenceAssessment.KNOWN_INDIRECTLY_CORROBORATED,
        "handling_code": HandlingCode.PERMITTED,
        "sanitised_summary": "Possible labour exploitation at a hand car wash in the north of the borough",
        **extra,
    }
    return Intelligence.objects.create(organisation=user.organisation, recorded_by=user, **fields)


def make_agreement(
    user: User, partner: Organisation, categories: list[str] | None = None, *, accepted: bool = True, **extra: Any
) -> SharingAgreement:
    """An agreement `user`'s organisation proposed to `partner`: accepted (in force within its dates)
    unless `accepted=False` leaves it a proposal."""
    today = timezone.localdate()
    fields = {
        "title": "Modern slavery partnership agreement",
        "purpose": "Joint disruption of modern slavery in the borough",
        "legal_basis": LegalBasis.CRIME_AND_DISORDER,
        "categories": categories if categories is not None else [SharingCategory.INTELLIGENCE],
        "starts_on": today - timedelta(days=30),
        "expires_on": today + timedelta(days=335),
        "accepted_at": timezone.now() if accepted else None,
        **extra,
    }
    return SharingAgreement.objects.create(organisation=user.organisation, partner=partner, created_by=user, **fields)


def make_operation(user: User, *, on: date | None = None, **extra: Any) -> Operation:
    fields = {
        "name": "Operation Lantern",
        "kind": OperationKind.PLANNED,
        "objective": "Check the welfare of workers at the car wash",
        "operation_date": on or timezone.localdate(),
        "lead_agency": "Test Police",
        **extra,
    }
    return Operation.objects.create(organisation=user.organisation, created_by=user, **fields)


def add_agency(operation: Operation, name: str, interventions: int = 1, **extra: Any) -> OperationAgency:
    return OperationAgency.objects.create(
        operation=operation, name=name, attendance=AgencyAttendance.PRESENT, interventions=interventions, **extra
    )


def make_outcome(operation: Operation, user: User, **extra: Any) -> OperationOutcome:
    fields = {
        "people_encountered": 11,
        "victims_adult": 5,
        "victims_child": 1,
        "exploitation_types": ["labour"],
        **extra,
    }
    return OperationOutcome.objects.create(operation=operation, recorded_by=user, **fields)


def make_action(user: User, **extra: Any) -> Action:
    fields = {
        "title": "Ask HMRC for payroll records",
        "owner": "Sam, trading standards",
        "due_on": timezone.localdate(),
    }
    return Action.objects.create(organisation=user.organisation, created_by=user, **(fields | extra))
