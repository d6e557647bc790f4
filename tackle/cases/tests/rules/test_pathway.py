"""The referral pathway rules, case by case (docs/pathway.md), then properties over any input."""

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tackle.cases.models import ConcernAbout, ExploitationType, PathwaySettings, ReferralCode
from tackle.cases.rules.pathway import ACTION_ORDER, PathwayFacts, PathwayRules, evaluate_pathway

SEEN = datetime(2025, 3, 1, 14, 30, tzinfo=timezone(timedelta(hours=1)))
DEFAULTS = PathwayRules()


def run(rules: PathwayRules = DEFAULTS, **facts) -> tuple[bool, dict]:
    result = evaluate_pathway(PathwayFacts(encountered_at=SEEN, **facts), rules)
    return result.treated_as_child, {action.code: action for action in result.actions}


def codes(**facts) -> list[str]:
    return [action.code for action in evaluate_pathway(PathwayFacts(encountered_at=SEEN, **facts)).actions]


# The three hard cases ---------------------------------------------------------------------


def test_age_unknown_but_looks_under_18_is_a_child_with_an_age_assessment():
    child, actions = run(age=None, appears_under_18=True)
    assert child is True
    assert list(actions) == ["children_safeguarding_referral", "nrm_referral", "ictg_referral", "age_assessment"]
    assert actions["children_safeguarding_referral"].due_by == SEEN
    assert actions["nrm_referral"].due_by == SEEN + timedelta(hours=48)


def test_19_year_old_exploited_at_16_who_refuses_gets_duty_to_notify_not_nrm():
    child, actions = run(age=19, consent_to_nrm=False, exploitation_types=("sexual",))
    assert child is False
    assert list(actions) == ["duty_to_notify"]
    assert actions["duty_to_notify"].due_by == SEEN + timedelta(hours=48)


def test_destitute_adult_who_consents_gets_nrm_and_accommodation_today():
    child, actions = run(age=34, consent_to_nrm=True, destitute=True)
    assert child is False
    assert list(actions) == ["emergency_accommodation", "nrm_referral"]
    assert actions["emergency_accommodation"].due_by == SEEN.replace(hour=23, minute=59, second=59)
    assert "victim care contract" in actions["emergency_accommodation"].reason


SAFEGUARD_CHILD = ["children_safeguarding_referral", "nrm_referral", "ictg_referral", "age_assessment"]


@pytest.mark.parametrize(
    ("facts", "child", "expected"),
    [
        ({"age": None, "appears_under_18": True}, True, SAFEGUARD_CHILD),
        ({"age": 19, "consent_to_nrm": False}, False, ["duty_to_notify"]),
        ({"age": 34, "destitute": True, "consent_to_nrm": True}, False, ["emergency_accommodation", "nrm_referral"]),
        ({"age": 19, "appears_under_18": True, "consent_to_nrm": False}, True, SAFEGUARD_CHILD),
        ({"age": 16, "age_disputed": True}, True, SAFEGUARD_CHILD),
        ({"age": 25, "age_disputed": True, "consent_to_nrm": False}, False, ["duty_to_notify", "age_assessment"]),
        ({}, False, ["seek_nrm_consent"]),
        ({"concern_about": "supplier"}, False, ["procurement_referral"]),
        (
            {"concern_about": "supplier", "immediate_danger": True},
            False,
            ["call_police", "seek_nrm_consent", "procurement_referral"],
        ),
    ],
)
def test_the_hard_cases_table_in_the_docs(facts, child, expected):
    result = evaluate_pathway(PathwayFacts(encountered_at=SEEN, **facts))
    assert (result.treated_as_child, list(result.codes)) == (child, expected)


# Children -----------------------------------------------------------------------------------


def test_child_goes_to_safeguarding_first_then_nrm_without_consent():
    child, actions = run(age=15, consent_to_nrm=False)
    assert child is True
    assert list(actions) == ["children_safeguarding_referral", "nrm_referral", "ictg_referral"]


def test_child_is_referred_to_ictg_only_where_the_service_exists():
    _, actions = run(PathwayRules(ictg_available=False), age=15)
    assert "ictg_referral" not in actions
    assert "nrm_referral" in actions


def test_looking_under_18_overrides_a_stated_adult_age_until_assessed():
    child, actions = run(age=19, appears_under_18=True, consent_to_nrm=False)
    assert child is True
    assert "age_assessment" in actions
    assert "duty_to_notify" not in actions


def test_stated_age_under_18_that_is_disputed_stays_a_child_until_assessed():
    child, actions = run(age=16, age_disputed=True, appears_under_18=False)
    assert child is True
    assert "age_assessment" in actions


def test_child_with_a_settled_age_needs_no_age_assessment():
    assert "age_assessment" not in codes(age=12)
    assert "age_assessment" not in codes(age=12, appears_under_18=True)


def test_destitute_child_gets_a_safe_place_today_from_childrens_services():
    _, actions = run(age=16, destitute=True)
    assert list(actions)[:2] == ["children_safeguarding_referral", "emergency_accommodation"]
    assert "children's services" in actions["emergency_accommodation"].reason


