import csv
import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tackle.audit.models import AuditEvent
from tackle.cases.models import NrmEventKind, NrmOutcome
from tackle.cases.services.nrm import nrm_event_record
from tackle.core.disclosure import WITHHELD, Audience, default_disclosure
from tackle.reporting.selectors import Table, figures_tables, protect_tables

LONDON = ZoneInfo("Europe/London")
pytestmark = pytest.mark.django_db


def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 10, tzinfo=LONDON)


def table(tables, key):
    return next(t for t in tables if t.key == key)


@pytest.fixture
def recorded(record_concern, frontline_a, lead_a, lead_b):
    """Council A: three concerns in Q1 2025-26, one in Q3; an adult NRM referral with decisions,
    a child referral, a Duty to Notify. Council B: one concern that must never count for A."""
    adult = record_concern(
        frontline_a, encountered_at=at(date(2025, 5, 2)), age=30, nationality="Albanian", exploitation_types=["labour"]
    )
    child = record_concern(
        frontline_a,
        encountered_at=at(date(2025, 6, 3)),
        age=15,
        nationality="Vietnamese",
        exploitation_types=["criminal"],
    )
    dtn = record_concern(frontline_a, encountered_at=at(date(2025, 6, 20)), age=40, nationality="Albanian")
    record_concern(frontline_a, encountered_at=at(date(2025, 11, 5)), exploitation_types=["labour", "criminal"])
    record_concern(lead_b, encountered_at=at(date(2025, 5, 2)))
    nrm_event_record(case=adult, actor=lead_a, kind=NrmEventKind.REFERRAL_SENT, occurred_on=date(2025, 5, 3))
    nrm_event_record(
        case=adult,
        actor=lead_a,
        kind=NrmEventKind.RG_DECISION,
        occurred_on=date(2025, 5, 10),
        outcome=NrmOutcome.POSITIVE,
    )
    nrm_event_record(
        case=adult,
        actor=lead_a,
        kind=NrmEventKind.CG_DECISION,
        occurred_on=date(2025, 10, 1),
        outcome=NrmOutcome.SLAVERY,
    )
    nrm_event_record(case=child, actor=lead_a, kind=NrmEventKind.REFERRAL_SENT, occurred_on=date(2025, 7, 1))
    nrm_event_record(case=dtn, actor=lead_a, kind=NrmEventKind.DUTY_TO_NOTIFY_SENT, occurred_on=date(2025, 6, 21))
    return lead_a


def test_counts_by_quarter_come_from_the_records(recorded):
    tables = figures_tables(organisation_id=recorded.organisation_id, first_year=2025, last_year=2025)
    assert table(tables, "concerns").rows == [
        ("Concerns recorded", [3, 0, 1, 0, 4]),
        ("Potential victims identified (people)", [3, 0, 1, 0, 4]),
    ]
    referrals = dict(table(tables, "referrals").rows)
    assert referrals["Adult"] == [1, 0, 0, 0, 1]
    assert referrals["Child"] == [0, 1, 0, 0, 1]
    assert dict(table(tables, "duty_to_notify").rows)["Duty to Notify sent"] == [1, 0, 0, 0, 1]
    decisions = dict(table(tables, "decisions").rows)
    assert decisions["Reasonable grounds: positive"] == [1, 0, 0, 0, 1]
    assert decisions["Conclusive grounds: slavery or forced labour"] == [0, 0, 1, 0, 1]
    exploitation = dict(table(tables, "exploitation").rows)
    assert exploitation["Labour"] == [1, 0, 0, 0, 1]
    assert exploitation["Labour & Criminal"] == [0, 0, 1, 0, 1]
    assert exploitation["Not specified or unknown"] == [1, 0, 0, 0, 1]
    nationalities = table(tables, "nationalities").rows
    assert nationalities[0] == ("Albanian", [2, 0, 0, 0, 2])


def test_counts_by_year(recorded):
    tables = figures_tables(organisation_id=recorded.organisation_id, first_year=2024, last_year=2025, by="year")
    concerns = table(tables, "concerns")
    assert concerns.columns == ["2024-25", "2025-26", "Total"]
    assert concerns.rows[0] == ("Concerns recorded", [0, 4, 4])


COUNCILLORS = default_disclosure(Audience.COUNCILLORS)


