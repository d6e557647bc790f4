"""Demo disruption records for Demo Borough Council: premises, businesses, intelligence from the
council and the police, a sharing agreement with Demo Constabulary, two past operations with their
outcomes, one coming up, and the meeting's actions. Safe to run twice: every step keys on a name,
an address or a title. Dates are relative to today, so the annual report always has this year's
figures. Postcodes use the made-up DM area."""

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from tackle.accounts.demo import DEMO_COUNCIL_CODE, demo_username
from tackle.accounts.models import Organisation, User
from tackle.core.roles import Role
from tackle.disrupt.choices import (
    AgencyAttendance,
    FlagKind,
    HandlingCode,
    LegalBasis,
    OperationKind,
    PremisesType,
    SharingCategory,
)
from tackle.disrupt.models import (
    Action,
    AddressFlag,
    Business,
    Intelligence,
    Operation,
    OperationAgency,
    OperationOutcome,
    Premises,
    ReceptionCentrePlan,
    SharingAgreement,
)

PREMISES = [
    ("Shine Hand Car Wash", "Unit 3, Canal Side Trading Estate", "DM1 4QT", PremisesType.HAND_CAR_WASH),
    ("Polished Nails", "27 Market Street", "DM2 1AB", PremisesType.NAIL_BAR),
    ("Golden Dragon Takeaway", "112 Station Road", "DM3 7HX", PremisesType.TAKEAWAY),
    ("", "45 Victoria Terrace", "DM3 8LP", PremisesType.HMO),
    ("Hollybank Farm", "Hollybank Lane, Lower Marston", "DM9 2RS", PremisesType.FARM),
    ("Brightwell Care Home", "8 Elm Grove", "DM4 6TW", PremisesType.CARE_HOME),
]
BUSINESSES = [
    ("Shine Valeting Ltd", "12345678", "Operator known locally as 'Max'", ["DM1 4QT"]),
    ("Polished Beauty Ltd", "SC654321", "Manager changes every few weeks", ["DM2 1AB"]),
    ("Golden Dragon (DM) Ltd", "", "Family business; staff live upstairs", ["DM3 7HX"]),
]


def _user(role: str) -> User | None:
    return User.objects.filter(username=demo_username(role)).first()


def _premises(council: Organisation, author: User) -> dict[str, Premises]:
    found = {}
    for name, address, postcode, kind in PREMISES:
        found[postcode], _ = Premises.objects.get_or_create(
            organisation=council,
            address=address,
            postcode=postcode,
            defaults={"name": name, "premises_type": kind, "created_by": author},
        )
    for name, number, operator, postcodes in BUSINESSES:
        business, created = Business.objects.get_or_create(
            organisation=council,
            name=name,
            defaults={"company_number": number, "operator": operator, "created_by": author},
        )
        if created:
            business.premises.set([found[code] for code in postcodes])
    flags: list[tuple[str, str, str]] = [
        ("DM3 8LP", FlagKind.FOSTER_PLACEMENT_AT_RISK, "A child placed nearby has been seen visiting"),
        ("DM1 4QT", FlagKind.OFFICER_SAFETY, "Dogs on site; visit in pairs"),
    ]
    for postcode, flag_kind, note in flags:
        AddressFlag.objects.get_or_create(
            premises=found[postcode], kind=flag_kind, defaults={"note": note, "raised_by": author}
        )
    return found


def _intelligence(organisation: Organisation, author: User, rows: list[dict[str, Any]], premises: dict) -> None:
    today = timezone.localdate()
    for row in rows:
        row = dict(row)
        linked = row.pop("premises", [])
        days_ago = row.pop("days_ago")
        record, created = Intelligence.objects.get_or_create(
            organisation=organisation,
            what=row.pop("what"),
            defaults={"recorded_by": author, "received_on": today - timedelta(days=days_ago), **row},
        )
        if created:
            record.premises.set(
                [premises[code] for code in linked if code in premises and organisation == premises[code].organisation]
            )


