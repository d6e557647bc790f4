"""Services: operations, outcomes, cases for victims, shares, agreements, flags, actions."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from tackle.audit.models import AuditEvent
from tackle.cases.models import Case
from tackle.core.errors import ApplicationError
from tackle.disrupt import services
from tackle.disrupt.choices import FlagKind
from tackle.disrupt.models import Operation, OperationOutcome, Premises
from tackle.disrupt.selectors import operation_for_case
from tackle.disrupt.tests.factories import (
    make_action,
    make_agreement,
    make_intelligence,
    make_operation,
    make_outcome,
    make_premises,
)

pytestmark = pytest.mark.django_db


def test_planning_from_a_typed_address_reuses_premises_the_council_holds(safety_a):
    held = make_premises(safety_a, address="12 Mill Lane", postcode="B66 1AA")
    operation = Operation(
        organisation=safety_a.organisation,
        created_by=safety_a,
        name="Op",
        kind="planned",
        objective="Visit",
        operation_date=timezone.localdate(),
        lead_agency="Police",
    )
    services.operation_create(
        actor=safety_a,
        operation=operation,
        premises=[],
        intelligence=[],
        new_premises=services.NewPremises(address="12  mill lane", postcode="b661aa"),
    )
    assert list(operation.premises.all()) == [held]
    assert Premises.objects.count() == 1


def test_planning_with_a_new_address_creates_the_premises(safety_a):
    operation = Operation(
        organisation=safety_a.organisation,
        created_by=safety_a,
        name="Op",
        kind="dynamic",
        objective="Visit",
        operation_date=timezone.localdate(),
        lead_agency="Police",
    )
    services.operation_create(
        actor=safety_a,
        operation=operation,
        premises=[],
        intelligence=[],
        new_premises=services.NewPremises(address="3 High St", postcode="ws1 1aa", premises_type="nail_bar"),
    )
    premises = operation.premises.get()
    assert (premises.postcode, premises.premises_type) == ("WS1 1AA", "nail_bar")


def test_a_bad_postcode_is_refused_and_nothing_is_saved(safety_a):
    with pytest.raises(ApplicationError, match="postcode"):
        services.premises_find_or_create(
            actor=safety_a, organisation=safety_a.organisation, address="1 Road", postcode="NOPE"
        )
    assert not Premises.objects.exists()


def test_victims_cannot_outnumber_the_people_encountered(safety_a):
    operation = make_operation(safety_a)
    outcome = OperationOutcome(operation=operation, people_encountered=3, victims_adult=3, victims_child=1)
    with pytest.raises(ApplicationError, match="more than the people encountered"):
        services.outcome_record(actor=safety_a, outcome=outcome)
    assert not OperationOutcome.objects.exists()


def test_outcomes_cannot_be_recorded_before_the_operation(safety_a):
    operation = make_operation(safety_a, on=timezone.localdate() + timedelta(days=3))
    with pytest.raises(ApplicationError, match="on or after the day"):
        services.outcome_record(actor=safety_a, outcome=OperationOutcome(operation=operation, people_encountered=1))


def test_recording_an_outcome_is_audited(safety_a):
    operation = make_operation(safety_a)
    services.outcome_record(
        actor=safety_a, outcome=OperationOutcome(operation=operation, people_encountered=11, victims_adult=6)
    )
    event = AuditEvent.objects.filter(object_id=str(operation.uuid)).latest("sequence")
    assert event.note == "Outcome recorded"


def test_potential_victims_become_cases_in_one_step_with_a_link_back(safety_a):
    operation = make_operation(safety_a)
    make_premises(safety_a).operations.add(operation)
    make_outcome(operation, safety_a, victims_adult=5, victims_child=1)
    cases = services.operation_open_cases(
        actor=safety_a,
        operation=operation,
        facts=services.VictimFacts(what_was_seen="Sleeping in the back room", exploitation_types=[]),
    )
    assert len(cases) == 6
    assert sum(1 for case in cases if case.treated_as_child) == 1
    # "5 adults, 1 child": five adults and one child, never five of unknown age (issue 14)
    assert sorted(case.age_group for case in cases) == ["adult"] * 5 + ["child"]
    case = Case.objects.get(pk=cases[0].pk)
    assert case.operation_link.operation == operation
    assert operation_for_case(case) == operation
    assert case.organisation == safety_a.organisation
    assert case.exploitation_types == ["labour"]  # from the outcome when none are ticked
    assert "Operation Lantern" in case.what_was_seen
    assert "12 Mill Lane" in case.location


def test_opening_cases_twice_opens_none_the_second_time(safety_a):
    operation = make_operation(safety_a)
    make_outcome(operation, safety_a, victims_adult=2, victims_child=0)
    facts = services.VictimFacts(what_was_seen="Seen", exploitation_types=["labour"])
    services.operation_open_cases(actor=safety_a, operation=operation, facts=facts)
    with pytest.raises(ApplicationError, match="already has a case"):
        services.operation_open_cases(actor=safety_a, operation=operation, facts=facts)
    assert Case.objects.count() == 2


def test_a_corrected_outcome_opens_only_the_new_victims_cases(safety_a):
    operation = make_operation(safety_a)
    outcome = make_outcome(operation, safety_a, victims_adult=2, victims_child=0)
    facts = services.VictimFacts(what_was_seen="Seen", exploitation_types=["labour"])
    services.operation_open_cases(actor=safety_a, operation=operation, facts=facts)
    outcome.victims_child = 1
    services.outcome_record(actor=safety_a, outcome=outcome)
    operation.refresh_from_db()
    new = services.operation_open_cases(actor=safety_a, operation=operation, facts=facts)
    assert [case.treated_as_child for case in new] == [True]


def test_victims_cannot_be_reduced_below_the_cases_already_open(safety_a):
    operation = make_operation(safety_a)
    outcome = make_outcome(operation, safety_a, victims_adult=2, victims_child=0)
    services.operation_open_cases(
        actor=safety_a, operation=operation, facts=services.VictimFacts(what_was_seen="Seen", exploitation_types=[])
    )
    outcome.victims_adult = 1
    with pytest.raises(ApplicationError, match="already open"):
        services.outcome_record(actor=safety_a, outcome=outcome)


def test_cases_need_outcomes_first(safety_a):
    operation = make_operation(safety_a)
    with pytest.raises(ApplicationError, match="outcomes first"):
        services.operation_open_cases(
            actor=safety_a, operation=operation, facts=services.VictimFacts(what_was_seen="x", exploitation_types=[])
        )


def test_an_agency_is_added_once(safety_a):
    operation = make_operation(safety_a)
    services.operation_add_agency(actor=safety_a, operation=operation, name="GLAA", attendance="present")
    with pytest.raises(ApplicationError, match="already on the operation"):
        services.operation_add_agency(actor=safety_a, operation=operation, name=" glaa ", attendance="on_call")


def test_a_share_is_refused_with_the_owner_and_twice(safety_a, police):
    record = make_intelligence(safety_a)
    with pytest.raises(ApplicationError, match="already belongs"):
        services.record_share(actor=safety_a, record=record, organisation=safety_a.organisation, reason="x")
    services.record_share(actor=safety_a, record=record, organisation=police, reason="Investigation")
    with pytest.raises(ApplicationError, match="already shared"):
        services.record_share(actor=safety_a, record=record, organisation=police, reason="Again")


def test_a_refused_share_says_why_in_the_readers_language(safety_a, police):
    record = make_intelligence(safety_a)
    services.record_share(actor=safety_a, record=record, organisation=police, reason="Investigation")
    with translation.override("cy"), pytest.raises(ApplicationError, match="eisoes wedi\u2019i rannu"):
        services.record_share(actor=safety_a, record=record, organisation=police, reason="Again")


def test_a_share_ends_after_its_last_day(safety_a, police):
    record = make_intelligence(safety_a)
    last_day = timezone.localdate() + timedelta(days=7)
    share = services.record_share(
        actor=safety_a, record=record, organisation=police, reason="Investigation", expires_on=last_day
    )
    assert timezone.localtime(share.expires_at).date() == last_day + timedelta(days=1)


def test_revoking_an_agreement_twice_is_refused(safety_a, police):
    agreement = make_agreement(safety_a, police)
    services.agreement_revoke(actor=safety_a, agreement=agreement)
    assert agreement.revoked_by == safety_a
    with pytest.raises(ApplicationError, match="already revoked"):
        services.agreement_revoke(actor=safety_a, agreement=agreement)


def test_a_flag_is_raised_once_and_cleared_once(safety_a):
    premises = make_premises(safety_a)
    flag = services.flag_raise(actor=safety_a, premises=premises, kind=FlagKind.KNOWN_EXPLOITATION_SITE)
    with pytest.raises(ApplicationError, match="already has that flag"):
        services.flag_raise(actor=safety_a, premises=premises, kind=FlagKind.KNOWN_EXPLOITATION_SITE)
    services.flag_clear(actor=safety_a, flag=flag)
    with pytest.raises(ApplicationError, match="already cleared"):
        services.flag_clear(actor=safety_a, flag=flag)


def test_an_action_is_closed_with_what_was_done(safety_a):
    action = make_action(safety_a)
    with pytest.raises(ApplicationError, match="Say what was done"):
        services.action_close(actor=safety_a, action=action, note="  ")
    services.action_close(actor=safety_a, action=action, note="Records received")
    assert not action.is_open
    with pytest.raises(ApplicationError, match="already closed"):
        services.action_close(actor=safety_a, action=action, note="Again")


def test_the_case_page_links_back_to_the_operation_for_those_who_may_open_it(
    safety_a, client_for, make_user, council_a
):
    from django.urls import reverse

    from tackle.core.roles import Role

    operation = make_operation(safety_a)
    make_outcome(operation, safety_a, victims_adult=1, victims_child=0)
    (case,) = services.operation_open_cases(
        actor=safety_a, operation=operation, facts=services.VictimFacts(what_was_seen="Seen", exploitation_types=[])
    )
    operation_url = reverse("disrupt:operation-detail", args=[operation.uuid])
    case_url = reverse("cases:case-detail", args=[case.uuid])
    lead_page = client_for(make_user(Role.MODERN_SLAVERY_LEAD, council_a)).get(case_url).content.decode()
    assert 'data-testid="found-in-operation"' in lead_page and operation_url in lead_page
    # A safeguarding manager works the case but has no disruption module: the name, not the link.
    manager_page = client_for(make_user(Role.SAFEGUARDING_MANAGER, council_a)).get(case_url).content.decode()
    assert operation.name in manager_page and operation_url not in manager_page
