"""The Home Office form filled section by section: the task list, one page per section, and the
lead's review and redaction of a Duty to Notify's account."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext

from tackle.accounts.door import open_for_user
from tackle.accounts.http import AuthenticatedRequest
from tackle.cases.forms.home_office_form import RedactionForm, SectionForm
from tackle.cases.models import Case
from tackle.cases.nrm_pack import FORM_TITLES, FormState, form_state
from tackle.cases.rules.home_office_check import STATUS_LABELS, missing_in, section_status
from tackle.cases.rules.home_office_form import DUTY_TO_NOTIFY, SECTION_BY_KEY, Kind, Question, Section
from tackle.cases.selectors import case_list_visible_to
from tackle.cases.services.home_office_form import duty_to_notify_redact, home_office_section_save
from tackle.core.access import DTN_REDACTIONS, NRM_PACKS, Action, allows
from tackle.core.form_page import form_page


def _open(request: AuthenticatedRequest, case_uuid: str, *, resource=NRM_PACKS, action=Action.VIEW) -> Case:  # type: ignore[no-untyped-def]
    visible = case_list_visible_to(request.user)
    return open_for_user(request.user, visible, resource=resource, action=action, request=request, uuid=case_uuid)


@login_required
def form_overview(request: AuthenticatedRequest, case_uuid: str) -> HttpResponse:
    case = _open(request, case_uuid)
    state = form_state(case)
    sections = [
        {
            "section": section,
            "status": (status := section_status(section, state.form, state.age, state.values)),
            "status_label": gettext(STATUS_LABELS[status]),
            "held_missing": [
                key for key in missing_in(section, state.form, state.age, state.values) if key in _held_keys(section)
            ],
        }
        for section in state.sections
    ]
    labels = {q.key: q.label for section in state.sections for q in section.questions}
    context = {
        "case": case,
        "state": state,
        "title": gettext(FORM_TITLES[state.form]),
        "sections": sections,
        "missing": [labels[key] for key in state.missing],
        "is_duty_to_notify": state.form == DUTY_TO_NOTIFY,
        "may_redact": allows(request.user.role, DTN_REDACTIONS, Action.CHANGE),
    }
    return render(request, "cases/home_office_form.html", context)


def _held_keys(section) -> set[str]:  # type: ignore[no-untyped-def]
    return {question.key for question in section.questions if question.held}


def _asked_here(state: FormState, section: Section) -> list[Question]:
    return state.asked_to_answer(section)


@login_required
def section_edit(request: AuthenticatedRequest, case_uuid: str, section: str) -> HttpResponse:
    case = _open(request, case_uuid, action=Action.CHANGE)
    state = form_state(case)
    chosen = SECTION_BY_KEY.get(section)
    if chosen is None or chosen not in state.sections:
        raise Http404(gettext("This case's form has no such section"))
    asked = _asked_here(state, chosen)
    no_documents = any(q.kind == Kind.DOCUMENTS for q in state.asked(chosen)) and not state.documents
    held = [{"question": q.label, "answer": state.words(q)} for q in state.asked(chosen) if q.held]
    row = state.row
    initial = {**(row.answers if row else {}), "version": row.version if row else None}
    form = SectionForm(request.POST or None, initial=initial, questions=asked, documents=state.documents)
    overview = reverse("cases:nrm-pack-form", args=[case.uuid])
    shown = {question.key for question in asked}

    def save(data: dict) -> object:
        return home_office_section_save(
            case=case,
            section_key=chosen.key,
            answers={key: value for key, value in data.items() if key != "version"},
            actor=request.user,
            expected_version=data.get("version"),
            request=request,
        )

    def next_page(_saved: object) -> str:
        # An answer that opens a follow-up question (yes, then "tell us more") comes back here to ask it.
        after = form_state(case)
        opened = {q.key for q in _asked_here(after, chosen)} - shown
        return request.path if opened else overview

    return form_page(
        request,
        form,
        save,
        title=chosen.title,
        caption=f"{gettext(FORM_TITLES[state.form])} · {case.reference}",
        back=overview,
        success=gettext("%(section)s: saved") % {"section": chosen.title},
        next_url=next_page,
        button=gettext("Save and continue"),
        template="cases/home_office_section.html",
        context={"held": held, "case": case, "no_documents": no_documents},
    )


@login_required
def redaction_edit(request: AuthenticatedRequest, case_uuid: str) -> HttpResponse:
    case = _open(request, case_uuid, resource=DTN_REDACTIONS, action=Action.CHANGE)
    state = form_state(case)
    overview = reverse("cases:nrm-pack-form", args=[case.uuid])
    if state.form != DUTY_TO_NOTIFY:
        return render(request, "cases/home_office_no_redaction.html", {"case": case, "back": overview})
    texts = state.texts_to_review
    row = state.row
    earlier = row.redacted_texts if row else {}
    initial = {key: earlier.get(key, original) for key, (_label, original) in texts.items()}
    form = RedactionForm(request.POST or None, initial=initial, texts=texts)
    return form_page(
        request,
        form,
        lambda data: duty_to_notify_redact(case=case, actor=request.user, texts=data, request=request),
        title=gettext("Review and redact the account"),
        caption=f"{gettext(FORM_TITLES[DUTY_TO_NOTIFY])} · {case.reference}",
        intro=gettext(
            "A Duty to Notify is anonymous. Edit each text so that nothing in it could identify the person: "
            "no names, no addresses or exact places (the town is enough), no phone numbers or registration "
            "numbers. What was written stays on the case; only your version goes in the pack."
        ),
        back=overview,
        success=gettext("Account reviewed and redacted: the pack can be downloaded"),
        next_url=reverse("cases:nrm-pack", args=[case.uuid]),
        button=gettext("Save the redacted account"),
    )
