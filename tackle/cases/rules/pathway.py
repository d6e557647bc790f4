"""The referral pathway: from the facts of an encounter to the actions the council must take.

Pure functions over plain data, with no database, so the page, the API and the `tackle pathway`
command give the same answer. docs/pathway.md sets the rules out as a table; keep the two in step.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.utils.translation import gettext, gettext_noop

from tackle.cases.models.choices import ConcernAbout, ExploitationType, ReferralCode

# Actions come out in this order: what keeps someone safe now, then what has a clock on it,
# then what can wait. A fixed order keeps the output deterministic.
ACTION_ORDER: tuple[str, ...] = (
    ReferralCode.CALL_POLICE,
    ReferralCode.CHILDREN_SAFEGUARDING_REFERRAL,
    ReferralCode.EMERGENCY_ACCOMMODATION,
    ReferralCode.ADULT_SAFEGUARDING_REFERRAL,
    ReferralCode.SEEK_NRM_CONSENT,
    ReferralCode.NRM_REFERRAL,
    ReferralCode.DUTY_TO_NOTIFY,
    ReferralCode.ICTG_REFERRAL,
    ReferralCode.AGE_ASSESSMENT,
    ReferralCode.PROCUREMENT_REFERRAL,
    ReferralCode.WHISTLEBLOWING_REPORT,
)

# Our own choice, not a legal deadline: a Care Act concern should be raised within a day.
ADULT_SAFEGUARDING_HOURS = 24
MAX_AGE = 130
# Encounters outside these years are typing mistakes; the bound also keeps deadline sums in range.
EARLIEST_YEAR, LATEST_YEAR = 1900, 2999

INPUT_FIELDS = (
    "encountered_at",
    "age",
    "appears_under_18",
    "age_disputed",
    "consent_to_nrm",
    "immediate_danger",
    "care_and_support_needs",
    "destitute",
    "concern_about",
    "indicators",
    "exploitation_types",
)


# Records one action; the rule helpers below call it in any order and ACTION_ORDER sorts them.
AddAction = Callable[[str, datetime | None, str], None]


class PathwayInputError(ValueError):
    """The input cannot be read. `field` names the input key at fault ("" for the whole input)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class PathwayFacts:
    encountered_at: datetime
    age: int | None = None
    appears_under_18: bool | None = None
    age_disputed: bool = False
    consent_to_nrm: bool | None = None  # None: not asked yet
    immediate_danger: bool = False
    care_and_support_needs: bool = False
    destitute: bool = False
    concern_about: str = ConcernAbout.PERSON
    indicators: tuple[str, ...] = ()
    exploitation_types: tuple[str, ...] = ()


@dataclass(frozen=True)
class PathwayRules:
    """An organisation's choices: see PathwaySettings."""

    ictg_available: bool = True
    nrm_deadline_hours: int = 48
    duty_to_notify_deadline_hours: int = 48


@dataclass(frozen=True)
class Action:
    code: str
    due_by: datetime | None
    reason: str


@dataclass(frozen=True)
class PathwayResult:
    treated_as_child: bool
    actions: tuple[Action, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "treated_as_child": self.treated_as_child,
            "actions": [
                {
                    "code": str(action.code),
                    "due_by": action.due_by.isoformat() if action.due_by else None,
                    "reason": action.reason,
                }
                for action in self.actions
            ],
        }

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(action.code for action in self.actions)


# ---------------------------------------------------------------------------------------------
# Reading the input


def parse_pathway_input(data: object) -> PathwayFacts:
    """Strict: a wrong type is an error, never a guess, because a guessed age or consent could
    send someone down the wrong pathway."""
    if not isinstance(data, dict):
        raise PathwayInputError("", gettext('The input must be a JSON object, for example {"encountered_at": "..."}'))
    unknown = sorted(str(key) for key in data if key not in INPUT_FIELDS)
    if unknown:
        raise PathwayInputError(
            unknown[0],
            gettext("%(field)s: not a field the pathway knows; use %(fields)s")
            % {"field": unknown[0], "fields": ", ".join(INPUT_FIELDS)},
        )
    return PathwayFacts(
        encountered_at=_encountered_at(data.get("encountered_at")),
        age=_age(data.get("age")),
        appears_under_18=_bool(data, "appears_under_18", nullable=True),
        age_disputed=bool(_bool(data, "age_disputed")),
        consent_to_nrm=_bool(data, "consent_to_nrm", nullable=True),
        immediate_danger=bool(_bool(data, "immediate_danger")),
        care_and_support_needs=bool(_bool(data, "care_and_support_needs")),
        destitute=bool(_bool(data, "destitute")),
        concern_about=_concern_about(data.get("concern_about", ConcernAbout.PERSON)),
        indicators=_indicators(data.get("indicators", [])),
        exploitation_types=_exploitation_types(data.get("exploitation_types", [])),
    )


