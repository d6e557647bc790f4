"""OCDS release packages (issue 19, item 4): checked against the schema, contracts linked to
suppliers by Companies House number, all or nothing, on the page and the command line, and bids
for the tender check. The packages are written here, shaped as Contracts Finder publishes them."""

import json
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from tackle.core.roles import Role
from tackle.suppliers.models import Contract, Supplier, TenderCheck
from tackle.suppliers.rules.ocds import OcdsError, bids_in, contracts_in, read_package
from tackle.suppliers.rules.tenders import BidFileError, parse_bids
from tackle.suppliers.services import OcdsRejected, contracts_import_ocds
from tackle.suppliers.tests.factories import make_supplier


def _release(number: int, *, supplier: str = "Sparkle Cleaning Ltd", company: str | None = "1234567", **extra):
    identifier = {"scheme": "GB-COH", "id": company} if company else {}
    release = {
        "ocid": f"ocds-b5fd17-test-{number}",
        "id": f"ocds-b5fd17-test-{number}-award",
        "date": "2026-04-01T09:00:00Z",
        "tag": ["award"],
        "initiationType": "tender",
        "parties": [
            {"id": "buyer", "name": "Council A", "roles": ["buyer"]},
            {"id": f"s{number}", "name": supplier, "identifier": identifier, "roles": ["supplier"]},
        ],
        "tender": {"id": f"t{number}", "title": f"Office cleaning lot {number}"},
        "awards": [
            {
                "id": f"award-{number}",
                "title": f"Office cleaning lot {number}",
                "suppliers": [{"id": f"s{number}", "name": supplier}],
                "value": {"amount": 120000 + number, "currency": "GBP"},
                "contractPeriod": {"startDate": "2026-05-01T00:00:00Z", "endDate": "2029-04-30T23:59:59Z"},
            }
        ],
    }
    release.update(extra)
    return release


def _package(*releases) -> bytes:
    return json.dumps(
        {
            "uri": "https://www.contractsfinder.service.gov.uk/Published/Notices/OCDS/Search",
            "version": "1.1",
            "publishedDate": "2026-04-02T10:00:00Z",
            "publisher": {"name": "Crown Commercial Service"},
            "releases": list(releases),
        },
        indent=2,
    ).encode()


def test_awards_become_contracts_with_the_companies_house_number_read():
    contracts = contracts_in(read_package(_package(_release(1), _release(2, company=None, supplier="Harbour Ltd"))))
    assert [(c.release, c.title, c.supplier.company_number, c.value) for c in contracts] == [
        (1, "Office cleaning lot 1", "01234567", Decimal("120001")),
        (2, "Office cleaning lot 2", "", Decimal("120002")),
    ]
    assert contracts[0].start_on.isoformat() == "2026-05-01"


def test_a_release_the_schema_refuses_is_named_by_its_number():
    broken = _release(2)
    del broken["ocid"]
    with pytest.raises(OcdsError) as raised:
        read_package(_package(_release(1), broken, _release(3, tag="award")))
    where = {(problem.release, problem.reason) for problem in raised.value.problems}
    assert (2, "'ocid' is a required property") in where
    assert any(release == 3 and "tag" in reason for release, reason in where)  # tag must be a list


def test_a_file_that_is_not_json_is_named_by_its_line():
    with pytest.raises(OcdsError) as raised:
        read_package(b'{\n  "uri": "x",\n  "releases": [,]\n}')
    assert raised.value.problems[0].line == 3


def test_an_award_without_dates_is_refused_with_its_release():
    undated = _release(1)
    del undated["awards"][0]["contractPeriod"]
    with pytest.raises(OcdsError) as raised:
        contracts_in(read_package(_package(undated)))
    assert str(raised.value.problems[0]) == "release 1: award award-1: has no contract period (start and end dates)"


def test_the_import_links_a_known_supplier_by_number_adds_the_others_and_is_not_repeated(council_a, council_b):
    known = make_supplier(council_a, "SPARKLE CLEANING LIMITED", company_number="01234567")
    make_supplier(council_b, "Harbour Ltd", company_number="07654321")  # another council's: never linked
    data = _package(_release(1), _release(2, supplier="Harbour Ltd", company="07654321"))

    imported = contracts_import_ocds(actor=None, organisation=council_a, data=data, today=timezone.localdate())

    assert imported.contracts_added[0].supplier == known
    assert [s.name for s in imported.suppliers_added] == ["Harbour Ltd"]
    assert imported.suppliers_added[0].organisation == council_a
    assert Contract.objects.filter(organisation=council_a).count() == 2
    again = contracts_import_ocds(actor=None, organisation=council_a, data=data, today=timezone.localdate())
    assert (len(again.contracts_added), again.already_held) == (0, 2)


def test_one_bad_release_imports_nothing(council_a):
    broken = _release(2)
    broken["awards"][0]["suppliers"] = []
    with pytest.raises(OcdsRejected) as raised:
        contracts_import_ocds(
            actor=None, organisation=council_a, data=_package(_release(1), broken), today=timezone.localdate()
        )
    assert [(p.release, p.reason) for p in raised.value.problems] == [(2, "award award-2: names no supplier")]
    assert not Contract.objects.exists()
    assert not Supplier.objects.exists()


