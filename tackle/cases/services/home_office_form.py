"""Answering the Home Office form section by section, and the lead's redaction of a Duty to Notify."""

from collections.abc import Collection
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from tackle.accounts.models import User
from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.cases.models import Case, HomeOfficeForm
from tackle.cases.nrm_pack import fingerprint, form_state
from tackle.cases.rules.home_office_check import answers_kept, is_empty
from tackle.cases.rules.home_office_form import DUTY_TO_NOTIFY, SECTION_BY_KEY, Kind, Question
from tackle.core.errors import ApplicationError, ConflictError


def _checked(question: Question, value: Any, documents: Collection[str] = (), stored: Any = None) -> Any:
    """The value as stored, or an ApplicationError naming the question: the JSON holds nothing the
    declaration does not allow, and evidence only the case's own documents (`documents`, by uuid). An
    answer `stored` before its question had a list is kept as it was."""
    if question.kind == Kind.DOCUMENTS:
        if not (isinstance(value, list) and all(isinstance(each, str) for each in value)):
            raise ApplicationError(gettext("Choose from the case's documents"), field=question.key)
        if not set(value) <= set(documents):
            raise ApplicationError(gettext("Choose only documents kept on this case"), field=question.key)
        return [each for each in documents if each in value]  # in the case's order, each once
    allowed = {code for code, _ in question.choices}
    if question.kind == Kind.CHOICE and value not in allowed and value != stored:  # kept from before its list
        raise ApplicationError(gettext("Choose one of the answers given"), field=question.key)
    if question.kind == Kind.CHOICES and not (isinstance(value, list) and set(value) <= allowed):
        raise ApplicationError(gettext("Choose from the answers given"), field=question.key)
    if question.kind == Kind.NUMBER and not (isinstance(value, int) and 0 <= value <= 99):
        raise ApplicationError(gettext("Enter a whole number from 0 to 99"), field=question.key)
    if question.kind in {Kind.TEXT, Kind.LONG_TEXT, Kind.EMAIL}:
        if not isinstance(value, str):
            raise ApplicationError(gettext("Enter text"), field=question.key)
        value = value.strip()
        if len(value) > 15000:
            raise ApplicationError(gettext("Enter 15,000 characters or fewer"), field=question.key)
    return value


def _locked_row(case: Case) -> HomeOfficeForm:
    HomeOfficeForm.objects.get_or_create(case=case)
    return HomeOfficeForm.objects.select_for_update().get(case=case)


@transaction.atomic
def home_office_section_save(
    *,
    case: Case,
    section_key: str,
    answers: dict[str, Any],
    actor: User,
    expected_version: int | None = None,
    request: Any = None,
) -> HomeOfficeForm:
    """Save one section's answers. Held facts are never taken here (they are the record's), and an
    answer to a question the branches no longer ask is dropped."""
    section = SECTION_BY_KEY.get(section_key)
    if section is None:
        raise ApplicationError(gettext("No such section of the form"))
    row = _locked_row(case)
    if expected_version is not None and row.version != expected_version:
        raise ConflictError(gettext("Someone else changed this form while you were editing it. Reload the page."))
    state = form_state(case)
    if section not in state.sections:
        raise ApplicationError(gettext("This case's form does not ask that section"))
    questions = {question.key: question for question in section.questions if not question.held}
    unknown = set(answers) - set(questions)
    if unknown:
        raise ApplicationError(
            gettext("Not a question of this section: %(keys)s") % {"keys": ", ".join(sorted(unknown))}
        )
    given = {
        key: _checked(questions[key], value, state.documents, row.answers.get(key))
        for key, value in answers.items()
        if not is_empty(value)
    }
    values = {**{k: v for k, v in state.values.items() if k not in questions}, **given}
    kept = answers_kept(section, state.form, state.age, values)
    before = {key: row.answers.get(key) for key in questions}
    row.answers = {**{k: v for k, v in row.answers.items() if k not in questions}, **kept}
    changed = sorted(key for key in questions if before[key] != row.answers.get(key))
    if changed:
        row.version += 1
        row.save()
        audit_record(
            action=AuditAction.UPDATE,
            actor=actor,
            request=request,
            obj=case,
            changed_fields=changed,
            note=f"Home Office form: {section.title}",
        )
    return row


@transaction.atomic
def duty_to_notify_redact(*, case: Case, actor: User, texts: dict[str, str], request: Any = None) -> HomeOfficeForm:
    """The lead's reviewed and redacted text of each free-text answer of a Duty to Notify, kept apart
    from what was written, with who and when. It covers the texts as they are now: a later change to
    any of them asks for the review again."""
    state = form_state(case)
    if state.form != DUTY_TO_NOTIFY:
        raise ApplicationError(
            gettext("Only a Duty to Notify is redacted: an NRM referral is sent with the person's consent")
        )
    to_review = state.texts_to_review
    if set(texts) != set(to_review):
        raise ApplicationError(gettext("Review every text of the account"))
    for key, text in texts.items():
        if len(text) > 15000:
            raise ApplicationError(gettext("Enter 15,000 characters or fewer"), field=key)
    row = _locked_row(case)
    row.redacted_texts = {key: text.strip() for key, text in texts.items()}
    row.redacted_from = fingerprint(to_review)
    row.redacted_by = actor
    row.redacted_at = timezone.now()
    row.version += 1
    row.save()
    audit_record(
        action=AuditAction.UPDATE,
        actor=actor,
        request=request,
        obj=case,
        changed_fields=sorted(texts),
        note="Duty to Notify account reviewed and redacted",
    )
    return row
