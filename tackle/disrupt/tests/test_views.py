"""Every page: works for the right person, 404 for another organisation's record, 403 for a role
that may not use it. Then what the forms save, what partners see, and that views are audited."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from tackle.audit.models import AuditAction, AuditEvent
from tackle.cases.models import Case
from tackle.core.models import RecordShare
from tackle.core.periods import financial_year_label, financial_year_of
from tackle.core.tests.accessible_documents import assert_tagged_pdf, pdf_structure
from tackle.core.tests.dates import date_answer
from tackle.disrupt.choices import FlagKind, HandlingCode, SharingCategory
from tackle.disrupt.models import (
    Action,
    AddressFlag,
    Business,
    Intelligence,
    Operation,
    OperationOutcome,
    Premises,
    SharingAgreement,
)
from tackle.disrupt.tests.factories import (
    add_agency,
    make_action,
    make_agreement,
    make_intelligence,
    make_operation,
    make_outcome,
    make_premises,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(safety_a, police):
    premises = make_premises(safety_a)
    intelligence = make_intelligence(safety_a)
    intelligence.premises.add(premises)
    operation = make_operation(safety_a)
    operation.premises.add(premises)
    add_agency(operation, "Test Police", organisation=police)
    make_outcome(operation, safety_a)
    share = RecordShare.objects.create(
        content_type=ContentType.objects.get_for_model(Intelligence),
        object_uuid=intelligence.uuid,
        organisation=police,
        shared_by=safety_a,
        reason="Joint investigation",
    )
    return {
        "premises": premises,
        "flag": AddressFlag.objects.create(premises=premises, kind=FlagKind.OFFICER_SAFETY, raised_by=safety_a),
        "intelligence": intelligence,
        "share": share,
        "agreement": make_agreement(safety_a, police),
        "operation": operation,
        "action": make_action(safety_a),
    }


def _url(name: str, records: dict, keys: tuple[str, ...]) -> str:
    args = [records[key].pk if key == "share" else records[key].uuid for key in keys]
    return reverse(f"disrupt:{name}", args=args)


# (url name, records it needs, who may open it, a role that may not)
PAGES = [
    ("index", (), "police_partner", "frontline_a"),
    ("premises-list", (), "police_partner", "councillor_a"),
    ("premises-new", (), "safety_a", "police_partner"),
    ("premises-detail", ("premises",), "safety_a", "frontline_a"),
    ("premises-edit", ("premises",), "safety_a", "police_partner"),
    ("flag-new", ("premises",), "lead_a", "police_partner"),
    ("business-list", (), "safety_a", "frontline_a"),
    ("business-new", (), "safety_a", "police_partner"),
    ("intelligence-list", (), "police_partner", "frontline_a"),
    ("intelligence-new", (), "police_partner", "auditor_a"),
    ("intelligence-detail", ("intelligence",), "police_partner", "frontline_a"),
    ("intelligence-share", ("intelligence",), "safety_a", "frontline_a"),
    ("agreement-list", (), "police_partner", "councillor_a"),
    ("agreement-new", (), "safety_a", "police_partner"),
    ("agreement-detail", ("agreement",), "police_partner", "frontline_a"),
    ("operation-list", (), "police_partner", "frontline_a"),
    ("operation-create", (), "safety_a", "police_partner"),
    ("operation-detail", ("operation",), "police_partner", "frontline_a"),
    ("operation-edit", ("operation",), "safety_a", "police_partner"),
    ("agency-new", ("operation",), "safety_a", "police_partner"),
    ("reception-centre", ("operation",), "safety_a", "police_partner"),
    ("outcome-edit", ("operation",), "safety_a", "police_partner"),
    ("cases-open", ("operation",), "safety_a", "police_partner"),
    ("briefing", (), "safety_a", "police_partner"),
    ("briefing-pdf", (), "safety_a", "police_partner"),
    ("intelligence-share-revoke", ("intelligence", "share"), "safety_a", "frontline_a"),
    ("action-list", (), "lead_a", "police_partner"),
    ("action-new", (), "safety_a", "police_partner"),
    ("action-close", ("action",), "safety_a", "police_partner"),
    ("annual-report", (), "safety_a", "police_partner"),
    ("annual-report-pdf", (), "safety_a", "police_partner"),
]
WITH_RECORDS = [page for page in PAGES if page[1]]
POST_ONLY = [
    ("flag-clear", ("premises", "flag"), "safety_a", "police_partner"),
    ("agreement-revoke", ("agreement",), "safety_a", "police_partner"),
    ("agreement-accept", ("agreement",), "safety_a", "police_partner"),
    ("agreement-decline", ("agreement",), "safety_a", "police_partner"),
    ("briefing-held", (), "safety_a", "police_partner"),
]


@pytest.mark.parametrize(("name", "keys", "allowed", "_refused"), PAGES, ids=[page[0] for page in PAGES])
def test_the_page_opens_for_who_may_use_it(request, client_for, records, name, keys, allowed, _refused):
    response = client_for(request.getfixturevalue(allowed)).get(_url(name, records, keys))
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("name", "keys", "_allowed", "refused"), PAGES + POST_ONLY, ids=[p[0] for p in PAGES + POST_ONLY]
)
def test_the_page_refuses_a_role_that_may_not_use_it(request, client_for, records, name, keys, _allowed, refused):
    client = client_for(request.getfixturevalue(refused))
    url = _url(name, records, keys)
    response = client.post(url) if (name, keys, _allowed, refused) in POST_ONLY else client.get(url)
    assert response.status_code == 403


@pytest.mark.parametrize(
    ("name", "keys", "_allowed", "_refused"),
    WITH_RECORDS + POST_ONLY[:-1],
    ids=[p[0] for p in WITH_RECORDS + POST_ONLY[:-1]],
)
def test_another_councils_record_is_not_found(client_for, safety_b, records, name, keys, _allowed, _refused):
    client = client_for(safety_b)
    url = _url(name, records, keys)
    response = client.post(url) if (name, keys, _allowed, _refused) in POST_ONLY else client.get(url)
    assert response.status_code == 404


# Revoking an agreement or a share opens its check page first (a GET answers 200).
@pytest.mark.parametrize("name", [page[0] for page in POST_ONLY if page[0] != "agreement-revoke"])
def test_changes_by_button_need_a_post(client_for, safety_a, records, name):
    keys = next(page[1] for page in POST_ONLY if page[0] == name)
    assert client_for(safety_a).get(_url(name, records, keys)).status_code == 405


def test_a_partner_cannot_change_an_operation_it_takes_part_in(client_for, police_partner, records):
    assert client_for(police_partner).get(_url("operation-detail", records, ("operation",))).status_code == 200
    assert client_for(police_partner).get(_url("outcome-edit", records, ("operation",))).status_code == 403


def test_a_coordinator_of_a_partner_organisation_cannot_change_a_shared_record(
    client_for, safety_a, make_user, police, records
):
    make_agreement(safety_a, police, [SharingCategory.OPERATIONS, SharingCategory.PREMISES], title="Second")
    # A council partner would have coordinators; here the other party is another council.
    other = make_user("community_safety_manager", police, username="police-csm")
    client = client_for(other)
    assert client.get(_url("operation-detail", records, ("operation",))).status_code == 200
    assert client.get(_url("agency-new", records, ("operation",))).status_code == 404
    assert client.get(_url("flag-new", records, ("premises",))).status_code == 404


# Partners ---------------------------------------------------------------------------------------


def test_a_partner_reads_only_the_summary_under_a_summaries_agreement(client_for, safety_a, police, police_partner):
    record = make_intelligence(safety_a)
    make_agreement(safety_a, police, [SharingCategory.INTELLIGENCE_SUMMARIES])
    response = client_for(police_partner).get(reverse("disrupt:intelligence-detail", args=[record.uuid]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Possible labour exploitation" in body
    assert "AB12 CDE" not in body and "Boss" not in body
    note = AuditEvent.objects.get(object_id=str(record.uuid), action=AuditAction.VIEW).note
    assert note.startswith("Sanitised summary only; Through sharing agreement")


def test_a_partner_shares_its_own_intelligence_with_the_council(client_for, council_a, police_partner):
    record = make_intelligence(police_partner)
    response = client_for(police_partner).post(
        reverse("disrupt:intelligence-share", args=[record.uuid]),
        {"organisation": council_a.pk, "reason": "Joint investigation"},
    )
    assert response.status_code == 302
    assert RecordShare.objects.filter(object_uuid=record.uuid, organisation=council_a).exists()


def test_a_partner_loses_sight_of_a_record_when_the_share_is_revoked(client_for, safety_a, police, police_partner):
    record = make_intelligence(safety_a, handling_code=HandlingCode.CONDITIONS, handling_conditions="Police only")
    client = client_for(safety_a)
    response = client.post(
        reverse("disrupt:intelligence-share", args=[record.uuid]),
        {"organisation": police.pk, "reason": "Joint investigation"},
    )
    assert response.status_code == 302
    url = reverse("disrupt:intelligence-detail", args=[record.uuid])
    assert client_for(police_partner).get(url).status_code == 200
    share = RecordShare.objects.get(object_uuid=record.uuid)
    client.post(reverse("disrupt:intelligence-share-revoke", args=[record.uuid, share.pk]), {"confirm": "revoke"})
    assert client_for(police_partner).get(url).status_code == 404


class TestShareRevoke:
    """Issue 18, item 1: the Revoke link opens a check page; only its own form revokes."""

    def _url(self, records: dict) -> str:
        return _url("intelligence-share-revoke", records, ("intelligence", "share"))

    def _revoked(self, records: dict) -> bool:
        records["share"].refresh_from_db()
        return records["share"].revoked_at is not None

    def test_the_check_page_says_who_stops_seeing_which_record(self, client_for, safety_a, records):
        response = client_for(safety_a).get(self._url(records))
        page = response.content.decode()
        assert response.status_code == 200 and 'data-testid="revoke-summary"' in page
        assert records["intelligence"].reference in page
        assert records["share"].organisation.name in page and "Joint investigation" in page
        assert "You cannot undo this" in page and 'name="confirm" value="revoke"' in page
        assert not self._revoked(records)

    def test_the_detail_page_links_to_the_check_page(self, client_for, safety_a, records):
        detail = reverse("disrupt:intelligence-detail", args=[records["intelligence"].uuid])
        page = client_for(safety_a).get(detail).content.decode()
        assert f'href="{self._url(records)}"' in page

    def test_a_post_without_the_confirmation_revokes_nothing(self, client_for, safety_a, records):
        for data in ({}, {"confirm": "yes"}):
            response = client_for(safety_a).post(self._url(records), data)
            page = response.content.decode()
            assert response.status_code == 200 and "Check what will stop, then select Revoke the share" in page
        assert not self._revoked(records)

    def test_the_check_pages_own_form_revokes(self, client_for, safety_a, records):
        response = client_for(safety_a).post(self._url(records), {"confirm": "revoke"})
        detail = reverse("disrupt:intelligence-detail", args=[records["intelligence"].uuid])
        assert response.status_code == 302 and response["Location"] == detail
        assert self._revoked(records)
        again = client_for(safety_a).post(self._url(records), {"confirm": "revoke"})
        assert again.status_code == 200 and "This share was already revoked" in again.content.decode()

    def test_another_organisation_gets_404(self, client_for, safety_b, records):
        assert client_for(safety_b).get(self._url(records)).status_code == 404
        assert client_for(safety_b).post(self._url(records), {"confirm": "revoke"}).status_code == 404
        assert not self._revoked(records)

    def test_a_role_without_disruption_gets_403(self, client_for, frontline_a, records):
        assert client_for(frontline_a).get(self._url(records)).status_code == 403
        assert client_for(frontline_a).post(self._url(records), {"confirm": "revoke"}).status_code == 403
        assert not self._revoked(records)


def test_a_partner_loses_sight_when_the_agreement_is_revoked(client_for, safety_a, police, police_partner):
    record = make_intelligence(safety_a)
    agreement = make_agreement(safety_a, police)
    url = reverse("disrupt:intelligence-detail", args=[record.uuid])
    assert client_for(police_partner).get(url).status_code == 200
    client_for(safety_a).post(reverse("disrupt:agreement-revoke", args=[agreement.uuid]), {"confirm": "revoke"})
    assert client_for(police_partner).get(url).status_code == 404
    assert "Revoked" in client_for(police_partner).get(reverse("disrupt:agreement-list")).content.decode()


def test_a_partner_never_sees_address_flags(client_for, safety_a, police, police_partner, records):
    make_agreement(safety_a, police, [SharingCategory.PREMISES], title="Premises")
    url = _url("premises-detail", records, ("premises",))
    assert "Officer safety" in client_for(safety_a).get(url).content.decode()
    partner_page = client_for(police_partner).get(url)
    assert partner_page.status_code == 200
    assert "Officer safety" not in partner_page.content.decode()


# Forms ------------------------------------------------------------------------------------------


def test_premises_with_a_bad_postcode_are_refused_with_the_answers_kept(client_for, safety_a):
    response = client_for(safety_a).post(
        reverse("disrupt:premises-new"), {"address": "4 Canal St", "postcode": "nowhere", "premises_type": "nail_bar"}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Enter a real UK postcode" in body and "4 Canal St" in body
    assert not Premises.objects.exists()


def test_premises_are_saved_with_a_normalised_postcode(client_for, safety_a):
    response = client_for(safety_a).post(
        reverse("disrupt:premises-new"),
        {"address": "4 Canal St", "postcode": "b70 7aa", "premises_type": "nail_bar", "uprn": "100070000001"},
    )
    premises = Premises.objects.get()
    assert response["Location"] == reverse("disrupt:premises-detail", args=[premises.uuid])
    assert premises.postcode == "B70 7AA"


def test_handling_code_c_needs_its_conditions(client_for, police_partner):
    data = {
        **date_answer("received_on", timezone.localdate()),
        "what": "Girls seen entering a flat late at night",
        "source_evaluation": "2",
        "intelligence_assessment": "C",
        "handling_code": "C",
    }
    client = client_for(police_partner)
    response = client.post(reverse("disrupt:intelligence-new"), data)
    assert "Enter the conditions for handling code C" in response.content.decode()
    assert not Intelligence.objects.exists()
    response = client.post(
        reverse("disrupt:intelligence-new"),
        data | {"handling_conditions": "Police only", "exploitation_types": ["sexual"]},
    )
    record = Intelligence.objects.get()
    assert (record.organisation, record.grade, record.exploitation_types) == (
        police_partner.organisation,
        "2C C",
        ["sexual"],
    )


def test_an_agreement_must_expire_after_it_starts(client_for, safety_a, police):
    today = timezone.localdate()
    response = client_for(safety_a).post(
        reverse("disrupt:agreement-new"),
        {
            "partner": police.pk,
            "title": "ISA",
            "purpose": "Disruption",
            "legal_basis": "cda_1998_s115",
            "categories": ["intelligence"],
            **date_answer("starts_on", today),
            **date_answer("expires_on", (today - timedelta(days=1))),
        },
    )
    assert "The expiry date must be on or after the start date" in response.content.decode()
    assert not SharingAgreement.objects.exists()


def test_the_operation_page_is_prefilled_from_risk_targeting(client_for, safety_a):
    url = reverse("disrupt:operation-create")
    assert url == "/disrupt/operations/new"
    response = client_for(safety_a).get(
        url, {"name": "Golden Wok", "address": "9 Market St", "postcode": "dy4 7aa", "premises_type": "takeaway"}
    )
    form = response.context["form"]
    assert form["new_premises_address"].value() == "9 Market St"
    assert form["new_premises_postcode"].value() == "DY4 7AA"
    assert form["new_premises_type"].value() == "takeaway"
    assert form["name"].value() == "Visit to Golden Wok"


def test_the_operation_page_preselects_premises_the_council_already_holds(client_for, safety_a):
    held = make_premises(safety_a)
    response = client_for(safety_a).get(
        reverse("disrupt:operation-create"), {"address": "12 mill lane", "postcode": "B66 1AA"}
    )
    assert response.context["form"]["premises"].value() == [held.pk]


def test_planning_an_operation_from_a_prefilled_form_creates_the_premises(client_for, safety_a):
    response = client_for(safety_a).post(
        reverse("disrupt:operation-create"),
        {
            "name": "Visit to Golden Wok",
            "kind": "planned",
            "objective": "Welfare checks",
            **date_answer("operation_date", timezone.localdate()),
            "lead_agency": "Police",
            "new_premises_name": "Golden Wok",
            "new_premises_address": "9 Market St",
            "new_premises_postcode": "DY4 7AA",
            "new_premises_type": "takeaway",
        },
    )
    operation = Operation.objects.get()
    assert response["Location"] == reverse("disrupt:operation-detail", args=[operation.uuid])
    assert operation.premises.get().name == "Golden Wok"


def test_outcomes_then_cases_from_the_pages(client_for, safety_a):
    operation = make_operation(safety_a)
    client = client_for(safety_a)
    counts = {
        "people_encountered": 11,
        "victims_adult": 6,
        "victims_child": 0,
        "nrm_referrals": 4,
        "duty_to_notify": 2,
        "safeguarding_referrals": 0,
        "arrests_modern_slavery": 1,
        "arrests_immigration": 2,
        "arrests_other": 0,
        "premises_closed": 1,
        "exploitation_types": ["labour"],
    }
    response = client.post(reverse("disrupt:outcome-edit", args=[operation.uuid]), counts | {"victims_adult": 12})
    assert response.content.decode().count("cannot be more than the people encountered") == 2  # summary and field
    assert not OperationOutcome.objects.exists()
    client.post(reverse("disrupt:outcome-edit", args=[operation.uuid]), counts)
    assert OperationOutcome.objects.get().arrests == 3
    client.post(reverse("disrupt:cases-open", args=[operation.uuid]), {"what_was_seen": "Sleeping on site"})
    assert Case.objects.filter(operation_link__operation=operation).count() == 6
    page = client.get(reverse("disrupt:operation-detail", args=[operation.uuid])).content.decode()
    assert page.count("Concern recorded") == 6


def test_an_action_is_tracked_to_closure(client_for, safety_a):
    client = client_for(safety_a)
    client.post(
        reverse("disrupt:action-new"),
        {"title": "Visit the HMO", "owner": "Priya, housing", **date_answer("due_on", timezone.localdate())},
    )
    action = Action.objects.get()
    response = client.post(reverse("disrupt:action-close", args=[action.uuid]), {"closing_note": ""})
    assert "Say what was done" in response.content.decode()
    client.post(reverse("disrupt:action-close", args=[action.uuid]), {"closing_note": "Visited; no concerns"})
    action.refresh_from_db()
    assert action.closed_by == safety_a and not action.is_open


def test_the_actions_download_as_csv_and_xlsx_open_and_closed(client_for, safety_a, safety_b, frontline_a):
    due = timezone.localdate()
    Action.objects.create(
        organisation=safety_a.organisation, title="=Visit the HMO", owner="Priya", due_on=due, created_by=safety_a
    )
    Action.objects.create(
        organisation=safety_a.organisation, title="Call the GLAA", owner="Sam", due_on=due, created_by=safety_a,
        closed_at=timezone.now(), closed_by=safety_a, closing_note="Called",
    )  # fmt: skip
    Action.objects.create(
        organisation=safety_b.organisation, title="Elsewhere", owner="Jo", due_on=due, created_by=safety_b
    )
    url = reverse("disrupt:action-list")
    client = client_for(safety_a)
    page = client.get(url).content.decode()
    assert "download=csv" in page and "table=closed" in page

    open_rows = b"".join(client.get(url, {"download": "csv"}).streaming_content).decode().splitlines()
    closed = b"".join(client.get(url, {"download": "csv", "table": "closed"}).streaming_content).decode()

    assert open_rows == ["Action,Operation,Owner,Due", f"'=Visit the HMO,,Priya,{due.isoformat()}"]
    assert closed.splitlines()[1] == f"Call the GLAA,Sam,{timezone.localdate().isoformat()},Called"
    assert AuditEvent.objects.filter(object_type="export.actions-open", actor=safety_a).exists()
    assert client.get(url, {"download": "xlsx"})["Content-Type"].startswith("application/vnd.openxmlformats")
    assert client_for(frontline_a).get(url, {"download": "csv"}).status_code == 403


def test_holding_the_briefing_starts_the_next_pack(client_for, safety_a):
    client_for(safety_a).post(reverse("disrupt:briefing-held"))
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_type="disrupt.briefing").exists()


def test_the_briefing_pack_is_a_tagged_pdf(client_for, safety_a, records):
    response = client_for(safety_a).get(reverse("disrupt:briefing-pdf"))
    assert response["Content-Type"] == "application/pdf"
    title = f"Briefing pack, {safety_a.organisation.name}, {timezone.localdate():%-d %B %Y}"
    assert_tagged_pdf(response.content, title=title, tables=True)  # the open actions' table
    assert "/Caption" in pdf_structure(response.content)  # its caption is read out, though not printed


def test_the_annual_report_is_a_tagged_pdf_its_charts_described(client_for, safety_a, records):
    response = client_for(safety_a).get(reverse("disrupt:annual-report-pdf"))
    assert response["Content-Type"] == "application/pdf"
    label = financial_year_label(financial_year_of(timezone.localdate()))
    title = f"Disruption report {label}: {safety_a.organisation.name}"
    assert_tagged_pdf(response.content, title=title, tables=True)
    assert pdf_structure(response.content).count("/Figure") == 3  # each chart, with its alternative text


def test_the_annual_report_shows_the_years_figures(client_for, safety_a, records):
    response = client_for(safety_a).get(reverse("disrupt:annual-report"))
    figures = response.context["figures"]
    assert (figures.operations, figures.interventions, figures.victims_adult) == (1, 1, 5)
    assert 'data-testid="chart-exploitation"' in response.content.decode()


def test_a_bad_year_falls_back_to_this_year(client_for, safety_a):
    response = client_for(safety_a).get(reverse("disrupt:annual-report"), {"year": "junk"})
    assert response.status_code == 200


# Audit ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "keys", "action"),
    [
        ("intelligence-list", (), AuditAction.LIST),
        ("premises-list", (), AuditAction.LIST),
        ("operation-list", (), AuditAction.LIST),
        ("agreement-list", (), AuditAction.LIST),
        ("action-list", (), AuditAction.LIST),
        ("intelligence-detail", ("intelligence",), AuditAction.VIEW),
        ("premises-detail", ("premises",), AuditAction.VIEW),
        ("operation-detail", ("operation",), AuditAction.VIEW),
        ("agreement-detail", ("agreement",), AuditAction.VIEW),
        ("briefing", (), AuditAction.VIEW),
        ("annual-report", (), AuditAction.VIEW),
    ],
)
def test_every_view_is_audited(client_for, safety_a, records, name, keys, action):
    before = AuditEvent.objects.filter(actor=safety_a, action=action).count()
    client_for(safety_a).get(_url(name, records, keys))
    assert AuditEvent.objects.filter(actor=safety_a, action=action).count() == before + 1


def test_a_flag_is_raised_and_cleared_from_the_premises_page(client_for, safety_a):
    premises = make_premises(safety_a)
    client = client_for(safety_a)
    client.post(reverse("disrupt:flag-new", args=[premises.uuid]), {"kind": "known_exploitation_site", "note": "2024"})
    flag = AddressFlag.objects.get()
    assert (
        "Known exploitation site"
        in client.get(reverse("disrupt:premises-detail", args=[premises.uuid])).content.decode()
    )
    client.post(reverse("disrupt:flag-clear", args=[premises.uuid, flag.uuid]))
    flag.refresh_from_db()
    assert flag.cleared_at is not None


def test_a_business_is_saved_with_its_company_number_in_full(client_for, safety_a):
    premises = make_premises(safety_a)
    client = client_for(safety_a)
    response = client.post(reverse("disrupt:business-new"), {"name": "Shine Ltd", "company_number": "XX1"})
    assert "A company number is 8 digits" in response.content.decode()
    client.post(
        reverse("disrupt:business-new"), {"name": "Shine Ltd", "company_number": "123456", "premises": [premises.pk]}
    )
    business = premises.businesses.get()
    assert business.company_number == "00123456"


def test_the_plan_and_the_premises_can_be_corrected_and_the_change_is_audited(client_for, safety_a, records):
    operation, premises = records["operation"], records["premises"]
    hidden = make_intelligence(safety_a)  # linked, then no longer visible: it must survive the edit
    operation.intelligence.add(records["intelligence"], hidden)
    Intelligence.objects.filter(pk=hidden.pk).update(organisation=records["agreement"].partner)
    SharingAgreement.objects.all().delete()
    client = client_for(safety_a)
    form = client.get(_url("operation-edit", records, ("operation",))).context["form"]
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data |= {"objective": "Check the workers' welfare and the rota", "premises": [premises.pk], "intelligence": []}
    data["operation_date"] = operation.operation_date.isoformat()
    response = client.post(_url("operation-edit", records, ("operation",)), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    operation.refresh_from_db()
    assert operation.objective == "Check the workers' welfare and the rota"
    assert set(operation.intelligence.all()) == {hidden}
    event = AuditEvent.objects.filter(object_id=str(operation.uuid), action=AuditAction.UPDATE).latest("sequence")
    assert "objective" in event.changed_fields

    response = client.post(
        _url("premises-edit", records, ("premises",)),
        {
            "name": "Sparkle Wash",
            "address": premises.address,
            "postcode": "b661aa",
            "uprn": "",
            "premises_type": premises.premises_type,
        },
    )
    assert response.status_code == 302
    premises.refresh_from_db()
    assert premises.name == "Sparkle Wash" and premises.postcode == "B66 1AA"
    bad = client.post(
        _url("premises-edit", records, ("premises",)),
        {
            "name": "X",
            "address": premises.address,
            "postcode": "not a postcode",
            "premises_type": premises.premises_type,
        },
    )
    assert bad.status_code == 200 and "postcode" in bad.context["form"].errors
    premises.refresh_from_db()
    assert premises.name == "Sparkle Wash"  # nothing saved


def test_the_businesses_download_as_the_page_lists_them_and_the_export_is_audited(
    client_for, safety_a, safety_b, councillor_a
):
    premises = make_premises(safety_a)
    ours = Business.objects.create(
        organisation=safety_a.organisation, name="=Shine Ltd", company_number="00123456", created_by=safety_a
    )
    ours.premises.add(premises)
    Business.objects.create(organisation=safety_b.organisation, name="Another council's", created_by=safety_b)
    url = reverse("disrupt:business-list")
    client = client_for(safety_a)
    assert "download=csv" in client.get(url).content.decode()

    lines = b"".join(client.get(url, {"download": "csv"}).streaming_content).decode().splitlines()

    assert lines[0] == "Name,Company number,Operator,Premises,Recorded by"
    assert len(lines) == 2
    assert lines[1].startswith("'=Shine Ltd,00123456,,")  # a formula is quoted, not run
    assert str(premises) in lines[1]
    assert AuditEvent.objects.filter(
        action=AuditAction.EXPORT, object_type="export.businesses", actor=safety_a
    ).exists()
    assert client.get(url, {"download": "xlsx"})["Content-Type"].startswith("application/vnd.openxmlformats")
    assert client_for(councillor_a).get(url, {"download": "csv"}).status_code == 403