def test_the_page_imports_for_the_supply_team_and_refuses_a_councillor(make_user, council_a, client_for):
    officer = make_user(Role.PROCUREMENT_OFFICER, council_a)
    client = client_for(officer)
    url = reverse("suppliers:contract-ocds-import")
    assert client.get(url).status_code == 200

    upload = SimpleUploadedFile("notices.json", _package(_release(1)), content_type="application/json")
    response = client.post(url, {"file": upload})

    assert response.status_code == 200
    assert "1 contract added, 1 supplier added" in response.content.decode()
    assert Contract.objects.get().organisation == council_a
    assert client_for(make_user(Role.COUNCILLOR, council_a)).get(url).status_code == 403


def test_the_page_lists_each_problem_and_keeps_nothing(make_user, council_a, client_for):
    client = client_for(make_user(Role.CONTRACT_MANAGER, council_a))
    broken = _release(1)
    broken["awards"][0]["value"] = {"amount": "a lot"}
    upload = SimpleUploadedFile("notices.json", _package(broken), content_type="application/json")

    response = client.post(reverse("suppliers:contract-ocds-import"), {"file": upload})

    page = response.content.decode()
    assert response.status_code == 400
    assert "Release 1" in page
    assert "awards.0.value.amount" in page
    assert not Contract.objects.exists()
    assert client.post(reverse("suppliers:contract-ocds-import"), {}).status_code == 200  # the field's error
    assert (
        "Select an OCDS release package" in client.post(reverse("suppliers:contract-ocds-import"), {}).content.decode()
    )


def test_the_command_imports_and_refuses_a_bad_file_with_its_lines(council_a, tmp_path, capsys):
    good = tmp_path / "notices.json"
    good.write_bytes(_package(_release(1)))
    call_command("suppliers", "ocds-import", str(good), "--organisation", council_a.code)
    assert (
        "1 contracts added, 1 suppliers added, 0 contracts updated, 0 already held unchanged."
        in capsys.readouterr().out
    )

    bad = tmp_path / "bad.json"
    bad.write_bytes(b"{\n\n  oops")
    with pytest.raises(CommandError) as raised:
        call_command("suppliers", "ocds-import", str(bad), "--organisation", council_a.code)
    assert raised.value.returncode == 2
    assert "bad.json, line 3:" in str(raised.value)
    assert Contract.objects.count() == 1


def _with_bids(*bids: tuple[str, int]):
    release = _release(1, tag=["tender"])
    release.pop("awards")
    release["parties"] += [{"id": f"b{n}", "name": name, "roles": ["tenderer"]} for n, (name, _) in enumerate(bids)]
    release["bids"] = {
        "details": [
            {
                "id": f"bid-{n}",
                "tenderers": [{"id": f"b{n}", "name": name}],
                "value": {"amount": price, "currency": "GBP"},
            }
            for n, (name, price) in enumerate(bids)
        ]
    }
    return _package(release)


def test_the_tender_check_reads_bids_from_ocds(make_user, council_a, client_for):
    data = _with_bids(("Acme Ltd", 100000), ("Bright Ltd", 98000), ("Cheap Co", 40000))
    assert [(bid.bidder, bid.price) for bid in bids_in(read_package(data))][2] == ("Cheap Co", Decimal("40000"))
    assert [bid.bidder for bid in parse_bids(data)] == ["Acme Ltd", "Bright Ltd", "Cheap Co"]

    client = client_for(make_user(Role.PROCUREMENT_OFFICER, council_a))
    upload = SimpleUploadedFile("tender.json", data, content_type="application/json")
    response = client.post(reverse("suppliers:tender-check-new"), {"lot": "Lot 1", "file": upload, "threshold": 70})

    assert response.status_code == 302
    check = TenderCheck.objects.get()
    assert [bid.bidder for bid in check.bids.all() if bid.flags] == ["Cheap Co"]


def test_an_ocds_package_without_bids_is_refused_for_the_tender_check():
    with pytest.raises(BidFileError) as raised:
        parse_bids(_package(_release(1)))
    assert raised.value.problems == [(1, "the OCDS package holds no bids (bids.details with a tenderer and a value)")]


def _record_package(*records) -> bytes:
    return json.dumps(
        {
            "uri": "https://www.contractsfinder.service.gov.uk/Published/Notices/OCDS/Records",
            "version": "1.1",
            "publishedDate": "2026-04-02T10:00:00Z",
            "publisher": {"name": "Crown Commercial Service"},
            "records": list(records),
        }
    ).encode()


def _record(release: dict, *, compiled: bool = True, earlier: list | None = None) -> dict:
    record = {"ocid": release["ocid"], "releases": [*(earlier or []), release]}
    if compiled:
        record["compiledRelease"] = release
    return record


