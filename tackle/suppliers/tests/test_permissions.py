"""Every page: works for the right person, 404 for another organisation's record, 403 for a role
that may not use it."""

import pytest
from django.urls import reverse

from tackle.core.tests.dates import date_answer
from tackle.suppliers.tests.factories import make_records


@pytest.fixture
def records(council_a):
    return make_records(council_a)


def _url(name: str, records: dict, key: str | None) -> str:
    return reverse(f"suppliers:{name}", args=[records[key].uuid] if key else [])


# (url name, record it needs, who may open it, a role that may not)
PAGES = [
    ("index", None, "contract_manager_a", "frontline_a"),
    ("supplier-list", None, "procurement_a", "councillor_a"),
    ("supplier-new", None, "contract_manager_a", "frontline_a"),
    ("missing-statements", None, "lead_a", "auditor_a"),
    ("supplier-detail", "supplier", "procurement_a", "frontline_a"),
    ("supplier-edit", "supplier", "procurement_a", "frontline_a"),
    ("contact-new", "supplier", "contract_manager_a", "admin_a"),
    ("contract-list", None, "contract_manager_a", "frontline_a"),
    ("contract-new", None, "procurement_a", "frontline_a"),
    ("risk-register", None, "lead_a", "councillor_a"),
    ("contract-detail", "contract", "contract_manager_a", "frontline_a"),
    ("contract-edit", "contract", "contract_manager_a", "frontline_a"),
    ("contract-terminate", "contract", "contract_manager_a", "frontline_a"),
    ("risk-new", "contract", "contract_manager_a", "frontline_a"),
    ("action-new", "contract", "contract_manager_a", "frontline_a"),
    ("sanction-new", "contract", "contract_manager_a", "frontline_a"),
    ("action-close", "action", "contract_manager_a", "frontline_a"),
    ("assessment-list", None, "contract_manager_a", "frontline_a"),
    ("assessment-complete", "assessment", "contract_manager_a", "frontline_a"),
    ("selection-list", None, "procurement_a", "frontline_a"),
    ("selection-new", None, "procurement_a", "frontline_a"),
    ("tender-check-new", None, "procurement_a", "contract_manager_a"),
    ("tender-check-detail", "check", "procurement_a", "contract_manager_a"),
    ("clarification-list", None, "lead_a", "contract_manager_a"),
    ("clarification-close", "task", "procurement_a", "contract_manager_a"),
]


@pytest.mark.parametrize(("name", "key", "allowed", "_refused"), PAGES, ids=[page[0] for page in PAGES])
def test_the_page_opens_for_who_may_use_it(request, client_for, records, name, key, allowed, _refused):
    response = client_for(request.getfixturevalue(allowed)).get(_url(name, records, key))
    assert response.status_code == 200


@pytest.mark.parametrize(("name", "key", "_allowed", "refused"), PAGES, ids=[page[0] for page in PAGES])
def test_the_page_is_forbidden_to_a_role_that_may_not_use_it(
    request, client_for, records, name, key, _allowed, refused
):
    assert client_for(request.getfixturevalue(refused)).get(_url(name, records, key)).status_code == 403


@pytest.mark.parametrize("name,key", [(name, key) for name, key, *_ in PAGES if key], ids=lambda value: str(value))
def test_another_organisations_record_does_not_exist(client_for, lead_b, records, name, key):
    assert client_for(lead_b).get(_url(name, records, key)).status_code == 404


def test_signed_out_people_are_sent_to_sign_in(client, records):
    assert client.get(reverse("suppliers:index")).status_code == 302


def test_a_post_by_the_wrong_role_changes_nothing(client_for, frontline_a, records):
    response = client_for(frontline_a).post(
        _url("contract-terminate", records, "contract"),
        {**date_answer("terminated_on", "2026-01-01"), "reason": "other", "details": "x"},
    )
    assert response.status_code == 403
    records["contract"].refresh_from_db()
    assert records["contract"].status == "active"