def test_suppression_withholds_one_to_four_and_keeps_zero(recorded):
    tables = figures_tables(organisation_id=recorded.organisation_id, first_year=2025, last_year=2025)
    [masked] = protect_tables([table(tables, "concerns")], COUNCILLORS)
    assert masked.rows[0] == ("Concerns recorded", ["fewer than 5", 0, "fewer than 5", 0, "fewer than 5"])


def test_a_withheld_exploitation_count_cannot_be_worked_out_from_the_concerns_row():
    """Sexual 2 in Q1 beside 12 concerns: Labour's 10 would give it away, and Labour's total 18 beside
    20 concerns would give away Sexual's total, so both of Labour's are withheld too."""
    columns = ["Q1", "Q2", "Total"]
    concerns = Table("concerns", "Concerns", "Concerns", columns, [("Concerns recorded", [12, 8, 20])])
    exploitation = Table(
        "exploitation",
        "By type",
        "Type",
        columns,
        [("Labour", [10, 8, 18]), ("Sexual", [2, 0, 2])],
        adds_up_to="concerns",
    )
    shown = dict(protect_tables([concerns, exploitation], COUNCILLORS)[1].rows)
    assert shown == {"Labour": [WITHHELD, 8, WITHHELD], "Sexual": ["fewer than 5", 0, "fewer than 5"]}


def test_publication_uses_the_public_threshold_the_organisation_sets(recorded, client_for):
    from tackle.accounts.services import organisation_settings_of

    query = {"first_year": 2025, "last_year": 2025, "by": "year", "publication": "on"}
    page = client_for(recorded).get(reverse("reporting:figures"), query)
    assert page.context["figures"].tables[0].rows[0][1] == ["fewer than 10", "fewer than 10"]
    assert "Any count from 1 to 9" in page.content.decode()
    row = organisation_settings_of(recorded.organisation)
    row.figures_threshold_councillors = row.figures_threshold_public = 3
    row.figures_rounded_for_public = True
    row.save()
    page = client_for(recorded).get(reverse("reporting:figures"), query)
    assert page.context["figures"].tables[0].rows[0][1] == [5, 5]  # 4 concerns, rounded to the nearest 5
    assert "rounded to the nearest 5" in page.content.decode()


def test_lead_sees_exact_figures_and_can_ask_for_publication(recorded, client_for):
    client = client_for(recorded)
    url = reverse("reporting:figures")
    page = client.get(url, {"first_year": 2025, "last_year": 2025, "by": "quarter"})
    assert page.status_code == 200
    assert 'data-testid="suppression-notice"' not in page.content.decode()
    assert page.context["figures"].tables[0].rows[0][1] == [3, 0, 1, 0, 4]
    published = client.get(url, {"first_year": 2025, "last_year": 2025, "by": "quarter", "publication": "on"})
    assert published.context["figures"].suppressed
    assert 'data-testid="suppression-notice"' in published.content.decode()
    assert "<svg" in page.content.decode() and "style=" not in page.content.decode().split("<main")[1]
    assert AuditEvent.objects.filter(object_type="reporting.figures").count() == 2


def test_each_table_says_how_it_is_counted_on_the_page(recorded, client_for):
    page = client_for(recorded).get(reverse("reporting:figures"), {"first_year": 2025, "last_year": 2025})
    text = page.content.decode()
    for key in ("concerns", "referrals", "duty_to_notify", "decisions", "exploitation", "nationalities"):
        assert f'data-testid="definition-{key}"' in text, key
    assert "an encounter with four people is four" in text
    assert 'data-testid="definition-training"' in text or 'data-testid="training-not-recorded"' in text


def test_councillor_always_gets_suppressed_figures(recorded, councillor_a, client_for):
    page = client_for(councillor_a).get(
        reverse("reporting:figures"), {"first_year": 2025, "last_year": 2025, "by": "quarter"}
    )
    assert page.status_code == 200
    assert page.context["figures"].suppressed
    assert page.context["figures"].tables[0].rows[0][1][0] == "fewer than 5"


def test_frontline_officer_is_refused(frontline_a, client_for):
    client = client_for(frontline_a)
    for name in ("reporting:figures", "reporting:figures-csv", "reporting:figures-xlsx"):
        assert client.get(reverse(name)).status_code == 403


def test_another_council_sees_none_of_council_a(recorded, lead_b, client_for):
    page = client_for(lead_b).get(
        reverse("reporting:figures"), {"first_year": 2025, "last_year": 2025, "by": "quarter"}
    )
    assert page.context["figures"].tables[0].rows[0][1] == [1, 0, 0, 0, 1]


