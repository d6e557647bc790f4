"""The organisation's explanation texts (issue 21, item 4): shipped, added, edited, approved, and
named by the consent record."""

import pytest
from django.utils import timezone

from tackle.audit.models import AuditEvent
from tackle.cases.models import Case, CaseStatus, ExplanationLanguage, ExplanationVersion
from tackle.cases.rules.explanations import SHIPPED, ExplanationKind
from tackle.cases.selectors import consent_explanation_words, explanation_offer, offered_versions
from tackle.cases.services.case import ConsentExplained, case_record_consent
from tackle.cases.services.explanations import (
    explanation_approve,
    explanation_edit,
    explanation_language_add,
    explanations_shipped_ensure,
)
from tackle.cases.services.retention import case_anonymise
from tackle.core.errors import ApplicationError


def _welsh(organisation):
    explanations_shipped_ensure(organisation=organisation)
    return ExplanationLanguage.objects.get(organisation=organisation, language="Welsh")


def test_english_and_welsh_ship_approved_once(council_a):
    explanations_shipped_ensure(organisation=council_a)
    explanations_shipped_ensure(organisation=council_a)
    versions = ExplanationVersion.objects.filter(language__organisation=council_a)
    assert versions.count() == len(SHIPPED) * len(ExplanationKind)
    assert all(version.approved_at is not None and version.number == 1 for version in versions)
    welsh = explanation_offer(council_a.pk, "Welsh")
    assert (welsh.language, welsh.lang, welsh.in_their_language) == ("Welsh", "cy", True)
    assert [version.kind for version in welsh.versions] == list(ExplanationKind)


def test_an_edit_is_a_new_version_offered_only_once_approved(council_a, lead_a):
    welsh = _welsh(council_a)
    edited = explanation_edit(
        language=welsh, kind="consent", title="Chi sy'n dewis", body="Testun newydd.", actor=lead_a
    )
    assert edited.number == 2 and edited.approved_at is None
    offered = {version.kind: version.number for version in offered_versions(welsh)}
    assert offered["consent"] == 1
    explanation_approve(version=edited, actor=lead_a)
    edited.refresh_from_db()
    assert edited.approved_by == lead_a
    assert {version.kind: version.number for version in offered_versions(welsh)}["consent"] == 2
    assert welsh.versions.filter(kind="consent", number=1).exists()  # the old version stays
    assert AuditEvent.objects.filter(object_id=str(edited.uuid)).count() == 2


def test_approving_an_older_version_again_offers_it_again(council_a, lead_a):
    welsh = _welsh(council_a)
    first = welsh.versions.get(kind="rights", number=1)
    second = explanation_edit(language=welsh, kind="rights", title="Hawliau", body="Newydd.", actor=lead_a)
    explanation_approve(version=second, actor=lead_a)
    with pytest.raises(ApplicationError, match="already the one offered"):
        explanation_approve(version=second, actor=lead_a)
    explanation_approve(version=first, actor=lead_a)
    assert {version.kind: version.number for version in offered_versions(welsh)}["rights"] == 1


def test_an_unchanged_or_empty_text_is_refused(council_a, lead_a):
    welsh = _welsh(council_a)
    current = welsh.versions.get(kind="nrm", number=1)
    with pytest.raises(ApplicationError, match="same as version 1"):
        explanation_edit(language=welsh, kind="nrm", title=current.title, body=current.body, actor=lead_a)
    with pytest.raises(ApplicationError, match="Enter the text") as error:
        explanation_edit(language=welsh, kind="nrm", title="Teitl", body="  ", actor=lead_a)
    assert error.value.field == "body"


def test_a_language_is_added_once_from_the_list(council_a, lead_a):
    polish = explanation_language_add(organisation=council_a, language="Polish", actor=lead_a)
    assert polish.lang == "pl"
    with pytest.raises(ApplicationError, match="already kept"):
        explanation_language_add(organisation=council_a, language="Polish", actor=lead_a)
    with pytest.raises(ApplicationError, match="Select a language from the list"):
        explanation_language_add(organisation=council_a, language="Klingon", actor=lead_a)


