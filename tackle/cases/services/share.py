"""Sharing a case with a partner organisation: purpose, consent, expiry, revocation. Audited."""

from datetime import datetime
from typing import Any

from tackle.accounts.models import Organisation, User
from tackle.accounts.sharing import record_share, record_share_revoke, shares_of
from tackle.cases.models import Case
from tackle.core.models import RecordShare

__all__ = ["case_share", "case_share_revoke", "shares_of"]


def case_share(
    *,
    case: Case,
    organisation: Organisation,
    actor: User,
    purpose: str,
    consent_recorded: bool,
    expires_at: datetime | None = None,
    request: Any = None,
) -> RecordShare:
    return record_share(
        record=case,
        organisation=organisation,
        actor=actor,
        reason=purpose,
        consent_recorded=consent_recorded,
        expires_at=expires_at,
        request=request,
        noun="case",
        reason_field="purpose",
    )


def case_share_revoke(*, case: Case, share: RecordShare, actor: User, request: Any = None) -> RecordShare:
    return record_share_revoke(record=case, share=share, actor=actor, request=request)
