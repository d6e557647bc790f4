"""A case's own pages: the record, its action checklist, the NRM journey, consent and sharing."""

from datetime import datetime, time
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from tackle.accounts.door import may_open
from tackle.accounts.http import AuthenticatedRequest
from tackle.accounts.selectors import notified_with_key
from tackle.cases.forms.case import ConsentForm, ExplanationPickForm, NrmEventForm, ReferralUpdateForm, ShareForm
from tackle.cases.forms.share_revoke import ShareRevokeConfirmForm
from tackle.cases.models import Indicator, ReferralStatus
from tackle.cases.selectors import (
    allocations_of,
    case_periods,
    explanation_offer,
    found_in,
    get_case_for_user,
    live_legal_hold,
    reminder_recipients,
    share_scope_for,
    user_may_work_on,
)
from tackle.cases.services.case import (
    ConsentExplained,
    case_record_consent,
    case_triage,
    new_concern_key,
    nrm_event_record,
    referral_update,
)
from tackle.cases.services.explanations import explanations_shipped_ensure
from tackle.cases.services.pathway import pathway_settings_of
from tackle.cases.services.share import case_share, case_share_revoke, shares_of
from tackle.cases.views.explanations import chosen_language
from tackle.core.access import CASES, NRM_PACKS, SUBJECT_ACCESS, SUPPORT, Action, ShareScope, allows
from tackle.core.errors import ApplicationError
from tackle.core.form_page import form_page
from tackle.core.forms import add_application_error
from tackle.core.vocabulary import ExploitationType


@login_required
def case_detail(request: AuthenticatedRequest, case_uuid: str) -> HttpResponse:
    case = get_case_for_user(request.user, case_uuid, request=request)
    can_work = user_may_work_on(request.user, case)
    if can_work:
        case_triage(case=case, actor=request.user, request=request)
    now = timezone.now()
    contacts = pathway_settings_of(case.organisation).action_contacts
    referrals = [
        {
            "referral": referral,
            "overdue": referral.is_open and referral.due_by is not None and referral.due_by < now,
            "contact": contacts.get(referral.code, {}),
        }
        for referral in case.referrals.all()
    ]
    links = {
        "may_see_pack": may_open(request.user, case, resource=NRM_PACKS, action=Action.EXPORT),
        "may_see_support": may_open(request.user, case, resource=SUPPORT),
        "may_answer_access_request": may_open(request.user, case, resource=SUBJECT_ACCESS),
    }
    shared_scope = share_scope_for(request.user, case)
    if shared_scope is not None:  # another organisation's case: only what its share opens
        return _shared_case_page(request, case, shared_scope, referrals, links)
    indicator_labels = dict(Indicator.choices)
    reminders_reach = reminder_recipients(case) if can_work and case.status == "open" else None
    return render(
        request,
        "cases/case_detail.html",
        {
            **links,
            "case": case,
            "can_work": can_work,
            "referrals": referrals,
            "events": case.nrm_events.select_related("recorded_by"),
            "periods": case_periods(case),
            "indicators": [indicator_labels.get(code, code) for code in case.indicators],
            "shares": shares_of(case) if can_work else [],
            "found_in": found_in(request.user, case),
            "legal_hold": live_legal_hold(case),
            "allocations": allocations_of(case) if can_work else [],
            "reminders_reach": reminders_reach,
            # Joined here so that the sentence naming them is translated whole.
            "reminder_names": ", ".join(person.display_name for person in reminders_reach.users)
            if reminders_reach
            else "",
        },
    )


def _shared_case_page(
    request: AuthenticatedRequest, case: Any, scope: str, referrals: list[dict[str, Any]], links: dict[str, bool]
) -> HttpResponse:
    """A partner's view of a case shared with them: the summary, and the referral actions when the
    share reaches the referral."""
    open_actions = sorted(
        (row["referral"] for row in referrals if row["referral"].is_open),
        key=lambda referral: (referral.due_by is None, referral.due_by),
    )
    reaches_referral = bool(scope) and ShareScope(scope).reaches(ShareScope.REFERRAL)
    return render(
        request,
        "cases/case_shared.html",
        {
            **links,
            "case": case,
            "scope": ShareScope(scope).label if scope else "",
            "exploitation": [ExploitationType(code).label for code in case.exploitation_types],
            "next_action": open_actions[0] if open_actions else None,
            "referrals": referrals if reaches_referral else [],
        },
    )


