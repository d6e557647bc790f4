"""The Home Office form of one case as it reads: what Tackle already holds (the case record and the
organisation's settings), the answers given section by section, the form the case needs, what is
still missing, and the referral pack the officer transcribes. Every answer reads in words.

A Duty to Notify holds nothing that identifies the person: the encounter's place is never printed
(where they are now, the town and county from the record, is the only place it carries, and only
when it names nothing finer than a town), and its free text is the lead's redaction,
without which the pack cannot be taken away."""

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_noop

from tackle.accounts.services import organisation_settings_of
from tackle.cases.models import Case, ExploitationLocation, ExploitationType, Gender, HomeOfficeForm, Indicator
from tackle.cases.rules.anonymity import CURRENT_PLACE_FIELDS, no_finer_than_a_town
from tackle.cases.rules.home_office_check import (
    age_branch,
    form_for,
    in_words,
    is_empty,
    missing,
    questions_asked,
    sections_for,
)
from tackle.cases.rules.home_office_form import DUTY_TO_NOTIFY, Kind, Question, Section
from tackle.cases.selectors import consent_explanation_words
from tackle.core.roles import OrganisationKind

# The answers below go to the Home Office and stay English (docs/i18n.md); the form's title and the
# refusal are also shown on Tackle's own pages, so they are marked and translated where shown.
NOT_RECORDED = "Not recorded yet"
WITHHELD = "Withheld by the lead: it could identify the person"
PLACE_WITHHELD = "Withheld: more precise than a town, so it could identify the person"
AWAITING_REVIEW = "Awaiting the lead's review and redaction"
FORM_TITLES = {"nrm": gettext_noop("NRM referral"), DUTY_TO_NOTIFY: gettext_noop("Duty to Notify")}
REVIEW_NEEDED = gettext_noop(
    "The lead must review and redact the Duty to Notify's account before its pack can be downloaded. "
    "Nothing that identifies the person may leave Tackle."
)


def _under_18(case: Case) -> str:
    if case.treated_as_child:
        return "yes" if case.age is not None and case.age < 18 else "not_sure"
    return "no"


def _yes_no(value: bool | None) -> str | None:
    return None if value is None else ("yes" if value else "no")


def _consent(case: Case) -> str | None:
    if case.treated_as_child:
        return "not_needed"
    return _yes_no(case.consent_to_nrm)


def _indicators(case: Case) -> str:
    labels = dict(Indicator.choices)
    return "; ".join([*(str(labels.get(code, code)) for code in case.indicators), case.indicators_other.strip()]).strip(
        "; "
    )


def held_facts(case: Case) -> dict[str, Any]:
    """What the form asks that Tackle already holds, in the codes of the questions' choices."""
    settings = organisation_settings_of(case.organisation)
    organisation = case.organisation
    facts: dict[str, Any] = {
        "fr_organisation": settings.first_responder_organisation or organisation.name,
        "under_18": _under_18(case),
        "la_name": organisation.name if organisation.kind == OrganisationKind.COUNCIL else "",
        "la_phone": settings.mash_phone,
        "la_email": settings.mash_email,
        "account": case.what_was_seen,
        "indicators": _indicators(case),
        "exploitation_location": "" if case.exploitation_location == ExploitationLocation.UNKNOWN
        else case.exploitation_location,
        "exploitation_types": "; ".join(str(ExploitationType(code).label) for code in case.exploitation_types),
        "consent": _consent(case),
        "refusal_reason": case.refusal_reason,
        "gender": "" if case.gender == Gender.UNKNOWN else case.gender,
        "nationality": case.nationality,
        "interpreter_needed": _yes_no(case.interpreter_needed),
        "language": case.language,
        "fr_name": settings.first_responder_name,
        "fr_role": settings.first_responder_role,
        "fr_phone": settings.first_responder_phone,
        "fr_email": settings.first_responder_email,
        "shared": "yes" if case.consent_to_share else "no",
        "current_town": case.current_town,
        "current_county": case.current_county,
    }  # fmt: skip
    if not case.is_anonymous:
        facts |= {
            "name": case.person_name,
            "contact": case.person_contact,
            "support_phone": case.person_contact,
            "date_of_birth": f"{case.person_date_of_birth:%-d %B %Y}" if case.person_date_of_birth else "",
        }
    return facts


def form_row(case: Case) -> HomeOfficeForm | None:
    return HomeOfficeForm.objects.filter(case=case).first()


