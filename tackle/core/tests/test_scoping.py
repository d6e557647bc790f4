"""Records are scoped to the user's organisation unless shared explicitly. TaskRun stands in for any
organisation-owned record with a uuid."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from tackle.core.models import RecordShare, TaskRun
from tackle.core.scoping import scope_to_organisation


@pytest.fixture
def record(lead_a):
    return TaskRun.objects.create(name="A's record", organisation=lead_a.organisation, started_by=lead_a)


def _share(record, organisation, by, **extra):
    return RecordShare.objects.create(
        content_type=ContentType.objects.get_for_model(record),
        object_uuid=record.uuid,
        organisation=organisation,
        shared_by=by,
        reason="Joint operation",
        **extra,
    )


def test_own_organisation_sees_its_record(record, lead_a):
    assert list(scope_to_organisation(TaskRun.objects.all(), lead_a)) == [record]


def test_another_organisation_does_not(record, police_partner):
    assert not scope_to_organisation(TaskRun.objects.all(), police_partner).exists()


def test_an_explicit_share_lets_the_partner_see_it(record, lead_a, police_partner):
    _share(record, police_partner.organisation, lead_a)
    assert list(scope_to_organisation(TaskRun.objects.all(), police_partner)) == [record]
    assert not scope_to_organisation(TaskRun.objects.all(), police_partner, include_shared=False).exists()


def test_revoked_and_expired_shares_give_nothing(record, lead_a, police_partner, lead_b):
    _share(record, police_partner.organisation, lead_a, revoked_at=timezone.now())
    _share(record, lead_b.organisation, lead_a, expires_at=timezone.now() - timedelta(days=1))
    assert not scope_to_organisation(TaskRun.objects.all(), police_partner).exists()
    assert not scope_to_organisation(TaskRun.objects.all(), lead_b).exists()


def test_a_user_without_an_organisation_sees_nothing(record, django_user_model):
    orphan = django_user_model.objects.create(username="orphan")
    assert not scope_to_organisation(TaskRun.objects.all(), orphan).exists()
