"""Saving lists: all or nothing, limits named, a correction that cannot be used changes nothing."""

import pytest

from tackle.audit.models import AuditEvent
from tackle.core.errors import ApplicationError
from tackle.targeting.models import RegulatorList
from tackle.targeting.services import (
    MAX_FILE_BYTES,
    MAX_FILES,
    Upload,
    regulator_list_remap,
    regulator_lists_import,
)
from tackle.targeting.tests.factories import FIRE


def test_too_many_files_are_refused(lead_a):
    uploads = [Upload(f"list{n}.csv", FIRE.encode()) for n in range(MAX_FILES + 1)]
    with pytest.raises(ApplicationError, match="at most 10 files"):
        regulator_lists_import(organisation=lead_a.organisation, actor=lead_a, uploads=uploads)
    assert not RegulatorList.objects.exists()


def test_a_file_over_the_size_limit_is_refused_by_name(lead_a):
    big = FIRE.encode() + b"x" * MAX_FILE_BYTES
    with pytest.raises(ApplicationError, match=r"big\.csv: The file must be smaller than 5 MB"):
        regulator_lists_import(
            organisation=lead_a.organisation,
            actor=lead_a,
            uploads=[Upload("fire.csv", FIRE.encode()), Upload("big.csv", big)],
        )
    assert not RegulatorList.objects.exists()


def test_two_files_with_one_name_are_kept_apart(lead_a):
    uploads = [Upload("a/fire.csv", FIRE.encode()), Upload("b/fire.csv", FIRE.encode())]
    saved = regulator_lists_import(organisation=lead_a.organisation, actor=lead_a, uploads=uploads)
    assert [item.source for item in saved] == ["fire", "fire (2)"]


def test_a_correction_to_a_missing_column_changes_nothing_and_audits_nothing(lead_a):
    [fire] = regulator_lists_import(
        organisation=lead_a.organisation, actor=lead_a, uploads=[Upload("fire.csv", FIRE.encode())]
    )
    events = AuditEvent.objects.count()
    with pytest.raises(ApplicationError, match="the file has no column called “Zip”"):
        regulator_list_remap(
            regulator_list=fire,
            actor=lead_a,
            source="fire",
            mapping={"business_name": "Premises name", "postcode": "Zip"},
        )
    fire.refresh_from_db()
    assert fire.mapping["postcode"] == "Postcode"
    assert AuditEvent.objects.count() == events


def test_a_classified_wording_is_kept_normalised_and_audited(lead_a):
    from tackle.targeting.models import OutcomeWording
    from tackle.targeting.services import outcome_wordings_classify

    count = outcome_wordings_classify(
        organisation=lead_a.organisation, actor=lead_a, decisions={"Minded to VARY": True, "  ": False}
    )
    assert count == 1
    assert list(OutcomeWording.objects.values_list("wording", "adverse")) == [("minded to vary", True)]
    assert AuditEvent.objects.filter(object_type="targeting.outcomewording").count() == 1


def test_a_wording_too_long_to_keep_is_refused(lead_a):
    from tackle.targeting.services import outcome_wordings_classify

    with pytest.raises(ApplicationError, match="200 characters or fewer"):
        outcome_wordings_classify(organisation=lead_a.organisation, actor=lead_a, decisions={"x" * 201: True})