@dataclass(frozen=True)
class FormState:
    form: str
    age: str
    values: dict[str, Any]
    anonymous: bool
    redacted: dict[str, str]  # the lead's redaction, when it covers the texts as they are now
    row: HomeOfficeForm | None
    documents: dict[str, str]  # the case's own documents that may go as evidence: uuid to title (NRM only)

    @property
    def sections(self) -> list[Section]:
        return sections_for(self.form, self.age)

    def asked(self, section: Section) -> list[Question]:
        return questions_asked(section, self.form, self.age, self.values)

    def asked_to_answer(self, section: Section) -> list[Question]:
        """What a section's page (and the API) asks: not the held facts, and the evidence documents only
        when the case keeps some (with none, the page says where to add them)."""
        return [
            question
            for question in self.asked(section)
            if not question.held and (question.kind != Kind.DOCUMENTS or self.documents)
        ]

    @property
    def missing(self) -> list[str]:
        return missing(self.form, self.age, self.values)

    @property
    def texts_to_review(self) -> dict[str, tuple[str, str]]:
        """A Duty to Notify's free text, by key: (the question, what was written)."""
        if self.form != DUTY_TO_NOTIFY:
            return {}
        return {
            question.key: (question.label, str(self.values[question.key]))
            for section in self.sections
            for question in self.asked(section)
            if question.kind == Kind.LONG_TEXT and not is_empty(self.values.get(question.key))
        }

    @property
    def review_needed(self) -> bool:
        return self.form == DUTY_TO_NOTIFY and not self.redacted

    def words(self, question: Question) -> str | None:
        """The answer as the pack and the API give it: a Duty to Notify's free text is the redaction."""
        if self.form == DUTY_TO_NOTIFY and question.kind == Kind.LONG_TEXT:
            if question.key not in self.redacted:
                return None
            return self.redacted[question.key] or WITHHELD
        value = self.values.get(question.key)
        if self.form == DUTY_TO_NOTIFY and question.key in CURRENT_PLACE_FIELDS and value:
            return value if no_finer_than_a_town(value) else PLACE_WITHHELD
        return in_words(question, value, self.documents)


def fingerprint(texts: dict[str, tuple[str, str]]) -> str:
    return hashlib.sha256(json.dumps({k: v[1] for k, v in texts.items()}, sort_keys=True).encode()).hexdigest()


def _evidence_documents(case: Case) -> dict[str, str]:
    """The support documents kept on the case, oldest first, by title: what the evidence section offers."""
    return {
        str(uuid): title for uuid, title in case.documents.order_by("uploaded_at", "pk").values_list("uuid", "title")
    }


def form_state(case: Case) -> FormState:
    row = form_row(case)
    answers = row.answers if row else {}
    held = held_facts(case)
    for key in CURRENT_PLACE_FIELDS:  # answered on the form before the record held where they are now
        held[key] = held[key] or answers.get(key, "")
    values = {**answers, **held}
    form = form_for(treated_as_child=case.treated_as_child, consent_to_nrm=case.consent_to_nrm)
    state = FormState(
        form=form,
        age=age_branch(treated_as_child=case.treated_as_child),
        values=values,
        anonymous=case.is_anonymous,
        redacted={},
        row=row,
        documents=_evidence_documents(case) if form != DUTY_TO_NOTIFY else {},
    )
    if row and row.redacted_from and row.redacted_from == fingerprint(state.texts_to_review):
        state = FormState(**{**state.__dict__, "redacted": dict(row.redacted_texts)})
    return state


def build_referral_pack(case: Case, state: FormState | None = None) -> dict[str, Any]:
    """The form in its order, for this case's form and age branch, each answer in words."""
    state = state or form_state(case)
    sections = []
    for section in state.sections:
        items = []
        for question in state.asked(section):
            words = state.words(question)
            if words is None:
                review = state.review_needed and question.kind == Kind.LONG_TEXT
                words = AWAITING_REVIEW if review else NOT_RECORDED
            items.append({"key": question.key, "question": question.label, "answer": words})
        if section.key == "consent" and (explained := consent_explanation_words(case)):
            # Tackle's own record beside the form's question: how the consent asked for was informed.
            items.append(
                {"key": "consent_explained", "question": "Explanation read before they answered", "answer": explained}
            )
        sections.append({"key": section.key, "title": section.title, "items": items})
    return {
        "reference": case.reference,
        "form": state.form,
        "title": FORM_TITLES[state.form],
        "anonymous": state.anonymous,
        "sections": sections,
        "missing": state.missing,
    }


def api_form(case: Case) -> dict[str, Any]:
    """`{"form", "sections": {section: {question: words or null}}, "missing": [keys]}`."""
    state = form_state(case)
    return {
        "form": state.form,
        "sections": {
            section.key: {question.key: state.words(question) for question in state.asked(section)}
            for section in state.sections
        },
        "missing": state.missing,
    }
