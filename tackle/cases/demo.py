"""Demo cases. Safe to run twice: each part is skipped when its cases are already there.

- Demo scale: about 30 varied cases for Demo Borough Council, recorded by the demo frontline
  officer, with NRM histories (decisions, Duty to Notify for adults who declined, children,
  closed cases). Every name is obviously made up.
- National scale, as well: NATIONAL_CASES cases with histories from 2022 to today, spread over
  the national test organisations (NAT-0001...) and, for a tenth of them, Demo Borough Council,
  so that the demo lead has a national-size caseload for `make bench` to measure.

Each case's stage is the stage its own NRM events lead to (tackle.cases.rules.nrm_stage.stage_from_events),
so the register, which derives the stage from events, and Case.stage always agree.
"""

import random
import time as clock
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from tackle.accounts.demo import DEMO_COUNCIL_CODE, demo_username
from tackle.accounts.models import Organisation, User
from tackle.cases.models import (
    AgeGroup,
    Case,
    CaseStatus,
    ExploitationLocation,
    ExploitationType,
    Gender,
    Indicator,
    NrmEvent,
    NrmEventKind,
    NrmOutcome,
    Referral,
    ReferralCode,
    ReferralStatus,
)
from tackle.cases.rules.anonymity import must_be_anonymous
from tackle.cases.rules.nrm_periods import rg_test_on
from tackle.cases.rules.nrm_stage import stage_from_events
from tackle.core.periods import LONDON
from tackle.core.roles import Role

DEMO_REFERENCE_PREFIX = "DEMO-"
NATIONAL_REFERENCE_PREFIX = "NAT-C-"
NATIONAL_CASES = 250_000
# The share of national cases that go to Demo Borough Council, so the demo lead's queue and
# register are national-size (25,000 cases at full scale) when `make bench` signs in as them.
DEMO_COUNCIL_SHARE = 0.10
NATIONAL_FIRST_DAY = date(2022, 1, 1)
CHUNK = 5_000

E = NrmEventKind
OUT = NrmOutcome
T = ExploitationType


@dataclass
class Story:
    """One case in plain data: who, what, and the dated steps of its NRM journey."""

    encountered_on: date
    age_group: str
    age: int | None
    gender: str
    nationality: str
    exploitation_types: list[str]
    location: str
    county_lines: bool
    events: list[tuple[str, str, date]] = field(default_factory=list)
    consent_to_nrm: bool | None = None
    consent_to_share: bool = False
    refusal_reason: str = ""
    person_name: str = ""
    closed_on: date | None = None
    closure_reason: str = ""
    triaged: bool = True
    what_was_seen: str = "Signs of exploitation seen during a visit"
    place: str = "Unit 4, Example Industrial Estate"
    indicators: list[str] = field(default_factory=list)
    immediate_danger: bool = False
    destitute: bool = False

    @property
    def stage(self) -> str:
        return stage_from_events((kind, outcome) for kind, outcome, _ in self.events)


def load(*, scale: str = "demo", out=None) -> None:  # type: ignore[no-untyped-def]
    council = Organisation.objects.filter(code=DEMO_COUNCIL_CODE).first()
    officer = User.objects.filter(username=demo_username(Role.FRONTLINE_OFFICER)).first()
    lead = User.objects.filter(username=demo_username(Role.MODERN_SLAVERY_LEAD)).first()
    if council is None or officer is None or lead is None:
        raise RuntimeError("Load the demo organisations and users first (tackle.accounts.demo.load).")
    if not Case.objects.filter(organisation=council, reference__startswith=DEMO_REFERENCE_PREFIX).exists():
        with transaction.atomic():
            stories = demo_stories(timezone.localdate())
            _save(
                [
                    (f"{DEMO_REFERENCE_PREFIX}{n:04d}", council.pk, officer.pk, story)
                    for n, story in enumerate(stories, 1)
                ],
                event_recorder=lead.pk,
            )
        if out is not None:
            out.write(f"Demo cases: {len(stories)} for {council.name}")
    if scale == "national" and not Case.objects.filter(reference__startswith=NATIONAL_REFERENCE_PREFIX).exists():
        started = clock.monotonic()
        with transaction.atomic():
            created = _load_national(council_id=council.pk, council_officer_id=officer.pk)
        # A million new rows: refresh the planner's statistics now rather than when autovacuum gets to it.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        if out is not None:
            out.write(f"National cases: {created} in {clock.monotonic() - started:.1f}s")


