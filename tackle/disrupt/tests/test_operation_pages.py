"""An operation's pages as a coordinator reads them (issue 18): intelligence tick boxes that tell records
apart, outcomes offered only once the day has come, counts in good English and case references that
link for the roles that may open the case."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tackle.core.tests.dates import date_answer
from tackle.disrupt import services
from tackle.disrupt.models import OperationOutcome, ReceptionCentrePlan
from tackle.disrupt.tests.factories import make_intelligence, make_operation, make_outcome

pytestmark = pytest.mark.django_db


def _detail(client, operation) -> str:
    return client.get(reverse("disrupt:operation-detail", args=[operation.uuid])).content.decode()


def test_intelligence_tick_boxes_name_the_reference_and_a_summary(client_for, safety_a):
    first = make_intelligence(safety_a)
    second = make_intelligence(safety_a, sanitised_summary="Two men seen collecting workers from a hostel")
    page = client_for(safety_a).get(reverse("disrupt:operation-create")).content.decode()
    assert first.reference != second.reference
    assert f"{first.reference}: Possible labour exploitation at a hand car wash" in page
    assert f"{second.reference}: Two men seen collecting workers from a hostel" in page
    assert "Boss" not in page  # what was reported, names included, stays on the record's own page


def test_a_record_without_a_summary_is_labelled_by_where_not_by_what_was_reported(client_for, safety_a):
    record = make_intelligence(safety_a, sanitised_summary="", where="Mill Lane car wash")
    page = client_for(safety_a).get(reverse("disrupt:operation-create")).content.decode()
    assert f"{record.reference}: Mill Lane car wash" in page
    assert "minibus" not in page


def test_outcomes_are_not_offered_before_the_day_of_the_operation(client_for, safety_a):
    operation = make_operation(safety_a, on=timezone.localdate() + timedelta(days=3))
    client = client_for(safety_a)
    page = _detail(client, operation)
    assert reverse("disrupt:outcome-edit", args=[operation.uuid]) not in page
    assert "You can record outcomes from" in page
    edit = reverse("disrupt:outcome-edit", args=[operation.uuid])
    assert client.get(edit)["Location"] == reverse("disrupt:operation-detail", args=[operation.uuid])
    response = client.post(edit, {"people_encountered": 1}, follow=True)
    assert "the day of the operation" in response.content.decode()
    assert not OperationOutcome.objects.exists()


def test_outcomes_are_offered_on_the_day_and_saved(client_for, safety_a):
    operation = make_operation(safety_a)
    client = client_for(safety_a)
    edit = reverse("disrupt:outcome-edit", args=[operation.uuid])
    assert edit in _detail(client, operation)
    counts = dict.fromkeys(
        [
            "people_encountered",
            "victims_adult",
            "victims_child",
            "nrm_referrals",
            "duty_to_notify",
            "safeguarding_referrals",
            "arrests_modern_slavery",
            "arrests_immigration",
            "arrests_other",
            "premises_closed",
        ],
        0,
    )
    client.post(edit, counts | {"people_encountered": 2})
    assert OperationOutcome.objects.get(operation=operation).people_encountered == 2


def test_an_operation_with_outcomes_cannot_be_moved_into_the_future(client_for, safety_a):
    operation = make_operation(safety_a)
    make_outcome(operation, safety_a)
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client_for(safety_a).post(
        reverse("disrupt:operation-edit", args=[operation.uuid]),
        {
            "name": operation.name,
            "kind": operation.kind,
            "objective": operation.objective,
            **date_answer("operation_date", tomorrow),
            "lead_agency": operation.lead_agency,
        },
    )
    assert "the date of the operation cannot be in the future" in response.content.decode()
    operation.refresh_from_db()
    assert operation.operation_date == timezone.localdate()


def test_one_adult_one_child_and_one_person_are_written_in_the_singular(client_for, safety_a):
    operation = make_operation(safety_a)
    make_outcome(operation, safety_a, people_encountered=2, victims_adult=1, victims_child=1)
    ReceptionCentrePlan.objects.create(operation=operation, venue="Leisure centre", capacity=1)
    page = _detail(client_for(safety_a), operation)
    assert "(1 adult, 1 child)" in page
    assert "1 person" in page
    assert "1 children" not in page and "1 adults" not in page and "1 people" not in page


def test_several_adults_and_children_are_written_in_the_plural(client_for, safety_a):
    operation = make_operation(safety_a)
    make_outcome(operation, safety_a, people_encountered=5, victims_adult=3, victims_child=2)
    assert "(3 adults, 2 children)" in _detail(client_for(safety_a), operation)


def _operation_with_a_case(owner):
    operation = make_operation(owner)
    make_outcome(operation, owner, people_encountered=1, victims_adult=1, victims_child=0)
    facts = services.VictimFacts(what_was_seen="Sleeping on site", exploitation_types=["labour"])
    [case] = services.operation_open_cases(actor=owner, operation=operation, facts=facts)
    return operation, case


def test_a_lead_who_may_open_the_case_gets_a_link_to_it(client_for, lead_a):
    operation, case = _operation_with_a_case(lead_a)
    page = _detail(client_for(lead_a), operation)
    assert f'href="{reverse("cases:case-detail", args=[case.uuid])}">{case.reference}</a>' in page


def test_a_coordinator_who_may_not_open_cases_sees_the_reference_without_a_link(client_for, safety_a):
    operation, case = _operation_with_a_case(safety_a)
    page = _detail(client_for(safety_a), operation)
    assert case.reference in page
    assert reverse("cases:case-detail", args=[case.uuid]) not in page


def test_the_intelligence_page_shows_the_reference_the_tick_box_quotes(client_for, safety_a):
    record = make_intelligence(safety_a)
    page = client_for(safety_a).get(reverse("disrupt:intelligence-detail", args=[record.uuid])).content.decode()
    assert f"{record.reference}, from" in page


def test_the_briefing_links_new_concerns_for_a_lead_and_not_for_a_manager_who_may_not_open_them(
    client_for, lead_a, safety_a
):
    _operation, case = _operation_with_a_case(lead_a)
    case_page = reverse("cases:case-detail", args=[case.uuid])
    lead_page = client_for(lead_a).get(reverse("disrupt:briefing")).content.decode()
    assert f'href="{case_page}">{case.reference}</a>' in lead_page
    manager_page = client_for(safety_a).get(reverse("disrupt:briefing")).content.decode()
    assert case.reference in manager_page and case_page not in manager_page
