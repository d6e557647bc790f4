import csv
import io
import re
import zipfile
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tackle.core.errors import ApplicationError
from tackle.core.uploads import UploadError
from tackle.statement_reader.models import RegistryStatement
from tackle.statement_reader.registry import CLAIM_COLUMNS, MAX_REGISTRY_BYTES, name_key, registry_import
from tackle.statement_reader.selectors import registry_history_for_supplier, registry_rows_for_supplier
from tackle.statement_reader.services import statement_read
from tackle.statement_reader.tests.factories import local_server, statement_text
from tackle.suppliers.models import Supplier

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry_header(shared_data) -> list[str]:
    """The registry's columns, in order, as the shared reference describes them."""
    text = (shared_data / "reference" / "registry_columns.md").read_text()
    listing = re.search(r"Columns, in order:(.*?)Known quirks", text, re.S)[1]
    listing = listing.replace("and in the live file also", "").replace("\n", " ")
    columns: list[str] = []
    for part in (piece.strip().rstrip(".") for piece in listing.split(",")):
        if part.startswith("the same seven for"):
            risk1 = [column for column in columns if column.startswith("Risk1")]
            columns += [column.replace("Risk1", f"Risk{n}") for n in (2, 3) for column in risk1]
        elif part:
            columns.append(part)
    assert columns[:2] == ["StatementYear", "OrganisationName"] and "PDFDate" in columns
    return columns


def _csv(header: list[str], rows: list[dict[str, str]], encoding: str = "utf-8-sig") -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({column: row.get(column, "") for column in header})
    return buffer.getvalue().encode(encoding)


def _row(name: str, **values: str) -> dict[str, str]:
    return {
        "StatementYear": "2024",
        "OrganisationName": name,
        "StatementSummaryURL": f"https://registry.example/summary/{name_key(name).replace(' ', '-')}",
        "StatementStartDate": "01/04/2023",
        "StatementEndDate": "31/03/2024",
        **values,
    }


@pytest.fixture
def registry_file(registry_header) -> bytes:
    group_url = "https://registry.example/summary/group-1"
    return _csv(
        registry_header,
        [
            _row(  # lines 2-5: multi-line address and policies; company number lost its leading zero
                "EXAMPLE WIDGETS LIMITED",
                CompanyNumber="1234567",
                Address="1 High Street\nLeeds\nLS1 1AA",
                Policies="Code of conduct\nWhistleblowing",
                StatementIncludesOrgStructure="Yes",
                StatementIncludesPolicies="Yes",
                StatementIncludesRisksAssessment="Yes",
                StatementIncludesTraining="Yes",
                StatementIncludesGoals="Yes",
                ApprovingPerson="Jane Doe",
                DateApproved="2024-06-30T00:00:00",
            ),
            _row("Group Parent plc", StatementSummaryURL=group_url, GroupSubmission="Yes"),  # line 6
            _row("Group Child Ltd", StatementSummaryURL=group_url, GroupSubmission="Yes"),  # line 7: same URL
            _row("12345"),  # line 8: a name that is a number
            _row("Bad Year Ltd", StatementYear="20x4"),  # line 9
            _row("Bad Date Ltd", StatementStartDate="31/02/2023"),  # line 10
            _row("Group Child Ltd", StatementSummaryURL=group_url),  # line 11: repeats line 7
            _row("Odd Flag Ltd", StatementIncludesTraining="Maybe"),  # line 12
            _row("Trading Name Co", CompanyNumber=""),  # line 13: matched through a supplier's other name
        ],
    )


def test_import_keeps_good_rows_and_reports_bad_ones_by_line(registry_file, supplier_a):
    result = registry_import(data=registry_file)
    assert result.saved == 5 and result.years == [2024]
    assert [(reject.line, reject.reason) for reject in result.rejects] == [
        (9, "StatementYear '20x4' is not a year"),
        (10, "StatementStartDate: '31/02/2023' is not a date"),
        (11, "Repeats line 7 (same statement and organisation)"),
        (12, "StatementIncludesTraining must be Yes or empty, not 'Maybe'"),
    ]
    widgets = RegistryStatement.objects.get(organisation_name="EXAMPLE WIDGETS LIMITED")
    assert widgets.company_number == "01234567" and widgets.includes_policies and not widgets.includes_due_diligence
    assert widgets.date_approved.isoformat() == "2024-06-30"
    assert RegistryStatement.objects.filter(summary_url__endswith="group-1").count() == 2
    assert result.linked == 1


def test_reimporting_a_year_replaces_it(registry_file):
    registry_import(data=registry_file)
    registry_import(data=registry_file)
    assert RegistryStatement.objects.count() == 5