# ---------------------------------------------------------------------------------------------
# Saving stories as rows
# ---------------------------------------------------------------------------------------------


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=LONDON)


def _case_row(reference: str, organisation_id: int, recorded_by_id: int, story: Story) -> Case:
    stage = story.stage
    child = story.age_group == AgeGroup.CHILD
    anonymous = must_be_anonymous(
        stage=stage,
        consent_to_nrm=story.consent_to_nrm,
        treated_as_child=child,
        consent_to_share=story.consent_to_share,
    )
    encountered_at = _at(story.encountered_on, 9 + len(reference) % 9, (sum(map(ord, reference)) * 7) % 60)
    return Case(
        reference=reference,
        organisation_id=organisation_id,
        recorded_by_id=recorded_by_id,
        encountered_at=encountered_at,
        what_was_seen=story.what_was_seen,
        location=story.place,
        person_name="" if anonymous else story.person_name,
        age=story.age,
        appears_under_18=None if story.age_group == AgeGroup.UNKNOWN else child,
        age_at_exploitation=story.age,
        gender=story.gender,
        nationality=story.nationality,
        indicators=story.indicators,
        exploitation_types=story.exploitation_types,
        exploitation_location=story.location,
        county_lines=story.county_lines,
        immediate_danger=story.immediate_danger,
        destitute=story.destitute,
        consent_to_nrm=None if child else story.consent_to_nrm,
        consent_to_share=story.consent_to_share,
        refusal_reason=story.refusal_reason,
        treated_as_child=child,
        age_group=story.age_group,
        stage=stage,
        status=CaseStatus.CLOSED if story.closed_on else CaseStatus.OPEN,
        triaged_at=encountered_at + timedelta(hours=3) if story.triaged else None,
        closed_at=_at(story.closed_on, 16) if story.closed_on else None,
        closure_reason=story.closure_reason,
    )


def _referral_rows(case: Case, story: Story) -> list[Referral]:
    """The tracked actions the pathway would have called for, in the state the story left them."""
    due = case.encountered_at + timedelta(hours=48)
    sent = {kind: on for kind, _, on in story.events if kind in (E.REFERRAL_SENT, E.DUTY_TO_NOTIFY_SENT)}
    open_status = ReferralStatus.NOT_NEEDED if story.closed_on else ReferralStatus.TO_DO
    rows = []
    if story.age_group == AgeGroup.CHILD:
        rows.append(Referral(case=case, code=ReferralCode.CHILDREN_SAFEGUARDING_REFERRAL, status=ReferralStatus.DONE))
    elif not sent:
        rows.append(Referral(case=case, code=ReferralCode.SEEK_NRM_CONSENT, status=open_status, due_by=due))
    if E.REFERRAL_SENT in sent:
        sent_at = _at(sent[E.REFERRAL_SENT], 11)
        rows.append(Referral(case=case, code=ReferralCode.NRM_REFERRAL, status=ReferralStatus.SENT, sent_at=sent_at))
    elif E.DUTY_TO_NOTIFY_SENT in sent:
        sent_at = _at(sent[E.DUTY_TO_NOTIFY_SENT], 11)
        rows.append(Referral(case=case, code=ReferralCode.DUTY_TO_NOTIFY, status=ReferralStatus.SENT, sent_at=sent_at))
    elif story.age_group == AgeGroup.CHILD:
        rows.append(Referral(case=case, code=ReferralCode.NRM_REFERRAL, status=open_status, due_by=due))
    return rows


