"""Sharing a case with a partner organisation: scope, purpose, lawful basis, consent, expiry,
revocation. Audited. The partner sees only what the scope opens (tackle/core/access.py)."""

from datetime import datetime
from typing import Any

from django.utils.translation import gettext

from tackle.accounts.models import Organisation, User
from tackle.accounts.sharing import record_share, record_share_revoke, shares_of
from tackle.cases.models import Case
from tackle.core.access import ShareScope
from tackle.core.errors import ApplicationError
from tackle.core.models import LawfulBasis, RecordShare, ShareConsent

__all__ = ["case_share", "case_share_revoke", "shares_of"]


def case_share(
    *,
    case: Case,
    organisation: Organisation,
    actor: User,
    scope: str,
    purpose: str,
    lawful_basis: str,
    consent: str,
    lawful_basis_detail: str = "",
    consent_note: str = "",
    expires_at: datetime | None = None,
    request: Any = None,
) -> RecordShare:
    """`consent_note` says why, when consent was not given or not asked; a share on the basis of
    consent needs consent given."""
    if scope not in ShareScope:
        raise ApplicationError(gettext("Select what the partner will see"), field="scope")
    if lawful_basis not in LawfulBasis.values:
        raise ApplicationError(gettext("Select the lawful basis for sharing"), field="lawful_basis")
    if consent not in ShareConsent.values:
        raise ApplicationError(gettext("Select whether the person consented to this share"), field="consent")
    if consent != ShareConsent.GIVEN and not consent_note.strip():
        raise ApplicationError(gettext("Enter why consent was not given or not asked"), field="consent_note")
    if lawful_basis == LawfulBasis.CONSENT and consent != ShareConsent.GIVEN:
        raise ApplicationError(
            gettext("Consent is the lawful basis only when the person gave it"), field="lawful_basis"
        )
    return record_share(
        record=case,
        organisation=organisation,
        actor=actor,
        reason=purpose,
        scope=scope,
        lawful_basis=lawful_basis,
        lawful_basis_detail=lawful_basis_detail,
        consent=consent,
        consent_note=consent_note,
        expires_at=expires_at,
        request=request,
        noun="case",
        reason_field="purpose",
    )


def case_share_revoke(*, case: Case, share: RecordShare, actor: User, request: Any = None) -> RecordShare:
    return record_share_revoke(record=case, share=share, actor=actor, request=request)
