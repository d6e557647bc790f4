"""The administrator's changes to the team: invite, role, leavers, lockouts, two-factor."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.test import APIClient

from tackle.accounts.models import ApiToken, Invitation, hash_token
from tackle.accounts.services import (
    api_token_create,
    invitation_accept,
    invitation_for_token,
    invitation_issue,
    user_change_role,
    user_deactivate,
    user_invite,
    user_reactivate,
    user_two_factor_reset,
    user_unlock,
)
from tackle.accounts.tests.signing_in import two_factor_set_up
from tackle.audit.models import AuditAction, AuditEvent
from tackle.core.errors import ApplicationError
from tackle.core.roles import Role


def _token_of(link: str) -> str:
    return link.rstrip("/").rsplit("/", 1)[-1]


def _invite(admin, **extra):
    values = {"username": "jsmith", "email": "j.smith@example.gov.uk", "role": Role.SAFEGUARDING_MANAGER}
    return user_invite(
        organisation=admin.organisation, actor=admin, first_name="Jo", last_name="Smith", **values | extra
    )


def test_an_invitation_emails_a_one_time_link_and_stores_only_its_hash(admin_a):
    user, link = _invite(admin_a)
    assert not user.has_usable_password() and user.organisation == admin_a.organisation
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["j.smith@example.gov.uk"]
    assert link in mail.outbox[0].body and "jsmith" in mail.outbox[0].body
    raw = _token_of(link)
    invitation = Invitation.objects.get(user=user)
    assert invitation.token_hash == hash_token(raw) and raw not in invitation.token_hash
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_id=str(user.uuid), actor=admin_a).exists()


def test_the_link_sets_the_password_once(admin_a):
    user, link = _invite(admin_a)
    invitation = invitation_for_token(_token_of(link))
    assert invitation is not None
    invitation_accept(invitation=invitation, password="a long enough passphrase")
    user.refresh_from_db()
    assert user.check_password("a long enough passphrase")
    assert invitation_for_token(_token_of(link)) is None
    with pytest.raises(ApplicationError, match="already been used"):
        invitation_accept(invitation=invitation, password="another long passphrase")


def test_an_expired_link_opens_nothing(admin_a):
    _, link = _invite(admin_a)
    Invitation.objects.update(
        created_at=timezone.now() - timedelta(days=9), expires_at=timezone.now() - timedelta(days=1)
    )
    assert invitation_for_token(_token_of(link)) is None


def test_a_new_link_voids_the_earlier_one(admin_a):
    user, first = _invite(admin_a)
    second = invitation_issue(user=user, actor=admin_a)
    assert invitation_for_token(_token_of(first)) is None
    assert invitation_for_token(_token_of(second)) is not None


def test_an_email_already_in_use_by_an_active_user_is_refused(admin_a, lead_a):
    lead_a.email = "lead@example.gov.uk"
    lead_a.save()
    with pytest.raises(ApplicationError, match="already has this email"):
        _invite(admin_a, email="LEAD@example.gov.uk")


def test_changing_a_role_is_audited_with_both_roles(admin_a, frontline_a):
    user_change_role(user=frontline_a, role=Role.SAFEGUARDING_MANAGER, actor=admin_a)
    frontline_a.refresh_from_db()
    assert frontline_a.role == Role.SAFEGUARDING_MANAGER
    event = AuditEvent.objects.get(object_id=str(frontline_a.uuid), changed_fields=["role"])
    assert event.note == "Role changed from Frontline officer to Safeguarding manager"


def test_the_last_active_administrator_cannot_demote_or_deactivate_themselves(admin_a):
    with pytest.raises(ApplicationError, match="You are the last active administrator"):
        user_change_role(user=admin_a, role=Role.AUDITOR, actor=admin_a)
    with pytest.raises(ApplicationError, match="You are the last active administrator"):
        user_deactivate(user=admin_a, actor=admin_a)
    admin_a.refresh_from_db()
    assert admin_a.is_active and admin_a.role == Role.ADMINISTRATOR


def test_an_administrator_with_a_colleague_administrator_may_step_down(make_user, council_a, admin_a):
    make_user(Role.ADMINISTRATOR, council_a)
    user_change_role(user=admin_a, role=Role.AUDITOR, actor=admin_a)
    assert admin_a.role == Role.AUDITOR


def test_another_councils_administrator_does_not_count(make_user, council_b, admin_a):
    make_user(Role.ADMINISTRATOR, council_b)
    with pytest.raises(ApplicationError):
        user_deactivate(user=admin_a, actor=admin_a)


def test_deactivating_ends_sessions_revokes_tokens_and_keeps_history(admin_a, client_for, frontline_a):
    client = client_for(frontline_a)
    assert client.get("/").status_code == 200  # signing in set up two-factor
    _, raw = api_token_create(user=frontline_a, name="script")
    user_deactivate(user=frontline_a, actor=admin_a)
    assert client.get("/").status_code == 302  # signed out: sent to sign in
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert api.get("/api/v1/me").status_code == 401
    assert not ApiToken.objects.filter(user=frontline_a, revoked_at__isnull=True).exists()
    assert AuditEvent.objects.filter(actor=frontline_a).exists()  # their history stays
    event = AuditEvent.objects.get(object_id=str(frontline_a.uuid), changed_fields=["is_active"])
    assert event.note == "Deactivated: 1 session(s) ended, 1 API token(s) revoked"


def test_a_deactivated_users_token_answers_401_even_if_not_revoked(admin_a, frontline_a):
    two_factor_set_up(frontline_a)
    _, raw = api_token_create(user=frontline_a, name="script")
    frontline_a.is_active = False
    frontline_a.save()
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert api.get("/api/v1/me").status_code == 401


def test_a_reactivated_user_signs_in_again_but_old_tokens_stay_revoked(admin_a, councillor_a):
    two_factor_set_up(councillor_a)
    _, raw = api_token_create(user=councillor_a, name="script")
    user_deactivate(user=councillor_a, actor=admin_a)
    user_reactivate(user=councillor_a, actor=admin_a)
    credentials = {"username": councillor_a.username, "password": "correct-horse-battery"}
    assert Client().post("/account/sign-in", credentials).status_code == 302
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert api.get("/api/v1/me").status_code == 401


def test_unlocking_clears_the_lockout(admin_a, councillor_a, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/account/sign-in", {"username": councillor_a.username, "password": "wrong"})
    assert AccessAttempt.objects.filter(username=councillor_a.username).exists()
    assert user_unlock(user=councillor_a, actor=admin_a) == 1
    response = Client().post(
        "/account/sign-in", {"username": councillor_a.username, "password": "correct-horse-battery"}
    )
    assert response.status_code == 302


def test_resetting_two_factor_removes_the_authenticator_apps(admin_a, lead_a):
    TOTPDevice.objects.create(user=lead_a, name="Phone", confirmed=True)
    assert user_two_factor_reset(user=lead_a, actor=admin_a) == 1
    assert not TOTPDevice.objects.filter(user=lead_a).exists()
    assert AuditEvent.objects.filter(action=AuditAction.TWO_FACTOR, object_id=str(lead_a.uuid)).exists()


def test_a_deactivated_user_cannot_be_sent_a_link(admin_a, frontline_a):
    frontline_a.email = "f@example.gov.uk"
    frontline_a.save()
    user_deactivate(user=frontline_a, actor=admin_a)
    with pytest.raises(ApplicationError, match="Reactivate"):
        invitation_issue(user=frontline_a, actor=admin_a)
