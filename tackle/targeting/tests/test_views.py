"""Every targeting page: works for the right person, 404 for another organisation's list, 403 for a
role without disruption. Then importing, correcting columns, removing, and the ranked page."""

import csv
import io
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tackle.audit.models import AuditEvent
from tackle.core.roles import Role
from tackle.targeting.models import RegulatorList
from tackle.targeting.services import Upload, regulator_lists_import
from tackle.targeting.tests.factories import LISTS


def _upload(name: str, text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


@pytest.fixture
def imported(lead_a):
    uploads = [Upload(name, text.encode()) for name, text in LISTS.items()]
    return regulator_lists_import(organisation=lead_a.organisation, actor=lead_a, uploads=uploads)


@pytest.fixture
def safety_manager_a(make_user, council_a):
    return make_user(Role.COMMUNITY_SAFETY_MANAGER, council_a)


PAGES = [
    ("index", False),
    ("list-import", False),
    ("list-list", False),
    ("list-detail", True),
    ("list-delete", True),
    ("outcome-list", False),
]


def _url(name: str, imported, with_list: bool) -> str:
    return reverse(f"targeting:{name}", args=[imported[0].uuid] if with_list else [])


@pytest.mark.parametrize(("name", "with_list"), PAGES)
@pytest.mark.parametrize("who", ["lead_a", "safety_manager_a", "police_partner"])
def test_the_page_opens_for_roles_with_disruption(request, client_for, imported, name, with_list, who):
    user = request.getfixturevalue(who)
    if who == "police_partner":  # the partner's own organisation's lists
        uploads = [Upload("fire.csv", LISTS["fire.csv"].encode())]
        imported = regulator_lists_import(organisation=user.organisation, actor=user, uploads=uploads)
    assert client_for(user).get(_url(name, imported, with_list)).status_code == 200


@pytest.mark.parametrize(("name", "with_list"), PAGES)
@pytest.mark.parametrize("who", ["frontline_a", "councillor_a", "auditor_a"])
def test_the_page_is_forbidden_to_a_role_without_disruption(request, client_for, imported, name, with_list, who):
    response = client_for(request.getfixturevalue(who)).get(_url(name, imported, with_list))
    assert response.status_code == 403


@pytest.mark.parametrize("name", ["list-detail", "list-delete"])
def test_another_organisations_list_does_not_exist(client_for, lead_b, imported, name):
    assert client_for(lead_b).get(_url(name, imported, True)).status_code == 404
    assert client_for(lead_b).post(_url(name, imported, True), {"source": "x"}).status_code == 404
    assert RegulatorList.objects.count() == 3


def test_another_organisations_lists_are_not_ranked(client_for, lead_b, imported):
    response = client_for(lead_b).get(reverse("targeting:index"))
    assert response.context["ranking"].records == 0
    assert "Sparkle" not in response.content.decode()


def test_signed_out_people_are_sent_to_sign_in(client, db):
    assert client.get(reverse("targeting:index")).status_code == 302


def test_a_lead_imports_three_lists_and_sees_the_columns_found(client_for, lead_a):
    client = client_for(lead_a)
    files = [_upload(name, text) for name, text in LISTS.items()]
    response = client.post(reverse("targeting:list-import"), {"lists": files})
    assert response.status_code == 302 and response["Location"] == reverse("targeting:list-list")
    lists = {item.source: item for item in RegulatorList.objects.all()}
    assert sorted(lists) == ["environmental_health", "fire", "trading_standards"]
    assert (lists["trading_standards"].record_count, lists["trading_standards"].reject_count) == (2, 1)
    assert lists["fire"].mapping["non_compliance"] == "Non-compliance"
    page = client.get(reverse("targeting:list-list")).content.decode()
    assert "Non-compliance found: “Non-compliance”" in page
    assert AuditEvent.objects.filter(object_type="targeting.regulatorlist", action="create").count() == 3


def test_a_file_with_no_name_column_imports_nothing_and_asks_for_its_columns(client_for, lead_a):
    files = [_upload("fire.csv", LISTS["fire.csv"]), _upload("housing.csv", "Postcode,Notes\nB70 6AB,damp\n")]
    response = client_for(lead_a).post(reverse("targeting:list-import"), {"lists": files})
    assert response.status_code == 200
    assert response.context["form"].errors["lists"] == [
        "housing.csv: No column holds the business name or trading name. Choose the columns, then the file again"
    ]
    assert response.context["headers"] == ["Postcode", "Notes"]
    assert not RegulatorList.objects.exists()


def test_an_unreadable_file_imports_nothing_and_is_named(client_for, lead_a):
    files = [_upload("fire.csv", LISTS["fire.csv"]), _upload("empty.csv", "\n\n")]
    response = client_for(lead_a).post(reverse("targeting:list-import"), {"lists": files})
    assert response.context["form"].errors["lists"][0].startswith("empty.csv: ")
    assert not RegulatorList.objects.exists()


GUESSED = "Licensed operator,Shop,Postcod\nAcme Holdings,Acme Nails,B70 6AB\nBee Group,Bee Bar,B70 7AA\n"


def test_a_guessed_column_is_asked_about_with_its_first_values_before_anything_is_imported(client_for, lead_a):
    response = client_for(lead_a).post(reverse("targeting:list-import"), {"lists": [_upload("licensing.csv", GUESSED)]})
    assert response.status_code == 200 and not RegulatorList.objects.exists()
    assert response.context["form"].errors["lists"][0].startswith("licensing.csv: Check the columns guessed")
    choices = {choice.field: choice for choice in response.context["choices"]}
    name, postcode = choices["business_name"], choices["postcode"]
    assert (name.header, name.how, name.confidence, name.samples) == (
        "Licensed operator",
        "contains 'operator'",
        0.6,
        ("Acme Holdings", "Bee Group"),
    )
    assert (postcode.header, postcode.how, postcode.confidence) == ("Postcod", "close to 'postcode'", 0.93)
    assert response.context["columns"].fields["business_name"].initial == "0"
    page = response.content.decode()
    assert 'data-testid="column-choices"' in page and 'name="headers" value="Postcod"' in page


def test_the_columns_chosen_are_used_when_the_file_comes_again(client_for, lead_a):
    client = client_for(lead_a)
    url = reverse("targeting:list-import")
    answer = {"headers": ["Licensed operator", "Shop", "Postcod"], "business_name": "1", "postcode": "2"}
    response = client.post(url, {"lists": [_upload("licensing.csv", GUESSED)], **answer})
    assert response.status_code == 302
    licensing = RegulatorList.objects.get()
    assert licensing.mapping == {"business_name": "Shop", "postcode": "Postcod"}
    assert licensing.record_count == 2


def test_several_guessed_files_are_asked_about_in_turn_and_each_answer_kept(client_for, lead_a):
    client = client_for(lead_a)
    url = reverse("targeting:list-import")
    other = "Employer nme,Post code\nNorthgate Logistics,B70 1AA\n"

    def files():
        return [_upload("licensing.csv", GUESSED), _upload("wages.csv", other)]

    first = client.post(url, {"lists": files()})
    assert first.context["headers"] == ["Licensed operator", "Shop", "Postcod"]
    answer = {"headers": first.context["headers"], "business_name": "0", "postcode": "2"}
    second = client.post(url, {"lists": files(), "answered": first.context["answered"], **answer})
    assert second.context["form"].errors["lists"][0].startswith("wages.csv: Check the columns")
    assert second.context["headers"] == ["Employer nme", "Post code"]
    answer = {"headers": second.context["headers"], "business_name": "0", "postcode": "1"}
    third = client.post(url, {"lists": files(), "answered": second.context["answered"], **answer})
    assert third.status_code == 302
    mappings = {item.source: item.mapping for item in RegulatorList.objects.all()}
    assert mappings == {
        "licensing": {"business_name": "Licensed operator", "postcode": "Postcod"},
        "wages": {"business_name": "Employer nme", "postcode": "Post code"},
    }


def test_importing_nothing_says_what_to_do(client_for, lead_a):
    response = client_for(lead_a).post(reverse("targeting:list-import"), {})
    assert response.context["form"].errors["lists"] == ["Select at least one CSV file"]


def test_a_list_imported_again_replaces_the_old_one(client_for, lead_a, imported):
    newer = "Premises name,Postcode\nNew Place,B70 1AA\n"
    client_for(lead_a).post(reverse("targeting:list-import"), {"lists": [_upload("fire.csv", newer)]})
    fire = RegulatorList.objects.get(source="fire")
    assert (fire.record_count, RegulatorList.objects.count()) == (1, 3)


def test_the_columns_page_shows_rejected_lines_and_a_correction_reads_the_list_again(client_for, lead_a, imported):
    client = client_for(lead_a)
    trading = RegulatorList.objects.get(source="trading_standards")
    url = reverse("targeting:list-detail", args=[trading.uuid])
    page = client.get(url)
    assert [(reject.line, reject.reason) for reject in page.context["read"].rejects] == [
        (4, "“NOTAPOSTCODE” is not a UK postcode")
    ]
    data = {"source": "trading standards", **trading.mapping, "postcode": ""}  # ignore the postcode column
    response = client.post(url, data)
    assert response.status_code == 302
    trading.refresh_from_db()
    assert (trading.source, trading.record_count, trading.reject_count) == ("trading standards", 3, 0)
    assert "postcode" not in trading.mapping


def test_the_columns_page_shows_how_sure_each_guess_is_and_its_first_values(client_for, lead_a):
    """'Licensed operator' holds the business name only by containing a known word: confirmed on
    import, it is still shown as a guess worth a look. The name the person then chooses is shown as
    theirs, with its own values."""
    client = client_for(lead_a)
    text = "Licensed operator,Shop,Postcode\nAcme Holdings,Acme Nails,B70 6AB\nBee Group,Bee Bar,B70 7AA\n"
    confirmed = {"headers": ["Licensed operator", "Shop", "Postcode"], "business_name": "0", "postcode": "2"}
    client.post(reverse("targeting:list-import"), {"lists": [_upload("licensing.csv", text)], **confirmed})
    licensing = RegulatorList.objects.get()
    url = reverse("targeting:list-detail", args=[licensing.uuid])
    page = client.get(url)
    choices = {choice.field: choice for choice in page.context["choices"]}
    name = choices["business_name"]
    assert (name.header, name.samples, name.guessed) == ("Licensed operator", ("Acme Holdings", "Bee Group"), True)
    assert name.how == "contains 'operator'"
    assert choices["postcode"].samples == ("B70 6AB", "B70 7AA") and not choices["postcode"].guessed
    assert 'data-testid="column-choices"' in page.content.decode()
    client.post(url, {"source": "licensing", **licensing.mapping, "business_name": "Shop"})
    name = {choice.field: choice for choice in client.get(url).context["choices"]}["business_name"]
    assert (name.header, name.samples, name.how) == ("Shop", ("Acme Nails", "Bee Bar"), "chosen by you")


def test_a_correction_that_leaves_no_name_column_changes_nothing(client_for, lead_a, imported):
    fire = RegulatorList.objects.get(source="fire")
    before = dict(fire.mapping)
    url = reverse("targeting:list-detail", args=[fire.uuid])
    response = client_for(lead_a).post(url, {"source": "fire", "postcode": "Postcode"})
    assert response.status_code == 200
    assert "No column holds the business name or trading name" in response.content.decode()
    fire.refresh_from_db()
    assert fire.mapping == before


def test_a_correction_cannot_take_the_name_of_another_list(client_for, lead_a, imported):
    fire = RegulatorList.objects.get(source="fire")
    response = client_for(lead_a).post(
        reverse("targeting:list-detail", args=[fire.uuid]), {"source": "trading_standards", **fire.mapping}
    )
    assert response.context["form"].errors["source"] == ["Another list is already called trading_standards"]


def test_a_list_is_removed_after_confirming(client_for, lead_a, imported):
    fire = RegulatorList.objects.get(source="fire")
    response = client_for(lead_a).post(reverse("targeting:list-delete", args=[fire.uuid]))
    assert response.status_code == 302
    assert not RegulatorList.objects.filter(source="fire").exists()
    assert AuditEvent.objects.filter(object_type="targeting.regulatorlist", action="delete").count() == 1


def test_the_ranked_page_shows_the_top_premises_with_reasons(client_for, lead_a, imported):
    response = client_for(lead_a).get(reverse("targeting:index"))
    html = response.content.decode()
    entity, type_label, _plan = response.context["rows"][0]
    assert (entity.name, entity.score, type_label) == ("Sparkle Hand Carwash Limited", 108, "Hand car wash")
    assert "Non-compliant with 3 regulators (+20)" in html
    assert AuditEvent.objects.filter(object_type="targeting.ranking", action="list").exists()


def test_plan_an_operation_opens_the_operation_form_filled_in(client_for, safety_manager_a, lead_a, imported):
    client = client_for(safety_manager_a)
    _entity, _label, plan = client.get(reverse("targeting:index")).context["rows"][0]
    parts = urlsplit(plan)
    assert parts.path == reverse("disrupt:operation-create")
    assert parse_qs(parts.query) == {
        "name": ["Sparkle Hand Carwash Limited"],
        "address": ["12 High Street"],
        "postcode": ["B70 6AB"],
        "premises_type": ["hand_car_wash"],
    }
    form = client.get(plan).context["form"]
    assert form.initial["new_premises_postcode"] == "B70 6AB"
    assert form.initial["new_premises_type"] == "hand_car_wash"


def test_a_partner_who_cannot_plan_operations_gets_no_plan_link(client_for, police_partner):
    uploads = [Upload("fire.csv", LISTS["fire.csv"].encode())]
    regulator_lists_import(organisation=police_partner.organisation, actor=police_partner, uploads=uploads)
    response = client_for(police_partner).get(reverse("targeting:index"))
    assert all(plan is None for _entity, _label, plan in response.context["rows"])
    assert "Plan an operation" not in response.content.decode()


def test_intelligence_and_past_operations_in_disruption_raise_the_score(client_for, lead_a, imported):
    from datetime import timedelta

    from django.utils import timezone

    from tackle.disrupt.tests.factories import make_intelligence, make_operation, make_premises

    dragon = make_premises(lead_a, name="Golden Dragon", address="4 Mill Lane", postcode="B70 9EF")
    make_intelligence(lead_a).premises.add(dragon)
    past = make_operation(lead_a, on=timezone.localdate() - timedelta(days=30), name="Operation Wok")
    past.premises.add(dragon)
    make_operation(lead_a, on=timezone.localdate() + timedelta(days=30), name="Operation Later").premises.add(dragon)
    rows = client_for(lead_a).get(reverse("targeting:index")).context["rows"]
    entity = next(entity for entity, _label, _plan in rows if entity.postcode == "B70 9EF")
    assert any(reason.startswith("1 intelligence report: received") for reason in entity.reasons)
    assert any(reason.startswith("1 past operation: Operation Wok") for reason in entity.reasons)
    assert entity.score == 15 + 15 + 10


def test_another_organisations_intelligence_does_not_count(client_for, lead_a, lead_b, imported):
    from tackle.disrupt.tests.factories import make_intelligence, make_premises

    theirs = make_premises(lead_b, name="Golden Dragon", address="4 Mill Lane", postcode="B70 9EF")
    make_intelligence(lead_b).premises.add(theirs)
    rows = client_for(lead_a).get(reverse("targeting:index")).context["rows"]
    entity = next(entity for entity, _label, _plan in rows if entity.postcode == "B70 9EF")
    assert not any("intelligence" in reason for reason in entity.reasons)


def test_the_ranking_follows_a_list_removed_or_corrected(client_for, lead_a, imported):
    client = client_for(lead_a)
    assert client.get(reverse("targeting:index")).context["ranking"].records == 8
    fire = RegulatorList.objects.get(source="fire")
    client.post(reverse("targeting:list-delete", args=[fire.uuid]))
    assert client.get(reverse("targeting:index")).context["ranking"].records == 5
    trading = RegulatorList.objects.get(source="trading_standards")
    client.post(
        reverse("targeting:list-detail", args=[trading.uuid]), {"source": "ts", **trading.mapping, "postcode": ""}
    )
    ranking = client.get(reverse("targeting:index")).context["ranking"]
    assert ranking.records == 6
    assert {source for entity in ranking.ranked for source in entity.sources} == {"environmental_health", "ts"}


def test_a_list_that_no_longer_reads_is_left_out_and_its_page_says_why(client_for, lead_a, imported):
    fire = RegulatorList.objects.get(source="fire")
    RegulatorList.objects.filter(pk=fire.pk).update(mapping={"postcode": "Postcode"})  # saved under older rules
    client = client_for(lead_a)
    ranking = client.get(reverse("targeting:index")).context["ranking"]
    assert ranking.records == 5
    page = client.get(reverse("targeting:list-detail", args=[fire.uuid])).content.decode()
    assert "This list is left out of the ranking: No column holds the business name or trading name" in page


LICENSING = """Premises,Address,Postcode,Outcome
Sparkle Car Wash,12 High Street,B70 6AB,Licence review
Golden Dragon,4 Mill Lane,B70 9EF,Minded to vary conditions
Green Acres Farm,Long Lane,B71 1AA,Minded to vary conditions
"""


def _classify_url_and_field(client, wording):
    from tackle.targeting.forms import outcome_field_name

    return reverse("targeting:outcome-list"), outcome_field_name(wording)


def test_an_outcome_no_rule_knows_is_shown_to_classify_and_remembered_for_the_organisation(
    client_for, lead_a, imported
):
    client = client_for(lead_a)
    client.post(reverse("targeting:list-import"), {"lists": [_upload("licensing.csv", LICENSING)]})
    index = client.get(reverse("targeting:index"))
    assert index.context["unfamiliar"] == 1
    assert "1 outcome in your lists is not understood" in index.content.decode()
    dragon = next(entity for entity, _label, _plan in index.context["rows"] if entity.postcode == "B70 9EF")
    assert not any("licensing" in reason for reason in dragon.reasons)
    url, field = _classify_url_and_field(client, "minded to vary conditions")
    page = client.get(url)
    assert "“minded to vary conditions”" in page.content.decode()
    assert "Not classified yet: 2 lines in licensing" in page.content.decode()
    assert client.post(url, {field: "adverse"}).status_code == 302
    index = client.get(reverse("targeting:index"))
    assert index.context["unfamiliar"] == 0
    dragon = next(entity for entity, _label, _plan in index.context["rows"] if entity.postcode == "B70 9EF")
    assert "Non-compliant with licensing: Minded to vary conditions (+20)" in dragon.reasons
    assert AuditEvent.objects.filter(object_type="targeting.outcomewording", action="create").count() == 1
    # A list imported later with the same wording is read with the organisation's answer.
    later = "Premises,Postcode,Outcome\nNew Nails,B70 1AA,MINDED TO VARY CONDITIONS\n"
    client.post(reverse("targeting:list-import"), {"lists": [_upload("licensing2.csv", later)]})
    index = client.get(reverse("targeting:index"))
    nails = next(entity for entity, _label, _plan in index.context["rows"] if entity.postcode == "B70 1AA")
    assert nails.reasons[0].startswith("Non-compliant with licensing2")


def test_another_organisation_does_not_see_or_use_the_classification(client_for, lead_a, lead_b, imported):
    client_for(lead_a).post(reverse("targeting:list-import"), {"lists": [_upload("licensing.csv", LICENSING)]})
    url, field = _classify_url_and_field(None, "minded to vary conditions")
    client_for(lead_a).post(url, {field: "adverse"})
    uploads = [Upload("licensing.csv", LICENSING.encode())]
    regulator_lists_import(organisation=lead_b.organisation, actor=lead_b, uploads=uploads)
    client = client_for(lead_b)
    assert client.get(reverse("targeting:index")).context["unfamiliar"] == 1
    assert "Classified before" not in client.get(url).content.decode()


def test_a_classification_can_be_changed(client_for, lead_a, imported):
    client = client_for(lead_a)
    client.post(reverse("targeting:list-import"), {"lists": [_upload("licensing.csv", LICENSING)]})
    url, field = _classify_url_and_field(client, "minded to vary conditions")
    client.post(url, {field: "adverse"})
    client.post(url, {field: "clear"})
    rows = client.get(reverse("targeting:index")).context["rows"]
    dragon = next(entity for entity, _label, _plan in rows if entity.postcode == "B70 9EF")
    assert not any("licensing" in reason for reason in dragon.reasons)
    assert client.get(url).context["form"].fields[field].initial == "clear"


def test_a_made_up_answer_is_refused_with_a_message(client_for, lead_a, imported):
    client = client_for(lead_a)
    client.post(reverse("targeting:list-import"), {"lists": [_upload("licensing.csv", LICENSING)]})
    url, field = _classify_url_and_field(client, "minded to vary conditions")
    response = client.post(url, {field: "maybe"})
    assert response.status_code == 200
    assert response.context["form"].errors[field] == ["Select whether it is an adverse finding"]


FHRS_ONE = (
    '<?xml version="1.0"?><FHRSEstablishment><EstablishmentCollection><EstablishmentDetail>'
    "<BusinessName>Sparkle Hand Car Wash</BusinessName><AddressLine1>12 High Street</AddressLine1>"
    "<PostCode>B70 6AB</PostCode><RatingValue>0</RatingValue><RatingDate>2026-01-15</RatingDate>"
    "</EstablishmentDetail></EstablishmentCollection></FHRSEstablishment>"
)


def test_the_food_standards_agencys_xml_is_imported_and_ranked(client_for, lead_a, imported):
    client = client_for(lead_a)
    upload = SimpleUploadedFile("FHRS999en-GB.xml", FHRS_ONE.encode(), content_type="text/xml")
    assert client.post(reverse("targeting:list-import"), {"lists": [upload]}).status_code == 302
    food = RegulatorList.objects.get(source="FHRS999en-GB")
    assert (food.record_count, food.mapping["result"]) == (1, "RatingValue")
    top = client.get(reverse("targeting:index")).context["rows"][0][0]
    assert "Non-compliant with FHRS999en-GB: rating 0, 2026-01-15 (+20)" in top.reasons
    page = client.get(reverse("targeting:list-detail", args=[food.uuid]))
    assert page.status_code == 200 and "BusinessName" in page.content.decode()


def test_the_lists_download_audited_and_only_the_organisations_own(client_for, lead_a, lead_b, imported, frontline_a):
    regulator_lists_import(organisation=lead_b.organisation, actor=lead_b, uploads=[Upload("b-only.csv", b"Name\nX\n")])
    client = client_for(lead_a)
    assert "download=csv" in client.get(reverse("targeting:list-list")).content.decode()

    response = client.get(reverse("targeting:list-list"), {"download": "csv"})

    lines = b"".join(response.streaming_content).decode()
    assert lines.startswith("Regulator,File,Imported,Columns used,Records,Lines rejected")
    assert sorted(item.filename for item in imported) == sorted(name for name in LISTS)
    assert all(name in lines for name in LISTS) and "b-only.csv" not in lines
    assert AuditEvent.objects.filter(object_type="export.regulator-lists", actor=lead_a).exists()
    assert client_for(frontline_a).get(reverse("targeting:list-list"), {"download": "csv"}).status_code == 403


def test_the_outcomes_to_classify_download_with_where_each_stands(client_for, lead_a, lead_b, imported, frontline_a):
    client = client_for(lead_a)
    client.post(reverse("targeting:list-import"), {"lists": [_upload("licensing.csv", LICENSING)]})
    url, field = _classify_url_and_field(client, "minded to vary conditions")
    assert "download=csv" in client.get(url).content.decode()

    before = b"".join(client.get(url, {"download": "csv"}).streaming_content).decode().splitlines()
    client.post(url, {field: "adverse"})
    after = b"".join(client.get(url, {"download": "csv"}).streaming_content).decode().splitlines()

    assert before[0] == "Outcome,Status"
    assert "minded to vary conditions,Not classified yet: 2 lines in licensing" in before
    assert "minded to vary conditions,An adverse finding" in after
    assert AuditEvent.objects.filter(object_type="export.outcomes", actor=lead_a).exists()
    assert client.get(url, {"download": "xlsx"})["Content-Type"].startswith("application/vnd.openxmlformats")
    other = b"".join(client_for(lead_b).get(url, {"download": "csv"}).streaming_content).decode()
    assert "minded to vary" not in other
    assert client_for(frontline_a).get(url, {"download": "csv"}).status_code == 403


def test_the_ranked_premises_download_every_premises_in_the_pages_order(client_for, lead_a, lead_b, imported):
    regulator_lists_import(organisation=lead_b.organisation, actor=lead_b, uploads=[Upload("b.csv", b"Name\nB Only\n")])
    client = client_for(lead_a)
    page = client.get(reverse("targeting:index"))
    assert "download=csv" in page.content.decode()

    response = client.get(reverse("targeting:index"), {"download": "csv"})

    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == ["Rank", "Premises", "Address", "Postcode", "Type", "Regulators", "Score", "Why"]
    ranked = page.context["ranking"].ranked
    assert [row[1] for row in rows[1:]] == [entity.name for entity in ranked] and "B Only" not in str(rows)
    assert (rows[1][0], rows[1][6]) == ("1", str(ranked[0].score))
    assert rows[1][7].splitlines() == [str(reason) for reason in ranked[0].reasons]
    assert AuditEvent.objects.filter(object_type="export.ranked-premises", actor=lead_a).exists()
    assert client.get(reverse("targeting:index"), {"download": "xlsx"})["Content-Type"].startswith(
        "application/vnd.openxmlformats"
    )