def _encountered_at(value: object) -> datetime:
    message = gettext(
        "encountered_at: required; give the date and time in ISO 8601 with a UTC offset, e.g. 2025-03-01T14:30:00Z"
    )
    if not isinstance(value, str):
        raise PathwayInputError("encountered_at", message)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise PathwayInputError("encountered_at", message) from None
    if moment.utcoffset() is None:
        raise PathwayInputError("encountered_at", gettext("encountered_at: add a UTC offset such as +00:00 or Z"))
    if not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
        message = gettext("encountered_at: the year must be %(earliest)d to %(latest)d")
        raise PathwayInputError("encountered_at", message % {"earliest": EARLIEST_YEAR, "latest": LATEST_YEAR})
    return moment


def _age(value: object) -> int | None:
    if value is None:
        return None
    # bool is a kind of int in Python: `true` must not be read as the age 1.
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_AGE:
        message = gettext("age: give a whole number of years from 0 to %(most)d, or null if not known")
        raise PathwayInputError("age", message % {"most": MAX_AGE})
    return value


def _bool(data: dict[Any, Any], field: str, *, nullable: bool = False) -> bool | None:
    value = data.get(field, None if nullable else False)
    if value is None and nullable:
        return None
    if not isinstance(value, bool):
        message = (
            gettext("%(field)s: must be true, false or null")
            if nullable
            else gettext("%(field)s: must be true or false")
        )
        raise PathwayInputError(field, message % {"field": field})
    return value


def _concern_about(value: object) -> str:
    if value not in ConcernAbout.values:
        message = gettext("concern_about: must be one of %(values)s")
        raise PathwayInputError("concern_about", message % {"values": ", ".join(ConcernAbout.values)})
    return str(value)


