"""The Users page and a user's page: the administrator of the same organisation only."""

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.test import Client
from django.urls import reverse

from tackle.accounts.models import Invitation, OrganisationSettings, User
from tackle.accounts.services import invitation_issue
from tackle.audit.models import AuditEvent
from tackle.core.roles import Role

INVITE = {
    "first_name": "Jo",
    "last_name": "Smith",
    "email": "jo.smith@example.gov.uk",
    "username": "jsmith",
    "role": Role.FRONTLINE_OFFICER,
}
# Each user page: (url name, method). GET pages are the confirmation or form; POST ones act at once.
USER_PAGES = [
    ("accounts:user-detail", "get"),
    ("accounts:user-role", "get"),
    ("accounts:user-deactivate", "get"),
    ("accounts:user-two-factor-reset", "get"),
    ("accounts:user-reactivate", "post"),
    ("accounts:user-unlock", "post"),
    ("accounts:user-invitation", "post"),
]


class TestInvite:
    def test_administrator_invites_a_user_who_gets_the_link_by_email(self, client_for, admin_a):
        response = client_for(admin_a).post(reverse("accounts:user-invite"), INVITE)
        user = User.objects.get(username="jsmith")
        assert response.status_code == 302 and response["Location"] == reverse("accounts:user-detail", args=[user.uuid])
        assert user.organisation == admin_a.organisation and user.role == Role.FRONTLINE_OFFICER
        assert len(mail.outbox) == 1 and "/account/invitation/" in mail.outbox[0].body

    def test_a_missing_email_shows_a_govuk_error(self, client_for, admin_a):
        response = client_for(admin_a).post(reverse("accounts:user-invite"), INVITE | {"email": ""})
        page = response.content.decode()
        assert "govuk-error-summary" in page and "Enter their email address" in page
        assert not User.objects.filter(username="jsmith").exists()

    def test_a_taken_username_shows_on_the_field(self, client_for, admin_a, lead_a):
        response = client_for(admin_a).post(reverse("accounts:user-invite"), INVITE | {"username": lead_a.username})
        assert "A user with this username already exists" in response.content.decode()

    @pytest.mark.parametrize("role", [Role.MODERN_SLAVERY_LEAD, Role.FRONTLINE_OFFICER, Role.AUDITOR])
    def test_other_roles_are_refused(self, client_for, make_user, council_a, role):
        client = client_for(make_user(role, council_a))
        assert client.get(reverse("accounts:user-invite")).status_code == 403
        assert client.post(reverse("accounts:user-invite"), INVITE).status_code == 403
        assert not User.objects.filter(username="jsmith").exists()


class TestUserPages:
    @pytest.mark.parametrize(("name", "method"), USER_PAGES)
    def test_administrator_reaches_each_page(self, client_for, admin_a, frontline_a, name, method):
        response = getattr(client_for(admin_a), method)(reverse(name, args=[frontline_a.uuid]))
        assert response.status_code == (200 if method == "get" else 302)

    @pytest.mark.parametrize(("name", "method"), USER_PAGES)
    def test_another_organisations_user_does_not_exist(self, client_for, admin_a, lead_b, name, method):
        response = getattr(client_for(admin_a), method)(reverse(name, args=[lead_b.uuid]))
        assert response.status_code == 404

    @pytest.mark.parametrize(("name", "method"), USER_PAGES)
    @pytest.mark.parametrize("role", [Role.MODERN_SLAVERY_LEAD, Role.AUDITOR, Role.COUNCILLOR])
    def test_other_roles_are_refused(self, client_for, make_user, council_a, frontline_a, role, name, method):
        response = getattr(client_for(make_user(role, council_a)), method)(reverse(name, args=[frontline_a.uuid]))
        assert response.status_code == 403

    def test_user_page_shows_last_sign_in_and_is_audited(self, client_for, admin_a, frontline_a):
        client_for(frontline_a)  # a sign-in sets last_login
        page = client_for(admin_a).get(reverse("accounts:user-detail", args=[frontline_a.uuid])).content.decode()
        assert "Last sign-in" in page and "Never" not in page.split("Last sign-in")[1].split("</dd>")[0]
        assert AuditEvent.objects.filter(action="view", object_id=str(frontline_a.uuid)).exists()

    def test_changing_the_role(self, client_for, admin_a, frontline_a):
        url = reverse("accounts:user-role", args=[frontline_a.uuid])
        response = client_for(admin_a).post(url, {"role": Role.SAFEGUARDING_MANAGER})
        assert response.status_code == 302
        frontline_a.refresh_from_db()
        assert frontline_a.role == Role.SAFEGUARDING_MANAGER

    def test_deactivating_ends_the_leavers_session_at_once(self, client_for, admin_a, frontline_a):
        leaver = client_for(frontline_a)
        url = reverse("accounts:user-deactivate", args=[frontline_a.uuid])
        response = client_for(admin_a).post(url, {"confirm": "deactivate"})
        assert response.status_code == 302
        frontline_a.refresh_from_db()
        assert not frontline_a.is_active
        assert SESSION_KEY not in leaver.session
        assert leaver.get("/").status_code == 302

    def test_the_last_administrator_sees_why_they_cannot_deactivate_themselves(self, client_for, admin_a):
        url = reverse("accounts:user-deactivate", args=[admin_a.uuid])
        response = client_for(admin_a).post(url, {"confirm": "deactivate"})
        page = response.content.decode()
        assert response.status_code == 200 and "govuk-error-summary" in page
        assert "You are the last active administrator of Council A" in page
        admin_a.refresh_from_db()
        assert admin_a.is_active

    def test_the_last_administrator_cannot_demote_themselves(self, client_for, admin_a):
        url = reverse("accounts:user-role", args=[admin_a.uuid])
        page = client_for(admin_a).post(url, {"role": Role.AUDITOR}).content.decode()
        assert "You are the last active administrator" in page
        admin_a.refresh_from_db()
        assert admin_a.role == Role.ADMINISTRATOR


