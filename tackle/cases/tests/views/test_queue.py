"""The case list's filters and search, and caseloads: right role works, wrong role 403, and a
search is audited without its words."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tackle.audit.models import AuditAction, AuditEvent
from tackle.cases.models import CaseStatus
from tackle.cases.services.allocation import case_allocate
from tackle.cases.tests.factories import make_case
from tackle.core.roles import Role


@pytest.fixture
def anna(lead_a, frontline_a):
    return make_case(lead_a.organisation, frontline_a, reference="C-AAAA1111", person_name="Anna Kowalska")


@pytest.fixture
def closed(lead_a, frontline_a):
    return make_case(
        lead_a.organisation, frontline_a, reference="C-CCCC3333", status=CaseStatus.CLOSED, closed_at=timezone.now()
    )


def _references(response):
    return [row["case"].reference for row in response.context["rows"]]


def test_the_lead_searches_by_name_and_the_audit_keeps_the_count_not_the_words(client_for, lead_a, anna):
    response = client_for(lead_a).get(reverse("cases:queue"), {"search": "kowal", "status": "all"})
    assert response.status_code == 200 and _references(response) == ["C-AAAA1111"]
    event = AuditEvent.objects.filter(action=AuditAction.LIST).latest("sequence")
    assert "1 found" in event.note and "kowal" not in event.note.lower() and "kowal" not in event.path.lower()
    assert "status=all" in event.path


def test_closed_cases_are_listed_with_a_way_to_reopen_them(client_for, lead_a, anna, closed):
    client = client_for(lead_a)
    assert _references(client.get(reverse("cases:queue"))) == ["C-AAAA1111"]
    response = client.get(reverse("cases:queue"), {"status": "closed"})
    assert _references(response) == ["C-CCCC3333"]
    assert reverse("cases:case-reopen", args=[closed.uuid]) in response.content.decode()


def test_my_cases_and_filters_are_kept_across_pages(client_for, lead_a, anna, monkeypatch):
    from tackle.cases import selectors

    second = make_case(lead_a.organisation, lead_a, reference="C-BBBB2222")
    for case in (anna, second):
        case_allocate(case=case, actor=lead_a, worker=lead_a)
    monkeypatch.setattr(selectors, "QUEUE_PAGE_SIZE", 1)
    response = client_for(lead_a).get(reverse("cases:queue"), {"allocated_to": lead_a.username})
    page = response.content.decode()
    assert len(response.context["rows"]) == 1 and "My cases" in page
    assert f'href="?allocated_to={lead_a.username}&amp;page=2"' in page


def test_bad_filters_show_govuk_errors_not_a_crash(client_for, lead_a, anna):
    response = client_for(lead_a).get(reverse("cases:queue"), {"stage": "nonsense", "allocated_to": "nobody-here"})
    page = response.content.decode()
    assert response.status_code == 200 and response.context["rows"] == []
    assert "There is a problem" in page and "Choose a stage from the list" in page
    assert "No case worker of your organisation has the username nobody-here" in page


def test_a_search_too_short_for_the_index_says_so(client_for, lead_a, anna):
    response = client_for(lead_a).get(reverse("cases:queue"), {"search": "an"})
    assert "Enter at least 3 characters to search" in response.content.decode()


def test_a_partner_may_filter_but_not_search_by_a_persons_details(client_for, police_partner, anna):
    client = client_for(police_partner)
    assert client.get(reverse("cases:queue"), {"status": "open"}).status_code == 200
    assert client.get(reverse("cases:queue"), {"search": "Anna"}).status_code == 403


def test_a_frontline_officer_searches_only_the_concerns_they_recorded(client_for, frontline_a, make_user, anna):
    other = make_user(Role.FRONTLINE_OFFICER, frontline_a.organisation)
    assert _references(client_for(frontline_a).get(reverse("cases:queue"), {"search": "anna"})) == ["C-AAAA1111"]
    assert _references(client_for(other).get(reverse("cases:queue"), {"search": "anna"})) == []


def test_another_organisation_never_finds_our_cases(client_for, lead_b, anna):
    assert _references(client_for(lead_b).get(reverse("cases:queue"), {"search": "anna", "status": "all"})) == []


def test_councillors_cannot_open_the_case_list(client_for, councillor_a):
    assert client_for(councillor_a).get(reverse("cases:queue"), {"search": "anna"}).status_code == 403


class TestCaseloads:
    def test_the_lead_sees_each_workers_open_and_overdue_cases(self, client_for, lead_a, make_user, council_a, anna):
        manager = make_user(Role.SAFEGUARDING_MANAGER, council_a, first_name="Maya", last_name="Patel")
        case_allocate(case=anna, actor=lead_a, worker=manager)
        response = client_for(lead_a).get(reverse("cases:caseloads"))
        page = response.content.decode()
        assert response.status_code == 200 and "Maya Patel" in page and "Not allocated" in page
        assert f"?allocated_to={manager.username}&amp;overdue=true" in page
        assert AuditEvent.objects.filter(action=AuditAction.LIST, note="Caseloads viewed").exists()

    @pytest.mark.parametrize("role", [Role.SAFEGUARDING_MANAGER, Role.FRONTLINE_OFFICER, Role.COUNCILLOR])
    def test_other_roles_get_403(self, client_for, make_user, council_a, role):
        assert client_for(make_user(role, council_a)).get(reverse("cases:caseloads")).status_code == 403

    def test_another_organisations_lead_sees_only_their_own_workers(self, client_for, lead_a, lead_b, anna):
        case_allocate(case=anna, actor=lead_a, worker=lead_a)
        loads = client_for(lead_b).get(reverse("cases:caseloads")).context["loads"]
        assert [(load.worker, load.open) for load in loads] == [(lead_b, 0), (None, 0)]


def test_the_queue_page_reads_its_rows_in_a_fixed_number_of_queries(client_for, lead_a, frontline_a, anna):
    """Rows are loaded with only the columns the page shows: a field the template reads beyond them
    would cost one query per row, and the second count would grow with the rows."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(lead_a)
    case_allocate(case=anna, actor=lead_a, worker=lead_a)
    with CaptureQueriesContext(connection) as one_row:
        assert client.get(reverse("cases:queue")).status_code == 200
    for number in range(4):
        case = make_case(lead_a.organisation, frontline_a, reference=f"C-DDDD000{number}", person_name="Dee")
        case_allocate(case=case, actor=lead_a, worker=lead_a)
    with CaptureQueriesContext(connection) as five_rows:
        response = client.get(reverse("cases:queue"))
    assert len(response.context["rows"]) == 5 and "Dee" in response.content.decode()
    assert len(five_rows.captured_queries) == len(one_row.captured_queries)
