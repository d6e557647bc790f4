"""Every page and API endpoint, walked from the URL resolver as every role of two councils and a
police partner, checked against the policy table (tackle/core/access.py).

A URL with path parameters is filled from one real record of council A (matrix_records.py); one that
cannot be filled fails, naming it. What each request must answer, from the table:
- the role's table has no grant in the resource's module: 403;
- in council A, a role with the action in organisation scope (or own scope, on its own record):
  the page (200, or a redirect where the URL redirects); with no scope for the action: 403;
  with only scopes that do not reach the record (own or shared): 404;
- in another organisation: 404, unless the record was shared with it and the role has shared
  scope; a role with the module but not the action may get 403 or 404 (both refuse).
An endpoint that answers GET with 405 takes POST: it gets an empty POST; a refused one must add no
rows anywhere, and an allowed one may answer anything but 403, 404 or 500.
"""

import re
import uuid
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.db import transaction
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver

from tackle.accounts.models import Organisation, User
from tackle.accounts.tests import matrix_records
from tackle.accounts.tests.signing_in import sign_in
from tackle.audit.models import AuditAction, AuditEvent
from tackle.core import access
from tackle.core.access import Action, Scope
from tackle.core.roles import OrganisationKind, Role

# Not record pages and reachable without a role: signing in (password, single sign-on, an
# invitation's link), health and the API schema. Walked by no one here.
NOT_GUARDED_BY_ROLE = {
    "accounts:sign-in",
    "accounts:sign-out",
    "accounts:sso-start",
    "accounts:sso-callback",
    "accounts:sso-refused",
    "accounts:invitation-open",
    "accounts:invitation-accept",
    "accounts:two-factor-setup",
    "accounts:two-factor-verify",
    "accounts:choose-language",  # the header's language switch, offered before signing in too
    "api:health",
    "api-schema",
    "api-docs",
}