def _save(rows: list[tuple[str, int, int, Story]], *, event_recorder: int | None = None) -> None:
    """Bulk-insert cases (reference, organisation, recorder, story), then their events and referrals."""
    cases = [
        _case_row(reference, organisation_id, recorder, story) for reference, organisation_id, recorder, story in rows
    ]
    Case.objects.bulk_create(cases, batch_size=1000)
    if any(case.pk is None for case in cases):  # a database that cannot return ids from a bulk insert
        ids = dict(Case.objects.filter(reference__in=[c.reference for c in cases]).values_list("reference", "pk"))
        for case in cases:
            case.pk = ids[case.reference]
    events: list[NrmEvent] = []
    referrals: list[Referral] = []
    for case, (_, _, recorder, story) in zip(cases, rows, strict=True):
        for kind, outcome, occurred_on in story.events:
            events.append(
                NrmEvent(
                    case=case,
                    kind=kind,
                    occurred_on=occurred_on,
                    outcome=outcome,
                    rg_test=rg_test_on(occurred_on) if kind == E.RG_DECISION else "",
                    recorded_by_id=event_recorder or recorder,
                )
            )
        referrals.extend(_referral_rows(case, story))
    NrmEvent.objects.bulk_create(events, batch_size=2000)
    Referral.objects.bulk_create(referrals, batch_size=2000)


# ---------------------------------------------------------------------------------------------
# Demo scale: hand-written stories for Demo Borough Council
# ---------------------------------------------------------------------------------------------

_CAR_WASH = "Workers at a hand car wash with no gloves, sleeping in a cabin on site"
_NAIL_BAR = "Young woman at a nail bar who did not speak and whose manager answered for her"
_CANNABIS = "Teenager found at a cannabis grow in a rented house, door locked from outside"
_COUNTY = "Child found far from home with several phones and cash, reported missing twice"
_HMO = "Eleven men sharing a three-bedroom house, driven to a food factory each morning"
_DOMESTIC = "Woman who cares for a family's children full time, no pay, passport held by the employer"
_SEX = "Flat advertised online, different young women seen arriving each week"


