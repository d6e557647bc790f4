"""The API gives a partner what the case's share opens, as the pages do."""

import pytest
from rest_framework.test import APIClient

from tackle.cases.tests.factories import make_case
from tackle.cases.tests.views.test_who_sees_what import _share  # the same share as the pages' tests
from tackle.core.access import ShareScope

SUMMARY = {"uuid", "reference", "organisation", "stage", "status", "age_group", "exploitation_types"}


@pytest.fixture
def case(frontline_a):
    return make_case(frontline_a.organisation, frontline_a, person_name="Sam Example")


def _get(user, path):
    client = APIClient()
    client.force_authenticate(user)
    return client.get(path)


def test_a_summary_share_gives_the_summary_only(case, lead_a, police_partner):
    _share(case, lead_a, police_partner, ShareScope.SUMMARY)
    detail = _get(police_partner, f"/api/v1/cases/{case.uuid}")
    assert detail.status_code == 200
    assert set(detail.json()) == SUMMARY
    listed = _get(police_partner, "/api/v1/cases/").json()["results"]
    assert [set(row) for row in listed] == [SUMMARY]


def test_a_referral_share_adds_the_referral_actions_and_nrm_steps(case, lead_a, police_partner):
    _share(case, lead_a, police_partner, ShareScope.REFERRAL)
    assert set(_get(police_partner, f"/api/v1/cases/{case.uuid}").json()) == SUMMARY | {"referrals", "nrm_events"}


def test_the_case_workers_own_organisation_sees_the_whole_case(case, lead_a):
    assert _get(lead_a, f"/api/v1/cases/{case.uuid}").json()["person_name"] == "Sam Example"


def test_not_shared_is_not_found(case, police_partner):
    assert _get(police_partner, f"/api/v1/cases/{case.uuid}").status_code == 404
