"""The Home Office form's declaration and its checks, over plain values."""

import pytest

from tackle.cases.rules.home_office_check import (
    COMPLETED,
    IN_PROGRESS,
    NOT_STARTED,
    answers_kept,
    form_for,
    in_words,
    missing,
    questions_asked,
    section_status,
    sections_for,
)
from tackle.cases.rules.home_office_form import (
    ADULT,
    CHILD,
    CONDITION_FACTS,
    DUTY_TO_NOTIFY,
    NRM,
    SECTION_BY_KEY,
    Kind,
)

BRANCHES = [(NRM, CHILD), (NRM, ADULT), (DUTY_TO_NOTIFY, ADULT)]


def _questions(form, age):
    return [q for s in sections_for(form, age) for q in s.questions if form in q.forms and age in q.ages]


@pytest.mark.parametrize(("form", "age"), BRANCHES)
def test_each_form_asks_each_thing_once(form, age):
    keys = [q.key for q in _questions(form, age)]
    assert len(keys) == len(set(keys))
    assert keys.count("consent") == 1


@pytest.mark.parametrize(("form", "age"), BRANCHES)
def test_every_condition_names_a_question_of_the_same_form_or_a_fact(form, age):
    keys = {q.key for q in _questions(form, age)} | CONDITION_FACTS
    for question in _questions(form, age):
        if question.when:
            assert question.when[0] in keys, question.key
        if question.kind in {Kind.CHOICE, Kind.CHOICES}:
            assert question.choices, question.key


def test_a_child_is_never_asked_the_adults_only_questions():
    child = {q.key for q in _questions(NRM, CHILD)}
    assert not child & {"under_18_during_exploitation", "needs_support", "decision_to", "support_phone"}
    assert {"la_name", "la_phone", "la_email"} <= child
    adult = {q.key for q in _questions(NRM, ADULT)}
    assert "under_18_during_exploitation" in adult and "la_name" not in adult


def test_the_duty_to_notify_asks_no_exact_place_and_no_identity_unless_shared():
    keys = {q.key for q in _questions(DUTY_TO_NOTIFY, ADULT)}
    assert not keys & {"uk_place_details", "overseas_place_details", "date_of_birth", "support_phone"}
    section = SECTION_BY_KEY["duty_to_notify"]
    anonymous = {q.key for q in questions_asked(section, DUTY_TO_NOTIFY, ADULT, {"shared": "no"})}
    assert "name" not in anonymous and "contact" not in anonymous
    shared = {q.key for q in questions_asked(section, DUTY_TO_NOTIFY, ADULT, {"shared": "yes"})}
    assert {"name", "contact"} <= shared


@pytest.mark.parametrize(
    ("child", "consent", "form"),
    [(True, None, NRM), (True, False, NRM), (False, True, NRM), (False, None, NRM), (False, False, DUTY_TO_NOTIFY)],
)
def test_the_form_a_case_needs(child, consent, form):
    assert form_for(treated_as_child=child, consent_to_nrm=consent) == form


def test_missing_follows_the_branches():
    section = SECTION_BY_KEY["exploitation"]
    assert "journey_details" not in missing(NRM, ADULT, {"taken_somewhere": "no"})
    assert "journey_details" in missing(NRM, ADULT, {"taken_somewhere": "yes"})
    everything = missing(NRM, ADULT, {})
    assert everything[0] == "fr_organisation" and "evidence" not in everything  # evidence is optional
    assert section_status(section, NRM, ADULT, {}) == NOT_STARTED
    assert section_status(section, NRM, ADULT, {"how_it_started": "Offered a job"}) == IN_PROGRESS
    full = {
        "account": "Seen",
        "more_than_one_situation": "no",
        "exploitation_dates": "2024",
        "how_it_started": "Offered a job",
        "taken_somewhere": "no",
    }
    assert section_status(section, NRM, ADULT, full) == COMPLETED


def test_an_answer_the_branch_no_longer_asks_is_dropped():
    section = SECTION_BY_KEY["exploitation"]
    values = {"taken_somewhere": "no", "journey_details": "By van", "how_it_started": "A job"}
    assert answers_kept(section, NRM, ADULT, values) == {"taken_somewhere": "no", "how_it_started": "A job"}


def test_answers_read_as_words_never_codes():
    questions = {q.key: q for s in sections_for(NRM, ADULT) for q in s.questions}
    assert in_words(questions["last_contact"], "within_3_months") == "In the last 3 months"
    assert in_words(questions["decision_by"], ["email", "post"]) == "By email; By post"
    assert in_words(questions["consent"], "yes") == "Yes"
    assert in_words(questions["family"], "") is None
