"""Every page and API endpoint, walked from the URL resolver as every role, checked against the
policy table (tackle/core/access.py). A new URL fails test_every_url_has_a_resource until it is
given one below, and from then on is walked like the others.

Bounded to keep it fast: GET only; pages without path parameters as every role of council A (a role
without the resource's module gets 403, a role that may view the resource does not get 403 or 404);
case pages with a case of council A as the lead of council B (404) and of council A (not 404).
"""

import uuid

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from tackle.cases.services.case import ConcernDetails, case_record_concern
from tackle.core import access
from tackle.core.access import Action
from tackle.core.roles import Role

# Reachable without a role: sign-in pages, health, the API schema, a task's own progress page.
NOT_GUARDED_BY_ROLE = {
    "accounts:sign-in",
    "accounts:sign-out",
    "accounts:two-factor-setup",
    "accounts:two-factor-verify",
    "api:health",
    "api-schema",
    "api-docs",
    "core:task-run-detail",
    "core:task-run-status",
}

# Most specific first: (namespace:name prefix, resource).
RESOURCE_OF = [
    ("home:", access.HOME),
    ("api:me", access.HOME),
    ("accounts:token", access.API_TOKENS),
    ("accounts:user", access.USERS),
    ("audit:", access.AUDIT_LOG),
    ("api:audit-event", access.AUDIT_LOG),
    ("cases:register", access.REGISTER),
    ("api:register", access.REGISTER),
    ("cases:nrm-pack", access.NRM_PACKS),
    ("cases:support", access.SUPPORT),
    ("cases:", access.CASES),
    ("api:case", access.CASES),
    ("api:pathway", access.CASES),
    ("statements:commitment", access.ACTION_PLANS),
    ("statements:action", access.ACTION_PLANS),
    ("statements:period", access.ACTION_PLANS),
    ("statements:", access.STATEMENTS),
    ("statement_reader:", access.STATEMENTS),
    ("api:statement-reading", access.STATEMENTS),
    ("training:campaign", access.PARTNERSHIPS),
    ("training:material", access.PARTNERSHIPS),
    ("training:distribution", access.PARTNERSHIPS),
    ("training:service", access.PARTNERSHIPS),
    ("training:group", access.PARTNERSHIP_GROUPS),
    ("training:meeting", access.PARTNERSHIP_GROUPS),
    ("training:action", access.PARTNERSHIP_GROUPS),
    ("training:requirement", access.TRAINING_RECORDS),
    ("training:team", access.TRAINING_RECORDS),
    ("training:session", access.TRAINING_RECORDS),
    ("training:completion", access.TRAINING_RECORDS),
    ("training:", access.TRAINING),
    ("scrutiny:arrangement", access.SCRUTINY_RECORDS),
    ("scrutiny:spend", access.SCRUTINY_RECORDS),
    ("scrutiny:foi", access.SCRUTINY_RECORDS),
    ("scrutiny:", access.ASSESSMENTS),
    ("reporting:", access.FIGURES),
    ("suppliers:contract", access.CONTRACTS),
    ("suppliers:risk", access.CONTRACTS),
    ("suppliers:action", access.CONTRACTS),
    ("suppliers:sanction", access.CONTRACTS),
    ("suppliers:tender", access.TENDERS),
    ("suppliers:clarification", access.TENDERS),
    ("suppliers:", access.SUPPLIERS),
    ("spend:", access.SPEND),
    ("disrupt:premises", access.PREMISES),
    ("disrupt:flag", access.PREMISES),
    ("disrupt:business", access.PREMISES),
    ("disrupt:intelligence", access.INTELLIGENCE),
    ("disrupt:agreement", access.AGREEMENTS),
    ("disrupt:operation", access.OPERATIONS),
    ("disrupt:agency", access.OPERATIONS),
    ("disrupt:reception", access.OPERATIONS),
    ("disrupt:outcome", access.OPERATIONS),
    ("disrupt:cases", access.OPERATIONS),
    ("disrupt:", access.BRIEFINGS),
    ("targeting:", access.TARGETING),
]

# Pages a role with the module may still be refused (they record or change, or need set-up data).
_NOT_A_VIEW = (
    "-new",
    "-edit",
    "-import",
    "-create",
    "-close",
    "-revoke",
    "-held",
    "settings",
    "adopt",
    "-pdf",
    "verify",
)


def _walk(patterns, prefix="", namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}:{entry.namespace}" if namespace and entry.namespace else entry.namespace or namespace
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            yield (f"{namespace}:{entry.name}" if namespace else entry.name), "/" + prefix + str(entry.pattern)


URLS = sorted(set(_walk(get_resolver().url_patterns)))


def resource_of(name: str) -> access.Resource | None:
    return next((resource for prefix, resource in RESOURCE_OF if name.startswith(prefix)), None)


def _fill(route: str, **values: str) -> str:
    for key, value in values.items():
        route = route.replace(f"<uuid:{key}>", value)
    return route


def test_every_url_has_a_resource():
    unmapped = [name for name, _ in URLS if name not in NOT_GUARDED_BY_ROLE and resource_of(name) is None]
    assert unmapped == []


@pytest.mark.parametrize("role", list(Role))
def test_each_role_reaches_the_pages_of_its_modules_and_no_others(client_for, make_user, council_a, role):
    client = client_for(make_user(role, council_a))
    wrong = []
    for name, route in URLS:
        resource = resource_of(name)
        if "<" in route or resource is None or name in NOT_GUARDED_BY_ROLE or "." in route:
            continue
        status = client.get(route).status_code
        if status == 405:  # POST only: not walked by this GET-only test
            continue
        if resource.module not in access.ROLE_MODULES[role]:
            if status != 403:
                wrong.append((name, status, "expected 403"))
        elif access.allows(role, resource, Action.VIEW) and not name.endswith(_NOT_A_VIEW) and status in (403, 404):
            wrong.append((name, status, "expected the page"))
    assert wrong == [], wrong


def test_another_councils_case_does_not_exist_for_its_lead_and_opens_for_ours(client_for, lead_a, lead_b):
    details = ConcernDetails(encountered_at=timezone.now(), what_was_seen="Seen at a car wash", location="High Street")
    case = case_record_concern(organisation=lead_a.organisation, recorded_by=lead_a, details=details)
    ours, theirs = client_for(lead_a), client_for(lead_b)
    for name, route in URLS:
        if "<uuid:case_uuid>" not in route or "<" in _fill(route, case_uuid=""):
            continue
        path = _fill(route, case_uuid=str(case.uuid))
        if (status := theirs.get(path).status_code) == 405:
            continue
        assert status == 404, name
        assert ours.get(path).status_code != 404, name
    missing = _fill("/cases/<uuid:case_uuid>/", case_uuid=str(uuid.uuid4()))
    assert ours.get(missing).status_code == 404
