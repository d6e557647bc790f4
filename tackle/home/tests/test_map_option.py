"""`--map` on every command that imports a user's table (spend screen, tenders check, training
import, targeting rank, registry import): it names a column over the one guessed from the header,
and a field the importer does not have is one clear line and exit status 2, before anything is
read or saved."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tackle.core.roles import Role
from tackle.statement_reader.models import RegistryStatement
from tackle.statement_reader.registry import CLAIM_COLUMNS
from tackle.training.models import Completion
from tackle.training.tests.factories import make_course

pytestmark = pytest.mark.django_db


def _file(tmp_path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_spend_map_takes_the_gross_column_over_the_net_one_guessed(tmp_path):
    path = _file(tmp_path, "q1.csv", "Supplier Name,Net Amount,Gross Amount\nAcme Care Ltd,100,120\n")
    assert json.loads(_run("spend", "screen", path, "--json"))["total_amount"] == "100"
    assert json.loads(_run("spend", "screen", path, "--json", "--map", "amount=Gross Amount"))["total_amount"] == "120"


def test_tenders_map_takes_the_named_price_column_over_the_one_guessed(tmp_path):
    path = _file(
        tmp_path, "bids.csv", "Bidder,Price,Revised price\nAcme,100000,100000\nBee,98000,98000\nCee,90000,30000\n"
    )
    assert "0 of 3 bids flagged." in _run("tenders", "check", path)
    assert "1 of 3 bids flagged." in _run("tenders", "check", path, "--map", "price=Revised price")


def test_training_map_takes_the_named_date_column_over_the_one_guessed(tmp_path, make_user, council_a):
    make_user(Role.FRONTLINE_OFFICER, council_a, username="alice")
    make_course(council_a, "MS-101")
    path = _file(
        tmp_path,
        "done.csv",
        "username,course_code,completed_on,refreshed_on\nalice,MS-101,2025-03-01,2025-09-01\n",
    )
    _run("training", "import", path, "--organisation", council_a.code, "--map", "completed_on=refreshed_on")
    assert [str(day) for day in Completion.objects.values_list("completed_on", flat=True)] == ["2025-09-01"]


def test_targeting_map_takes_the_named_name_column_over_the_one_guessed(tmp_path):
    path = _file(tmp_path, "licensing.csv", "Operator,Shop,Postcode\nAcme Holdings,Acme Nails,B70 6AB\n")
    assert json.loads(_run("targeting", "rank", path, "--json"))["ranked"][0]["name"] == "Acme Holdings"
    corrected = _run("targeting", "rank", path, "--json", "--map", "licensing.csv:business_name=Shop")
    assert json.loads(corrected)["ranked"][0]["name"] == "Acme Nails"


def test_registry_map_takes_the_named_name_column_over_the_one_guessed(tmp_path):
    header = ["StatementYear", "Organisation", "Legal name", *CLAIM_COLUMNS.values()]
    path = _file(tmp_path, "registry.csv", ",".join(header) + "\n2024,Acme,Acme Widgets Limited" + ",Yes" * 6 + "\n")
    _run("registry", "import", path, "--map", "OrganisationName=Legal name")
    assert list(RegistryStatement.objects.values_list("organisation_name", flat=True)) == ["Acme Widgets Limited"]


COMMANDS = {
    "spend": (["spend", "screen"], "q1.csv", "Supplier Name,Amount\nAcme,1\n", "colour=Amount"),
    "tenders": (["tenders", "check"], "bids.csv", "Bidder,Price\nAcme,1\n", "colour=Price"),
    "training": (["training", "import"], "done.csv", "username,course_code,completed_on\n", "colour=username"),
    "targeting": (
        ["targeting", "rank"],
        "fire.csv",
        "Business name,Postcode\nAcme,B70 6AB\n",
        "fire.csv:colour=Red",
    ),
    "registry": (["registry", "import"], "registry.csv", "StatementYear,OrganisationName\n", "colour=Year"),
}


@pytest.mark.parametrize("importer", list(COMMANDS))
def test_a_field_the_importer_has_not_is_one_clear_line_and_exit_status_2(tmp_path, importer, council_a):
    command, name, text, option = COMMANDS[importer]
    extra = ["--organisation", council_a.code] if importer == "training" else []
    with pytest.raises(CommandError) as refused:
        call_command(*command, _file(tmp_path, name, text), *extra, "--map", option, stdout=StringIO())
    message = str(refused.value)
    assert refused.value.returncode == 2
    assert "\n" not in message and "colour" in message and "FIELD" in message
    assert not Completion.objects.exists() and not RegistryStatement.objects.exists()
