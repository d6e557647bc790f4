from datetime import date

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.core.models import TaskRun
from tackle.core.roles import Role
from tackle.core.tests.dates import date_answer


@pytest.mark.parametrize("role", [Role.MODERN_SLAVERY_LEAD, Role.AUDITOR, Role.ADMINISTRATOR])
def test_leads_auditors_and_administrators_can_browse(client_for, make_user, council_a, role):
    assert client_for(make_user(role, council_a)).get(reverse("audit:event-list")).status_code == 200


@pytest.mark.parametrize(
    "role", [Role.FRONTLINE_OFFICER, Role.COUNCILLOR, Role.PROCUREMENT_OFFICER, Role.PARTNER, Role.SAFEGUARDING_MANAGER]
)
def test_other_roles_get_403(client_for, make_user, council_a, role):
    client = client_for(make_user(role, council_a))
    assert client.get(reverse("audit:event-list")).status_code == 403
    assert client.post(reverse("audit:verify")).status_code == 403


def test_another_organisations_entries_are_not_shown(client_for, auditor_a, lead_b):
    audit_record(action=AuditAction.VIEW, actor=lead_b, object_type="cases.case", object_id="theirs")
    page = client_for(auditor_a).get(reverse("audit:event-list")).context["page"]
    assert "theirs" not in {event.object_id for event in page}


def test_filters_narrow_the_list(client_for, auditor_a, lead_a):
    audit_record(action=AuditAction.VIEW, actor=lead_a, object_type="cases.case", object_id="one")
    audit_record(action=AuditAction.UPDATE, actor=lead_a, object_type="cases.case", object_id="two")
    client = client_for(auditor_a)
    page = client.get(reverse("audit:event-list"), {"action": "view"}).context["page"]
    assert [event.object_id for event in page] == ["one"]
    page = client.get(reverse("audit:event-list"), {"actor": lead_a.username, "action": "update"}).context["page"]
    assert [event.object_id for event in page] == ["two"]


def test_bad_filter_dates_give_a_clear_error(client_for, auditor_a):
    response = client_for(auditor_a).get(
        reverse("audit:event-list"), {**date_answer("date_from", "2026-11-30"), **date_answer("date_to", "2026-11-01")}
    )
    assert response.status_code == 200
    assert "The end date must be the same as or after the start date" in response.content.decode()


def test_an_address_bookmarked_with_whole_dates_is_still_read(client_for, auditor_a):
    response = client_for(auditor_a).get(reverse("audit:event-list"), {"date_from": "2026-11-30"})
    assert response.context["form"].cleaned_data["date_from"] == date(2026, 11, 30)
    assert 'name="date_from-day" type="text" inputmode="numeric" value="30"' in response.content.decode()


def test_starting_a_check_creates_a_task_run_and_shows_progress(
    client_for, auditor_a, django_capture_on_commit_callbacks
):
    client = client_for(auditor_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("audit:verify"))
    run = TaskRun.objects.get(started_by=auditor_a)
    assert response.status_code == 302 and str(run.uuid) in response["Location"]
    assert run.task_result_id


def test_the_log_reads_in_welsh_for_a_welsh_speaker_of_a_welsh_council(client_for, make_user, council_a):
    """Issue 21: the page, its filter form and the action labels come out in Cymraeg."""
    from tackle.accounts.models import OrganisationSettings

    OrganisationSettings.objects.create(organisation=council_a, welsh_language_service=True)
    auditor = make_user(Role.AUDITOR, council_a)
    auditor.language = "cy"
    auditor.save()
    audit_record(action=AuditAction.EXPORT, actor=auditor, object_type="cases.case", note="Welsh page test")
    page = client_for(auditor).get(reverse("audit:event-list")).content.decode()
    translation.activate(settings.LANGUAGE_CODE)  # the Welsh request leaves cy active in this thread
    assert '<html lang="cy"' in page
    assert ">Log archwilio</h1>" in page and "Dod o hyd i gofnodion" in page  # Audit log, Find entries
    assert "Cyfeirnod yr achos" in page  # the filter form's label
    assert "allforio" in page  # "Exported", the entry's action
    assert "Find entries" not in page