# Most specific first: (namespace:name prefix, resource).
RESOURCE_OF = [
    ("home:service-page", access.SERVICE_PAGES),  # editing them; the pages themselves are public
    ("home:", access.HOME),
    ("api:me", access.HOME),
    ("home:task-run", access.HOME),  # a task's progress: the person who started it (own scope)
    ("accounts:token", access.API_TOKENS),
    ("accounts:organisation-token", access.ORGANISATION_API_TOKENS),
    ("accounts:user", access.USERS),
    ("accounts:webhook", access.WEBHOOKS),
    ("api:webhook", access.WEBHOOKS),
    ("accounts:organisation-settings", access.ORGANISATION_SETTINGS),
    ("accounts:notification", access.NOTIFICATIONS),
    ("audit:verify", access.AUDIT_INTEGRITY),
    ("audit:certificate", access.AUDIT_INTEGRITY),
    ("audit:", access.AUDIT_LOG),
    ("api:audit-event", access.AUDIT_LOG),
    ("api:audit-verification", access.AUDIT_INTEGRITY),
    ("api:audit-certificate", access.AUDIT_INTEGRITY),
    ("cases:retention-schedule", access.RETENTION_SCHEDULE),
    ("cases:retention", access.RETENTION),
    ("cases:legal-hold", access.RETENTION),
    ("cases:record-hold", access.RETENTION),  # legal holds on intelligence, premises and operations
    ("cases:record-retention", access.RETENTION),
    ("cases:subject-access", access.SUBJECT_ACCESS),
    ("api:retention-schedule", access.RETENTION_SCHEDULE),
    ("api:retention", access.RETENTION),
    ("api:case-retention", access.RETENTION),
    ("api:subject-access", access.SUBJECT_ACCESS),
    ("api:case-subject-access", access.SUBJECT_ACCESS),
    ("cases:register", access.REGISTER),
    ("api:register", access.REGISTER),
    ("cases:nrm-pack-redaction", access.DTN_REDACTIONS),
    ("cases:nrm-pack", access.NRM_PACKS),
    ("api:case-nrm-form-redaction", access.DTN_REDACTIONS),
    ("api:case-nrm-form", access.NRM_PACKS),
    ("api:case-nrm-pack", access.NRM_PACKS),
    ("cases:pathway-settings", access.PATHWAY_SETTINGS),
    ("cases:explanation-", access.CONSENT_EXPLANATIONS),  # the texts kept; printing one is the case's
    ("cases:caseloads", access.CASELOADS),
    ("cases:support", access.SUPPORT),
    ("cases:document", access.SUPPORT),
    ("cases:missing-episode", access.SUPPORT),
    ("cases:needs-assessment", access.SUPPORT),
    ("cases:note", access.SUPPORT),
    ("cases:outcome-scores", access.SUPPORT),
    ("cases:placement", access.SUPPORT),
    ("cases:safety-plan", access.SUPPORT),
    ("api:support-", access.SUPPORT),
    ("cases:", access.CASES),
    ("api:caseloads", access.CASELOADS),
    ("api:case", access.CASES),
    ("api:encounter", access.CASES),
    ("api:pathway-settings", access.PATHWAY_SETTINGS),
    ("api:explanation-", access.CONSENT_EXPLANATIONS),
    ("api:pathway", access.CASES),
    ("statements:commitment", access.ACTION_PLANS),
    ("statements:action", access.ACTION_PLANS),
    ("statements:period", access.ACTION_PLANS),
    ("statements:", access.STATEMENTS),
    ("statement_reader:", access.STATEMENT_READINGS),
    ("api:statement-reading", access.STATEMENT_READINGS),
    ("api:statement-", access.STATEMENTS),
    ("api:plan-", access.ACTION_PLANS),
    ("training:campaign", access.PARTNERSHIPS),
    ("training:material", access.PARTNERSHIPS),
    ("training:distribution", access.PARTNERSHIPS),
    ("training:service", access.PARTNERSHIPS),
    ("training:group", access.PARTNERSHIP_GROUPS),
    ("training:meeting", access.PARTNERSHIP_GROUPS),
    ("training:action", access.PARTNERSHIP_GROUPS),
    ("training:course-new", access.TRAINING_RECORDS),
    ("training:requirement", access.TRAINING_REQUIREMENTS),
    ("training:team", access.TRAINING_RECORDS),
    ("training:session", access.TRAINING_RECORDS),
    ("training:completion", access.TRAINING_RECORDS),
    ("training:", access.TRAINING),
    ("scrutiny:arrangement", access.SCRUTINY_RECORDS),
    ("scrutiny:spend", access.SCRUTINY_RECORDS),
    ("scrutiny:foi", access.SCRUTINY_RECORDS),
    ("scrutiny:", access.ASSESSMENTS),
    ("api:foi", access.SCRUTINY_RECORDS),
    ("api:scrutiny-assessment", access.ASSESSMENTS),
    ("api:scrutiny-", access.SCRUTINY_RECORDS),  # the posts and the spending
    ("reporting:", access.FIGURES),
    ("api:figures", access.FIGURES),
    ("suppliers:contract", access.CONTRACTS),
    ("suppliers:risk", access.CONTRACTS),
    ("suppliers:action", access.CONTRACTS),
    ("suppliers:sanction", access.CONTRACTS),
    ("suppliers:tender", access.TENDERS),
    ("suppliers:clarification", access.TENDERS),
    ("suppliers:", access.SUPPLIERS),
    ("api:supplier", access.SUPPLIERS),
    ("api:contract", access.CONTRACTS),
    ("api:tender-check", access.TENDERS),
    ("api:clarification", access.TENDERS),
    ("api:spend", access.SPEND),
    ("api:training-course", access.TRAINING),
    ("api:partnership-campaign", access.PARTNERSHIPS),
    ("api:partnership-material", access.PARTNERSHIPS),
    ("api:partnership-service", access.PARTNERSHIPS),
    ("api:partnership-group", access.PARTNERSHIP_GROUPS),
    ("api:partnership-meeting", access.PARTNERSHIP_GROUPS),
    ("api:partnership-action", access.PARTNERSHIP_GROUPS),
    ("api:training-requirement", access.TRAINING_REQUIREMENTS),  # listed on the courses page too
    ("api:training-", access.TRAINING_RECORDS),
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
    ("api:premises", access.PREMISES),
    ("api:intelligence", access.INTELLIGENCE),
    ("api:agreement", access.AGREEMENTS),
    ("api:business", access.PREMISES),
    ("api:operation", access.OPERATIONS),
    ("api:briefing", access.BRIEFINGS),  # the meeting's actions too ("api:me" is the user's own page)
    ("targeting:", access.TARGETING),
    ("api:regulator-list", access.TARGETING),
    ("api:targeting-", access.TARGETING),
]

