"""An invitation is written in the language its reader will use (issue 21, docs/i18n.md): the invited
person's choice, else the inviter's, where the organisation offers Welsh; English everywhere else."""

from django.core import mail

from tackle.accounts.models import OrganisationSettings
from tackle.accounts.services import invitation_issue, user_invite
from tackle.core.roles import Role


def _invite(admin):
    return user_invite(
        organisation=admin.organisation,
        actor=admin,
        first_name="Jo",
        last_name="Smith",
        username="jsmith",
        email="j.smith@example.gov.uk",
        role=Role.SAFEGUARDING_MANAGER,
    )


def test_an_administrator_who_reads_welsh_invites_in_welsh_where_the_council_offers_it(admin_a, council_a):
    OrganisationSettings.objects.create(organisation=council_a, welsh_language_service=True)
    admin_a.language = "cy"
    admin_a.save(update_fields=["language"])
    _, link = _invite(admin_a)
    email = mail.outbox[0]
    assert email.subject == "Rydych wedi cael gwahoddiad i Tackle gan Council A"
    assert "Eich enw defnyddiwr yw jsmith" in email.body and link in email.body
    assert "Set your password" not in email.body


def test_the_invited_persons_own_choice_wins_over_the_inviters(admin_a, council_a):
    OrganisationSettings.objects.create(organisation=council_a, welsh_language_service=True)
    admin_a.language = "cy"
    admin_a.save(update_fields=["language"])
    user, _ = _invite(admin_a)
    user.language = "en-gb"
    user.save(update_fields=["language"])
    invitation_issue(user=user, actor=admin_a)
    assert mail.outbox[-1].subject == "You have been invited to Tackle by Council A"


def test_without_the_welsh_service_an_invitation_is_in_english_whatever_the_inviter_chose(admin_a):
    admin_a.language = "cy"
    admin_a.save(update_fields=["language"])
    _invite(admin_a)
    assert mail.outbox[0].subject == "You have been invited to Tackle by Council A"
    assert "Set your password with this link within" in mail.outbox[0].body
