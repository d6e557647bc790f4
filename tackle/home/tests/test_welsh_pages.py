"""Issue 21's "done when": every page of every role in Welsh, with no English left that we have Welsh for.

The catalogue test sees strings marked and translated; it cannot see one translated too early (at
import, copied into a dict, a lazy string made str before the language is chosen) nor English that
never went through gettext. So this walks the pages themselves: the access matrix's URLs, filled
with its records, as each role of a council with the Welsh service whose people chose Cymraeg.
A page fails when it is not <html lang="cy"> or when a piece of text in its header, navigation or
<main> is exactly an English msgid of the catalogue whose Welsh differs. Text marked lang="en-GB"
(what the Home Office receives, copied from its English form) is meant to be English and is skipped.
"""

import re
from collections import defaultdict
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client, override_settings
from django.utils import translation

from tackle.accounts.models import Organisation, OrganisationSettings, User
from tackle.accounts.tests import matrix_records
from tackle.accounts.tests.signing_in import sign_in
from tackle.accounts.tests.test_access_matrix import WALKED, Persona, action_of, expected, fill
from tackle.core.access import Action
from tackle.core.catalogue import catalogue_path, read_catalogue
from tackle.core.roles import OrganisationKind, Role
from tackle.core.tests.test_translation_catalogue import NOT_YET_TRANSLATED

ROLES = list(Role)
# Pages, not the API nor downloads (a document is in its own language, checked where it is made).
PAGES = [(name, route) for name, route in WALKED if not name.startswith("api") and action_of(name) != Action.EXPORT]

# Text of the walked records that happens to be a msgid too: record contents, shown as written.
RECORD_CONTENTS = {
    "Leaflet",  # a campaign material's title (training's factories)
    "Helpline",  # a partner service's name
    "Minutes",  # a meeting's minutes
    "Low",  # a bid's explanation (suppliers' factories)
    "Address",  # columns of a regulator's file, named by the file (targeting's factories)
    "Town",
    "Outcome",
    "Support",  # a share's purpose (the access matrix's records)
}

# Names of languages from cases' pick list (cases/rules/pick_lists.py) still shown in English on a
# Welsh page: none since they are shown through LANGUAGE_LABELS; a new list must not add any.
LANGUAGE_NAMES_NOT_YET_TRANSLATED: set[str] = set()

# Pages in the language of what they print, not the reader's: an explanation to hand to the person.
IN_THEIR_OWN_LANGUAGE = {"cases:consent-explanation"}

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_READ = {"main", "header", "nav"}
_HIDDEN = {"script", "style", "svg", "template"}


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class _VisibleText(HTMLParser):
    """The text pieces of <main>, <header> and <nav>, outside scripts and anything lang="en-GB"."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []  # tag, read here, English on purpose here
        self.pieces: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            return
        read, english = self.stack[-1][1:] if self.stack else (False, False)
        english = english or tag in _HIDDEN or dict(attrs).get("lang", "").lower().startswith("en")
        self.stack.append((tag, read or tag in _READ, english))

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        if self.stack and self.stack[-1][1] and not self.stack[-1][2] and _words(data):
            self.pieces.append(_words(data))


def visible_text(page: str) -> list[str]:
    parser = _VisibleText()
    parser.feed(page)
    return parser.pieces


def english_with_welsh() -> set[str]:
    """Every English msgid the catalogue has a different Welsh for."""
    return {
        _words(entry.msgid)
        for entry in read_catalogue(catalogue_path())
        if entry.translated and _words(entry.msgstr[0]) != _words(entry.msgid)
    }


def not_yet_translated(name: str) -> bool:
    return name.split(":")[0] in NOT_YET_TRANSLATED


@pytest.fixture(scope="module")
def welsh_council(django_db_setup, django_db_blocker, tmp_path_factory):
    """A council with the Welsh service, one person of each role who chose Cymraeg, and the matrix's records."""
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        council = Organisation.objects.create(name="Cyngor A", code="W06000001", kind=OrganisationKind.COUNCIL)
        police = Organisation.objects.create(name="Heddlu", code="POL-1", kind=OrganisationKind.POLICE)
        OrganisationSettings.objects.update_or_create(organisation=council, defaults={"welsh_language_service": True})
        users = {
            role: User.objects.create(username=role.value, organisation=council, role=role, language="cy")
            for role in ROLES
        }
        records, _ = matrix_records.build(
            frontline=users[Role.FRONTLINE_OFFICER], lead=users[Role.MODERN_SLAVERY_LEAD], police=police
        )
        clients = {role: sign_in(Client(), user) for role, user in users.items()}
        yield clients, walks_for(users, records)
        transaction.set_rollback(True)
    translation.activate(settings.LANGUAGE_CODE)  # a request leaves its language active in the thread


def _is_html_page(response) -> bool:
    return response.status_code == 200 and response["Content-Type"].startswith("text/html")


def test_the_text_of_a_page_is_read_from_header_nav_and_main_but_not_english_on_purpose():
    page = (
        '<html lang="cy"><body><header>Skip <nav>Cases</nav></header><div>Footer</div>'
        '<main><h1>Achosion</h1><script>var x = "Save";</script><p lang="en-GB">Save</p><br>'
        "<button>  Save\n </button></main></body></html>"
    )
    assert visible_text(page) == ["Skip", "Cases", "Achosion", "Save"]


def walks_for(users: dict[Role, User], records: dict) -> dict[Role, list[tuple[str, str]]]:
    """The pages (name, path) each role walks: every page by the two roles that may open the most pages among those
    that may open it (so the walk stays short), and the home page by every role, whose header and
    navigation differ by role."""
    may_open: dict[tuple[str, str], list[Role]] = {}
    for name, route in PAGES:
        path, record = fill(name, route, records)
        may_open[(name, path)] = [
            role for role in ROLES if expected(Persona("A", role), users[role], name, record) == "allowed"
        ]
    breadth = {role: sum(role in roles for roles in may_open.values()) for role in ROLES}
    walks: dict[Role, list[tuple[str, str]]] = defaultdict(list)
    for page, roles in may_open.items():
        for role in sorted(roles, key=breadth.__getitem__, reverse=True)[:2]:
            walks[role].append(page)
    for role in ROLES:
        if ("home:dashboard", "/") not in walks[role]:
            walks[role].append(("home:dashboard", "/"))
    return walks


@pytest.mark.parametrize("role", ROLES, ids=lambda role: role.value)
def test_every_page_a_welsh_reader_opens_is_in_welsh(welsh_council, db, role):
    clients, walks = welsh_council
    english = english_with_welsh() - RECORD_CONTENTS - LANGUAGE_NAMES_NOT_YET_TRANSLATED
    found: list[str] = []
    read = 0
    for name, path in walks[role]:
        response = clients[role].get(path)
        if not _is_html_page(response):
            continue
        read += 1
        page = response.content.decode()
        if '<html lang="cy"' not in page and name not in IN_THEIR_OWN_LANGUAGE:
            found.append(f'{path}: <html lang> is not "cy"')
        if not not_yet_translated(name):
            found += [f"{path}: {text!r}" for text in visible_text(page) if text in english]
    assert read, f"{role.value} read no page"
    assert not found, "English left on Welsh pages:\n" + "\n".join(found)