@login_required
def concern_recorded(request: AuthenticatedRequest, case_uuid: str) -> HttpResponse:
    """What happens next, for the officer who has just recorded a concern, and for a partner the case
    was shared with: its reference and what happens next, the actions only where the share reaches
    the referral, and never who at the council was told."""
    case = get_case_for_user(request.user, case_uuid)
    shared_scope = share_scope_for(request.user, case)
    partner = shared_scope is not None
    sees_actions = shared_scope is None or (
        bool(shared_scope) and ShareScope(shared_scope).reaches(ShareScope.REFERRAL)
    )
    context = {
        "case": case,
        "partner": partner,
        "shared_for": ShareScope(shared_scope).label if shared_scope else "",
        "referrals": case.referrals.all() if sees_actions else [],
        "told": _who_was_told([] if partner else [n.user for n in notified_with_key(new_concern_key(case))]),
        "may_record": allows(request.user.role, CASES, Action.RECORD),
    }
    return render(request, "cases/concern_recorded.html", context)


def _who_was_told(leads: list[Any]) -> str:
    """The leads told of a new concern, as one sentence built whole in the reader's language
    (Welsh joins the names and mutates differently); empty when nobody was told."""
    if not leads:
        return ""
    names = [lead.display_name for lead in leads]
    joined = names[0]
    if len(names) > 1:
        joined = gettext("%(names)s and %(last)s") % {"names": ", ".join(names[:-1]), "last": names[-1]}
    if any(lead.email for lead in leads):
        told = ngettext(
            "%(names)s, the modern slavery lead, has been told in Tackle and by email, and will decide the next steps.",
            "%(names)s, the modern slavery leads, have been told in Tackle and by email, "
            "and will decide the next steps.",
            len(names),
        )
    else:
        told = ngettext(
            "%(names)s, the modern slavery lead, has been told in Tackle, and will decide the next steps.",
            "%(names)s, the modern slavery leads, have been told in Tackle, and will decide the next steps.",
            len(names),
        )
    no_email = [
        gettext("%(name)s has no email address, so will see it when they next sign in.") % {"name": lead.display_name}
        for lead in leads
        if not lead.email
    ]
    return " ".join([told % {"names": joined}, *no_email])


@login_required
def referral_edit(request: AuthenticatedRequest, case_uuid: str, referral_uuid: str) -> HttpResponse:
    case = get_case_for_user(request.user, case_uuid, to_change=True)
    referral = get_object_or_404(case.referrals, uuid=referral_uuid)
    initial = {"status": referral.status if referral.status != ReferralStatus.TO_DO else ReferralStatus.SENT}
    form = ReferralUpdateForm(
        request.POST or None, initial={**initial, "sent_at": referral.sent_at, "outcome": referral.outcome}
    )
    if request.method == "POST" and form.is_valid():
        try:
            referral_update(
                referral=referral,
                actor=request.user,
                status=form.cleaned_data["status"],
                sent_at=form.cleaned_data["sent_at"],
                outcome=form.cleaned_data["outcome"],
                request=request,
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, gettext("%(referral)s updated") % {"referral": referral.get_code_display()})
            return redirect("cases:case-detail", case_uuid=case.uuid)
    return render(request, "cases/referral_edit.html", {"case": case, "referral": referral, "form": form})


@login_required
def nrm_event_new(request: AuthenticatedRequest, case_uuid: str) -> HttpResponse:
    case = get_case_for_user(request.user, case_uuid, to_change=True)
    form = NrmEventForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            nrm_event_record(case=case, actor=request.user, request=request, **form.cleaned_data)
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, "NRM step recorded")
            return redirect("cases:case-detail", case_uuid=case.uuid)
    return render(request, "cases/nrm_event_new.html", {"case": case, "form": form})


