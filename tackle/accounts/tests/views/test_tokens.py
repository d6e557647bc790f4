"""The token pages: the owner's (create, list, revoke; two-factor first) and the administrator's
list of everyone's tokens in the organisation, with the same permission tests as every page."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from tackle.accounts.models import ApiToken
from tackle.accounts.services import api_token_create
from tackle.accounts.tests.signing_in import two_factor_set_up
from tackle.audit.models import AuditAction, AuditEvent
from tackle.core.periods import end_of_day, today_in_london
from tackle.core.roles import Role
from tackle.core.tests.dates import date_answer

LIST = reverse("accounts:organisation-token-list")
CONFIRM = {"confirm": "revoke"}  # what the check page's own form sends (issue 18)


def _revoke_url(token: ApiToken) -> str:
    return reverse("accounts:organisation-token-revoke", args=[token.uuid])


@pytest.fixture
def procurement_a(make_user, council_a):
    return make_user(Role.PROCUREMENT_OFFICER, council_a)


@pytest.fixture
def token_of_lead(lead_a):
    two_factor_set_up(lead_a)
    token, raw = api_token_create(user=lead_a, name="Register script", scope="write", modules=["reporting"])
    return token, raw


class TestOwnersPage:
    def test_someone_without_two_factor_is_sent_to_set_it_up_first(self, procurement_a):
        client = Client()
        client.force_login(procurement_a)  # signed in, no authenticator app set up
        response = client.get(reverse("accounts:token-list"))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:two-factor-setup"))
        assert "next=/account/tokens/" in response["Location"]

    def test_the_form_offers_the_roles_modules_and_a_90_day_expiry(self, client_for, frontline_a):
        response = client_for(frontline_a).get(reverse("accounts:token-list"))
        form = response.context["form"]
        assert dict(form.fields["modules"].choices) == {"cases": "Concerns and cases", "training": "Training"}
        assert form.fields["expires_on"].initial == today_in_london() + timedelta(days=90)

    def test_a_token_is_created_with_the_chosen_scope_modules_and_expiry(self, client_for, lead_a):
        expires_on = today_in_london() + timedelta(days=10)
        data = {"name": "Cases feed", "scope": "read", "modules": ["cases"], **date_answer("expires_on", expires_on)}
        response = client_for(lead_a).post(reverse("accounts:token-list"), data)
        token = ApiToken.objects.get(user=lead_a)
        assert (token.scope, token.modules, token.expires_at) == ("read", ["cases"], end_of_day(expires_on))
        page = response.content.decode()
        assert "Read only: Concerns and cases" in page

    @pytest.mark.parametrize(
        ("change", "message"),
        [
            (date_answer("expires_on", "2020-01-01"), "The expiry date must be in the future"),
            ({"expires_on-day": "31", "expires_on-month": "2", "expires_on-year": "2030"}, "Enter a real expiry date"),
            (
                {"expires_on-day": "1", "expires_on-month": " ", "expires_on-year": "2030"},
                "Expires on must include a month",
            ),
            ({"scope": ""}, "Select what the token may do"),
            ({"modules": ["audit"]}, "Select only parts of Tackle your role can use"),
        ],
    )
    def test_bad_choices_are_named_and_create_nothing(self, client_for, frontline_a, change, message):
        data = {"name": "Feed", "scope": "read", **date_answer("expires_on", today_in_london() + timedelta(days=5))}
        response = client_for(frontline_a).post(reverse("accounts:token-list"), {**data, **change})
        assert response.status_code == 200
        assert "govuk-error-summary" in response.content.decode() and message in response.content.decode()
        assert not ApiToken.objects.exists()

    def test_a_councillor_has_no_tokens(self, client_for, councillor_a):
        assert client_for(councillor_a).get(reverse("accounts:token-list")).status_code == 403


class TestAdministratorsList:
    def test_the_administrator_sees_every_token_in_the_organisation_with_owner_scope_expiry_and_use(
        self, client_for, admin_a, lead_a, lead_b, token_of_lead
    ):
        two_factor_set_up(lead_b)
        api_token_create(user=lead_b, name="Other council's script")
        response = client_for(admin_a).get(LIST)
        assert response.status_code == 200
        page = response.content.decode()
        assert lead_a.display_name in page and "Register script" in page
        assert "Read and write: Figures" in page and "Never" in page
        assert "Other council&#x27;s script" not in page and "Other council's script" not in page
        assert AuditEvent.objects.filter(actor=admin_a, action=AuditAction.VIEW, object_type="accounts.apitoken")

    @pytest.mark.parametrize("role", [Role.MODERN_SLAVERY_LEAD, Role.FRONTLINE_OFFICER, Role.AUDITOR])
    def test_other_roles_are_refused(self, client_for, make_user, council_a, role, token_of_lead):
        client = client_for(make_user(role, council_a))
        assert client.get(LIST).status_code == 403
        assert client.get(_revoke_url(token_of_lead[0])).status_code == 403
        assert client.post(_revoke_url(token_of_lead[0]), CONFIRM).status_code == 403
        assert ApiToken.objects.get().revoked_at is None

    def test_the_administrator_revokes_a_colleagues_token_and_it_stops_at_once(
        self, client_for, admin_a, token_of_lead
    ):
        token, raw = token_of_lead
        response = client_for(admin_a).post(_revoke_url(token), CONFIRM)
        assert response.status_code == 302 and response["Location"] == LIST
        token.refresh_from_db()
        assert token.revoked_at is not None
        event = AuditEvent.objects.get(object_id=str(token.uuid), action=AuditAction.UPDATE)
        assert event.actor == admin_a and event.changed_fields == ["revoked_at"]
        api = APIClient()
        api.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
        assert api.get("/api/v1/me").status_code == 401

    def test_another_organisations_administrator_gets_404(self, client_for, make_user, council_b, token_of_lead):
        admin_b = make_user(Role.ADMINISTRATOR, council_b)
        assert client_for(admin_b).get(_revoke_url(token_of_lead[0])).status_code == 404
        assert client_for(admin_b).post(_revoke_url(token_of_lead[0]), CONFIRM).status_code == 404
        assert ApiToken.objects.get().revoked_at is None

    def test_the_check_page_shows_whose_token_and_what_stops(self, client_for, admin_a, lead_a, token_of_lead):
        response = client_for(admin_a).get(_revoke_url(token_of_lead[0]))
        page = response.content.decode()
        assert response.status_code == 200 and 'data-testid="revoke-summary"' in page
        assert lead_a.display_name in page and "Register script" in page and "Read and write: Figures" in page
        assert "You cannot undo this" in page and 'name="confirm" value="revoke"' in page
        assert ApiToken.objects.get().revoked_at is None

    def test_a_post_without_the_confirmation_revokes_nothing(self, client_for, admin_a, token_of_lead):
        response = client_for(admin_a).post(_revoke_url(token_of_lead[0]), {"confirm": "yes"})
        page = response.content.decode()
        assert response.status_code == 200 and "Check what will stop, then select Revoke token" in page
        assert 'name="confirm" value="revoke"' in page  # the page's own button still confirms
        assert ApiToken.objects.get().revoked_at is None
