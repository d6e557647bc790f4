"""Proposed answers from the disruption and supply-chain modules (see evidence.py for the rest).

Councillors read these, so the evidence is counts and names of organisations, never a person, and
there is no link into modules their role cannot open."""

from django.utils.translation import gettext, ngettext

from tackle.reporting.evidence import YearEvidence


def sharing_proposal(evidence: YearEvidence) -> tuple[str, str] | None:
    """Agreements for sharing information in force at any time in the year."""
    if not evidence.sharing_partners:
        return None
    partners = ", ".join(evidence.sharing_partners)
    sentence = gettext("Information-sharing agreements in force in %(period)s with %(partners)s.")
    return "yes", sentence % {"period": evidence.period.label, "partners": partners}


def contracts_proposal(evidence: YearEvidence) -> tuple[str, str] | None:
    """Annual supplier assessments on high-tier contracts that fell due in the year: done or not."""
    due = evidence.assessments_due
    if due.due == 0:
        return None
    answer = "yes" if due.completed == due.due else "partly" if due.completed else "no"
    sentence = ngettext(
        "%(completed)d of %(due)d annual supplier assessment due in %(period)s on high value, high risk or "
        "business critical contracts was completed (Tackle supplier records).",
        "%(completed)d of %(due)d annual supplier assessments due in %(period)s on high value, high risk or "
        "business critical contracts were completed (Tackle supplier records).",
        due.due,
    )
    return answer, sentence % {"completed": due.completed, "due": due.due, "period": evidence.period.label}
