"""Demo organisations and one user per role. Safe to run twice: nothing is duplicated."""

import os
import time

from django.contrib.auth.hashers import make_password
from django.db import transaction

from tackle.accounts.models import Organisation, OrganisationSettings, User
from tackle.core.roles import OrganisationKind, Role

DEMO_COUNCIL_CODE = "E09000099"
# A Welsh council (Welsh codes start W06): it runs its service in Welsh and English, as the Welsh
# Language Standards ask, so a demo can show the English | Cymraeg switch (issue 21).
DEMO_WELSH_COUNCIL_CODE = "W06000099"
DEMO_ORGANISATIONS = [
    ("Demo Borough Council", DEMO_COUNCIL_CODE, OrganisationKind.COUNCIL),
    ("Demo Constabulary", "DEMO-POLICE", OrganisationKind.POLICE),
    ("Demo Survivor Support", "DEMO-NGO-1", OrganisationKind.NGO),
    ("Demo Migrant Help", "DEMO-NGO-2", OrganisationKind.NGO),
    ("Neighbouring District Council", "E07000999", OrganisationKind.COUNCIL),
    ("Demo County Borough Council", DEMO_WELSH_COUNCIL_CODE, OrganisationKind.COUNCIL),
]
# The partner persona works for the police force; every other persona for the demo council.
_ROLE_ORGANISATION: dict[str, str] = {Role.PARTNER: "DEMO-POLICE"}

NATIONAL_ORGANISATIONS = 400
NATIONAL_USERS = 20_000
_NATIONAL_KINDS = [
    OrganisationKind.COUNCIL,
    OrganisationKind.COUNCIL,
    OrganisationKind.COUNCIL,
    OrganisationKind.POLICE,
    OrganisationKind.NGO,
    OrganisationKind.HEALTH,
    OrganisationKind.FIRE,
    OrganisationKind.OTHER_AGENCY,
]


def demo_password() -> str:
    return os.environ.get("DEMO_PASSWORD", "demo-password")


def demo_username(role: str) -> str:
    return f"demo-{role}"


@transaction.atomic
def load(*, scale: str = "demo", out=None) -> None:  # type: ignore[no-untyped-def]
    organisations = {}
    for name, code, kind in DEMO_ORGANISATIONS:
        organisations[code], _ = Organisation.objects.get_or_create(code=code, defaults={"name": name, "kind": kind})
    password_hash = make_password(demo_password())
    for role in Role.values:
        organisation = organisations[_ROLE_ORGANISATION.get(role, DEMO_COUNCIL_CODE)]
        User.objects.get_or_create(
            username=demo_username(role),
            defaults={
                "organisation": organisation,
                "role": role,
                "first_name": "Demo",
                "last_name": str(Role(role).label),
                "is_demo": True,
                "password": password_hash,
            },
        )
    # A lead in the neighbouring council: the "other organisation" in demos and tests.
    User.objects.get_or_create(
        username="demo-neighbour-modern_slavery_lead",
        defaults={
            "organisation": organisations["E07000999"],
            "role": Role.MODERN_SLAVERY_LEAD,
            "first_name": "Neighbour",
            "last_name": "Lead",
            "is_demo": True,
            "password": password_hash,
        },
    )
    _load_welsh_council(organisations[DEMO_WELSH_COUNCIL_CODE], password_hash)
    if scale == "national":
        _load_national(password_hash, out)


def _load_welsh_council(council: Organisation, password_hash: str) -> None:
    """The Welsh council offers the Welsh service; its lead has chosen Cymraeg. An administrator's
    later change to the setting is kept when the demo is loaded again."""
    OrganisationSettings.objects.get_or_create(organisation=council, defaults={"welsh_language_service": True})
    User.objects.get_or_create(
        username="demo-welsh-modern_slavery_lead",
        defaults={
            "organisation": council,
            "role": Role.MODERN_SLAVERY_LEAD,
            "first_name": "Demo",
            "last_name": "Arweinydd",
            "language": "cy",
            "is_demo": True,
            "password": password_hash,
        },
    )


def _load_national(password_hash: str, out) -> None:  # type: ignore[no-untyped-def]
    started = time.monotonic()
    Organisation.objects.bulk_create(
        [
            Organisation(
                name=f"National Test Organisation {number:03d}",
                code=f"NAT-{number:04d}",
                kind=_NATIONAL_KINDS[number % len(_NATIONAL_KINDS)],
            )
            for number in range(1, NATIONAL_ORGANISATIONS + 1)
        ],
        ignore_conflicts=True,
        batch_size=500,
    )
    national = list(Organisation.objects.filter(code__startswith="NAT-").order_by("code").values_list("pk", flat=True))
    roles = Role.values
    User.objects.bulk_create(
        [
            User(
                username=f"nat-user-{number:05d}",
                organisation_id=national[number % len(national)],
                role=roles[number % len(roles)],
                first_name="Test",
                last_name=f"User {number}",
                is_demo=True,
                password=password_hash,  # one Argon2 hash, reused: hashing 20,000 times would take an hour
            )
            for number in range(1, NATIONAL_USERS + 1)
        ],
        ignore_conflicts=True,
        batch_size=2000,
    )
    if out is not None:
        out.write(
            f"National data: {len(national)} organisations, {NATIONAL_USERS} users in {time.monotonic() - started:.1f}s"
        )