class TestInvitationLink:
    def test_the_link_sets_a_password_and_signs_the_person_in(self, admin_a, make_user, council_a):
        person = make_user(Role.COUNCILLOR, council_a, email="c@example.gov.uk")
        person.set_unusable_password()
        person.save()
        link = invitation_issue(user=person, actor=admin_a)
        client = Client()
        response = client.get(link.removeprefix("http://127.0.0.1:8000"))
        assert response.status_code == 302 and response["Location"] == reverse("accounts:invitation-accept")
        page = client.get(reverse("accounts:invitation-accept"))
        assert page.status_code == 200 and person.username in page.content.decode()
        password = "a long enough passphrase"
        response = client.post(
            reverse("accounts:invitation-accept"), {"new_password1": password, "new_password2": password}
        )
        assert response.status_code == 302
        assert client.get("/").status_code == 200
        person.refresh_from_db()
        assert person.check_password(password)
        assert Invitation.objects.get(user=person).used_at is not None
        assert Client().get(link.removeprefix("http://127.0.0.1:8000")).status_code == 410

    def test_a_short_password_shows_a_govuk_error(self, admin_a, frontline_a):
        frontline_a.email = "f@example.gov.uk"
        frontline_a.save()
        link = invitation_issue(user=frontline_a, actor=admin_a)
        client = Client()
        client.get(link.removeprefix("http://127.0.0.1:8000"))
        response = client.post(
            reverse("accounts:invitation-accept"), {"new_password1": "short", "new_password2": "short"}
        )
        assert "govuk-error-summary" in response.content.decode()

    def test_an_unknown_link_says_it_does_not_work(self, client, db):
        response = client.get(reverse("accounts:invitation-open", args=["not-a-token"]))
        assert response.status_code == 410 and "This link does not work" in response.content.decode()
        assert client.get(reverse("accounts:invitation-accept")).status_code == 410