def test_csv_and_xlsx_exports_are_audited_and_suppressed_for_councillors(recorded, councillor_a, client_for):
    client = client_for(councillor_a)
    query = {"first_year": 2025, "last_year": 2025, "by": "quarter"}
    response = client.get(reverse("reporting:figures-csv"), query)
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Table", "Row", "Period", "Count", "How this is counted"]
    concerns = next(row for row in rows if row[1:3] == ["Concerns recorded", "Q1 2025-26"])
    assert concerns[3] == "fewer than 5" and concerns[4].startswith("Concerns recorded: every concern first seen")
    assert rows[-1][0] == "Small numbers" and "fewer than 5" in rows[-1][4]
    response = client.get(reverse("reporting:figures-xlsx"), query)
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook["concerns"]["B2"].value == "fewer than 5"
    assert AuditEvent.objects.filter(object_type="reporting.figures", action="export").count() == 2


def test_years_in_the_wrong_order_are_an_error(lead_a, client_for):
    page = client_for(lead_a).get(reverse("reporting:figures"), {"first_year": 2025, "last_year": 2024, "by": "year"})
    assert page.status_code == 200
    assert "The last financial year must be the same as or after the first" in page.content.decode()


def test_operations_and_supply_chain_risk_are_counted_in_their_periods(lead_a, lead_b, make_user):
    from decimal import Decimal

    from tackle.core.roles import Role
    from tackle.disrupt.models import Operation, OperationOutcome
    from tackle.suppliers.models import Contract, ContractTier, Supplier, TenderBid, TenderCheck

    safety = make_user(Role.COMMUNITY_SAFETY_MANAGER, lead_a.organisation)

    def operation(organisation, on, **outcome):
        held = Operation.objects.create(
            organisation=organisation,
            created_by=safety,
            name="Op",
            kind="planned",
            objective="Visit",
            operation_date=on,
            lead_agency="Council",
        )
        if outcome:
            OperationOutcome.objects.create(operation=held, recorded_by=safety, people_encountered=9, **outcome)

    operation(lead_a.organisation, date(2025, 5, 2), victims_adult=4, victims_child=1, arrests_modern_slavery=2)
    operation(lead_a.organisation, date(2025, 11, 20))  # no outcome yet: held, nothing found
    operation(lead_b.organisation, date(2025, 5, 3), victims_adult=7)  # another council's

    supplier = Supplier.objects.create(organisation=lead_a.organisation, name="Shine Cleaning Ltd")

    def contract(on, tier):
        return Contract.objects.create(
            organisation=lead_a.organisation,
            supplier=supplier,
            title="Cleaning",
            category="Cleaning",
            value=Decimal("100000"),
            start_on=on,
            end_on=date(2028, 1, 1),
            tier=tier,
        )

    contract(date(2025, 4, 10), ContractTier.HIGH_RISK)
    contract(date(2025, 7, 1), ContractTier.STANDARD)
    check = TenderCheck.objects.create(organisation=lead_a.organisation, lot="Lot 1", threshold=Decimal("0.7"))
    TenderCheck.objects.filter(pk=check.pk).update(created_at=at(date(2025, 6, 1)))
    TenderBid.objects.create(check_run=check, line=2, bidder="A", price=Decimal("10"), flags=["far_below_median"])
    TenderBid.objects.create(check_run=check, line=3, bidder="B", price=Decimal("90"), flags=[])

    tables = figures_tables(organisation_id=lead_a.organisation_id, first_year=2025, last_year=2025, by="quarter")
    operations = dict(table(tables, "operations").rows)
    assert operations["Operations held"] == [1, 0, 1, 0, 2]
    assert operations["Potential victims: adults"] == [4, 0, 0, 0, 4]
    assert operations["Potential victims: children"] == [1, 0, 0, 0, 1]
    assert operations["Arrests: modern slavery offences"] == [2, 0, 0, 0, 2]
    supply = dict(table(tables, "supply_chain").rows)
    assert supply["Contracts starting"] == [1, 1, 0, 0, 2]
    assert supply["of which high value, high risk or business critical"] == [1, 0, 0, 0, 1]
    assert supply["Tender bids flagged as abnormally low"] == [1, 0, 0, 0, 1]