_HOW_CONSENT_WAS_EXPLAINED = (
    "consent_language",
    "consent_interpreter",
    "consent_interpreter_agency",
    "consent_leaflet",
)


@login_required
def consent_edit(request: AuthenticatedRequest, case_uuid: str) -> HttpResponse:
    """The consent conversation: the officer picks the person's language (?language=), the
    organisation's approved texts in it are shown (English, for an interpreter, where none is),
    and the answer is recorded with the versions read."""
    case = get_case_for_user(request.user, case_uuid, to_change=True)
    explanations_shipped_ensure(organisation=case.organisation)
    asked = chosen_language(request)
    offer = explanation_offer(case.organisation_id, asked) if asked else None
    initial = {"version": case.version, **{name: getattr(case, name) for name in _HOW_CONSENT_WAS_EXPLAINED}}
    if offer is not None:
        initial["explanation_texts"] = [version.pk for version in offer.versions]
        initial["consent_language"] = case.consent_language or asked
    form = ConsentForm(
        request.POST if request.method == "POST" else None, initial=initial, organisation_id=case.organisation_id
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case_record_consent(
                case=case,
                actor=request.user,
                consent_to_nrm=data["consent_to_nrm"] == "yes",
                consent_to_share=data["consent_to_share"],
                refusal_reason=data["refusal_reason"],
                explained=ConsentExplained(
                    language=data["consent_language"],
                    interpreter=data["consent_interpreter"],
                    interpreter_agency=data["consent_interpreter_agency"],
                    leaflet=data["consent_leaflet"],
                    texts=list(data["explanation_texts"]),
                    texts_read_by_interpreter=data["consent_explanation_read_by_interpreter"],
                ),
                withdrawn_on=data["withdrawn_on"],
                expected_version=data["version"],
                request=request,
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(
                request, gettext("Consent withdrawn") if data["withdrawn_on"] else gettext("Consent recorded")
            )
            return redirect("cases:case-detail", case_uuid=case.uuid)
    context = {
        "case": case,
        "form": form,
        "pick": ExplanationPickForm(initial={"language": asked}),
        "offer": offer,
    }
    return render(request, "cases/consent_edit.html", context)


@login_required
def share_new(request: AuthenticatedRequest, case_uuid: str) -> HttpResponse:
    case = get_case_for_user(request.user, case_uuid, to_change=True)
    form = ShareForm(request.POST if request.method == "POST" else None, organisation_id=case.organisation_id)
    if request.method == "POST" and form.is_valid():
        expires_on = form.cleaned_data["expires_on"]
        expires_at = timezone.make_aware(datetime.combine(expires_on, time.max)) if expires_on else None
        try:
            data = {key: value for key, value in form.cleaned_data.items() if key != "expires_on"}
            case_share(case=case, actor=request.user, expires_at=expires_at, request=request, **data)
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, gettext("Case shared"))
            return redirect("cases:case-detail", case_uuid=case.uuid)
    return render(request, "cases/share_new.html", {"case": case, "form": form})


@login_required
def share_revoke(request: AuthenticatedRequest, case_uuid: str, share_id: int) -> HttpResponse:
    """Check before a partner stops seeing the case (issue 18): which partner, which part of which
    case, above the warning; any POST that is not the page's own form shows it and revokes nothing."""
    case = get_case_for_user(request.user, case_uuid, to_change=True)
    share = get_object_or_404(shares_of(case), pk=share_id)
    back = reverse("cases:case-detail", args=[case.uuid])
    return form_page(
        request,
        ShareRevokeConfirmForm(request.POST if request.method == "POST" else None),
        lambda _: case_share_revoke(case=case, share=share, actor=request.user, request=request),
        title=gettext("Revoke sharing with a partner"),
        caption=case.reference,
        back=back,
        success=gettext("Sharing with %(partner)s revoked") % {"partner": share.organisation.name},
        button=gettext("Revoke sharing"),
        warning=gettext(
            "You cannot undo this. %(partner)s stops seeing this case at once; "
            "to share again you must record a new share."
        )
        % {"partner": share.organisation.name},
        template="cases/share_revoke.html",
        context={"case": case, "share": share},
    )
