"""Every form page, walked from the URL resolver (names ending -new, -edit, -add, -create, and the
form pages named for what they do, OTHER_FORMS), is sent empty and then with answers out of range
or badly formed; no framework or database message may reach the page (issue 18: "This field is
required." without the field, 'Constraint "..." is violated.', "Ensure this value is less than or
equal to 120."), and none may answer 500.

Each page is opened by the first role of council A that may use it; its records come from
matrix_records.py, as in the access matrix. Out-of-range answers are made from the inputs the page
shows: numbers far too big, impossible dates, text far too long, choices not offered.
"""

import re

import pytest
from django.db import transaction
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver

from tackle.accounts.models import Organisation, User
from tackle.accounts.tests import matrix_records
from tackle.accounts.tests.signing_in import sign_in
from tackle.core.roles import OrganisationKind, Role

FRAMEWORK_TEXTS = (
    "This field is required",
    "Ensure this value",
    "Constraint “",
    'Constraint "',
    "is violated",
    "Enter a valid",
    "Select a valid choice",
    "is not a valid choice",
    "This field cannot be",
    "already exists.",
)
FORM_ENDINGS = ("-new", "-edit", "-add", "-create")
# Form pages named for what they do rather than -new or -edit.
OTHER_FORMS = {
    "accounts:organisation-settings",
    "accounts:user-invite",
    "accounts:user-role",
    "cases:case-close",
    "cases:case-reopen",
    "cases:legal-hold-lift",
    "cases:missing-episode-return",
    "cases:nrm-pack-form",
    "cases:pathway-settings",
    "cases:record-hold-lift",
    "cases:record-retention-decide",
    "cases:retention-decide",
    "cases:safety-plan-review",
    "cases:subject-access-find",
    "disrupt:action-close",
    "disrupt:intelligence-share",
    "disrupt:reception-centre",
    "scrutiny:foi",
    "spend:file-columns",
    "statement_reader:follow-up-close",
    "statements:action-progress",
    "statements:action-status",
    "statements:commitment-actions",
    "statements:commitment-judge",
    "statements:period-close",
    "statements:statement-approve",
    "statements:statement-publish",
    "suppliers:action-close",
    "suppliers:assessment-complete",
    "suppliers:clarification-close",
    "suppliers:contract-terminate",
    "targeting:list-import",
    "training:action-close",
    "training:completion-import",
}
# The lead first: most forms are theirs; then every other role, for the pages only they reach.
FIRST = (Role.MODERN_SLAVERY_LEAD, Role.ADMINISTRATOR)
ROLES = [*FIRST, *(role for role in Role if role not in FIRST)]
PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>")
INPUT = re.compile(r"<(input|select|textarea)\b([^>]*)>", re.IGNORECASE)
ATTRIBUTE = re.compile(r'(\w[\w-]*)="([^"]*)"')
BAD_VALUES = {
    "number": "99999999999",
    "date": "2025-02-30",
    "datetime-local": "2025-02-30T25:61",
    "time": "25:61",
    "email": "not an email address",
    "url": "not a web address",
    "text": "x" * 5000,
    "tel": "x" * 500,
    "textarea": "x" * 200_000,
    "select": "not-a-choice",
    "radio": "not-a-choice",
    "checkbox": "not-a-choice",
}


def _walk(patterns, prefix="", namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}:{entry.namespace}" if namespace and entry.namespace else entry.namespace or namespace
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern) and entry.name:
            name = f"{namespace}:{entry.name}" if namespace else entry.name
            if (name.endswith(FORM_ENDINGS) or name in OTHER_FORMS) and not name.startswith("api:"):
                yield name, "/" + prefix + str(entry.pattern)


FORM_URLS = sorted(set(_walk(get_resolver().url_patterns)))


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        council = Organisation.objects.create(name="Council A", code="E09000001", kind=OrganisationKind.COUNCIL)
        police = Organisation.objects.create(name="Test Police", code="POL-1", kind=OrganisationKind.POLICE)
        users = {role: User.objects.create(username=role.value, organisation=council, role=role) for role in Role}
        records, _ = matrix_records.build(
            frontline=users[Role.FRONTLINE_OFFICER], lead=users[Role.MODERN_SLAVERY_LEAD], police=police
        )
        clients = {role: sign_in(Client(), user) for role, user in users.items()}
        yield clients, records
        transaction.set_rollback(True)


def _path(name: str, route: str, records: dict) -> str:
    namespace = name.split(":")[0]
    for parameter in PARAMETER.findall(route):
        keys = (f"{name}:{parameter}", f"{namespace}:{parameter}", parameter)
        record = next(records[key] for key in keys if key in records)
        route = re.sub(rf"<(?:\w+:)?{parameter}>", record.value, route)
    return route


def _bad_answers(page: str) -> dict[str, str]:
    form = page.split('method="post"', 1)[-1]
    answers = {}
    for tag, attributes in INPUT.findall(form):
        found = dict(ATTRIBUTE.findall(attributes))
        kind = tag.lower() if tag.lower() != "input" else found.get("type", "text")
        if "name" in found and kind in BAD_VALUES and found["name"] != "csrfmiddlewaretoken":
            answers.setdefault(found["name"], BAD_VALUES[kind])
    return answers


def _framework_text(page: str) -> list[str]:
    return [text for text in FRAMEWORK_TEXTS if text in page]


@pytest.mark.parametrize(("name", "route"), FORM_URLS, ids=[name for name, _ in FORM_URLS])
def test_a_form_sent_empty_or_out_of_range_shows_only_our_messages(world, db, name, route) -> None:
    clients, records = world
    path = _path(name, route, records)
    for role in ROLES:
        shown = clients[role].get(path)
        if shown.status_code == 200 and 'method="post"' in shown.content.decode():
            break
    else:
        pytest.fail(f"{name}: no role of council A reaches a form at {path}")
    client = clients[role]
    for answers in ({}, _bad_answers(shown.content.decode())):
        with transaction.atomic():
            response = client.post(path, answers)
            page = response.content.decode()
            transaction.set_rollback(True)
        assert response.status_code != 500, f"{name} as {role}: 500 for {sorted(answers)}"
        assert _framework_text(page) == [], f"{name} as {role}: {_framework_text(page)}"