COUNCIL_INTELLIGENCE = [
    {
        "what": "Environmental health officer saw mattresses in the back store room and workers without gloves.",
        "where": "Shine Hand Car Wash",
        "premises": ["DM1 4QT"],
        "people": "About eight men, Eastern European, little English",
        "exploitation_types": ["labour"],
        "source_evaluation": "1",
        "intelligence_assessment": "A",
        "handling_code": HandlingCode.PERMITTED,
        "sanitised_summary": "Signs of workers living at a car wash in the east of the borough.",
        "days_ago": 40,
    },
    {
        "what": "Neighbour reports young women dropped at the nail bar at 7am and collected at 10pm by the same car.",
        "where": "Market Street",
        "premises": ["DM2 1AB"],
        "vehicles": "Silver estate car, partial registration DM18",
        "exploitation_types": ["labour"],
        "source_evaluation": "2",
        "intelligence_assessment": "C",
        "handling_code": HandlingCode.PERMITTED,
        "sanitised_summary": "Workers at a town-centre nail bar may be transported and controlled.",
        "days_ago": 1,
    },
    {
        "what": "Housing officer found 14 mattresses in a three-bedroom HMO licensed for five.",
        "where": "45 Victoria Terrace",
        "premises": ["DM3 8LP"],
        "exploitation_types": ["labour", "criminal"],
        "source_evaluation": "1",
        "intelligence_assessment": "A",
        "handling_code": HandlingCode.CONDITIONS,
        "handling_conditions": "Not to be shared with the landlord's letting agent; police and housing only",
        "days_ago": 0,
    },
]
POLICE_INTELLIGENCE = [
    {
        "what": "Crimestoppers report: takeaway staff work seven days a week unpaid; the owner holds their passports.",
        "where": "Golden Dragon Takeaway, Station Road",
        "people": "Owner's nephew collects the takings",
        "exploitation_types": ["labour"],
        "source_evaluation": "2",
        "intelligence_assessment": "B",
        "handling_code": HandlingCode.PERMITTED,
        "sanitised_summary": "Possible debt bondage at a takeaway near the station.",
        "days_ago": 20,
    },
]


def _operation(council: Organisation, author: User, spec: dict[str, Any], premises: dict) -> Operation:
    operation, created = Operation.objects.get_or_create(
        organisation=council,
        name=spec["name"],
        defaults={
            "kind": spec["kind"],
            "objective": spec["objective"],
            "operation_date": spec["date"],
            "lead_agency": spec["lead"],
            "tactical_plan": spec.get("plan", ""),
            "risk_assessment": spec.get("risk", ""),
            "created_by": author,
        },
    )
    if not created:
        return operation
    operation.premises.set([premises[code] for code in spec["premises"]])
    for name, attendance, interventions, organisation in spec["agencies"]:
        OperationAgency.objects.create(
            operation=operation,
            name=name,
            attendance=attendance,
            interventions=interventions,
            organisation=organisation,
        )
    if "reception" in spec:
        ReceptionCentrePlan.objects.create(operation=operation, **spec["reception"])
    if "outcome" in spec:
        OperationOutcome.objects.create(operation=operation, recorded_by=author, **spec["outcome"])
    return operation


