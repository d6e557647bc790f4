"""Demo action plan, draft statement and adopted charter for Demo Borough Council. Safe to run twice."""

from datetime import date

from django.db import transaction

from tackle.accounts.demo import DEMO_COUNCIL_CODE, demo_username
from tackle.accounts.models import Organisation, User
from tackle.core.roles import Role
from tackle.statements.models import (
    Action,
    ActionStatus,
    ActionUpdate,
    Commitment,
    CommitmentEvidence,
    Statement,
    StatementPeriod,
    StatementSection,
)
from tackle.statements.sections import TEXT_SECTIONS
from tackle.statements.services.commitments import charter_adopt

LEAD = Role.MODERN_SLAVERY_LEAD
PROCUREMENT = Role.PROCUREMENT_OFFICER
CONTRACTS = Role.CONTRACT_MANAGER
SAFETY = Role.COMMUNITY_SAFETY_MANAGER

# (period, area, title, owner role, team, due, status, progress note)
ACTIONS = [
    (
        "2024-2025",
        "defining_risks",
        "Map spend categories with the highest exploitation risk",
        PROCUREMENT,
        "Procurement",
        date(2024, 9, 30),
        ActionStatus.DONE,
        "Risk map of 14 categories agreed by the board.",
    ),
    (
        "2024-2025",
        "prevention",
        "Add modern slavery clauses to standard contract terms",
        CONTRACTS,
        "Legal and contracts",
        date(2024, 12, 31),
        ActionStatus.DONE,
        "New terms in use for all tenders over £25,000.",
    ),
    (
        "2024-2025",
        "detection",
        "Brief licensing officers on signs of labour exploitation",
        LEAD,
        "Licensing",
        date(2025, 1, 31),
        ActionStatus.DONE,
        "Three briefings held for 41 officers.",
    ),
    (
        "2024-2025",
        "response",
        "Publish a single referral route for staff",
        LEAD,
        "Safeguarding",
        date(2025, 3, 31),
        ActionStatus.IN_PROGRESS,
        "Draft route shared with partners for comment.",
    ),
    (
        "2024-2025",
        "evaluation",
        "Report action plan progress to scrutiny twice a year",
        LEAD,
        "Policy",
        date(2025, 3, 31),
        ActionStatus.DONE,
        "Reports taken in October and March.",
    ),
    (
        "2025-2026",
        "defining_risks",
        "Refresh the supply chain risk map with new contract data",
        PROCUREMENT,
        "Procurement",
        date(2025, 10, 31),
        ActionStatus.IN_PROGRESS,
        "Contract register extract received.",
    ),
    (
        "2025-2026",
        "defining_risks",
        "Review housing and care providers for recruitment-fee risks",
        CONTRACTS,
        "Adult social care commissioning",
        date(2026, 1, 31),
        ActionStatus.PLANNED,
        "",
    ),
    (
        "2025-2026",
        "prevention",
        "Ask top-spend suppliers for their own statements and check them",
        PROCUREMENT,
        "Procurement",
        date(2025, 12, 31),
        ActionStatus.IN_PROGRESS,
        "Requests sent to 30 suppliers; 18 replied.",
    ),
    (
        "2025-2026",
        "prevention",
        "Make e-learning on exploitation part of staff induction",
        LEAD,
        "Organisational development",
        date(2026, 2, 28),
        ActionStatus.PLANNED,
        "",
    ),
    (
        "2025-2026",
        "detection",
        "Joint visits with police to car washes and nail bars",
        SAFETY,
        "Community safety",
        date(2025, 11, 30),
        ActionStatus.IN_PROGRESS,
        "Four joint visits completed.",
    ),
    (
        "2025-2026",
        "response",
        "Agree a protocol for emergency accommodation of survivors",
        LEAD,
        "Housing options",
        date(2026, 3, 31),
        ActionStatus.PLANNED,
        "",
    ),
    (
        "2025-2026",
        "evaluation",
        "Survey staff on confidence in spotting and reporting concerns",
        LEAD,
        "Policy",
        date(2026, 3, 31),
        ActionStatus.PLANNED,
        "",
    ),
]

SECTION_TEXT = {
    "what_is_modern_slavery": "Modern slavery covers slavery, servitude, forced or compulsory labour and human "
    "trafficking. People are controlled through threats, debt, deception or the removal of documents, and made "
    "to work or provide services against their will.",
    "organisation_and_services": "Demo Borough Council serves about 250,000 residents. We provide social care, "
    "housing, waste collection, licensing, planning and many other services, and employ around 4,500 staff.",
    "supply_chains": "We spend about £300 million a year with some 2,000 suppliers. Construction, facilities "
    "management, social care, cleaning and clothing are the categories we consider most exposed to exploitation.",
    "countries_of_operation": "We deliver our services in the United Kingdom. Some goods we buy, such as uniforms "
    "and electronics, are made overseas, and we ask suppliers about their own sources.",
    "high_risk_activities": "Work that relies on agency labour, subcontracting or low-paid shifts carries the "
    "greatest risk, as do goods made with raw materials from regions with known forced labour.",
    "responsibilities": "The cabinet member for community safety leads on this statement. The modern slavery lead "
    "co-ordinates the action plan; procurement and contract managers own supplier checks; every manager is "
    "responsible for staff knowing how to raise a concern.",
    "policies": "Our safeguarding, whistleblowing, procurement, recruitment and code of conduct policies each set "
    "out what staff and suppliers must do if they suspect exploitation.",
    "due_diligence": "Tenders above £25,000 include questions on labour practices. Higher-risk contracts are "
    "reviewed each year, and we can end a contract where a supplier does not deal with abuse it finds.",
    "partnerships": "We work with the police, health partners, local charities and neighbouring councils through "
    "the local anti-slavery partnership, which meets every quarter.",
    "training_and_awareness": "Frontline staff, licensing officers and procurement staff receive training on the "
    "signs of modern slavery and how to refer a concern. Figures for the year are shown below.",
}