class TestOrganisationSettings:
    VALUES = {
        "mash_phone": "020 7946 0000",
        "mash_email": "mash@example.gov.uk",
        "first_responder_name": "Sam Patel",
        "first_responder_role": "Modern slavery lead",
        "first_responder_organisation": "Council A",
        "first_responder_phone": "020 7946 0001",
        "first_responder_email": "sam.patel@example.gov.uk",
    }
    THRESHOLDS = {"figures_threshold_internal": 0, "figures_threshold_councillors": 5, "figures_threshold_public": 10}

    @pytest.mark.parametrize("role", [Role.MODERN_SLAVERY_LEAD, Role.ADMINISTRATOR])
    def test_lead_and_administrator_keep_them_audited_field_by_field(self, client_for, make_user, council_a, role):
        user = make_user(role, council_a)
        client = client_for(user)
        assert client.get(reverse("accounts:organisation-settings")).status_code == 200
        response = client.post(
            reverse("accounts:organisation-settings"), self.VALUES | self.THRESHOLDS | {"lead": user.pk}
        )
        assert response.status_code == 302
        saved = OrganisationSettings.objects.get(organisation=council_a)
        assert saved.lead == user and saved.first_responder_email == "sam.patel@example.gov.uk"
        event = AuditEvent.objects.get(object_type="accounts.organisationsettings")
        assert set(event.changed_fields) == {"lead", *self.VALUES}

    def test_the_thresholds_for_figures_are_kept_and_used(self, client_for, admin_a):
        from tackle.accounts.selectors import disclosure_for
        from tackle.core.disclosure import Audience

        values = self.THRESHOLDS | {"figures_threshold_public": 11, "figures_rounded_for_public": "on"}
        response = client_for(admin_a).post(reverse("accounts:organisation-settings"), values)
        assert response.status_code == 302
        public = disclosure_for(admin_a.organisation_id, Audience.PUBLIC)
        assert (public.threshold, public.round_to) == (11, 5)
        assert disclosure_for(admin_a.organisation_id, Audience.COUNCILLORS).round_to == 1
        event = AuditEvent.objects.get(object_type="accounts.organisationsettings")
        assert set(event.changed_fields) == {"figures_threshold_public", "figures_rounded_for_public"}

    @pytest.mark.parametrize(
        ("changed", "message"),
        [
            ({"figures_threshold_public": 4}, "The threshold for the public must be at least the one for councillors"),
            (
                {"figures_threshold_internal": 6},
                "The threshold for councillors must be at least the one for staff who see every case",
            ),
            ({"figures_threshold_public": "ten"}, "Enter the threshold for the public as a whole number from 0 to 50"),
            (
                {"figures_threshold_councillors": 51},
                "Enter the threshold for councillors as a whole number from 0 to 50",
            ),
            (
                {"figures_threshold_councillors": ""},
                "Enter the threshold for councillors as a whole number from 0 to 50",
            ),
        ],
    )
    def test_a_bad_threshold_is_refused_with_a_message_naming_it(self, client_for, admin_a, changed, message):
        response = client_for(admin_a).post(reverse("accounts:organisation-settings"), self.THRESHOLDS | changed)
        page = response.content.decode()
        assert response.status_code == 200 and "govuk-error-summary" in page and message in page
        assert OrganisationSettings.objects.get(organisation=admin_a.organisation).figures_threshold_public == 10

    def test_another_organisations_user_cannot_be_the_lead(self, client_for, admin_a, lead_b):
        response = client_for(admin_a).post(reverse("accounts:organisation-settings"), {"lead": lead_b.pk})
        assert "govuk-error-summary" in response.content.decode()
        assert OrganisationSettings.objects.get(organisation=admin_a.organisation).lead is None

    def test_the_lead_cannot_also_be_the_deputy(self, client_for, admin_a, lead_a):
        url = reverse("accounts:organisation-settings")
        response = client_for(admin_a).post(url, {"lead": lead_a.pk, "deputy": lead_a.pk})
        assert "The deputy must be someone other than the lead" in response.content.decode()

    @pytest.mark.parametrize("role", [Role.FRONTLINE_OFFICER, Role.AUDITOR, Role.COUNCILLOR, Role.PARTNER])
    def test_other_roles_are_refused(self, client_for, make_user, council_a, role):
        client = client_for(make_user(role, council_a))
        assert client.get(reverse("accounts:organisation-settings")).status_code == 403
        assert client.post(reverse("accounts:organisation-settings"), self.VALUES).status_code == 403


class TestDeactivationIsCheckedFirst:
    """Issue 18, item 1: the page says what will happen; a POST that is not its own form's does nothing."""

    def test_the_check_page_lists_what_will_happen(self, client_for, admin_a, frontline_a):
        response = client_for(admin_a).get(reverse("accounts:user-deactivate", args=[frontline_a.uuid]))
        page = response.content.decode()
        assert response.status_code == 200 and 'data-testid="deactivate-summary"' in page
        assert "will stop working" in page and "govuk-warning-text" in page
        assert 'name="confirm" value="deactivate"' in page

    def test_a_post_without_the_confirmation_deactivates_nobody(self, client_for, admin_a, frontline_a):
        url = reverse("accounts:user-deactivate", args=[frontline_a.uuid])
        response = client_for(admin_a).post(url, {"confirm": "yes"})
        page = response.content.decode()
        assert response.status_code == 200 and "Check what will happen, then select Deactivate user" in page
        assert 'name="confirm" value="deactivate"' in page  # the page's own button still confirms
        frontline_a.refresh_from_db()
        assert frontline_a.is_active
