"""Demo training, awareness and partnership records for Demo Borough Council. Safe to run twice:
nothing is duplicated (each loader step keys on a name, a code or a date)."""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from tackle.accounts.demo import DEMO_COUNCIL_CODE, demo_username
from tackle.accounts.models import Organisation, User
from tackle.core.roles import Role
from tackle.training.models import (
    Campaign,
    Completion,
    CompletionSource,
    Course,
    CourseFormat,
    Distribution,
    GroupLevel,
    Material,
    MaterialKind,
    Meeting,
    MeetingAction,
    PartnerService,
    PartnershipGroup,
    PlaceType,
    Requirement,
    ServiceKind,
    Team,
    TeamMembership,
    TrainingSession,
)
from tackle.training.services import expiry_for

COURSES = [
    ("MS-101", "Modern slavery awareness", "Demo Learning Hub", CourseFormat.E_LEARNING, 45, 24),
    (
        "SG-MS",
        "Safeguarding with modern slavery content",
        "Demo Safeguarding Partnership",
        CourseFormat.CLASSROOM,
        180,
        12,
    ),
    ("PROC-ETH", "Ethical procurement", "Demo Procurement Academy", CourseFormat.WEBINAR, 90, 12),
]
SERVICES = [
    (
        "Modern Slavery and Exploitation Helpline",
        ServiceKind.HELPLINE,
        "Advice 24 hours a day for anyone with a concern",
        "Call 08000 121 700 or report online",
        "08000 121 700",
        "https://www.modernslaveryhelpline.org",
    ),
    (
        "Demo Survivor Support",
        ServiceKind.VICTIM_CARE,
        "Safe houses, outreach and support for adults in the NRM",
        "Referral through the NRM or the victim care contract; call the duty line",
        "Duty line 0000 000 0000",
        "",
    ),
    (
        "Independent Child Trafficking Guardians (demo)",
        ServiceKind.GUARDIANSHIP,
        "A guardian for each child thought to be trafficked",
        "Complete the guardian referral form after the NRM referral",
        "icta@example.org",
        "",
    ),
    (
        "Demo Migrant Help",
        ServiceKind.NGO,
        "Advice on immigration, housing and benefits",
        "Email with the person's consent",
        "help@example.org",
        "",
    ),
]

MEETINGS: list[tuple[date, str, list[tuple[str, date, date | None]]]] = [
    (
        date(2025, 9, 10),
        "Reviewed the statement draft and the training figures.",
        [("Circulate the statement draft to partners", date(2025, 9, 30), date(2025, 9, 25))],
    ),
    (
        date(2025, 12, 3),
        "Car wash operation debrief; awareness campaign results.",
        [
            ("Plan a second car wash visit with the police", date(2026, 1, 31), None),
            ("Add taxi drivers to the next awareness round", date(2026, 3, 31), None),
        ],
    ),
]


def _user(role: str) -> User | None:
    return User.objects.filter(username=demo_username(role)).first()