def demo_stories(today: date) -> list[Story]:
    """About 30 cases that show every stage, closures, children, and anonymous Duty to Notify."""

    def ago(days: int) -> date:
        return today - timedelta(days=days)

    def story(
        name: str,
        age_group: str,
        age: int | None,
        gender: str,
        nationality: str,
        types: list[str],
        seen_days_ago: int,
        steps: list[tuple[str, str, int]],
        **extra: Any,
    ) -> Story:
        seen = ago(seen_days_ago)
        return Story(
            encountered_on=seen,
            age_group=age_group,
            age=age,
            gender=gender,
            nationality=nationality,
            exploitation_types=types,
            location=extra.pop("location", ExploitationLocation.UK),
            county_lines=extra.pop("county_lines", False),
            person_name=name,
            events=[(kind, outcome, seen + timedelta(days=after)) for kind, outcome, after in steps],
            **extra,
        )

    adult, child, unknown = AgeGroup.ADULT, AgeGroup.CHILD, AgeGroup.UNKNOWN
    male, female, other = Gender.MALE, Gender.FEMALE, Gender.OTHER
    consented = {"consent_to_nrm": True, "consent_to_share": True}
    declined = {"consent_to_nrm": False, "refusal_reason": "Frightened of what the people who brought them would do"}
    overseas = ExploitationLocation.UK_AND_OVERSEAS
    car_wash = {"what_was_seen": _CAR_WASH, "place": "Sparkle Hand Car Wash, 1 Example Road"}
    nail_bar = {"what_was_seen": _NAIL_BAR, "place": "Nails Demo, 22 Sample Parade"}
    cannabis = {"what_was_seen": _CANNABIS, "place": "14 Placeholder Close"}
    county = {"what_was_seen": _COUNTY, "place": "Demo Town bus station", "county_lines": True}
    hmo = {"what_was_seen": _HMO, "place": "3 Fictional Terrace"}
    domestic = {"what_was_seen": _DOMESTIC, "place": "The Old Rectory, Imaginary Lane"}
    sex = {"what_was_seen": _SEX, "place": "Flat 9, Madeup House"}
    indicators = [Indicator.DOCUMENTS_HELD, Indicator.LITTLE_OR_NO_PAY, Indicator.MOVEMENT_CONTROLLED]
    closed_cg = "Move-on support ended; settled in long-term accommodation"

    return [
        # New concerns, not yet triaged
        story("Ada Testcase", adult, 34, female, "Romanian", [T.LABOUR], 0, [], **car_wash, triaged=False),
        story("Bram Specimen", unknown, None, male, "Vietnamese", [T.CRIMINAL], 1, [], **cannabis, triaged=False),
        story("", adult, 41, male, "Not known", [], 2, [], **hmo, triaged=False),
        story("Cleo Placeholder", child, 15, female, "British", [T.CRIMINAL], 1, [], **county, triaged=False),
        # Triaged, waiting for consent or the referral
        story("Dev Sample", adult, 29, male, "Albanian", [T.LABOUR, T.CRIMINAL], 6, [], **cannabis),
        story("Eli Madeup", adult, 52, male, "Polish", [T.LABOUR], 9, [], **hmo, indicators=indicators),
        # Referred, waiting for the reasonable grounds decision
        story("Fen Fictional", adult, 23, female, "Nigerian", [T.SEXUAL], 12,
              [(E.REFERRAL_SENT, "", 1)], **sex, **consented),
        story("Gus Notreal", child, 16, male, "Eritrean", [T.LABOUR], 8, [(E.REFERRAL_SENT, "", 0)], **car_wash),
        story("Hana Invented", adult, 37, female, "Filipino", [T.DOMESTIC_SERVITUDE], 20,
              [(E.REFERRAL_SENT, "", 2)], **domestic, **consented, location=overseas),
        # Positive reasonable grounds: in the recovery period
        story("Ivo Example", adult, 45, male, "Romanian", [T.LABOUR], 70,
              [(E.REFERRAL_SENT, "", 1), (E.RG_DECISION, OUT.POSITIVE, 6)], **car_wash, **consented, destitute=True),
        story("Juno Fakename", child, 14, male, "British", [T.CRIMINAL], 150,
              [(E.REFERRAL_SENT, "", 0), (E.RG_DECISION, OUT.POSITIVE, 5)], **county),
        story("Kit Pretend", adult, 19, female, "Albanian", [T.SEXUAL, T.LABOUR], 200,
              [(E.REFERRAL_SENT, "", 1), (E.RG_DECISION, OUT.POSITIVE, 9)], **nail_bar, **consented, location=overseas),
        story("Lux Imaginary", child, 17, other, "Vietnamese", [T.SEXUAL, T.CRIMINAL], 95,
              [(E.REFERRAL_SENT, "", 1), (E.RG_DECISION, OUT.POSITIVE, 4)], **cannabis),
        # Negative reasonable grounds, one reconsidered and overturned
        story("Mo Dummy", adult, 31, male, "Indian", [T.LABOUR], 120,
              [(E.REFERRAL_SENT, "", 2), (E.RG_DECISION, OUT.NEGATIVE, 12)], **hmo, **consented),
        story("Nia Mockup", adult, 27, female, "Chinese", [T.SEXUAL], 300,
              [(E.REFERRAL_SENT, "", 1), (E.RG_DECISION, OUT.NEGATIVE, 8), (E.RECONSIDERATION_REQUESTED, "", 20),
               (E.RECONSIDERATION_OUTCOME, OUT.POSITIVE, 61)], **sex, **consented),
        # Conclusive grounds
        story("Oz Samplesson", adult, 48, male, "Lithuanian", [T.LABOUR], 620,
              [(E.REFERRAL_SENT, "", 1), (E.RG_DECISION, OUT.POSITIVE, 7), (E.CG_DECISION, OUT.SLAVERY, 402)],
              **hmo, **consented),
        story("Pip Testington", child, 16, male, "British", [T.CRIMINAL], 540,
              [(E.REFERRAL_SENT, "", 0), (E.RG_DECISION, OUT.POSITIVE, 5), (E.CG_DECISION, OUT.TRAFFICKING, 310)],
              **county),
        story("Quin Exampleby", adult, 25, female, "Romanian", [T.SEXUAL], 700,
              [(E.REFERRAL_SENT, "", 1), (E.RG_DECISION, OUT.POSITIVE, 6), (E.CG_DECISION, OUT.TRAFFICKING, 380)],
              **nail_bar, **consented, location=overseas),
        story("Rae Nonesuch", adult, 39, male, "Sudanese", [T.LABOUR, T.DOMESTIC_SERVITUDE], 640,
              [(E.REFERRAL_SENT, "", 2), (E.RG_DECISION, OUT.POSITIVE, 10), (E.CG_DECISION, OUT.NEGATIVE, 450)],
              **domestic, **consented),
        # Duty to Notify: adults who declined the NRM, anonymous unless they agreed to sharing
        story("Sol Hypothetical", adult, 44, male, "Polish", [T.LABOUR], 40,
              [(E.DUTY_TO_NOTIFY_SENT, "", 1)], **car_wash, **declined),
        story("Tam Fabricated", adult, 33, female, "Brazilian", [T.SEXUAL], 25,
              [(E.DUTY_TO_NOTIFY_SENT, "", 2)], **sex, **declined),
        story("Uma Supposed", adult, 58, female, "Bulgarian", [T.DOMESTIC_SERVITUDE], 15,
              [(E.DUTY_TO_NOTIFY_SENT, "", 1)], **domestic, **declined, consent_to_share=True),
        story("", unknown, None, male, "Not known", [], 5, [(E.DUTY_TO_NOTIFY_SENT, "", 0)], **hmo, **declined),
        # Withdrawn and disqualified: the stage stays where the last decision left it
        story("Vic Madeupson", adult, 22, male, "Albanian", [T.CRIMINAL], 180,
              [(E.REFERRAL_SENT, "", 1), (E.RG_DECISION, OUT.POSITIVE, 7), (E.WITHDRAWN, "", 60)],
              **cannabis, **consented),
        # Closed
        story("Wren Notaperson", adult, 36, female, "Romanian", [T.LABOUR], 820,
              [(E.REFERRAL_SENT, "", 1), (E.RG_DECISION, OUT.POSITIVE, 5), (E.CG_DECISION, OUT.SLAVERY, 330)],
              **car_wash, **consented, closed_on=ago(300), closure_reason=closed_cg),
        story("Xan Fictive", child, 15, male, "British", [T.CRIMINAL], 760,
              [(E.REFERRAL_SENT, "", 0), (E.RG_DECISION, OUT.POSITIVE, 4), (E.CG_DECISION, OUT.TRAFFICKING, 280)],
              **county, closed_on=ago(260), closure_reason="Turned 18; handed to the leaving care team"),
        story("Yan Pseudonym", adult, 50, male, "Indian", [T.LABOUR], 400,
              [(E.REFERRAL_SENT, "", 2), (E.RG_DECISION, OUT.NEGATIVE, 9)],
              **hmo, **consented, closed_on=ago(340), closure_reason="Negative decision; housing found"),
        story("", adult, 28, female, "Thai", [T.SEXUAL], 230, [(E.DUTY_TO_NOTIFY_SENT, "", 1)],
              **nail_bar, **declined, closed_on=ago(200), closure_reason="Duty to Notify sent; no further contact"),
        story("Zed Unreal", unknown, None, other, "Not known", [T.ORGAN_HARVESTING], 500, [],
              what_was_seen="Report of a man offered money to travel abroad for an operation",
              place="Demo Town library", location=ExploitationLocation.OVERSEAS,
              closed_on=ago(470), closure_reason="Passed to the police; no further council role"),
        story("Abe Nobody", adult, 61, male, "British", [T.LABOUR, T.CRIMINAL], 900,
              [(E.REFERRAL_SENT, "", 1), (E.RG_DECISION, OUT.POSITIVE, 8), (E.CG_DECISION, OUT.SLAVERY, 500)],
              **hmo, **consented, closed_on=ago(150), closure_reason=closed_cg),
    ]  # fmt: skip


