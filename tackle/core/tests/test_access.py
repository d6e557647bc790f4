"""The policy table derives the role sets that used to be written by hand in seven files: the sets
below are those hand-written sets, kept here so that a change to the table that moves them is seen."""

from tackle.core import access
from tackle.core.access import Action, Scope
from tackle.core.roles import Module, Role

R = Role
_EVERYONE = {Module.HOME, Module.API_TOKENS, Module.TRAINING}
HAND_WRITTEN_ROLE_MODULES = {
    R.FRONTLINE_OFFICER: _EVERYONE | {Module.CASES},
    R.MODERN_SLAVERY_LEAD: _EVERYONE
    | {
        Module.CASES,
        Module.DISRUPTION,
        Module.SUPPLIERS,
        Module.STATEMENTS,
        Module.SCRUTINY,
        Module.REPORTING,
        Module.AUDIT,
    },
    R.SAFEGUARDING_MANAGER: _EVERYONE | {Module.CASES, Module.REPORTING},
    R.COMMUNITY_SAFETY_MANAGER: _EVERYONE | {Module.DISRUPTION, Module.REPORTING, Module.SCRUTINY},
    R.PROCUREMENT_OFFICER: _EVERYONE | {Module.SUPPLIERS, Module.STATEMENTS},
    R.CONTRACT_MANAGER: _EVERYONE | {Module.SUPPLIERS, Module.STATEMENTS},
    R.COUNCILLOR: {Module.HOME, Module.SCRUTINY, Module.REPORTING, Module.TRAINING},
    R.PARTNER: _EVERYONE | {Module.CASES, Module.DISRUPTION},
    R.AUDITOR: _EVERYONE | {Module.AUDIT, Module.REPORTING},
    R.ADMINISTRATOR: _EVERYONE | {Module.USERS, Module.AUDIT},
    # Added with issue 17's FOI work: answers requests from figures, never sees a case, holds no token.
    R.RECORDS_OFFICER: {Module.HOME, Module.SCRUTINY, Module.REPORTING, Module.TRAINING},
}


def test_menu_modules_are_the_ones_each_role_had_by_hand():
    assert {role: frozenset(modules) for role, modules in HAND_WRITTEN_ROLE_MODULES.items()} == access.ROLE_MODULES


def test_derived_role_sets_equal_the_hand_written_ones():
    lead, safeguarding, community = R.MODERN_SLAVERY_LEAD, R.SAFEGUARDING_MANAGER, R.COMMUNITY_SAFETY_MANAGER
    assert {lead, safeguarding} == access.ORGANISATION_WIDE_CASE_ROLES
    assert {lead, safeguarding} == access.CASE_WORKER_ROLES
    assert {lead, safeguarding} == access.EXACT_REGISTER_ROLES
    assert {lead, R.ADMINISTRATOR} == access.TRAINING_ADMIN_ROLES
    assert {lead, R.ADMINISTRATOR, community} == access.PARTNERSHIP_ROLES
    assert {lead, community} == access.COORDINATOR_ROLES
    assert {R.PROCUREMENT_OFFICER, lead} == access.TENDER_ROLES
    assert {R.CONTRACT_MANAGER, R.PROCUREMENT_OFFICER, lead} == access.CONTRACT_MANAGER_ROLES
    assert {R.COUNCILLOR, R.RECORDS_OFFICER} == access.AGGREGATE_ONLY_ROLES
    assert {lead, community, R.RECORDS_OFFICER} == access.SCRUTINY_OFFICER_ROLES


def test_two_factor_adds_the_roles_that_open_supplier_contacts_to_the_old_list_of_seven():
    old_list = {
        R.FRONTLINE_OFFICER,
        R.MODERN_SLAVERY_LEAD,
        R.SAFEGUARDING_MANAGER,
        R.COMMUNITY_SAFETY_MANAGER,
        R.PARTNER,
        R.AUDITOR,
        R.ADMINISTRATOR,
    }
    assert old_list | {R.PROCUREMENT_OFFICER, R.CONTRACT_MANAGER} == access.PERSONAL_DATA_ROLES
    assert access.allows(R.PROCUREMENT_OFFICER, access.SUPPLIERS, Action.VIEW)
    assert access.SUPPLIERS.personal_data


def test_only_the_roles_the_table_lets_open_cases_get_a_case_scope():
    opens_cases = {g.role: g.scope for g in access.POLICY if g.resource == access.CASES and g.action == Action.VIEW}
    assert opens_cases == {
        R.FRONTLINE_OFFICER: Scope.OWN,
        R.MODERN_SLAVERY_LEAD: Scope.ORGANISATION,
        R.SAFEGUARDING_MANAGER: Scope.ORGANISATION,
        R.PARTNER: Scope.SHARED,
    }


def test_every_personal_data_resource_audits_its_views():
    assert all(resource.audits_views for resource in access.RESOURCES if resource.personal_data)


def test_no_resource_name_is_used_twice():
    names = [resource.name for resource in access.RESOURCES]
    assert len(names) == len(set(names))


def test_the_support_record_is_for_case_workers_and_partners_sharing_it_for_support_not_frontline_officers():
    reads_support = {g.role: g.scope for g in access.POLICY if g.resource == access.SUPPORT and g.action == Action.VIEW}
    assert reads_support == {
        R.MODERN_SLAVERY_LEAD: Scope.ORGANISATION,
        R.SAFEGUARDING_MANAGER: Scope.ORGANISATION,
        R.PARTNER: Scope.SHARED,
    }
    assert access.SUPPORT.shared_from == access.ShareScope.SUPPORT
    assert access.NRM_PACKS.shared_from == access.ShareScope.REFERRAL
    assert access.CASES.shared_from == access.ShareScope.SUMMARY


def test_each_share_scope_holds_the_narrower_ones():
    summary, referral, support = access.ShareScope
    assert support.reaches(referral) and support.reaches(summary) and referral.reaches(summary)
    assert not summary.reaches(referral) and not referral.reaches(support)


def test_every_role_reads_the_training_requirements_and_only_the_training_admins_add_them():
    # docs/decisions/0004: requirements name no one, so the table files them apart from the records.
    requirements = access.TRAINING_REQUIREMENTS
    assert not requirements.personal_data
    assert access.roles_with(requirements, Action.VIEW, Scope.ORGANISATION) == frozenset(Role)
    assert access.roles_with(requirements, Action.RECORD) == access.TRAINING_ADMIN_ROLES
    assert not access.allows(R.ADMINISTRATOR, requirements, Action.CHANGE)


def test_scopes_for_answers_from_the_policy_table_for_every_role_resource_and_action():
    resources = {grant.resource for grant in access.POLICY}
    for role in Role:
        for resource in resources:
            for action in Action:
                granted = {g.scope for g in access.POLICY if (g.role, g.resource, g.action) == (role, resource, action)}
                assert access.scopes_for(role, resource, action) == granted
                assert access.scopes_for(str(role), resource, action) == granted  # roles stored as text