@transaction.atomic
def load(*, scale: str = "demo", out=None) -> None:  # type: ignore[no-untyped-def]
    council = Organisation.objects.filter(code=DEMO_COUNCIL_CODE).first()
    police = Organisation.objects.filter(code="DEMO-POLICE").first()
    author = _user(Role.COMMUNITY_SAFETY_MANAGER)
    partner = _user(Role.PARTNER)
    if council is None or police is None or author is None or partner is None:
        return
    today = timezone.localdate()
    premises = _premises(council, author)
    _intelligence(council, author, COUNCIL_INTELLIGENCE, premises)
    _intelligence(police, partner, POLICE_INTELLIGENCE, premises)
    agreement, _ = SharingAgreement.objects.get_or_create(
        organisation=council,
        partner=police,
        title="Demo Borough modern slavery information-sharing agreement",
        defaults={
            "purpose": "Prevent and disrupt modern slavery and protect potential victims through joint work",
            "legal_basis": LegalBasis.CRIME_AND_DISORDER,
            "categories": [
                SharingCategory.INTELLIGENCE_SUMMARIES,
                SharingCategory.INTELLIGENCE,
                SharingCategory.OPERATIONS,
                SharingCategory.PREMISES,
            ],
            "starts_on": today - timedelta(days=200),
            "expires_on": today + timedelta(days=530),
            "created_by": author,
        },
    )
    if agreement.accepted_at is None and agreement.declined_at is None and agreement.revoked_at is None:
        # Accepted on paper before the demo began (the constabulary has no lead in the demo), so
        # the partner's view shows an agreement in force; a demo loaded before acceptance existed
        # is brought up to date here too.
        agreement.accepted_at = timezone.now() - timedelta(days=200)
        agreement.save(update_fields=["accepted_at"])
    police_present = ("Demo Constabulary", AgencyAttendance.PRESENT, 6, police)
    _operation(
        council,
        author,
        {
            "name": "Operation Foam",
            "kind": OperationKind.PLANNED,
            "objective": "Welfare checks on car wash workers; check right to work and living conditions.",
            "date": today - timedelta(days=30),
            "lead": "Demo Constabulary",
            "plan": "Arrive 07:30 as workers are dropped off. Police secure exits; council officers interview.",
            "risk": "Dogs on site. Possible flight risk. Interpreters for Romanian and Albanian on call.",
            "premises": ["DM1 4QT"],
            "agencies": [
                police_present,
                ("Environmental health", AgencyAttendance.PRESENT, 2, council),
                ("Immigration Enforcement", AgencyAttendance.PRESENT, 4, None),
                ("GLAA", AgencyAttendance.PRESENT, 3, None),
                ("Demo Survivor Support", AgencyAttendance.ON_CALL, 1, None),
            ],
            "reception": {
                "venue": "Canal Side Community Centre",
                "capacity": 20,
                "nights": 0,
                "facilities": "Hot food, showers, phones, interpreters, first aid",
                "partners": "Demo Survivor Support; Red Cross volunteers",
            },
            "outcome": {
                "people_encountered": 11,
                "victims_adult": 6,
                "victims_child": 0,
                "nrm_referrals": 4,
                "duty_to_notify": 2,
                "safeguarding_referrals": 0,
                "arrests_modern_slavery": 2,
                "arrests_immigration": 1,
                "arrests_other": 0,
                "premises_closed": 1,
                "exploitation_types": ["labour"],
                "notes": "Prohibition notice served on the sleeping area.",
            },
        },
        premises,
    )
    _operation(
        council,
        author,
        {
            "name": "Operation Lacquer",
            "kind": OperationKind.DYNAMIC,
            "objective": "Respond to a report of a young woman locked in overnight at a nail bar.",
            "date": today - timedelta(days=9),
            "lead": "Demo Constabulary",
            "premises": ["DM2 1AB"],
            "agencies": [
                police_present,
                ("Trading standards", AgencyAttendance.PRESENT, 2, council),
                ("Children's social care", AgencyAttendance.ON_CALL, 1, None),
            ],
            "outcome": {
                "people_encountered": 4,
                "victims_adult": 1,
                "victims_child": 1,
                "nrm_referrals": 2,
                "duty_to_notify": 0,
                "safeguarding_referrals": 1,
                "arrests_modern_slavery": 1,
                "arrests_immigration": 0,
                "arrests_other": 1,
                "premises_closed": 0,
                "exploitation_types": ["labour", "sexual"],
            },
        },
        premises,
    )
    upcoming = _operation(
        council,
        author,
        {
            "name": "Operation Wok",
            "kind": OperationKind.PLANNED,
            "objective": "Joint visit with immigration and HMRC to the takeaway named in police intelligence.",
            "date": today + timedelta(days=5),
            "lead": "Demo Borough Council",
            "premises": ["DM3 7HX"],
            "agencies": [
                ("Demo Constabulary", AgencyAttendance.ON_CALL, 0, police),
                ("HMRC", AgencyAttendance.PRESENT, 0, None),
            ],
        },
        premises,
    )
    for title, owner, due_in, operation, closed in [
        ("Ask HMRC for the takeaway's payroll returns", "Community safety manager", 2, upcoming, False),
        ("Book interpreters for Operation Wok", "Demo Constabulary, duty inspector", 4, upcoming, False),
        ("Check the HMO licence conditions at Victoria Terrace", "Private sector housing", -3, None, False),
        ("Serve the prohibition notice at the car wash", "Environmental health", -25, None, True),
    ]:
        Action.objects.get_or_create(
            organisation=council,
            title=title,
            defaults={
                "owner": owner,
                "due_on": today + timedelta(days=due_in),
                "operation": operation,
                "created_by": author,
                "closed_at": timezone.now() - timedelta(days=20) if closed else None,
                "closed_by": author if closed else None,
                "closing_note": "Notice served and the sleeping area emptied" if closed else "",
            },
        )
    if out is not None:
        out.write("Disruption demo records loaded.\n")
