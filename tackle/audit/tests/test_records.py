"""The one way a form-built record is saved: checked, saved with its many-to-many fields, and
audited, or refused with nothing written."""

import pytest

from tackle.audit.models import AuditAction, AuditEvent
from tackle.audit.records import record_save
from tackle.core.errors import ApplicationError
from tackle.core.roles import Role
from tackle.training.models import Course


def _events_for(course: Course) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(object_id=str(course.uuid)).order_by("sequence"))


@pytest.mark.django_db
def test_a_new_record_is_saved_and_audited_as_created_with_every_field(council_a, make_user):
    admin = make_user(Role.ADMINISTRATOR, council_a)
    course = record_save(actor=admin, obj=Course(organisation=council_a, code="MS-101", title="Spotting the signs"))
    assert Course.objects.filter(pk=course.pk, title="Spotting the signs").exists()
    [event] = _events_for(course)
    assert event.action == AuditAction.CREATE
    assert event.actor == admin
    assert event.organisation_id == council_a.pk
    assert {"organisation", "code", "title", "provider"} <= set(event.changed_fields)
    assert "id" not in event.changed_fields


@pytest.mark.django_db
def test_a_change_is_audited_with_the_fields_named(council_a, make_user):
    admin = make_user(Role.ADMINISTRATOR, council_a)
    course = record_save(actor=admin, obj=Course(organisation=council_a, code="MS-101", title="Spotting the signs"))
    course.title = "Spotting the signs of exploitation"
    record_save(actor=admin, obj=course, changed=["title"])
    assert Course.objects.get(pk=course.pk).title == "Spotting the signs of exploitation"
    assert [(event.action, event.changed_fields) for event in _events_for(course)][1] == (AuditAction.UPDATE, ["title"])


@pytest.mark.django_db
def test_a_broken_rule_saves_nothing_and_audits_nothing(council_a, make_user):
    admin = make_user(Role.ADMINISTRATOR, council_a)
    record_save(actor=admin, obj=Course(organisation=council_a, code="MS-101", title="Spotting the signs"))
    events = AuditEvent.objects.count()
    with pytest.raises(ApplicationError):
        record_save(actor=admin, obj=Course(organisation=council_a, code="MS-101", title="Another title"))
    with pytest.raises(ApplicationError):
        record_save(actor=admin, obj=Course(organisation=council_a, code="MS-102", title="x", validity_months=0))
    assert Course.objects.filter(organisation=council_a).count() == 1
    assert AuditEvent.objects.count() == events
