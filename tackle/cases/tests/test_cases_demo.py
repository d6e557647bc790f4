from collections import defaultdict
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db.models import F
from django.utils import timezone

from tackle.accounts import demo as accounts_demo
from tackle.cases import demo
from tackle.cases.models import AgeGroup, Case, CaseStatus, NrmEvent, NrmEventKind, Stage
from tackle.cases.register import stage_on
from tackle.cases.rules.nrm_stage import stage_from_events

# Files the demo data writes (spend files among them) go to the test's folder, not the checkout's media/
pytestmark = pytest.mark.usefixtures("media_outside_the_checkout")

E = NrmEventKind


def check_consistent(cases):
    """Every case's stage is where its events lead, its dates follow each other, and the rules hold."""
    events = defaultdict(list)
    for event in NrmEvent.objects.filter(case__in=cases).order_by("occurred_on", "recorded_at", "pk"):
        events[event.case_id].append(event)
    today = timezone.localdate()
    for case in cases:
        steps = events[case.pk]
        assert case.stage == stage_from_events((e.kind, e.outcome) for e in steps), case.reference
        seen = timezone.localdate(case.encountered_at)
        assert all(seen <= e.occurred_on <= today for e in steps), case.reference
        kinds = [e.kind for e in steps]
        assert len([kind for kind in kinds if kind in (E.REFERRAL_SENT, E.DUTY_TO_NOTIFY_SENT)]) <= 1
        if E.RG_DECISION in kinds:
            assert kinds[0] == E.REFERRAL_SENT
            referral, decision = steps[0].occurred_on, steps[kinds.index(E.RG_DECISION)].occurred_on
            assert referral <= decision
        if E.CG_DECISION in kinds:
            assert kinds.index(E.RG_DECISION) < kinds.index(E.CG_DECISION)
        if case.treated_as_child:
            assert case.stage != Stage.DUTY_TO_NOTIFY and E.DUTY_TO_NOTIFY_SENT not in kinds
            assert case.age_group == AgeGroup.CHILD
        if case.is_anonymous:
            assert case.person_name == "" and case.person_date_of_birth is None
        assert (case.status == CaseStatus.CLOSED) == (case.closed_at is not None)
        if case.closed_at is not None:
            assert all(e.occurred_on <= timezone.localdate(case.closed_at) for e in steps)
            assert case.closed_at <= timezone.now()
        assert case.recorded_by.organisation_id == case.organisation_id
    # The register's SQL derives the same stage as each case holds.
    derived = Case.objects.filter(pk__in=[c.pk for c in cases]).annotate(s=stage_on(today))
    assert not derived.exclude(s=F("stage")).exists()


def test_demo_load_creates_varied_demo_cases_once(db):
    call_command("demo", "load")
    cases = list(Case.objects.filter(reference__startswith="DEMO-").select_related("recorded_by"))
    assert 25 <= len(cases) <= 40
    assert {case.organisation.code for case in cases} == {accounts_demo.DEMO_COUNCIL_CODE}
    assert {case.recorded_by.username for case in cases} == {"demo-frontline_officer"}
    assert set(Stage.values) <= {case.stage for case in cases}
    assert any(case.status == CaseStatus.CLOSED for case in cases)
    assert any(case.treated_as_child for case in cases)
    assert any(case.is_anonymous and case.stage == Stage.DUTY_TO_NOTIFY for case in cases)
    assert any(case.triaged_at is None for case in cases)
    check_consistent(cases)
    counts = (Case.objects.count(), NrmEvent.objects.count())
    call_command("demo", "load")
    assert (Case.objects.count(), NrmEvent.objects.count()) == counts
    assert not Case.objects.filter(reference__startswith=demo.NATIONAL_REFERENCE_PREFIX).exists()


def test_demo_names_are_obviously_made_up(db):
    call_command("demo", "load")
    names = [name for name in Case.objects.values_list("person_name", flat=True) if name]
    assert names and len(set(names)) == len(names)


@pytest.fixture
def small_national(monkeypatch):
    # The real sizes (400 organisations, 20,000 users, 250,000 cases) are what `make bench` loads.
    monkeypatch.setattr(accounts_demo, "NATIONAL_ORGANISATIONS", 12)
    monkeypatch.setattr(accounts_demo, "NATIONAL_USERS", 120)
    monkeypatch.setattr(demo, "NATIONAL_CASES", 800)
    monkeypatch.setattr(demo, "CHUNK", 300)


def test_national_scale_adds_consistent_histories_once(db, small_national):
    call_command("demo", "load", "--scale", "national")
    national = Case.objects.filter(reference__startswith=demo.NATIONAL_REFERENCE_PREFIX)
    assert national.count() == 800
    check_consistent(list(national.select_related("recorded_by", "organisation")))
    counts = (Case.objects.count(), NrmEvent.objects.count())
    call_command("demo", "load", "--scale", "national")
    assert (Case.objects.count(), NrmEvent.objects.count()) == counts


def test_national_cases_look_like_a_real_caseload(db, small_national):
    call_command("demo", "load", "--scale", "national")
    national = Case.objects.filter(reference__startswith=demo.NATIONAL_REFERENCE_PREFIX)
    total = national.count()
    organisations = set(national.values_list("organisation__code", flat=True))
    # A tenth go to the demo council, so the demo lead has a national-size caseload; the rest are spread.
    demo_council = national.filter(organisation__code=accounts_demo.DEMO_COUNCIL_CODE).count()
    assert 0.05 * total < demo_council < 0.15 * total
    assert len(organisations - {accounts_demo.DEMO_COUNCIL_CODE}) >= 10
    children = national.filter(age_group=AgeGroup.CHILD).count()
    assert 0.18 * total < children < 0.32 * total
    stages = set(national.values_list("stage", flat=True))
    assert stages == set(Stage.values)
    closed = national.filter(status=CaseStatus.CLOSED).count()
    assert 0.2 * total < closed < 0.8 * total
    years = {case.year for case in national.dates("encountered_at", "year")}
    assert {2022, 2023, 2024, 2025} <= years
    # RG decisions come 5 to 60 days after the referral.
    gaps = []
    for case in national.filter(stage=Stage.POSITIVE_CG).prefetch_related("nrm_events")[:50]:
        on = {event.kind: event.occurred_on for event in case.nrm_events.all()}
        gaps.append(on[E.RG_DECISION] - on[E.REFERRAL_SENT])
        assert on[E.CG_DECISION] - on[E.RG_DECISION] >= timedelta(days=90)
    assert gaps and all(timedelta(days=5) <= gap <= timedelta(days=60) for gap in gaps)
