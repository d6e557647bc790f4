"""Proposed answers from the disruption and supply-chain modules (see evidence.py for the rest).

Councillors read these, so the evidence is counts and names of organisations, never a person, and
there is no link into modules their role cannot open."""

from tackle.reporting.evidence import YearEvidence


def sharing_proposal(evidence: YearEvidence) -> tuple[str, str] | None:
    """Agreements for sharing information in force at any time in the year."""
    if not evidence.sharing_partners:
        return None
    partners = ", ".join(evidence.sharing_partners)
    return "yes", f"Information-sharing agreements in force in {evidence.period.label} with {partners}."


def contracts_proposal(evidence: YearEvidence) -> tuple[str, str] | None:
    """Annual supplier assessments on high-tier contracts that fell due in the year: done or not."""
    due = evidence.assessments_due
    if due.due == 0:
        return None
    answer = "yes" if due.completed == due.due else "partly" if due.completed else "no"
    return answer, (
        f"{due.completed} of {due.due} annual supplier assessments due in {evidence.period.label} on high value, "
        "high risk or business critical contracts were completed (Tackle supplier records)."
    )