def test_a_training_session_on_1_april_is_counted_in_the_year_it_starts_only(lead_a):
    """It used to count in two years: the year before was read to the next 1 April inclusive."""
    from tackle.reporting.selectors import figures_for_user
    from tackle.training.models import TrainingSession
    from tackle.training.tests.factories import make_course

    course = make_course(lead_a.organisation)
    for held_on, external in ((date(2026, 3, 31), 2), (date(2026, 4, 1), 5)):
        TrainingSession.objects.create(
            organisation=lead_a.organisation,
            course=course,
            held_on=held_on,
            attendee_count=9,
            external_attendee_count=external,
        )
    figures = figures_for_user(lead_a, first_year=2025, last_year=2026, by="year")
    assert figures.training == [("2025-26", "1", "9"), ("2026-27", "1", "9")]  # the attendees


def test_every_figure_counts_31_march_in_the_year_ending_and_1_april_in_the_next(
    record_concern, frontline_a, lead_a, make_user
):
    """One of everything the page counts, late on 31 March and just after midnight on 1 April (London;
    still 31 March in UTC): every row must read the same in both years and twice in the total."""
    from decimal import Decimal

    from tackle.core.roles import Role
    from tackle.disrupt.models import Operation, OperationOutcome
    from tackle.reporting.selectors import figures_for_user
    from tackle.suppliers.models import Contract, ContractTier, Supplier, SupplierAssessment, TenderBid, TenderCheck
    from tackle.training.models import TrainingSession
    from tackle.training.tests.factories import make_course

    organisation = lead_a.organisation
    safety = make_user(Role.COMMUNITY_SAFETY_MANAGER, organisation)
    supplier = Supplier.objects.create(organisation=organisation, name="Shine Cleaning Ltd")
    course = make_course(organisation)
    moments = (datetime(2026, 3, 31, 23, 55, tzinfo=LONDON), datetime(2026, 4, 1, 0, 30, tzinfo=LONDON))
    for moment in moments:
        day = moment.date()
        adult = record_concern(frontline_a, encountered_at=moment, age=30, nationality="Albanian")
        child = record_concern(frontline_a, encountered_at=moment, age=15, exploitation_types=["criminal"])
        refused = record_concern(frontline_a, encountered_at=moment, age=40)
        for case, kind, outcome in (
            (adult, NrmEventKind.REFERRAL_SENT, ""),
            (adult, NrmEventKind.RG_DECISION, NrmOutcome.POSITIVE),
            (adult, NrmEventKind.CG_DECISION, NrmOutcome.SLAVERY),
            (child, NrmEventKind.REFERRAL_SENT, ""),
            (child, NrmEventKind.RG_DECISION, NrmOutcome.NEGATIVE),
            (refused, NrmEventKind.DUTY_TO_NOTIFY_SENT, ""),
        ):
            nrm_event_record(case=case, actor=lead_a, kind=kind, occurred_on=day, outcome=outcome)
        operation = Operation.objects.create(
            organisation=organisation,
            created_by=safety,
            name="Op",
            kind="planned",
            objective="Visit",
            operation_date=day,
            lead_agency="Council",
        )
        OperationOutcome.objects.create(
            operation=operation,
            recorded_by=safety,
            people_encountered=9,
            victims_adult=2,
            victims_child=1,
            arrests_modern_slavery=1,
        )
        contract = Contract.objects.create(
            organisation=organisation,
            supplier=supplier,
            title="Cleaning",
            category="Cleaning",
            value=Decimal("100000"),
            start_on=day,
            end_on=date(2028, 1, 1),
            tier=ContractTier.HIGH_RISK,
        )
        SupplierAssessment.objects.create(contract=contract, due_on=day, completed_on=day, outcome="satisfactory")
        check = TenderCheck.objects.create(organisation=organisation, lot="Lot 1", threshold=Decimal("0.7"))
        TenderCheck.objects.filter(pk=check.pk).update(created_at=moment)
        TenderBid.objects.create(check_run=check, line=2, bidder="A", price=Decimal("10"), flags=["far_below_median"])
        TrainingSession.objects.create(organisation=organisation, course=course, held_on=day, attendee_count=12)

    tables = figures_tables(organisation_id=organisation.pk, first_year=2025, last_year=2026, by="year")
    uneven = {
        (found.key, label): values
        for found in tables
        for label, values in found.rows
        if not (values[0] == values[1] and values[2] == 2 * values[0])
    }
    assert uneven == {}
    counted = {(found.key, label) for found in tables for label, values in found.rows if values[0]}
    assert len(counted) >= 20  # every kind of record above reached a row
    assert dict(table(tables, "concerns").rows)["Potential victims identified (people)"] == [3, 3, 6]
    training = figures_for_user(lead_a, first_year=2025, last_year=2026, by="year").training
    assert training == [("2025-26", "1", "12"), ("2026-27", "1", "12")]