def test_child_with_care_needs_is_not_sent_to_adult_safeguarding():
    assert "adult_safeguarding_referral" not in codes(age=17, care_and_support_needs=True)


# Adults -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("consent", "expected"),
    [(True, "nrm_referral"), (False, "duty_to_notify"), (None, "seek_nrm_consent")],
)
def test_adult_consent_decides_between_nrm_duty_to_notify_and_asking(consent, expected):
    assert codes(age=30, consent_to_nrm=consent) == [expected]


def test_adult_not_yet_asked_has_nothing_sent_meanwhile():
    _, actions = run(age=30, consent_to_nrm=None)
    assert "nrm_referral" not in actions and "duty_to_notify" not in actions
    assert actions["seek_nrm_consent"].due_by == SEEN + timedelta(hours=48)


def test_consent_is_sought_before_the_earlier_of_the_two_deadlines():
    _, actions = run(PathwayRules(nrm_deadline_hours=72, duty_to_notify_deadline_hours=24), age=30)
    assert actions["seek_nrm_consent"].due_by == SEEN + timedelta(hours=24)


def test_age_unknown_with_no_sign_of_a_child_is_treated_as_an_adult():
    child, actions = run(age=None, appears_under_18=None, consent_to_nrm=True)
    assert child is False
    assert list(actions) == ["nrm_referral"]


def test_disputed_adult_age_gets_an_assessment_but_stays_adult():
    child, actions = run(age=25, age_disputed=True, consent_to_nrm=False)
    assert child is False
    assert list(actions) == ["duty_to_notify", "age_assessment"]


def test_adult_with_care_and_support_needs_gets_adult_safeguarding_within_a_day():
    _, actions = run(age=70, care_and_support_needs=True, consent_to_nrm=True)
    assert actions["adult_safeguarding_referral"].due_by == SEEN + timedelta(hours=24)


def test_destitute_adult_who_refuses_is_housed_under_the_homelessness_duty():
    _, actions = run(age=40, destitute=True, consent_to_nrm=False)
    assert "homelessness duty" in actions["emergency_accommodation"].reason


def test_late_encounter_accommodation_is_still_due_that_night():
    late = SEEN.replace(hour=23, minute=59, second=59, microsecond=500)
    result = evaluate_pathway(PathwayFacts(encountered_at=late, age=30, destitute=True))
    assert result.actions[0].due_by == late


# Danger, suppliers and the council -------------------------------------------------------


def test_immediate_danger_puts_the_police_first_for_children_and_adults():
    for age in (10, 40, None):
        _, actions = run(age=age, immediate_danger=True)
        first = next(iter(actions.values()))
        assert first.code == "call_police" and first.due_by == SEEN
        assert "999" in first.reason


def test_concern_about_a_supplier_alone_goes_to_procurement_only():
    child, actions = run(concern_about=ConcernAbout.SUPPLIER)
    assert child is False
    assert list(actions) == ["procurement_referral"]
    assert actions["procurement_referral"].due_by is None


def test_concern_about_the_council_goes_to_whistleblowing():
    assert codes(concern_about=ConcernAbout.COUNCIL) == ["whistleblowing_report"]


def test_supplier_concern_that_names_a_child_still_runs_the_childrens_pathway():
    child, actions = run(concern_about=ConcernAbout.SUPPLIER, age=16)
    assert child is True
    assert list(actions) == ["children_safeguarding_referral", "nrm_referral", "ictg_referral", "procurement_referral"]


def test_supplier_concern_with_a_person_in_danger_calls_the_police():
    assert codes(concern_about=ConcernAbout.SUPPLIER, immediate_danger=True) == [
        "call_police",
        "seek_nrm_consent",
        "procurement_referral",
    ]


def test_indicators_and_exploitation_types_alone_do_not_bring_in_the_person_pathway_for_a_supplier():
    assert codes(concern_about=ConcernAbout.SUPPLIER, indicators=("debt",), exploitation_types=("labour",)) == [
        "procurement_referral"
    ]


# Settings -----------------------------------------------------------------------------------


def test_deadlines_follow_the_organisation_settings():
    rules = PathwayRules(nrm_deadline_hours=24, duty_to_notify_deadline_hours=12)
    _, refused = run(rules, age=30, consent_to_nrm=False)
    _, child = run(rules, age=10)
    assert refused["duty_to_notify"].due_by == SEEN + timedelta(hours=12)
    assert child["nrm_referral"].due_by == SEEN + timedelta(hours=24)
    assert child["ictg_referral"].due_by == SEEN + timedelta(hours=24)


def test_every_action_code_is_reachable():
    reached = set()
    for facts in (
        {"age": None, "appears_under_18": True, "immediate_danger": True, "destitute": True},
        {"age": 30, "consent_to_nrm": False, "care_and_support_needs": True},
        {"age": 30, "consent_to_nrm": None},
        {"age": 30, "consent_to_nrm": True, "concern_about": ConcernAbout.SUPPLIER},
        {"concern_about": ConcernAbout.COUNCIL},
    ):
        reached |= set(codes(**facts))
    assert reached == set(ReferralCode.values)
    assert set(ACTION_ORDER) == set(ReferralCode.values)