def test_a_record_is_read_as_its_compiled_release_or_else_its_latest_release():
    planned = _release(2, date="2026-01-10T09:00:00Z", id="planning")
    planned["awards"][0]["value"]["amount"] = 1
    latest = _release(2, date="2026-03-01T09:00:00Z")
    package = _record_package(_record(_release(1)), _record(latest, compiled=False, earlier=[planned]))

    contracts = contracts_in(read_package(package))

    assert [(c.release, c.ocid, c.value) for c in contracts] == [
        (1, "ocds-b5fd17-test-1", Decimal("120001")),
        (2, "ocds-b5fd17-test-2", Decimal("120002")),  # the March release, not January's
    ]


def test_a_record_package_is_checked_against_the_release_schema_record_by_record():
    broken = _release(2, tag="award")  # tag must be a list
    untitled = _release(3)
    del untitled["ocid"]
    package = _record_package(
        _record(_release(1)), _record(broken), _record(_release(3), compiled=False, earlier=[untitled])
    )
    with pytest.raises(OcdsError) as raised:
        read_package(package)
    where = [str(problem) for problem in raised.value.problems]
    assert any(text.startswith("record 2: compiledRelease.tag") for text in where)
    assert "record 3: releases.0: 'ocid' is a required property" in where
    assert not any(text.startswith("record 1") for text in where)
    with pytest.raises(OcdsError) as envelope:
        read_package(json.dumps({"uri": "x", "records": []}).encode())
    reasons = [problem.reason for problem in envelope.value.problems]
    assert "'publisher' is a required property" in reasons
    assert any(reason.startswith("records: []") for reason in reasons)  # none at all


def test_a_record_that_only_links_to_its_releases_is_refused_by_number():
    linked = {
        "ocid": "ocds-b5fd17-test-2",
        "releases": [{"url": "https://example.org/r.json", "date": "2026-04-01T09:00:00Z"}],
    }
    with pytest.raises(OcdsError) as raised:
        contracts_in(read_package(_record_package(_record(_release(1)), linked)))
    assert [problem.where for problem in raised.value.problems] == ["record 2"]
    assert "compiledRelease" in raised.value.problems[0].reason


def test_importing_the_same_process_again_updates_its_contract_rather_than_adding_one(council_a):
    today = timezone.localdate()
    first = contracts_import_ocds(actor=None, organisation=council_a, data=_package(_release(1)), today=today)
    contract = first.contracts_added[0]
    assert contract.ocid == "ocds-b5fd17-test-1"
    changed = _release(1, date="2026-09-01T09:00:00Z")
    changed["awards"][0]["value"]["amount"] = 150000
    changed["awards"][0]["contractPeriod"]["endDate"] = "2030-04-30T23:59:59Z"

    again = contracts_import_ocds(
        actor=None, organisation=council_a, data=_record_package(_record(changed)), today=today
    )

    assert (again.contracts_added, again.already_held, again.contracts_updated) == ([], 0, [contract])
    contract.refresh_from_db()
    assert (contract.value, contract.end_on.isoformat()) == (Decimal("150000"), "2030-04-30")
    assert Contract.objects.filter(organisation=council_a).count() == 1
    unchanged = contracts_import_ocds(
        actor=None, organisation=council_a, data=_record_package(_record(changed)), today=today
    )
    assert (unchanged.contracts_updated, unchanged.already_held) == ([], 1)


def test_a_contract_imported_before_ocids_were_kept_is_linked_and_a_terminated_one_left_alone(council_a):
    today = timezone.localdate()
    contracts_import_ocds(actor=None, organisation=council_a, data=_package(_release(1), _release(2)), today=today)
    Contract.objects.filter(reference="award-1").update(ocid="")  # as imported before migration 0007
    Contract.objects.filter(reference="award-2").update(
        status="terminated", terminated_on=today, termination_reason="action_plan_not_met", termination_details="x"
    )
    bigger = [_release(number) for number in (1, 2)]
    for release in bigger:
        release["awards"][0]["value"]["amount"] = 200000

    again = contracts_import_ocds(actor=None, organisation=council_a, data=_package(*bigger), today=today)

    assert [c.reference for c in again.contracts_updated] == ["award-1"]
    assert (again.contracts_added, again.already_held) == ([], 1)
    assert Contract.objects.get(reference="award-1").ocid == "ocds-b5fd17-test-1"
    assert Contract.objects.get(reference="award-2").value == Decimal("120002")


def test_the_page_says_how_many_contracts_a_record_package_updated(make_user, council_a, client_for):
    client = client_for(make_user(Role.PROCUREMENT_OFFICER, council_a))
    url = reverse("suppliers:contract-ocds-import")
    client.post(url, {"file": SimpleUploadedFile("releases.json", _package(_release(1)))})
    changed = _release(1)
    changed["awards"][0]["title"] = "Office and depot cleaning"
    changed["tender"]["title"] = "Office and depot cleaning"

    page = client.post(url, {"file": SimpleUploadedFile("records.json", _record_package(_record(changed)))})

    assert (
        "0 contracts added, 0 suppliers added to the register, 1 updated, 0 already held unchanged."
        in page.content.decode()
    )
    assert Contract.objects.get().title == "Office and depot cleaning"