def test_no_approved_text_in_their_language_offers_english(council_a, lead_a):
    explanations_shipped_ensure(organisation=council_a)
    polish = explanation_language_add(organisation=council_a, language="Polish", actor=lead_a)
    explanation_edit(language=polish, kind="nrm", title="NRM", body="Tekst.", actor=lead_a)  # not approved
    offer = explanation_offer(council_a.pk, "Polish")
    assert (offer.asked, offer.language, offer.in_their_language, offer.lang) == ("Polish", "English", False, "en-GB")


def test_consent_names_the_texts_read_and_who_read_them(council_a, frontline_a, lead_a, record_concern):
    case = record_concern(frontline_a, age=30)
    explanations_shipped_ensure(organisation=council_a)
    texts = explanation_offer(council_a.pk, "Welsh").versions
    explained = ConsentExplained(
        language="Welsh", interpreter="phone", interpreter_agency="Iaith", texts=texts, texts_read_by_interpreter=True
    )
    case = case_record_consent(case=case, actor=lead_a, consent_to_nrm=True, consent_to_share=True, explained=explained)
    assert set(case.consent_explanations.all()) == set(texts)
    assert case.consent_explanation_read_by_interpreter is True
    words = consent_explanation_words(case)
    assert "Agreeing to a referral (version 1)" in words and "in Welsh, read by an interpreter" in words
    event = AuditEvent.objects.filter(object_id=str(case.uuid)).latest("pk")
    assert "consent_explanations" in event.changed_fields
    assert "Agreeing to a referral version 1" in event.note and "Welsh" not in event.note


def test_another_organisations_or_unapproved_texts_are_refused(
    council_a, council_b, frontline_a, lead_a, record_concern
):
    case = record_concern(frontline_a, age=30)
    explanations_shipped_ensure(organisation=council_b)
    theirs = explanation_offer(council_b.pk, "English").versions
    with pytest.raises(ApplicationError, match="approved explanation texts"):
        case_record_consent(
            case=case,
            actor=lead_a,
            consent_to_nrm=True,
            consent_to_share=False,
            explained=ConsentExplained(texts=theirs[:1]),
        )
    draft = explanation_edit(language=_welsh(council_a), kind="nrm", title="T", body="Drafft.", actor=lead_a)
    with pytest.raises(ApplicationError, match="approved explanation texts"):
        case_record_consent(
            case=case,
            actor=lead_a,
            consent_to_nrm=True,
            consent_to_share=False,
            explained=ConsentExplained(texts=[draft]),
        )


def test_read_by_an_interpreter_needs_an_interpreter(council_a, frontline_a, lead_a, record_concern):
    case = record_concern(frontline_a, age=30)
    explanations_shipped_ensure(organisation=council_a)
    texts = explanation_offer(council_a.pk, "English").versions
    with pytest.raises(ApplicationError, match="how the interpreter took part") as error:
        case_record_consent(
            case=case,
            actor=lead_a,
            consent_to_nrm=True,
            consent_to_share=False,
            explained=ConsentExplained(texts=texts, texts_read_by_interpreter=True),
        )
    assert error.value.field == "consent_interpreter"


def test_anonymising_a_case_drops_the_texts_read_and_keeps_the_versions(council_a, frontline_a, lead_a, record_concern):
    case = record_concern(frontline_a, age=30)
    explanations_shipped_ensure(organisation=council_a)
    texts = explanation_offer(council_a.pk, "Welsh").versions
    case_record_consent(
        case=case, actor=lead_a, consent_to_nrm=True, consent_to_share=True, explained=ConsentExplained(texts=texts)
    )
    Case.objects.filter(pk=case.pk).update(status=CaseStatus.CLOSED, closed_at=timezone.now())
    case_anonymise(case=Case.objects.get(pk=case.pk), reason="Past its retention date", actor=lead_a)
    assert not Case.objects.get(pk=case.pk).consent_explanations.exists()
    assert ExplanationVersion.objects.filter(pk__in=[text.pk for text in texts]).count() == len(texts)