def test_a_failed_import_changes_nothing(registry_file, monkeypatch):
    registry_import(data=registry_file)

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(RegistryStatement.objects, "bulk_create", explode)
    with pytest.raises(RuntimeError):
        registry_import(data=registry_file)
    assert RegistryStatement.objects.count() == 5


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"Name,Colour\nAcme,red\n", "not a registry download: no column StatementYear"),
        (b"\x00\x01\x02", "must be a CSV file saved as UTF-8 or Windows-1252"),
    ],
)
def test_a_file_that_is_not_the_registry_is_refused(data, message):
    with pytest.raises(ApplicationError, match=message):
        registry_import(data=data)
    assert not RegistryStatement.objects.exists()


def test_a_file_saved_as_windows_1252_is_read(registry_header):
    data = _csv(registry_header, [_row("Café Société Ltd", CompanyNumber="")], encoding="cp1252")
    result = registry_import(data=data)
    assert (result.saved, result.rejects) == (1, [])
    assert RegistryStatement.objects.get().organisation_name == "Café Société Ltd"


def test_a_zip_bomb_is_refused_as_too_large_when_unpacked():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (64 * 1024 * 1024))
    with pytest.raises(UploadError, match=r"^The file unpacks to more than [\d.]+ [KM]B; it cannot be read$"):
        registry_import(data=buffer.getvalue())
    assert not RegistryStatement.objects.exists()


def test_a_file_over_200_mb_is_refused():
    with pytest.raises(UploadError, match="The file must be smaller than 200 MB"):
        registry_import(data=b"StatementYear\n" + b" " * MAX_REGISTRY_BYTES)
    assert not RegistryStatement.objects.exists()


def test_names_are_normalised_for_matching():
    assert name_key("The Example Widgets (UK) Limited") == name_key("example widgets uk ltd") == "example widgets uk"
    assert name_key("Smith & Sons PLC") == "smith and sons"


def test_supplier_is_linked_by_number_or_by_name(registry_file, council_a, supplier_a):
    registry_import(data=registry_file)
    by_name = Supplier.objects.create(organisation=council_a, name="Group Child Limited")
    by_other_name = Supplier.objects.create(organisation=council_a, name="Real Name Ltd", other_names=["Trading Name"])
    numeric = Supplier.objects.create(organisation=council_a, name="12345")
    assert [row.organisation_name for row in registry_rows_for_supplier(supplier_a)] == ["EXAMPLE WIDGETS LIMITED"]
    assert [row.organisation_name for row in registry_rows_for_supplier(by_name)] == ["Group Child Ltd"]
    assert [row.organisation_name for row in registry_rows_for_supplier(by_other_name)] == ["Trading Name Co"]
    assert not registry_rows_for_supplier(numeric).exists()


def test_claims_that_disagree_with_our_reading_are_flagged(registry_file, buyer_a, supplier_a, fake_labeller):
    registry_import(data=registry_file)
    statement_read(actor=buyer_a, supplier=supplier_a, data=statement_text().encode(), file_name="w.txt")
    [year] = registry_history_for_supplier(supplier_a)
    flagged = {check.area: (check.claimed, check.ours) for check in year.checks if check.disagrees}
    assert flagged == {
        "due_diligence": (False, True),
        "effectiveness_kpis": (True, False),
        "training": (True, False),  # only promised in the statement
    }
    assert [check.area for check in year.checks if check.promised] == ["training"]


def test_registry_page_shows_the_history_and_flags(client_for, buyer_a, supplier_a, registry_file, fake_labeller):
    registry_import(data=registry_file)
    statement_read(actor=buyer_a, supplier=supplier_a, data=statement_text().encode(), file_name="w.txt")
    page = client_for(buyer_a).get(f"/statement-reader/suppliers/{supplier_a.uuid}/registry").content.decode()
    assert "3 disagreements" in page and "Jane Doe" in page and "Only promised" in page


def test_command_imports_a_file(tmp_path, registry_file):
    path = tmp_path / "StatementSummaries2024.csv"
    path.write_bytes(registry_file)
    out = StringIO()
    call_command("registry", "import", str(path), stdout=out)
    assert "Imported 5 rows for 2024 (0 linked to suppliers); rejected 4 lines." in out.getvalue()
    assert "Line 9: StatementYear '20x4' is not a year" in out.getvalue()


