"""Duty to Notify anonymity: the rule, and the database constraint that carries it, agree everywhere."""

import itertools
from datetime import date

import pytest
from django.db import IntegrityError, transaction

from tackle.cases.models import Stage
from tackle.cases.rules.anonymity import IDENTIFYING_FIELDS, must_be_anonymous
from tackle.cases.tests.factories import make_case

_ONE_DETAIL = {
    "person_name": "Ana Popescu",
    "person_date_of_birth": date(1990, 5, 1),
    "person_contact": "07700 900123",
    "person_address": "1 High Street",
}


def test_an_adult_who_declined_the_nrm_without_consent_to_share_is_anonymous():
    assert must_be_anonymous(stage=Stage.CONCERN, consent_to_nrm=False, treated_as_child=False, consent_to_share=False)


def test_consent_not_yet_asked_is_not_a_refusal():
    assert not must_be_anonymous(
        stage=Stage.CONCERN, consent_to_nrm=None, treated_as_child=False, consent_to_share=False
    )


def test_consent_to_share_lifts_anonymity_even_for_a_duty_to_notify():
    assert not must_be_anonymous(
        stage=Stage.DUTY_TO_NOTIFY, consent_to_nrm=False, treated_as_child=False, consent_to_share=True
    )


@pytest.mark.django_db
def test_the_database_refuses_identifying_details_exactly_when_the_rule_says_anonymous(frontline_a):
    combinations = itertools.product(Stage.values, (None, True, False), (False, True), (False, True))
    for stage, consent_to_nrm, child, share in combinations:
        if stage == Stage.DUTY_TO_NOTIFY and child:
            continue  # another constraint: never a Duty to Notify for a child
        anonymous = must_be_anonymous(
            stage=stage, consent_to_nrm=consent_to_nrm, treated_as_child=child, consent_to_share=share
        )
        for field in (None, *IDENTIFYING_FIELDS):
            details = {field: _ONE_DETAIL[field]} if field else {}
            facts = {"stage": stage, "consent_to_nrm": consent_to_nrm, "treated_as_child": child}
            try:
                with transaction.atomic():
                    make_case(frontline_a.organisation, frontline_a, **facts, consent_to_share=share, **details)
                refused = False
            except IntegrityError:
                refused = True
            assert refused == (anonymous and field is not None), (facts, share, field)