# The action a URL needs, by the end of its name; anything else views. Most specific first.
ACTION_OF = [
    (("-pdf", "-json", "-download", "-export", "-csv", "-xlsx"), Action.EXPORT),
    (("-new", "-add", "-create", "-import", "-open"), Action.RECORD),
    (
        ("-edit", "-close", "-reopen", "-revoke", "-clear", "-delete", "-terminate", "-complete", "-share"),
        Action.CHANGE,
    ),
    (("-judge", "-accept", "-move", "-status", "-progress", "-review", "-held", "-columns", "-actions"), Action.CHANGE),
]
ACTION_OVERRIDES = {
    "cases:document-download": Action.VIEW,  # opening a document kept on the case, not a copy of the case
    "api:support-document-download": Action.VIEW,
    "cases:nrm-event-new": Action.CHANGE,  # an NRM event moves the case's stage
    "api:case-nrm-event-create": Action.CHANGE,
    "cases:share-new": Action.CHANGE,  # the table's change covers sharing
    "home:task-run-status": Action.VIEW,
    "statements:period-review": Action.VIEW,  # the year looked back on, read only
    "statements:statement-approve": Action.CHANGE,  # recording the council's decision
    "statements:statement-publish": Action.CHANGE,
    "api:statement-approve": Action.CHANGE,
    "api:statement-publish": Action.CHANGE,
    "api:statement-submit": Action.CHANGE,
    "statements:commitment-adopt-charter": Action.RECORD,
    "disrupt:agreement-decline": Action.CHANGE,  # either party ends a proposal
    "api:agreement-decline": Action.CHANGE,
    "disrupt:reception-centre": Action.CHANGE,  # the operation's reception centre plan, a form
    "cases:pathway-settings": Action.CHANGE,
    "api:pathway-settings": Action.CHANGE,
    "api:explanation-approve": Action.CHANGE,
    "api:case-share-list": Action.CHANGE,  # as the case page, which lists shares to who may change the case
    "cases:explanation-language-new": Action.CHANGE,  # adding a language is changing the settings
    "cases:explanation-approve": Action.CHANGE,
    "cases:consent-explanation": Action.CHANGE,  # printed during the consent conversation, by who records it
    "cases:consent-explanation-pdf": Action.CHANGE,
    "cases:retention-decide": Action.CHANGE,  # a decision on a record past its retention date, a form
    "cases:legal-hold-lift": Action.CHANGE,
    "cases:record-retention-decide": Action.CHANGE,
    "cases:record-hold-lift": Action.CHANGE,
    "api:retention-hold-lift": Action.CHANGE,
    "api:webhook-secret": Action.CHANGE,  # a new secret for the endpoint
    "api:webhook-delivery-send-again": Action.CHANGE,  # as the delivery log's button
    "cases:missing-episode-return": Action.CHANGE,  # a missing episode's return, recorded later
    "api:support-missing-episode-return": Action.CHANGE,
    "cases:placement-end": Action.CHANGE,  # a placement's end, recorded later
    "api:support-placement-end": Action.CHANGE,
}