# ---------------------------------------------------------------------------------------------
# National scale: generated stories
# ---------------------------------------------------------------------------------------------

_NATIONALITIES = (
    ("British", 30),
    ("Albanian", 14),
    ("Vietnamese", 8),
    ("Romanian", 7),
    ("Eritrean", 5),
    ("Sudanese", 5),
    ("Indian", 4),
    ("Chinese", 3),
    ("Polish", 3),
    ("Nigerian", 3),
    ("Afghan", 3),
    ("Iranian", 2),
    ("Filipino", 2),
    ("Brazilian", 1),
    ("Not known", 10),
)
_ADULT_TYPES = (
    ((T.LABOUR,), 38),
    ((T.SEXUAL,), 18),
    ((T.CRIMINAL,), 12),
    ((T.DOMESTIC_SERVITUDE,), 6),
    ((T.LABOUR, T.CRIMINAL), 6),
    ((T.SEXUAL, T.LABOUR), 4),
    ((T.SEXUAL, T.DOMESTIC_SERVITUDE), 2),
    ((T.LABOUR, T.DOMESTIC_SERVITUDE), 2),
    ((T.ORGAN_HARVESTING,), 0.2),
    ((), 11.8),
)
_CHILD_TYPES = (
    ((T.CRIMINAL,), 60),
    ((T.SEXUAL,), 12),
    ((T.LABOUR,), 6),
    ((T.SEXUAL, T.CRIMINAL), 6),
    ((T.LABOUR, T.CRIMINAL), 4),
    ((T.DOMESTIC_SERVITUDE,), 1),
    ((), 11),
)
_LOCATIONS = (
    (ExploitationLocation.UK, 68),
    (ExploitationLocation.OVERSEAS, 10),
    (ExploitationLocation.UK_AND_OVERSEAS, 16),
    (ExploitationLocation.UNKNOWN, 6),
)
_SETTINGS = (
    (_CAR_WASH, "Hand car wash, Example Road"),
    (_NAIL_BAR, "Nail bar, Sample Parade"),
    (_CANNABIS, "Rented house, Placeholder Close"),
    (_HMO, "Shared house, Fictional Terrace"),
    (_DOMESTIC, "Private house, Imaginary Lane"),
    (_SEX, "Flat, Madeup House"),
)