@transaction.atomic
def load(*, scale: str = "demo", out=None) -> None:  # type: ignore[no-untyped-def]
    organisation = Organisation.objects.filter(code=DEMO_COUNCIL_CODE).first()
    lead = User.objects.filter(username=demo_username(LEAD)).first()
    if organisation is None or lead is None:
        return
    periods = {}
    for label, start, end in (
        ("2024-2025", date(2024, 4, 1), date(2025, 3, 31)),
        ("2025-2026", date(2025, 4, 1), date(2026, 3, 31)),
    ):
        periods[label], _ = StatementPeriod.objects.get_or_create(
            organisation=organisation, label=label, defaults={"starts_on": start, "ends_on": end}
        )
    for label, area, title, role, team, due, status, note in ACTIONS:
        owner = User.objects.filter(username=demo_username(role)).first()
        action, created = Action.objects.get_or_create(
            organisation=organisation,
            period=periods[label],
            title=title,
            defaults={
                "area": area,
                "owner": owner,
                "owner_team": team,
                "due_on": due,
                "status": status,
                "starts_on": periods[label].starts_on,
            },
        )
        if created and note:
            ActionUpdate.objects.create(
                action=action, written_on=min(due, date.today()), what_was_done=note, author=lead
            )
    statement, created = Statement.objects.get_or_create(
        organisation=organisation,
        period=periods["2025-2026"],
        version=1,
        defaults={"review_date": date(2026, 9, 30)},
    )
    if created:
        StatementSection.objects.bulk_create(
            StatementSection(statement=statement, key=key, text=SECTION_TEXT[key]) for key, _ in TEXT_SECTIONS
        )
    _load_commitments(organisation, lead)
    if out is not None:
        out.write("Statements: demo action plan, draft statement and commitments loaded.\n")


CHARTER_ADOPTED_ON = date(2024, 7, 18)
# charter key: (linked action titles, evidence as (recorded on, text, link), the lead's reason if met)
COMMITMENT_LINKS: dict[str, tuple[list[str], list[tuple[date, str, str]], str]] = {
    "coop_train_procurement": (["Make e-learning on exploitation part of staff induction"], [], ""),
    "coop_contractor_compliance": (
        [
            "Add modern slavery clauses to standard contract terms",
            "Ask top-spend suppliers for their own statements and check them",
        ],
        [(date(2025, 1, 15), "Standard terms for every tender over £25,000 now carry modern slavery clauses.", "")],
        "The clauses are in every new contract over £25,000; supplier checks continue as an action.",
    ),
    "coop_review_spend": (
        [
            "Map spend categories with the highest exploitation risk",
            "Refresh the supply chain risk map with new contract data",
        ],
        [(date(2024, 10, 2), "The procurement board agreed a risk map of 14 spend categories.", "")],
        "",
    ),
    "coop_highlight_risks": (["Review housing and care providers for recruitment-fee risks"], [], ""),
    "coop_refer_concerns": (["Publish a single referral route for staff"], [], ""),
    "coop_publicise_whistleblowing": (
        ["Survey staff on confidence in spotting and reporting concerns"],
        [
            (
                date(2025, 5, 20),
                "The whistleblowing policy now names exploitation; an intranet article set out how to use it.",
                "",
            )
        ],
        "",
    ),
    "coop_report_annually": (
        ["Report action plan progress to scrutiny twice a year"],
        [
            (
                date(2025, 7, 10),
                "The 2024-2025 statement was approved by Cabinet and published on the council website.",
                "https://www.example.gov.uk/modern-slavery-statement",
            )
        ],
        "Published for 2024-2025; the 2025-2026 statement is being drafted.",
    ),
}


def _load_commitments(organisation: Organisation, lead: User) -> None:
    """Adopt the charter, then link actions and evidence to the commitments just created only, so a
    second run (or the lead's own changes) are left alone."""
    for commitment in charter_adopt(
        organisation=organisation, actor=lead, adopted_on=CHARTER_ADOPTED_ON, adopted_by="Full Council"
    ):
        titles, evidence, met_reason = COMMITMENT_LINKS.get(commitment.charter_key, ([], [], ""))
        commitment.actions.set(Action.objects.filter(organisation=organisation, title__in=titles))
        for recorded_on, text, url in evidence:
            CommitmentEvidence.objects.get_or_create(
                commitment=commitment, text=text, defaults={"recorded_on": recorded_on, "url": url, "recorded_by": lead}
            )
        if met_reason and evidence:
            Commitment.objects.filter(pk=commitment.pk).update(
                met_on=max(day for day, _, _ in evidence), met_by=lead, met_note=met_reason
            )