# Records of the organisation that every role with the action reads, as the list they are part of does,
# though its scope is own: a course of the catalogue, whose own scope is the user's completions; or
# aggregate: a release of figures, counts only, that every role with figures reads.
WHOLE_CATALOGUE = {"api:training-course-detail", "api:figures-release-detail"}

# URLs whose allowed answer is a redirect rather than a page.
REDIRECTS: set[str] = set()


def _walk(patterns, prefix="", namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}:{entry.namespace}" if namespace and entry.namespace else entry.namespace or namespace
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            yield (f"{namespace}:{entry.name}" if namespace else entry.name), "/" + prefix + str(entry.pattern)


URLS = sorted(set(_walk(get_resolver().url_patterns)))
PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>")


def resource_of(name: str) -> access.Resource | None:
    return next((resource for prefix, resource in RESOURCE_OF if name.startswith(prefix)), None)


def action_of(name: str) -> Action:
    if name in ACTION_OVERRIDES:
        return ACTION_OVERRIDES[name]
    return next((action for ends, action in ACTION_OF if name.endswith(ends)), Action.VIEW)


@dataclass(frozen=True)
class Persona:
    organisation: str  # "A", "B" or "police"
    role: Role

    def __str__(self) -> str:
        return f"{self.organisation}-{self.role.value}"


PERSONAS = [Persona(org, role) for org in ("A", "B") for role in Role] + [Persona("police", Role.PARTNER)]
WALKED = [(name, route) for name, route in URLS if resource_of(name) is not None]


@dataclass
class World:
    users: dict[Persona, User]
    clients: dict[Persona, Client]
    organisations: dict[str, Organisation]
    records: dict[str, matrix_records.Record]
    shared_case: dict[str, matrix_records.Record]  # replaces the case and its records


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """Every persona signed in and council A's records, made once and rolled back after the module."""
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        organisations = {
            "A": Organisation.objects.create(name="Council A", code="E09000001", kind=OrganisationKind.COUNCIL),
            "B": Organisation.objects.create(name="Council B", code="E09000002", kind=OrganisationKind.COUNCIL),
            "police": Organisation.objects.create(name="Test Police", code="POL-1", kind=OrganisationKind.POLICE),
        }
        users = {
            persona: User.objects.create(
                username=str(persona), organisation=organisations[persona.organisation], role=persona.role
            )
            for persona in PERSONAS
        }
        records, shared_case = matrix_records.build(
            frontline=users[Persona("A", Role.FRONTLINE_OFFICER)],
            lead=users[Persona("A", Role.MODERN_SLAVERY_LEAD)],
            police=organisations["police"],
        )
        clients = {persona: sign_in(Client(), user) for persona, user in users.items()}
        yield World(users, clients, organisations, records, shared_case)
        transaction.set_rollback(True)


def fill(name: str, route: str, records: dict[str, matrix_records.Record]) -> tuple[str, matrix_records.Record | None]:
    """The route with its parameters filled, and the record it names (the first parameter's)."""
    namespace = name.split(":")[0]
    first = None
    for parameter in PARAMETER.findall(route):
        keys = (f"{name}:{parameter}", f"{namespace}:{parameter}", parameter)
        record = next((records[key] for key in keys if key in records), None)
        if record is None:
            pytest.fail(f"{name}: no record fills <{parameter}> in {route}; add one to matrix_records.py")
        first = first or record
        route = re.sub(rf"<(?:\w+:)?{parameter}>", record.value, route)
    return route, first