class _Weighted:
    """Draws from (value, weight) pairs quickly, many times."""

    def __init__(self, pairs: tuple[tuple[Any, float], ...]) -> None:
        self.values = [value for value, _ in pairs]
        total = 0.0
        self.cumulative = []
        for _, weight in pairs:
            total += weight
            self.cumulative.append(total)

    def draw(self, rng: random.Random) -> Any:
        return rng.choices(self.values, cum_weights=self.cumulative)[0]


_NATIONALITY = _Weighted(_NATIONALITIES)
_ADULT_TYPE = _Weighted(_ADULT_TYPES)
_CHILD_TYPE = _Weighted(_CHILD_TYPES)
_LOCATION = _Weighted(_LOCATIONS)


def national_story(rng: random.Random, number: int, today: date) -> Story:
    """A realistic case history: referral within a week of the encounter, RG 5-60 days later, CG
    months after a positive RG, some reconsiderations and withdrawals; closures after the journey
    ends. Every date falls between the encounter and today; a step not yet due is not there."""
    span = (today - NATIONAL_FIRST_DAY).days
    seen = NATIONAL_FIRST_DAY + timedelta(days=rng.randrange(span + 1))
    roll = rng.random()
    age_group = AgeGroup.CHILD if roll < 0.25 else AgeGroup.ADULT if roll < 0.9 else AgeGroup.UNKNOWN
    age = (
        rng.randint(11, 17)
        if age_group == AgeGroup.CHILD
        else rng.randint(18, 64)
        if age_group == AgeGroup.ADULT
        else None
    )
    types = list(_CHILD_TYPE.draw(rng) if age_group == AgeGroup.CHILD else _ADULT_TYPE.draw(rng))
    setting = _SETTINGS[rng.randrange(len(_SETTINGS))]
    gender_roll = rng.random()
    story = Story(
        encountered_on=seen,
        age_group=age_group,
        age=age,
        gender=Gender.MALE if gender_roll < 0.72 else Gender.FEMALE if gender_roll < 0.97 else Gender.OTHER,
        nationality=_NATIONALITY.draw(rng),
        exploitation_types=types,
        location=_LOCATION.draw(rng),
        county_lines=age_group == AgeGroup.CHILD and T.CRIMINAL in types and rng.random() < 0.55,
        person_name="" if rng.random() < 0.08 else f"Test Person {number:06d}",
        what_was_seen=setting[0],
        place=setting[1],
        triaged=(today - seen).days > 3 or rng.random() < 0.5,
    )
    events = story.events

    def step(kind: str, outcome: str, on: date) -> bool:
        if on > today:
            return False
        events.append((kind, outcome, on))
        return True

    path = rng.random()
    if age_group == AgeGroup.ADULT and path < 0.28:
        story.consent_to_nrm, story.refusal_reason = False, "Did not want to be referred"
        story.consent_to_share = rng.random() < 0.1
        if step(E.DUTY_TO_NOTIFY_SENT, "", seen + timedelta(days=rng.randint(0, 3))):
            _maybe_close(
                story, rng, today, events[-1][2], 0.85, 1, 60, "Duty to Notify sent; no further support wanted"
            )
        return story
    referred = path < (0.9 if age_group == AgeGroup.CHILD else 0.85 if age_group == AgeGroup.ADULT else 0.6)
    if age_group == AgeGroup.ADULT:
        story.consent_to_nrm = True if referred else None
        story.consent_to_share = referred
    if not referred or not step(E.REFERRAL_SENT, "", seen + timedelta(days=rng.randint(0, 7))):
        if (today - seen).days > 30:
            _maybe_close(story, rng, today, seen, 0.7, 7, 60, "No further action: not a modern slavery case")
        return story
    rg_on = events[-1][2] + timedelta(days=rng.randint(5, 60))
    if not step(E.RG_DECISION, OUT.NEGATIVE if rng.random() < 0.15 else OUT.POSITIVE, rg_on):
        return story
    if events[-1][1] == OUT.NEGATIVE:
        if rng.random() < 0.12 and step(E.RECONSIDERATION_REQUESTED, "", rg_on + timedelta(days=rng.randint(7, 30))):
            outcome = OUT.POSITIVE if rng.random() < 0.5 else OUT.NEGATIVE
            if not step(E.RECONSIDERATION_OUTCOME, outcome, events[-1][2] + timedelta(days=rng.randint(20, 90))):
                return story
        if events[-1][1] == OUT.NEGATIVE:
            _maybe_close(story, rng, today, events[-1][2], 0.8, 10, 90, "Negative decision; support ended")
            return story
    if rng.random() < 0.03:
        if step(E.WITHDRAWN, "", events[-1][2] + timedelta(days=rng.randint(10, 120))):
            _maybe_close(story, rng, today, events[-1][2], 0.9, 5, 30, "Withdrew from the NRM")
        return story
    cg_roll = rng.random()
    cg_outcome = OUT.NEGATIVE if cg_roll < 0.2 else OUT.TRAFFICKING if cg_roll < 0.6 else OUT.SLAVERY
    if step(E.CG_DECISION, cg_outcome, events[-1][2] + timedelta(days=rng.randint(90, 640))):
        reason = (
            "Negative conclusive grounds; exit support ended" if cg_outcome == OUT.NEGATIVE else "Move-on support ended"
        )
        _maybe_close(story, rng, today, events[-1][2], 0.75, 45, 200, reason)
    return story


