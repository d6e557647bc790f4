"""Retention decisions and legal holds on records other than cases (issue 15, item 5): the kinds
another app registers (cases/retention_records.py). The administrator and the lead only (RETENTION
in tackle/core/access.py); glue over cases/services/record_retention.py. A reference of another
organisation's record is not found (404)."""

from datetime import date
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext

from tackle.accounts.door import open_for_user, open_page_for_user
from tackle.accounts.http import AuthenticatedRequest
from tackle.cases.forms.retention import ANONYMISE, ERASE, LegalHoldLiftForm, RecordLegalHoldForm, RetentionDecisionForm
from tackle.cases.models import RecordLegalHold, RetentionOutcome
from tackle.cases.retention_records import KeptRecord, RecordKind, record_kind
from tackle.cases.services.record_retention import record_decide, record_hold_lift, record_hold_place, record_live_hold
from tackle.core.access import RETENTION, Action
from tackle.core.errors import ApplicationError
from tackle.core.form_page import form_page

_REVIEW = "cases:retention-due"


def _record(user: Any, record_type: str, reference: str) -> tuple[RecordKind, KeptRecord]:
    kind = record_kind(record_type)
    record = kind.find(int(user.organisation_id), reference) if kind and user.organisation_id else None
    if kind is None or record is None:
        raise Http404(gettext("No such record in your organisation"))
    return kind, record


@login_required
def record_decide_page(request: AuthenticatedRequest, record_type: str, reference: str) -> HttpResponse:
    user = request.user
    open_page_for_user(user, resource=RETENTION, action=Action.CHANGE, object_type=record_type)
    kind, record = _record(user, record_type, reference)
    form = RetentionDecisionForm(
        request.POST if request.method == "POST" else None,
        record_type=record_type,
        may_anonymise=kind.anonymise is not None,
        may_erase=kind.erase is not None,
    )

    def save(cleaned: dict[str, Any]) -> Any:
        outcomes = {ANONYMISE: RetentionOutcome.ANONYMISED, ERASE: RetentionOutcome.ERASED}
        keep_until: date | None = cleaned.get("keep_until")
        return record_decide(
            kind=kind,
            record=record,
            outcome=outcomes.get(cleaned["decision"], RetentionOutcome.EXTENDED),
            reason=cleaned["reason"],
            keep_until=keep_until,
            actor=user,
            request=request,
        )

    hold = record_live_hold(int(user.organisation_id or 0), kind, record)
    return form_page(
        request,
        form,
        save,
        title=gettext("Decide on %(kind)s") % {"kind": str(kind.label).lower()},
        caption=record.reference,
        back=reverse(_REVIEW),
        success=gettext("Decision on %(reference)s recorded") % {"reference": record.reference},
        button=gettext("Record the decision"),
        intro=gettext("On legal hold since %(day)s: %(reason)s")
        % {"day": date_format(hold.placed_at, "j F Y"), "reason": hold.reason}
        if hold
        else "",
        warning=gettext("Erasing or anonymising cannot be undone. %(effect)s")
        % {"effect": kind.erase_effect or gettext("Anonymising keeps what the figures count.")},
    )


@login_required
def record_hold_new(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    open_page_for_user(user, resource=RETENTION, action=Action.RECORD, object_type="cases.recordlegalhold")
    form = RecordLegalHoldForm(request.POST if request.method == "POST" else None)

    def save(cleaned: dict[str, Any]) -> RecordLegalHold:
        kind = record_kind(cleaned["record_type"])
        record = kind.find(int(user.organisation_id or 0), cleaned["reference"]) if kind else None
        if kind is None or record is None:
            raise ApplicationError(
                gettext("No record of this kind in your organisation has this reference"), field="reference"
            )
        return record_hold_place(kind=kind, record=record, reason=cleaned["reason"], actor=user, request=request)

    return form_page(
        request,
        form,
        save,
        title=gettext("Put another record on legal hold"),
        back=reverse(_REVIEW),
        success=gettext("Record put on legal hold"),
        button=gettext("Put on legal hold"),
        intro=gettext(
            "Intelligence, premises or an operation on legal hold is kept whatever its retention date: it "
            "never appears as due, and it cannot be erased or anonymised until the hold is lifted."
        ),
    )


@login_required
def record_hold_lift_page(request: AuthenticatedRequest, hold_uuid: str) -> HttpResponse:
    user = request.user
    holds = RecordLegalHold.objects.filter(organisation_id=int(user.organisation_id or 0), lifted_at__isnull=True)
    hold = open_for_user(user, holds, resource=RETENTION, action=Action.CHANGE, request=request, uuid=hold_uuid)
    return form_page(
        request,
        LegalHoldLiftForm(request.POST if request.method == "POST" else None),
        lambda cleaned: record_hold_lift(hold=hold, reason=cleaned["reason"], actor=user, request=request),
        title=gettext("Lift the legal hold"),
        caption=hold.reference,
        back=reverse(_REVIEW),
        success=gettext("Legal hold on %(reference)s lifted") % {"reference": hold.reference},
        button=gettext("Lift the hold"),
        intro=gettext("Held since %(day)s because: %(reason)s")
        % {"day": date_format(hold.placed_at, "j F Y"), "reason": hold.reason},
    )