def test_command_downloads_the_year_from_the_configured_address(tmp_path, registry_file, settings):
    (tmp_path / "StatementSummaries2024.csv").write_bytes(registry_file)
    with local_server(tmp_path) as base:
        settings.REGISTRY_DOWNLOAD_URL = f"{base}/StatementSummaries{{year}}.csv"
        out = StringIO()
        call_command("registry", "import", "--year", "2024", stdout=out)
        with pytest.raises(CommandError, match="answered 404"):
            call_command("registry", "import", "--year", "2023", stdout=StringIO())
    assert "Imported 5 rows for 2024" in out.getvalue()
    assert RegistryStatement.objects.count() == 5


def test_command_refuses_rows_of_another_year_when_a_year_is_given(tmp_path, registry_file):
    path = tmp_path / "s.csv"
    path.write_bytes(registry_file)
    out = StringIO()
    call_command("registry", "import", str(path), "--year", "2023", stdout=out)
    assert "Imported 0 rows" in out.getvalue() and "is not 2023, the year asked for" in out.getvalue()


def test_command_errors_are_clear(tmp_path, settings):
    settings.REGISTRY_DOWNLOAD_URL = ""
    with pytest.raises(CommandError, match="Give the CSV file"):
        call_command("registry", "import")
    with pytest.raises(CommandError, match="Set REGISTRY_DOWNLOAD_URL"):
        call_command("registry", "import", "--year", "2024")
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("registry", "import", str(tmp_path / "missing.csv"))


def test_a_copy_with_other_column_names_is_read_by_their_synonyms_and_close_spellings():
    header = [
        "Statement year",
        "Organisaton Name",  # a slip: close enough to read, with a confidence below 1
        "Includes org structure",
        "Statement includes policies",
        "Includes risk assessment",
        "Includes due diligence",
        "Includes training",
        "Includes goals",
    ]
    data = "\r\n".join([",".join(header), "2024,Acme Widgets Ltd,Yes,Yes,,Yes,Yes,"]).encode()
    result = registry_import(data=data)
    assert (result.saved, result.rejects) == (1, [])
    saved = RegistryStatement.objects.get()
    assert (saved.organisation_name, saved.includes_training, saved.includes_risk_assessment) == (
        "Acme Widgets Ltd",
        True,
        False,
    )


def _claims_file(tmp_path) -> str:
    header = ["StatementYear", "Organisation", "Legal name", *CLAIM_COLUMNS.values()]
    path = tmp_path / "registry.csv"
    path.write_text(",".join(header) + "\r\n2024,Acme,Acme Widgets Limited,Yes,Yes,Yes,Yes,Yes,Yes\r\n")
    return str(path)


def test_map_names_the_column_over_the_guess(tmp_path):
    """'Organisation' is guessed for the organisation's name; --map takes the legal name instead,
    written either way round."""
    call_command("registry", "import", _claims_file(tmp_path), stdout=StringIO())
    assert RegistryStatement.objects.get().organisation_name == "Acme"
    for option in ("OrganisationName=Legal name", "Legal name=OrganisationName"):
        call_command("registry", "import", _claims_file(tmp_path), "--map", option, stdout=StringIO())
        assert RegistryStatement.objects.get().organisation_name == "Acme Widgets Limited"


def test_map_with_a_field_the_registry_has_not_is_one_clear_line_and_exit_status_2(tmp_path):
    with pytest.raises(CommandError) as raised:
        call_command("registry", "import", _claims_file(tmp_path), "--map", "Colour=Legal name", stdout=StringIO())
    assert raised.value.returncode == 2
    assert "FIELD one of StatementYear, OrganisationName" in str(raised.value) and "\n" not in str(raised.value)
    assert not RegistryStatement.objects.exists()


def test_the_registry_history_downloads_one_row_per_year_and_area(
    client_for, buyer_a, frontline_a, supplier_a, registry_file, fake_labeller
):
    registry_import(data=registry_file)
    statement_read(actor=buyer_a, supplier=supplier_a, data=statement_text().encode(), file_name="w.txt")
    url = f"/statement-reader/suppliers/{supplier_a.uuid}/registry"
    client = client_for(buyer_a)
    assert "download=csv" in client.get(url).content.decode()

    response = client.get(url, {"download": "csv"})

    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0] == "Year,Organisation,Area,The organisation says,Our reading,Disagrees"
    assert len(lines) == 1 + 6
    assert "2024,EXAMPLE WIDGETS LIMITED,Training,Included,Only promised,Yes" in lines
    assert "2024,EXAMPLE WIDGETS LIMITED,Due diligence,Not included,Covered,Yes" in lines
    assert client.get(url, {"download": "xlsx"})["Content-Type"].startswith("application/vnd.openxmlformats")
    assert client_for(frontline_a).get(url, {"download": "csv"}).status_code == 403
