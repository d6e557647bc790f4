"""Proposed answers from the disruption and supply-chain modules (see evidence.py for the rest).

Councillors read these, so the evidence is counts and names of organisations, never a person, and
there is no link into modules their role cannot open."""

from typing import Any

from django.db.models import Q

from tackle.core.periods import financial_year


def sharing_proposal(organisation: Any, year: int) -> tuple[str, str] | None:
    """Agreements for sharing information in force at any time in the year."""
    from tackle.disrupt.models import SharingAgreement

    span = financial_year(year)
    agreements = SharingAgreement.objects.filter(
        Q(organisation_id=organisation.pk) | Q(partner_id=organisation.pk),
        starts_on__lt=span.ends_before,
        expires_on__gte=span.starts_on,
        revoked_at__isnull=True,
    ).select_related("organisation", "partner")
    partners = sorted(
        {(a.partner if a.organisation_id == organisation.pk else a.organisation).name for a in agreements}
    )
    if not partners:
        return None
    return "yes", f"Information-sharing agreements in force in {span.label} with {', '.join(partners)}."


def contracts_proposal(organisation: Any, year: int) -> tuple[str, str] | None:
    """Annual supplier assessments on high-tier contracts that fell due in the year: done or not."""
    from tackle.suppliers.models import SupplierAssessment

    span = financial_year(year)
    due = SupplierAssessment.objects.filter(
        contract__organisation_id=organisation.pk, due_on__gte=span.starts_on, due_on__lt=span.ends_before
    )
    total = due.count()
    if total == 0:
        return None
    done = due.filter(completed_on__isnull=False).count()
    answer = "yes" if done == total else "partly" if done else "no"
    return answer, (
        f"{done} of {total} annual supplier assessments due in {span.label} on high value, high risk or "
        "business critical contracts were completed (Tackle supplier records)."
    )