def test_output_has_the_exact_shape_with_offsets_kept():
    body = evaluate_pathway(PathwayFacts(encountered_at=SEEN, age=30, concern_about="supplier")).as_json()
    assert body == {
        "treated_as_child": False,
        "actions": [
            {"code": "seek_nrm_consent", "due_by": "2025-03-03T14:30:00+01:00", "reason": body["actions"][0]["reason"]},
            {"code": "procurement_referral", "due_by": None, "reason": body["actions"][1]["reason"]},
        ],
    }


# Properties over any input ------------------------------------------------------------------

offsets = st.integers(min_value=-12 * 60, max_value=14 * 60).map(lambda minutes: timezone(timedelta(minutes=minutes)))
moments = st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(2999, 12, 30), timezones=offsets)
facts_strategy = st.builds(
    PathwayFacts,
    encountered_at=moments,
    age=st.none() | st.integers(min_value=0, max_value=130),
    appears_under_18=st.none() | st.booleans(),
    age_disputed=st.booleans(),
    consent_to_nrm=st.none() | st.booleans(),
    immediate_danger=st.booleans(),
    care_and_support_needs=st.booleans(),
    destitute=st.booleans(),
    concern_about=st.sampled_from(ConcernAbout.values),
    indicators=st.lists(st.text(min_size=1), max_size=3).map(tuple),
    exploitation_types=st.lists(st.sampled_from(ExploitationType.values), unique=True).map(tuple),
)
rules_strategy = st.builds(
    PathwayRules,
    ictg_available=st.booleans(),
    nrm_deadline_hours=st.integers(min_value=1, max_value=168),
    duty_to_notify_deadline_hours=st.integers(min_value=1, max_value=168),
)


@given(facts_strategy, rules_strategy)
def test_a_child_never_gets_duty_to_notify_or_a_consent_request(facts, rules):
    result = evaluate_pathway(facts, rules)
    if result.treated_as_child:
        assert not {"duty_to_notify", "seek_nrm_consent", "adult_safeguarding_referral"} & set(result.codes)
        assert result.codes.index("children_safeguarding_referral") < result.codes.index("nrm_referral")


@given(facts_strategy, rules_strategy)
def test_an_adult_not_yet_asked_has_nothing_sent(facts, rules):
    result = evaluate_pathway(facts, rules)
    if not result.treated_as_child and facts.consent_to_nrm is None:
        assert not {"nrm_referral", "duty_to_notify"} & set(result.codes)


@given(facts_strategy, rules_strategy)
def test_due_times_never_precede_the_encounter_and_keep_its_offset(facts, rules):
    for action in evaluate_pathway(facts, rules).actions:
        if action.due_by is not None:
            assert action.due_by >= facts.encountered_at
            assert action.due_by.utcoffset() == facts.encountered_at.utcoffset()


@given(facts_strategy, rules_strategy)
def test_deadlines_follow_the_rules(facts, rules):
    due = {action.code: action.due_by for action in evaluate_pathway(facts, rules).actions}
    if "nrm_referral" in due:
        assert due["nrm_referral"] == facts.encountered_at + timedelta(hours=rules.nrm_deadline_hours)
    if "duty_to_notify" in due:
        assert due["duty_to_notify"] == facts.encountered_at + timedelta(hours=rules.duty_to_notify_deadline_hours)
    if "ictg_referral" in due:
        assert rules.ictg_available


@given(facts_strategy, rules_strategy)
def test_output_is_ordered_unique_known_and_repeatable(facts, rules):
    result = evaluate_pathway(facts, rules)
    assert result == evaluate_pathway(facts, rules)
    assert len(set(result.codes)) == len(result.codes)
    assert list(result.codes) == [code for code in ACTION_ORDER if code in result.codes]
    assert all(len(action.reason) <= 300 for action in result.actions)  # fits Referral.reason
    if facts.immediate_danger:
        assert result.codes[0] == "call_police"


@given(facts_strategy, rules_strategy)
def test_every_person_gets_exactly_one_nrm_route(facts, rules):
    result = evaluate_pathway(facts, rules)
    routes = {"nrm_referral", "duty_to_notify", "seek_nrm_consent"} & set(result.codes)
    person = facts.concern_about == "person" or "call_police" in result.codes or result.treated_as_child
    if person:
        assert len(routes) == 1


def test_default_rules_match_a_new_organisations_settings():
    fresh = PathwaySettings()
    assert PathwayRules(
        ictg_available=fresh.ictg_available,
        nrm_deadline_hours=fresh.nrm_deadline_hours,
        duty_to_notify_deadline_hours=fresh.duty_to_notify_deadline_hours,
    ) == PathwayRules(ictg_available=True, nrm_deadline_hours=48, duty_to_notify_deadline_hours=48)
