"""Which outcomes each NRM step may carry, and which pathway action a step completes.

A referral sent, a Duty to Notify sent, a reconsideration requested, a disqualification and a
withdrawal carry no outcome; a decision carries its own kind of outcome only.
"""

from tackle.cases.models.choices import ReferralCode
from tackle.cases.models.nrm import CG_OUTCOMES, RG_OUTCOMES, NrmEventKind, NrmOutcome

OUTCOMES_BY_KIND: dict[str, tuple[str, ...]] = {
    NrmEventKind.REFERRAL_SENT: (),
    NrmEventKind.DUTY_TO_NOTIFY_SENT: (),
    NrmEventKind.RG_DECISION: tuple(RG_OUTCOMES),
    NrmEventKind.CG_DECISION: tuple(CG_OUTCOMES),
    NrmEventKind.RECONSIDERATION_REQUESTED: (),
    NrmEventKind.RECONSIDERATION_OUTCOME: (NrmOutcome.POSITIVE, NrmOutcome.NEGATIVE),
    NrmEventKind.DISQUALIFIED: (),
    NrmEventKind.WITHDRAWN: (),
}

# The pathway action that a step records as done, and back: one fact, whichever is recorded first.
ACTION_COMPLETED_BY: dict[str, str] = {
    NrmEventKind.REFERRAL_SENT: ReferralCode.NRM_REFERRAL,
    NrmEventKind.DUTY_TO_NOTIFY_SENT: ReferralCode.DUTY_TO_NOTIFY,
}
STEP_RECORDED_BY: dict[str, str] = {code: kind for kind, code in ACTION_COMPLETED_BY.items()}


def outcome_allowed(kind: str, outcome: str) -> bool:
    """An outcome where the step asks for one (and one of its own), none where it does not."""
    allowed = OUTCOMES_BY_KIND.get(kind, ())
    return outcome in allowed if allowed else not outcome