def _maybe_close(
    story: Story, rng: random.Random, today: date, after: date, chance: float, low: int, high: int, reason: str
) -> None:
    closed_on = after + timedelta(days=rng.randint(low, high))
    if closed_on < today and rng.random() < chance:
        story.closed_on, story.closure_reason = closed_on, reason


def _national_recorders() -> list[tuple[int, list[int]]]:
    """(organisation, its users) for every national organisation that has users."""
    users: dict[int, list[int]] = {}
    rows = (
        User.objects.filter(organisation__code__startswith="NAT-").order_by("pk").values_list("organisation_id", "pk")
    )
    for organisation_id, user_id in rows.iterator(chunk_size=5000):
        if organisation_id is not None:
            users.setdefault(organisation_id, []).append(user_id)
    return sorted(users.items())


def _national_rows(council_id: int, council_officer_id: int, today: date) -> Iterator[tuple[str, int, int, Story]]:
    rng = random.Random(2022)  # noqa: S311 - not for security: the same data on every run and database
    organisations = _national_recorders()
    for number in range(1, NATIONAL_CASES + 1):
        story = national_story(rng, number, today)
        if not organisations or rng.random() < DEMO_COUNCIL_SHARE:
            organisation_id, recorder = council_id, council_officer_id
        else:
            organisation_id, users = organisations[rng.randrange(len(organisations))]
            recorder = users[rng.randrange(len(users))]
        yield f"{NATIONAL_REFERENCE_PREFIX}{number:07d}", organisation_id, recorder, story


def _load_national(*, council_id: int, council_officer_id: int) -> int:
    today = timezone.localdate()
    batch: list[tuple[str, int, int, Story]] = []
    created = 0
    for row in _national_rows(council_id, council_officer_id, today):
        batch.append(row)
        if len(batch) == CHUNK:
            _save(batch)
            created += len(batch)
            batch = []
    if batch:
        _save(batch)
        created += len(batch)
    return created
