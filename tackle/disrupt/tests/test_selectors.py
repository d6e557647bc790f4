"""What a partner sees follows the sharing agreements in force and explicit shares, nothing more."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.utils import timezone

from tackle.core.models import RecordShare
from tackle.core.roles import Role
from tackle.disrupt import selectors
from tackle.disrupt.choices import FlagKind, HandlingCode, SharingCategory
from tackle.disrupt.models import AddressFlag, Intelligence
from tackle.disrupt.tests.factories import add_agency, make_agreement, make_intelligence, make_operation, make_premises

pytestmark = pytest.mark.django_db


@pytest.fixture
def permitted(safety_a):
    return make_intelligence(safety_a)


@pytest.fixture
def conditional(safety_a):
    return make_intelligence(
        safety_a, handling_code=HandlingCode.CONDITIONS, handling_conditions="Not to be passed to immigration"
    )


def _share(record, organisation, user, **extra) -> RecordShare:
    return RecordShare.objects.create(
        content_type=ContentType.objects.get_for_model(type(record)),
        object_uuid=record.uuid,
        organisation=organisation,
        shared_by=user,
        reason="Investigation",
        **extra,
    )


def test_without_an_agreement_a_partner_sees_none_of_the_councils_records(safety_a, police_partner, permitted):
    make_premises(safety_a)
    make_operation(safety_a)
    assert not selectors.intelligence_visible_to(police_partner).exists()
    assert not selectors.intelligence_summaries_visible_to(police_partner).exists()
    assert not selectors.premises_visible_to(police_partner).exists()
    assert not selectors.operations_visible_to(police_partner).exists()


def test_an_intelligence_agreement_shares_handling_code_p_but_never_c(
    safety_a, police, police_partner, permitted, conditional
):
    make_agreement(safety_a, police, [SharingCategory.INTELLIGENCE])
    assert list(selectors.intelligence_visible_to(police_partner)) == [permitted]


def test_a_summaries_agreement_gives_only_summaries_that_were_written(safety_a, police, police_partner, permitted):
    make_intelligence(safety_a, sanitised_summary="")
    make_intelligence(safety_a, handling_code=HandlingCode.CONDITIONS, handling_conditions="Police only")
    make_agreement(safety_a, police, [SharingCategory.INTELLIGENCE_SUMMARIES])
    assert not selectors.intelligence_visible_to(police_partner).exists()
    assert list(selectors.intelligence_summaries_visible_to(police_partner)) == [permitted]


def test_full_access_is_not_listed_again_as_a_summary(safety_a, police, police_partner, permitted):
    make_agreement(safety_a, police, [SharingCategory.INTELLIGENCE, SharingCategory.INTELLIGENCE_SUMMARIES])
    assert list(selectors.intelligence_visible_to(police_partner)) == [permitted]
    assert not selectors.intelligence_summaries_visible_to(police_partner).exists()


@pytest.mark.parametrize(
    ("starts", "expires", "visible"),
    [
        (-30, 0, True),  # expires today: still in force today
        (-30, -1, False),  # expired yesterday
        (0, 30, True),  # starts today
        (1, 30, False),  # not started
    ],
)
def test_an_agreement_shares_only_between_its_start_and_expiry(
    safety_a, police, police_partner, permitted, starts, expires, visible
):
    today = timezone.localdate()
    make_agreement(
        safety_a, police, starts_on=today + timedelta(days=starts), expires_on=today + timedelta(days=expires)
    )
    assert selectors.intelligence_visible_to(police_partner).exists() is visible


def test_a_revoked_agreement_shares_nothing(safety_a, police, police_partner, permitted):
    agreement = make_agreement(safety_a, police)
    assert selectors.intelligence_visible_to(police_partner).exists()
    agreement.revoked_at = timezone.now()
    agreement.save()
    assert not selectors.intelligence_visible_to(police_partner).exists()


def test_an_agreement_works_both_ways(safety_a, police, police_partner):
    make_agreement(safety_a, police)
    from_police = make_intelligence(police_partner, where="Station Road")
    assert list(selectors.intelligence_visible_to(safety_a).filter(organisation=police)) == [from_police]


def test_an_agreement_gives_nothing_to_a_third_organisation(safety_a, safety_b, police, permitted):
    make_agreement(safety_a, police)
    assert not selectors.intelligence_visible_to(safety_b).exists()
    assert not selectors.intelligence_summaries_visible_to(safety_b).exists()


def test_a_premises_agreement_does_not_share_intelligence(safety_a, police, police_partner, permitted):
    premises = make_premises(safety_a)
    make_agreement(safety_a, police, [SharingCategory.PREMISES])
    assert list(selectors.premises_visible_to(police_partner)) == [premises]
    assert not selectors.intelligence_visible_to(police_partner).exists()
    assert not selectors.intelligence_summaries_visible_to(police_partner).exists()


def test_an_explicit_share_passes_on_a_handling_code_c_record_until_revoked(
    safety_a, police, police_partner, conditional
):
    share = _share(conditional, police, safety_a)
    assert list(selectors.intelligence_visible_to(police_partner)) == [conditional]
    share.revoked_at = timezone.now()
    share.save()
    assert not selectors.intelligence_visible_to(police_partner).exists()


def test_an_expired_explicit_share_gives_nothing(safety_a, police, police_partner, conditional):
    _share(conditional, police, safety_a, expires_at=timezone.now() - timedelta(minutes=1))
    assert not selectors.intelligence_visible_to(police_partner).exists()


def test_a_partner_taking_part_in_an_operation_sees_it(safety_a, police, police_partner):
    operation = make_operation(safety_a)
    make_operation(safety_a, name="Operation Elsewhere")
    add_agency(operation, "Test Police", organisation=police)
    assert list(selectors.operations_visible_to(police_partner)) == [operation]


def test_an_operations_agreement_shares_every_operation(safety_a, police, police_partner):
    make_operation(safety_a)
    make_operation(safety_a, name="Operation Second")
    make_agreement(safety_a, police, [SharingCategory.OPERATIONS])
    assert selectors.operations_visible_to(police_partner).count() == 2


def test_a_role_without_disruption_sees_nothing_even_in_its_own_council(safety_a, frontline_a, permitted):
    make_premises(safety_a)
    assert not selectors.intelligence_visible_to(frontline_a).exists()
    assert not selectors.premises_visible_to(frontline_a).exists()


def test_address_flags_are_for_the_owning_councils_coordinators_only(
    safety_a, lead_a, police, police_partner, make_user, council_b
):
    premises = make_premises(safety_a)
    AddressFlag.objects.create(premises=premises, kind=FlagKind.FOSTER_PLACEMENT_AT_RISK, raised_by=safety_a)
    make_agreement(safety_a, police, [SharingCategory.PREMISES])
    assert selectors.flags_visible_to(safety_a, premises).count() == 1
    assert selectors.flags_visible_to(lead_a, premises).count() == 1
    assert not selectors.flags_visible_to(police_partner, premises).exists()
    assert not selectors.flags_visible_to(make_user(Role.MODERN_SLAVERY_LEAD, council_b), premises).exists()


def test_a_cleared_flag_is_not_shown(safety_a):
    premises = make_premises(safety_a)
    AddressFlag.objects.create(premises=premises, kind=FlagKind.OTHER, raised_by=safety_a, cleared_at=timezone.now())
    assert not selectors.flags_visible_to(safety_a, premises).exists()


def test_get_intelligence_says_whether_the_user_may_read_it_in_full(safety_a, police, police_partner, permitted):
    assert selectors.get_intelligence_for_user(safety_a, permitted.uuid).full is True
    with pytest.raises(Http404):
        selectors.get_intelligence_for_user(police_partner, permitted.uuid)
    make_agreement(safety_a, police, [SharingCategory.INTELLIGENCE_SUMMARIES])
    assert selectors.get_intelligence_for_user(police_partner, permitted.uuid).full is False


def test_organisations_sharing_reads_only_the_category_asked_for(safety_a, police, council_a):
    make_agreement(safety_a, police, [SharingCategory.PREMISES, SharingCategory.OPERATIONS])
    assert selectors.organisations_sharing(police.pk, SharingCategory.PREMISES) == {council_a.pk}
    assert selectors.organisations_sharing(council_a.pk, SharingCategory.OPERATIONS) == {police.pk}
    assert selectors.organisations_sharing(police.pk, SharingCategory.INTELLIGENCE) == set()
    assert Intelligence.objects.count() == 0
