"""Demo scrutiny records for Demo Borough Council: its lead, three years of spending and
self-assessments for 2025 and 2026. Idempotent: running it again changes nothing."""

from datetime import date
from decimal import Decimal

from django.db import transaction

from tackle.accounts.demo import DEMO_COUNCIL_CODE, demo_username
from tackle.accounts.models import Organisation, User
from tackle.core.roles import Role
from tackle.scrutiny.models import Answer, Assessment, LeadArrangement, Spend, SpendCategory

SPEND = {
    "2023-24": {
        SpendCategory.POSTS: "38000",
        SpendCategory.TRAINING: "2500",
        SpendCategory.COMMISSIONED_SUPPORT: "12000",
    },
    "2024-25": {
        SpendCategory.POSTS: "39500",
        SpendCategory.TRAINING: "4000",
        SpendCategory.EMERGENCY_ACCOMMODATION: "6200",
    },
    "2025-26": {
        SpendCategory.POSTS: "41000",
        SpendCategory.TRAINING: "3500",
        SpendCategory.COMMISSIONED_SUPPORT: "15000",
        SpendCategory.EMERGENCY_ACCOMMODATION: "8400",
    },
}

ANSWERS = {
    2025: {
        "knowledge_staff_trained": ("partly", "Frontline housing and social care teams trained; others not yet."),
        "knowledge_councillors": ("no", "No councillor briefing held this year."),
        "strategy_lead": ("yes", "Community safety manager named as lead."),
        "strategy_figures": ("partly", "Referrals counted by hand from team spreadsheets."),
        "structures_pathway": ("yes", "Referral pathway agreed by the safeguarding boards."),
        "partnership_forum": ("yes", "Member of the borough exploitation partnership."),
        "victims_support": ("partly", "Emergency accommodation arranged case by case."),
        "procurement_statement": ("yes", "Statement approved by Cabinet."),
        "awareness_public": ("no", "No campaign this year."),
    },
    2026: {
        "knowledge_staff_trained": ("yes", "Required course assigned to every frontline role."),
        "knowledge_councillors": ("yes", "Briefing for the scrutiny committee held in the spring."),
        "strategy_lead": ("yes", "Dedicated modern slavery coordinator in post."),
        "strategy_figures": ("yes", "Concerns and NRM referrals counted in Tackle's register by quarter."),
        "structures_pathway": ("yes", "Pathway configured in Tackle."),
        "structures_records": ("yes", "All concerns recorded in Tackle."),
        "partnership_forum": ("yes", "Member of the borough exploitation partnership."),
        "victims_support": ("yes", "Commissioned support service for people outside the NRM."),
        "procurement_statement": ("yes", "Statement approved by Cabinet."),
        "awareness_public": ("partly", "Car wash leaflet drop in two wards."),
    },
}


def load(*, scale: str = "demo", out=None) -> None:  # type: ignore[no-untyped-def]
    council = Organisation.objects.filter(code=DEMO_COUNCIL_CODE).first()
    lead = User.objects.filter(username=demo_username(Role.MODERN_SLAVERY_LEAD)).first()
    if council is None or lead is None:
        raise RuntimeError("Load the demo organisations and users first (tackle.accounts.demo.load).")
    with transaction.atomic():
        LeadArrangement.objects.get_or_create(
            organisation=council,
            since=date(2022, 9, 1),
            defaults={
                "lead_user": lead,
                "lead_name": "Modern slavery coordinator",
                "team": "Community safety",
                "covers_children": True,
                "covers_adults": True,
                "dedicated": True,
            },
        )
        for label, lines in SPEND.items():
            for category, amount in lines.items():
                Spend.objects.get_or_create(
                    organisation=council, financial_year=label, category=category, defaults={"amount": Decimal(amount)}
                )
        for year, answers in ANSWERS.items():
            assessment, _ = Assessment.objects.get_or_create(
                organisation=council, year=year, defaults={"created_by": lead}
            )
            for key, (answer, evidence) in answers.items():
                Answer.objects.get_or_create(
                    assessment=assessment,
                    question=key,
                    defaults={"answer": answer, "evidence": evidence, "updated_by": lead},
                )
    if out is not None:
        out.write(f"Demo scrutiny records for {council.name}")
