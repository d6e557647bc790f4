"""The NRM stage a case is in after each event: the one rule the NRM service moves a case by and the
register counts by. The register also has this rule as SQL (register.stage_on), for speed; a property
test holds the two together.

A referral sent is "nrm_referred", a Duty to Notify "duty_to_notify", a reasonable grounds decision
positive_rg/negative_rg, a conclusive grounds decision positive_cg (trafficking or slavery) or
negative_cg. A reconsideration outcome is a new decision at the level it reconsiders: conclusive when
the case stands at a conclusive grounds decision, reasonable grounds otherwise. A reconsideration
without an outcome, a request for one, disqualification and withdrawal leave the stage as it was.
"""

from collections.abc import Iterable

from tackle.cases.models.choices import Stage
from tackle.cases.models.nrm import NrmEventKind, NrmOutcome

_CONCLUSIVE_STAGES = (Stage.POSITIVE_CG, Stage.NEGATIVE_CG)


def _decision(outcome: str, *, conclusive: bool) -> str:
    if conclusive:
        return Stage.NEGATIVE_CG if outcome == NrmOutcome.NEGATIVE else Stage.POSITIVE_CG
    return Stage.NEGATIVE_RG if outcome == NrmOutcome.NEGATIVE else Stage.POSITIVE_RG


def stage_after_event(kind: str, outcome: str, current: str) -> str:
    """The stage a case at `current` moves to when an event of `kind` with `outcome` is recorded."""
    if kind == NrmEventKind.REFERRAL_SENT:
        return Stage.NRM_REFERRED
    if kind == NrmEventKind.DUTY_TO_NOTIFY_SENT:
        return Stage.DUTY_TO_NOTIFY
    if kind == NrmEventKind.RG_DECISION:
        return _decision(outcome, conclusive=False)
    if kind == NrmEventKind.CG_DECISION:
        return _decision(outcome, conclusive=True)
    if kind == NrmEventKind.RECONSIDERATION_OUTCOME and outcome:
        return _decision(outcome, conclusive=current in _CONCLUSIVE_STAGES)
    return current


def stage_from_events(events: Iterable[tuple[str, str]]) -> str:
    """The stage after (kind, outcome) events, given in the order they happened; "concern" for none."""
    stage: str = Stage.CONCERN
    for kind, outcome in events:
        stage = stage_after_event(kind, outcome, stage)
    return stage