@transaction.atomic
def load(*, scale: str = "demo", out=None) -> None:  # type: ignore[no-untyped-def]
    council = Organisation.objects.filter(code=DEMO_COUNCIL_CODE).first()
    if council is None:
        return
    today = timezone.localdate()
    courses = {}
    for code, title, provider, fmt, minutes, months in COURSES:
        courses[code], _ = Course.objects.get_or_create(
            organisation=council,
            code=code,
            defaults={
                "title": title,
                "provider": provider,
                "format": fmt,
                "length_minutes": minutes,
                "validity_months": months,
            },
        )
    lead = _user(Role.MODERN_SLAVERY_LEAD)
    teams = {}
    for name, manager_role, member_roles in [
        ("Procurement", Role.CONTRACT_MANAGER, [Role.PROCUREMENT_OFFICER, Role.CONTRACT_MANAGER]),
        (
            "Frontline services",
            Role.SAFEGUARDING_MANAGER,
            [Role.FRONTLINE_OFFICER, Role.SAFEGUARDING_MANAGER, Role.COMMUNITY_SAFETY_MANAGER],
        ),
    ]:
        teams[name], _ = Team.objects.get_or_create(
            organisation=council, name=name, defaults={"manager": _user(manager_role)}
        )
        for role in member_roles:
            member = _user(role)
            if member is not None:
                TeamMembership.objects.get_or_create(team=teams[name], user=member)
    for course_code, required_role, team_name, every in [
        ("MS-101", "", None, 24),
        ("PROC-ETH", "", "Procurement", 12),
        ("SG-MS", Role.FRONTLINE_OFFICER, None, 12),
        ("SG-MS", Role.SAFEGUARDING_MANAGER, None, 12),
    ]:
        Requirement.objects.get_or_create(
            organisation=council,
            course=courses[course_code],
            role=required_role,
            team=teams.get(team_name) if team_name else None,
            defaults={"every_months": every},
        )
    # Some in date, some due soon, some expired; the same dates relative to today on every load.
    for role, code, days_ago in [
        (Role.FRONTLINE_OFFICER, "MS-101", 200),
        (Role.FRONTLINE_OFFICER, "SG-MS", 350),  # due within 30 days
        (Role.PROCUREMENT_OFFICER, "MS-101", 100),
        (Role.PROCUREMENT_OFFICER, "PROC-ETH", 420),  # overdue
        (Role.CONTRACT_MANAGER, "PROC-ETH", 60),
        (Role.SAFEGUARDING_MANAGER, "SG-MS", 500),  # overdue
        (Role.MODERN_SLAVERY_LEAD, "MS-101", 30),
    ]:
        user = _user(role)
        if user is None or Completion.objects.filter(user=user, course=courses[code]).exists():
            continue
        completed_on = today - timedelta(days=days_ago)
        Completion.objects.create(
            user=user,
            course=courses[code],
            completed_on=completed_on,
            expires_on=expiry_for(courses[code], completed_on),
            source=CompletionSource.IMPORT,
            recorded_by=lead,
        )
    for held_on, code, multi, total, external in [
        (date(2024, 6, 12), "MS-101", False, 24, 0),
        (date(2024, 11, 5), "SG-MS", True, 40, 18),
        (date(2025, 3, 19), "PROC-ETH", False, 15, 0),
        (date(2025, 10, 8), "SG-MS", True, 35, 12),
        (date(2026, 2, 24), "MS-101", True, 30, 9),
    ]:
        TrainingSession.objects.get_or_create(
            organisation=council,
            course=courses[code],
            held_on=held_on,
            defaults={"multi_agency": multi, "attendee_count": total, "external_attendee_count": external},
        )
    campaign, _ = Campaign.objects.get_or_create(
        organisation=council,
        name="Spot the signs 2025",
        defaults={"starts_on": date(2025, 10, 18), "description": "Anti-Slavery Day campaign with local businesses"},
    )
    leaflet, _ = Material.objects.get_or_create(
        campaign=campaign,
        title="Spot the signs leaflet",
        defaults={"kind": MaterialKind.LEAFLET, "languages": "English, Polish, Romanian, Vietnamese"},
    )
    card, _ = Material.objects.get_or_create(
        campaign=campaign,
        title="Helpline card for drivers",
        defaults={"kind": MaterialKind.CARD, "languages": "English"},
    )
    for material, place_type, place, quantity, on in [
        (leaflet, PlaceType.ESTATE_AGENT, "High Street lettings agents", 300, date(2025, 10, 20)),
        (leaflet, PlaceType.HOTEL, "Hotels near the station", 150, date(2025, 10, 22)),
        (leaflet, PlaceType.PLACE_OF_WORSHIP, "Faith forum members", 200, date(2025, 11, 2)),
        (card, PlaceType.TAXI, "Licensed drivers at renewal", 800, date(2025, 11, 10)),
        (leaflet, PlaceType.SCHOOL, "Secondary schools", 120, date(2025, 11, 14)),
    ]:
        Distribution.objects.get_or_create(
            material=material,
            place_type=place_type,
            distributed_on=on,
            defaults={"place_name": place, "quantity": quantity},
        )
    for name, kind, offers, how, contact, link in SERVICES:
        PartnerService.objects.get_or_create(
            organisation=council,
            name=name,
            defaults={"kind": kind, "offers": offers, "how_to_refer": how, "contact": contact, "link": link},
        )
    group, _ = PartnershipGroup.objects.get_or_create(
        organisation=council, name="Modern Slavery Partnership", defaults={"level": GroupLevel.STRATEGIC}
    )
    community_safety = _user(Role.COMMUNITY_SAFETY_MANAGER)
    for held_on, meeting_minutes, meeting_actions in MEETINGS:
        meeting, created = Meeting.objects.get_or_create(
            group=group,
            held_on=held_on,
            defaults={"minutes": meeting_minutes, "other_attendees": "Demo Constabulary; Demo Survivor Support"},
        )
        if not created:
            continue
        meeting.attendees.set([user for user in (lead, community_safety) if user is not None])
        for text, due, closed in meeting_actions:
            MeetingAction.objects.create(
                meeting=meeting, text=text, owner=community_safety, due_on=due, closed_on=closed
            )
    if out is not None:
        out.write("Training, awareness and partnership demo records loaded.\n")