def _indicators(value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise PathwayInputError("indicators", gettext("indicators: must be a list of non-empty strings"))
    return tuple(value)


def _exploitation_types(value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(item in ExploitationType.values for item in value):
        raise PathwayInputError(
            "exploitation_types",
            gettext("exploitation_types: must be a list drawn from %(values)s")
            % {"values": ", ".join(ExploitationType.values)},
        )
    return tuple(dict.fromkeys(value))  # drop repeats, keep the order given


# ---------------------------------------------------------------------------------------------
# The rules


def is_treated_as_child(facts: PathwayFacts) -> bool:
    """A stated age under 18, or any reason to think the person is under 18 (s.51 MSA 2015
    presumption): they are a child until an age assessment says otherwise. Looking under 18 is
    such a reason even when the stated age is 18 or more. Exploited as a child but 18 now: adult."""
    return (facts.age is not None and facts.age < 18) or facts.appears_under_18 is True


def _age_unsettled(facts: PathwayFacts) -> bool:
    if facts.age is None or facts.age_disputed:
        return True
    # The stated age and the person's appearance point different ways.
    return facts.appears_under_18 is not None and facts.appears_under_18 != (facts.age < 18)


def _describes_a_person(facts: PathwayFacts) -> bool:
    """A concern about a supplier or the council may or may not involve a particular person:
    the person pathway runs when any fact about someone was given."""
    return facts.concern_about == ConcernAbout.PERSON or any(
        (
            facts.age is not None,
            facts.appears_under_18 is not None,
            facts.age_disputed,
            facts.consent_to_nrm is not None,
            facts.immediate_danger,
            facts.care_and_support_needs,
            facts.destitute,
        )
    )


def _end_of_day(moment: datetime) -> datetime:
    """23:59:59 on the day of the encounter, in the encounter's own offset."""
    return max(moment, moment.replace(hour=23, minute=59, second=59, microsecond=0))


def evaluate_pathway(facts: PathwayFacts, rules: PathwayRules = PathwayRules()) -> PathwayResult:
    at = facts.encountered_at
    nrm_due = at + timedelta(hours=rules.nrm_deadline_hours)
    dtn_due = at + timedelta(hours=rules.duty_to_notify_deadline_hours)
    found: dict[str, Action] = {}

    def add(code: str, due_by: datetime | None, reason: str) -> None:
        # `reason` is stored in English (a record); the case page translates it as it shows it.
        found[code] = Action(code=code, due_by=due_by, reason=reason)

    child = False
    if _describes_a_person(facts):
        child = is_treated_as_child(facts)
        if facts.immediate_danger:
            add(
                ReferralCode.CALL_POLICE,
                at,
                gettext_noop("Someone is in immediate danger: call 999 now, before anything else."),
            )
        if child:
            _child_actions(facts, rules, add, nrm_due)
        else:
            _adult_actions(facts, add, nrm_due, dtn_due)
        if child and _age_unsettled(facts):
            add(
                ReferralCode.AGE_ASSESSMENT,
                None,
                gettext_noop(
                    "The age is not settled: ask children's services for an age assessment. Until it reports, "
                    "the person stays on the children's pathway."
                ),
            )
        elif facts.age_disputed:
            add(
                ReferralCode.AGE_ASSESSMENT,
                None,
                gettext_noop(
                    "The age is disputed: an age assessment settles it. If it finds the person is under 18, "
                    "run the pathway again as a child."
                ),
            )
    if facts.concern_about == ConcernAbout.SUPPLIER:
        add(
            ReferralCode.PROCUREMENT_REFERRAL,
            None,
            gettext_noop(
                "The concern is about a supplier or contractor: pass it to the contract manager or the "
                "procurement modern slavery champion."
            ),
        )
    if facts.concern_about == ConcernAbout.COUNCIL:
        add(
            ReferralCode.WHISTLEBLOWING_REPORT,
            None,
            gettext_noop(
                "The concern is about the council's own staff or work: report it under the whistleblowing policy."
            ),
        )
    ordered = tuple(found[code] for code in ACTION_ORDER if code in found)
    return PathwayResult(treated_as_child=child, actions=ordered)


def _child_actions(facts: PathwayFacts, rules: PathwayRules, add: AddAction, nrm_due: datetime) -> None:
    at = facts.encountered_at
    if facts.age is not None and facts.age < 18:
        why = gettext_noop("The person is under 18: refer to children's safeguarding (MASH, section 47) straight away.")
    else:
        why = gettext_noop(
            "The person is possibly under 18 (presumed a child): refer to children's safeguarding "
            "(MASH, section 47) straight away."
        )
    add(ReferralCode.CHILDREN_SAFEGUARDING_REFERRAL, at, why)
    if facts.destitute:
        add(
            ReferralCode.EMERGENCY_ACCOMMODATION,
            _end_of_day(at),
            gettext_noop("The child has nowhere safe to stay: children's services must find a safe place today."),
        )
    add(
        ReferralCode.NRM_REFERRAL,
        nrm_due,
        gettext_noop(
            "Refer the child to the NRM. A child's consent is not needed, "
            "and a Duty to Notify is never used for a child."
        ),
    )
    if rules.ictg_available:
        add(
            ReferralCode.ICTG_REFERRAL,
            nrm_due,
            gettext_noop(
                "The Independent Child Trafficking Guardian service covers this area: refer alongside the NRM referral."
            ),
        )


def _adult_actions(facts: PathwayFacts, add: AddAction, nrm_due: datetime, dtn_due: datetime) -> None:
    at = facts.encountered_at
    if facts.destitute:
        if facts.consent_to_nrm:
            tonight = gettext_noop(
                "The person has nowhere to stay tonight: arrange emergency accommodation today, "
                "through the victim care contract once referred to the NRM."
            )
        else:
            tonight = gettext_noop(
                "The person has nowhere to stay tonight: arrange emergency accommodation today, "
                "under the council's homelessness duty."
            )
        add(ReferralCode.EMERGENCY_ACCOMMODATION, _end_of_day(at), tonight)
    if facts.care_and_support_needs:
        add(
            ReferralCode.ADULT_SAFEGUARDING_REFERRAL,
            at + timedelta(hours=ADULT_SAFEGUARDING_HOURS),
            gettext_noop(
                "An adult with care and support needs: raise a Care Act section 42 concern, with their consent "
                "or without it where their vital interests require."
            ),
        )
    if facts.consent_to_nrm is None:
        add(
            ReferralCode.SEEK_NRM_CONSENT,
            min(nrm_due, dtn_due),
            gettext_noop(
                "An adult decides for themselves: explain the NRM and ask for informed consent. Send nothing until "
                "they answer; the referral or Duty to Notify then follows."
            ),
        )
    elif facts.consent_to_nrm:
        add(ReferralCode.NRM_REFERRAL, nrm_due, gettext_noop("The adult consents: refer them to the NRM."))
    else:
        add(
            ReferralCode.DUTY_TO_NOTIFY,
            dtn_due,
            gettext_noop(
                "The adult declines the NRM: send an anonymous Duty to Notify (s.52 MSA 2015) with nothing that "
                "identifies them, recording why they declined, their gender and nationality."
            ),
        )