def test_a_control_character_in_a_nationality_does_not_break_the_xlsx(record_concern, frontline_a, lead_a, client_for):
    record_concern(frontline_a, encountered_at=at(date(2025, 5, 2)), nationality="Alban\x0bian")
    response = client_for(lead_a).get(reverse("reporting:figures-xlsx"), {"first_year": 2025, "last_year": 2025})
    assert response.status_code == 200
    nationalities = [row[0] for row in load_workbook(io.BytesIO(response.content))["nationalities"].iter_rows()]
    assert "Albanian" in [cell.value for cell in nationalities]


def test_support_outcomes_are_totalled_across_cases_and_withheld_for_councillors(
    record_concern, frontline_a, lead_a, councillor_a, client_for
):
    from tackle.cases.services.support import outcome_scores_record, support_phase_start

    for n in range(7):
        case = record_concern(frontline_a, encountered_at=at(date(2025, 5, 2)), age=30)
        support_phase_start(case=case, actor=lead_a, phase="immediate", started_on=date(2025, 5, 2))
        outcome_scores_record(case=case, actor=lead_a, assessed_on=date(2025, 5, 3), scores={"risk_of_harm": 2})
        if n < 2:  # two of them have moved on and improved
            support_phase_start(case=case, actor=lead_a, phase="short_term", started_on=date(2025, 6, 1))
            outcome_scores_record(case=case, actor=lead_a, assessed_on=date(2025, 6, 2), scores={"risk_of_harm": 4})
    query = {"first_year": 2025, "last_year": 2025, "by": "year"}
    tables = {t.key: t for t in client_for(lead_a).get(reverse("reporting:figures"), query).context["figures"].tables}
    assert dict(tables["support_scored"].rows)["Risk of harm"] == [7, 2, 0, 0, 0, 7]
    assert dict(tables["support_improved"].rows)["Risk of harm"] == [0, 2, 0, 0, 0, 2]
    page = client_for(councillor_a).get(reverse("reporting:figures"), query)
    tables = {t.key: t for t in page.context["figures"].tables}
    assert dict(tables["support_scored"].rows)["Risk of harm"] == [7, "fewer than 5", 0, 0, 0, 7]
    assert dict(tables["support_improved"].rows)["Risk of harm"][1] == "fewer than 5"
    assert 'data-testid="definition-support_scored"' in page.content.decode()


def test_a_withheld_quarter_cannot_be_worked_out_from_its_year_on_the_yearly_view():
    """By quarter alone, 2 in Q4 2024-25 would be withheld with 15 in Q1 2025-26 (the smallest beside
    it in the row); but the yearly view shows 2024-25 as 62, and 62 - 20 - 20 - 20 = 2. Protected
    together, another 2024-25 count (or the year) is withheld too."""
    from tackle.core.disclosure import Disclosure, Line
    from tackle.core.tests.test_disclosure import worked_out_by_a_reader
    from tackle.reporting.selectors import protect_views

    quarters = [f"Q{n} {year}" for year in ("2024-25", "2025-26") for n in range(1, 5)]
    quarterly = [
        Table("concerns", "C", "C", [*quarters, "Total"], [("Concerns", [20, 20, 20, 2, 15, 20, 20, 20, 137])])
    ]
    yearly = [Table("concerns", "C", "C", ["2024-25", "2025-26", "Total"], [("Concerns", [62, 75, 137])])]
    public = Disclosure("public", 10)
    [alone] = protect_tables(quarterly, public)
    assert alone.rows[0][1][3] == "fewer than 10" and alone.rows[0][1][4] == WITHHELD  # the gap the year opens
    (by_quarter,), (by_year,) = protect_views(quarterly, yearly, public)
    shown = {("q", c): v for c, v in enumerate(by_quarter.rows[0][1])} | {
        ("y", c): v for c, v in enumerate(by_year.rows[0][1])
    }
    lines = [
        Line(tuple(("q", c) for c in range(8)), ("q", 8)),
        Line((("y", 0), ("y", 1)), ("y", 2)),
        Line(tuple(("q", c) for c in range(4)), ("y", 0)),
        Line(tuple(("q", c) for c in range(4, 8)), ("y", 1)),
        Line((("q", 8),), ("y", 2)),
    ]
    assert shown[("q", 3)] == "fewer than 10"
    assert worked_out_by_a_reader(shown, lines) == set()
