from datetime import date, timedelta

import pytest
from django.utils import timezone

from tackle.core.roles import Role
from tackle.training.rules.compliance import Status
from tackle.training.selectors import compliance_for_users, training_compliance_rate
from tackle.training.services import completion_record
from tackle.training.tests.factories import make_course, make_requirement, make_team


def test_requirements_apply_by_role_and_by_team(make_user, council_a):
    procurement = make_user(Role.PROCUREMENT_OFFICER, council_a)
    frontline = make_user(Role.FRONTLINE_OFFICER, council_a)
    team = make_team(council_a, members=(procurement,))
    everyone = make_requirement(make_course(council_a, "ALL"))
    ethical = make_requirement(make_course(council_a, "PROC"), team=team)
    safeguarding = make_requirement(make_course(council_a, "SG"), role=Role.FRONTLINE_OFFICER)
    both = make_requirement(make_course(council_a, "BOTH"), role=Role.FRONTLINE_OFFICER, team=team)

    statuses = compliance_for_users([procurement, frontline])

    assert {row.requirement for row in statuses[procurement.pk]} == {everyone, ethical}
    assert {row.requirement for row in statuses[frontline.pk]} == {everyone, safeguarding}
    assert both not in {row.requirement for rows in statuses.values() for row in rows}


def test_the_latest_completion_counts(make_user, council_a):
    officer = make_user(Role.FRONTLINE_OFFICER, council_a)
    course = make_course(council_a)
    make_requirement(course, every_months=12)
    today = date(2026, 6, 1)
    completion_record(actor=None, user=officer, course=course, completed_on=date(2024, 1, 1))
    assert compliance_for_users([officer], today=today)[officer.pk][0].status is Status.OVERDUE
    completion_record(actor=None, user=officer, course=course, completed_on=date(2026, 1, 1))
    row = compliance_for_users([officer], today=today)[officer.pk][0]
    assert (row.status, row.last_completed_on, row.due_on) == (Status.COMPLIANT, date(2026, 1, 1), date(2027, 1, 1))


def test_compliance_rate_is_the_share_of_required_users_in_date(make_user, council_a, council_b):
    assert training_compliance_rate(council_a) is None
    course = make_course(council_a)
    make_requirement(course, role=Role.FRONTLINE_OFFICER)
    done, due, _never = (make_user(Role.FRONTLINE_OFFICER, council_a) for _ in range(3))
    make_user(Role.COUNCILLOR, council_a)  # nothing required of them: not counted
    today = timezone.localdate()
    completion_record(actor=None, user=done, course=course, completed_on=today - timedelta(days=10))
    completion_record(actor=None, user=due, course=course, completed_on=today - timedelta(days=360))

    assert training_compliance_rate(council_a) == pytest.approx(2 / 3)
    assert training_compliance_rate(council_a, role=Role.FRONTLINE_OFFICER) == pytest.approx(2 / 3)
    assert training_compliance_rate(council_a, role=Role.COUNCILLOR) is None
    assert training_compliance_rate(council_b) is None
