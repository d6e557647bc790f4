"""Figures-page rows from the disruption and supply-chain modules, in the same periods as the cases rows.

Definitions
-----------
- Operations: operations the organisation led (it recorded them), dated in the period; the people
  found and the arrests are the sums of their recorded outcomes (an operation without outcomes yet
  counts as held, with nothing found).
- Supply-chain risk: contracts starting in the period, those in the upper tiers (high value, high
  risk or business critical), annual supplier assessments completed, and tender bids flagged as
  abnormally low, by the date the check was run.

The counts come from each module's published figures (tackle.disrupt.figures, tackle.suppliers.figures).
"""

from django.utils.translation import gettext_noop

from tackle.reporting.evidence import PeriodEvidence

DEFINITIONS = {
    "operations": gettext_noop(
        "Operations the organisation led (it recorded them), by the day held; the people found and "
        "the arrests are the sums of their recorded outcomes, and an operation without outcomes yet counts as "
        "held, with nothing found."
    ),
    "supply_chain": gettext_noop(
        "Contracts by the day they start, those in the upper tiers (high value, high risk or "
        "business critical), annual supplier assessments by the day completed, and tender bids flagged as "
        "abnormally low by the day the check was run (London time)."
    ),
}


def operations_rows(evidence: list[PeriodEvidence]) -> dict[str, list[int]]:
    operations = [column.operations for column in evidence]
    return {
        gettext_noop("Operations held"): [o.operations_held for o in operations],
        gettext_noop("Potential victims: adults"): [o.victims_adult for o in operations],
        gettext_noop("Potential victims: children"): [o.victims_child for o in operations],
        gettext_noop("NRM referrals from operations"): [o.nrm_referrals for o in operations],
        gettext_noop("Arrests: modern slavery offences"): [o.arrests_modern_slavery for o in operations],
        gettext_noop("Premises closed or prohibited"): [o.premises_closed for o in operations],
    }


def supply_chain_rows(evidence: list[PeriodEvidence]) -> dict[str, list[int]]:
    supply = [column.supply_chain for column in evidence]
    return {
        gettext_noop("Contracts starting"): [s.contracts_starting for s in supply],
        gettext_noop("of which high value, high risk or business critical"): [
            s.contracts_starting_high_tier for s in supply
        ],
        gettext_noop("Annual supplier assessments completed"): [s.assessments_completed for s in supply],
        gettext_noop("Tender bids flagged as abnormally low"): [s.bids_flagged for s in supply],
    }