def expected(persona: Persona, user: User, name: str, record: matrix_records.Record | None) -> str:
    """'allowed', 'forbidden' (403), 'missing' (404) or 'refused' (403 or 404), from the table."""
    resource = resource_of(name)
    assert resource is not None
    if not access.role_may_use(persona.role, resource.module):
        return "forbidden"
    if name.endswith(":index"):  # a module's landing page: for every role with the module
        return "allowed"
    scopes = access.scopes_for(persona.role, resource, action_of(name))
    if record is None:
        return "allowed" if scopes else "forbidden"
    if persona.organisation == "A":
        if scopes and name in WHOLE_CATALOGUE:
            return "allowed"
        if _reaches(scopes, user, record):
            return "allowed"
        if scopes:
            return "missing"
        # No scope for the action: 403 where the role sees the record, else it may not exist for them.
        return (
            "forbidden" if _reaches(access.scopes_for(persona.role, resource, Action.VIEW), user, record) else "refused"
        )
    if Scope.SHARED in scopes and user.organisation_id in record.shared_with:
        return "allowed"
    return "missing" if scopes else "refused"


def _reaches(scopes: frozenset[Scope], user: User, record: matrix_records.Record) -> bool:
    """Whether scopes reach a record of the user's own organisation."""
    return Scope.ORGANISATION in scopes or (Scope.OWN in scopes and record.owner == user.pk)


EXPECTED_CODES = {"forbidden": {403}, "missing": {404}, "refused": {403, 404}}


def _row_counts() -> dict[str, int]:
    """Rows in every table, less the audit entries a refusal of a record that exists writes."""
    counts = {
        model._meta.label: model.objects.count() for model in apps.get_models() if model._meta.app_label != "sessions"
    }
    counts["audit.AuditEvent"] = AuditEvent.objects.exclude(action=AuditAction.REFUSED).count()
    return counts


def check(world: World, persona: Persona, name: str, path: str, record: matrix_records.Record | None) -> None:
    client, user = world.clients[persona], world.users[persona]
    want = expected(persona, user, name, record)
    status = client.get(path).status_code
    if status == 405:  # takes POST only: an empty one
        before = _row_counts()
        status = client.post(path).status_code
        if want != "allowed":
            assert _row_counts() == before, f"{name} as {persona}: a refused POST changed rows"
        if want == "allowed":
            assert status not in (403, 404, 500), f"{name} as {persona}: POST answered {status}, want it done"
            return
    if want == "allowed":
        allowed = {200, 302} if name in REDIRECTS else {200}
        assert status in allowed, f"{name} as {persona}: {status}, want {sorted(allowed)}"
    else:
        assert status in EXPECTED_CODES[want], f"{name} as {persona}: {status}, want {want}"


def test_every_url_has_a_resource():
    unmapped = [name for name, _ in URLS if name not in NOT_GUARDED_BY_ROLE and resource_of(name) is None]
    assert unmapped == []


# Council B's roles walk only URLs that name a record: elsewhere they answer as council A's.
WALKS = [(name, route, p) for name, route in WALKED for p in PERSONAS if "<" in route or p.organisation != "B"]


@pytest.mark.parametrize(("name", "route", "persona"), WALKS, ids=[f"{n}-{p}" for n, _, p in WALKS])
def test_each_url_answers_each_role_as_the_table_says(world, db, name, route, persona):
    path, record = fill(name, route, world.records)
    check(world, persona, name, path, record)


CASE_URLS = [(name, route) for name, route in WALKED if "<uuid:case_uuid>" in route]


@pytest.mark.parametrize("persona", [Persona("police", Role.PARTNER), Persona("B", Role.PARTNER)], ids=str)
@pytest.mark.parametrize(("name", "route"), CASE_URLS, ids=[name for name, _ in CASE_URLS])
def test_a_case_shared_with_the_police_opens_for_their_partner_only(world, db, name, route, persona):
    records = {**world.records, **world.shared_case}
    path, record = fill(name, route, records)
    check(world, persona, name, path, record)


def test_a_case_that_does_not_exist_is_not_found(world, db):
    lead = world.clients[Persona("A", Role.MODERN_SLAVERY_LEAD)]
    assert lead.get(f"/cases/{uuid.uuid4()}/").status_code == 404
