"""/api/v1/contracts/ocds-import (issue 19, items 1 and 4): an OCDS package imported through the API as
the page imports it, sent as a file or as the JSON body; a bad package names each problem and saves nothing."""

import json

from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from tackle.accounts.tests.signing_in import token_client
from tackle.core.roles import Module
from tackle.suppliers.api.ocds import PACKAGE_EXAMPLE
from tackle.suppliers.models import Contract, Supplier
from tackle.suppliers.tests.factories import make_supplier

URL = "/api/v1/contracts/ocds-import"
PACKAGE = PACKAGE_EXAMPLE.value


def _api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def _with_release(**changes) -> dict:
    release = {**PACKAGE["releases"][0], **changes}
    return {**PACKAGE, "releases": [PACKAGE["releases"][0], release]}


def test_a_package_sent_as_a_file_adds_its_contract_linked_by_company_number(procurement_a, council_a):
    ours = make_supplier(council_a, "Sparkle Cleaning (UK) Limited", company_number="01234567")
    upload = SimpleUploadedFile("package.json", json.dumps(PACKAGE).encode(), content_type="application/json")
    response = _api(procurement_a).post(URL, {"file": upload})
    assert response.status_code == 201, response.json()
    body = response.json()
    assert [(row["title"], row["supplier"]) for row in body["contracts_added"]] == [("Office cleaning", str(ours.uuid))]
    assert (body["suppliers_added"], body["already_held"]) == ([], 0)
    contract = Contract.objects.get()
    assert (contract.ocid, contract.supplier) == ("ocds-b5fd17-example-1", ours)


def test_the_same_package_as_a_json_body_is_held_not_added_twice(procurement_a):
    client = _api(procurement_a)
    first = client.post(URL, PACKAGE, format="json")
    assert first.status_code == 201
    assert [row["name"] for row in first.json()["suppliers_added"]] == ["Sparkle Cleaning Ltd"]
    again = client.post(URL, PACKAGE, format="json").json()
    assert (again["contracts_added"], again["already_held"]) == ([], 1)
    assert Contract.objects.count() == 1 and Supplier.objects.count() == 1


def test_a_bad_release_names_its_problem_by_release_and_saves_nothing(procurement_a):
    client = _api(procurement_a)
    response = client.post(URL, _with_release(awards="not a list"), format="json")
    assert response.status_code == 400
    body = response.json()
    assert body["package"][0].startswith("The file cannot be imported")
    assert any(line.startswith("Release 2: awards") for line in body["package"][1:])
    assert body["problems"][0]["release"] == 2
    assert not Contract.objects.exists() and not Supplier.objects.exists()


def test_a_file_that_is_not_json_is_named_by_its_line_and_no_file_is_named_as_the_form_does(procurement_a):
    client = _api(procurement_a)
    broken = SimpleUploadedFile("package.json", b'{\n  "releases": [\n    oops\n  ]\n}')
    response = client.post(URL, {"file": broken})
    assert response.status_code == 400 and response.json()["file"][1].startswith("Line 3: not JSON")
    assert response.json()["problems"][0]["line"] == 3
    missing = client.post(URL, {})
    assert missing.status_code == 400 and missing.json() == {"file": ["Select an OCDS release package"]}
    assert not Contract.objects.exists()


def test_other_roles_tokens_and_organisations_are_refused(procurement_a, contract_manager_a, frontline_a, councillor_a):
    assert _api(contract_manager_a).post(URL, PACKAGE, format="json").status_code == 201  # keeps contracts
    assert _api(frontline_a).post(URL, PACKAGE, format="json").status_code == 403
    assert _api(councillor_a).post(URL, PACKAGE, format="json").status_code == 403
    reader = token_client(procurement_a, scope="read", modules=(Module.SUPPLIERS,))
    assert reader.post(URL, PACKAGE, format="json").status_code == 403
    other_module = token_client(procurement_a, modules=(Module.STATEMENTS,))
    assert other_module.post(URL, PACKAGE, format="json").status_code == 403
    writer = token_client(procurement_a, modules=(Module.SUPPLIERS,))
    assert writer.post(URL, PACKAGE, format="json").status_code == 201
    assert Contract.objects.count() == 1
