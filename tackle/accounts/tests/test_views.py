from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse

from tackle.accounts.models import ApiToken
from tackle.accounts.services import api_token_create
from tackle.accounts.tests.signing_in import two_factor_set_up
from tackle.audit.models import AuditAction, AuditEvent
from tackle.core.periods import today_in_london
from tackle.core.roles import Role
from tackle.core.tests.dates import date_answer

CHOICES = {"scope": "read", **date_answer("expires_on", today_in_london() + timedelta(days=30))}


def _token(user):
    two_factor_set_up(user)
    return api_token_create(user=user, name="t")


class TestTokenList:
    def test_any_role_can_create_a_token_and_sees_it_once(self, client_for, frontline_a):
        client = client_for(frontline_a)
        response = client.post(reverse("accounts:token-list"), {"name": "Figures script", **CHOICES})
        assert response.status_code == 200
        token = ApiToken.objects.get(user=frontline_a)
        raw = response.context["new_token"]
        assert raw.startswith("tk_") and raw[3:9] == token.prefix
        assert raw not in client.get(reverse("accounts:token-list")).content.decode()
        assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_id=str(token.uuid)).exists()

    def test_empty_name_shows_a_govuk_error_and_creates_nothing(self, client_for, frontline_a):
        response = client_for(frontline_a).post(reverse("accounts:token-list"), {"name": "", **CHOICES})
        page = response.content.decode()
        assert "govuk-error-summary" in page and "Enter a name for the token" in page
        assert page.count("Error:") >= 1
        assert not ApiToken.objects.exists()

    def test_signed_out_visitor_is_sent_to_sign_in(self, client):
        response = client.get(reverse("accounts:token-list"))
        assert response.status_code == 302 and reverse("accounts:sign-in") in response["Location"]


class TestTokenRevoke:
    """Issue 18, item 1: the revoke link opens a check page; only its own form revokes."""

    def test_the_check_page_shows_whose_token_what_it_may_do_and_until_when(self, client_for, lead_a):
        token, _ = _token(lead_a)
        response = client_for(lead_a).get(reverse("accounts:token-revoke", args=[token.uuid]))
        page = response.content.decode()
        assert response.status_code == 200 and 'data-testid="revoke-summary"' in page
        assert lead_a.display_name in page and token.name in page and str(token.get_scope_display()) in page
        assert "You cannot undo this" in page and 'name="confirm" value="revoke"' in page
        token.refresh_from_db()
        assert token.revoked_at is None

    def test_owner_can_revoke_from_the_check_page(self, client_for, lead_a):
        token, _ = _token(lead_a)
        response = client_for(lead_a).post(reverse("accounts:token-revoke", args=[token.uuid]), {"confirm": "revoke"})
        assert response.status_code == 302 and response["Location"] == reverse("accounts:token-list")
        token.refresh_from_db()
        assert token.revoked_at is not None

    def test_a_post_without_the_confirmation_revokes_nothing(self, client_for, lead_a):
        token, _ = _token(lead_a)
        response = client_for(lead_a).post(reverse("accounts:token-revoke", args=[token.uuid]))
        page = response.content.decode()
        assert response.status_code == 200 and "Check what will stop, then select Revoke token" in page
        token.refresh_from_db()
        assert token.revoked_at is None

    def test_another_organisations_token_is_not_found(self, client_for, lead_a, lead_b):
        token, _ = _token(lead_b)
        url = reverse("accounts:token-revoke", args=[token.uuid])
        assert client_for(lead_a).get(url).status_code == 404
        assert client_for(lead_a).post(url, {"confirm": "revoke"}).status_code == 404
        token.refresh_from_db()
        assert token.revoked_at is None

    def test_a_colleagues_token_is_not_found_either(self, client_for, lead_a, frontline_a):
        token, _ = _token(frontline_a)
        url = reverse("accounts:token-revoke", args=[token.uuid])
        assert client_for(lead_a).post(url, {"confirm": "revoke"}).status_code == 404

    def test_a_councillor_who_holds_no_tokens_is_refused(self, client_for, make_user, council_a, lead_a):
        token, _ = _token(lead_a)
        councillor = client_for(make_user(Role.COUNCILLOR, council_a))
        url = reverse("accounts:token-revoke", args=[token.uuid])
        assert councillor.get(url).status_code == 403
        assert councillor.post(url, {"confirm": "revoke"}).status_code == 403
        token.refresh_from_db()
        assert token.revoked_at is None


class TestUserList:
    def test_administrator_sees_own_organisation_only(self, client_for, admin_a, lead_a, lead_b):
        response = client_for(admin_a).get(reverse("accounts:user-list"))
        assert response.status_code == 200
        listed = {user.username for user in response.context["users"]}
        assert lead_a.username in listed and lead_b.username not in listed
        assert AuditEvent.objects.filter(action=AuditAction.LIST, object_type="accounts.user").exists()

    @pytest.mark.parametrize("role", [Role.MODERN_SLAVERY_LEAD, Role.FRONTLINE_OFFICER, Role.COUNCILLOR])
    def test_other_roles_are_refused(self, client_for, make_user, council_a, role):
        response = client_for(make_user(role, council_a)).get(reverse("accounts:user-list"))
        assert response.status_code == 403
        assert "You do not have permission" in response.content.decode()


class TestSignIn:
    def test_correct_password_signs_in(self, client, councillor_a):
        response = client.post(
            reverse("accounts:sign-in"), {"username": councillor_a.username, "password": "correct-horse-battery"}
        )
        assert response.status_code == 302
        assert client.get("/").status_code == 200

    def test_wrong_password_shows_govuk_error(self, client, councillor_a):
        response = client.post(reverse("accounts:sign-in"), {"username": councillor_a.username, "password": "nope"})
        page = response.content.decode()
        assert response.status_code == 200
        assert "Enter a correct username and password" in page and "govuk-error-summary" in page

    def test_account_locks_after_five_failures_even_with_the_right_password(self, client, councillor_a, settings):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            client.post(reverse("accounts:sign-in"), {"username": councillor_a.username, "password": "nope"})
        response = Client().post(
            reverse("accounts:sign-in"), {"username": councillor_a.username, "password": "correct-horse-battery"}
        )
        assert response.status_code == 429
        assert "locked" in response.content.decode()
        assert "_auth_user_id" not in Client().session

    def test_sign_out_needs_post_and_ends_the_session(self, client_for, councillor_a):
        client = client_for(councillor_a)
        assert client.post(reverse("accounts:sign-out")).status_code == 302
        assert client.get("/").status_code == 302
