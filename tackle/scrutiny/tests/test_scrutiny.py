import io
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from docx import Document
from pypdf import PdfReader

from tackle.audit.models import AuditEvent
from tackle.cases.models import NrmEventKind
from tackle.cases.services.nrm import nrm_event_record
from tackle.core.periods import financial_year_label
from tackle.core.tests.accessible_documents import assert_accessible_docx, assert_tagged_pdf
from tackle.scrutiny.foi import build_foi_answer
from tackle.scrutiny.models import Answer, Assessment, LeadArrangement, Spend
from tackle.scrutiny.proposals.questions import proposals_for
from tackle.scrutiny.services import assessment_answer, assessment_create
from tackle.scrutiny.themes import ANSWER_LABELS, GUIDE_COVERAGE, QUESTIONS, THEMES

LONDON = ZoneInfo("Europe/London")
pytestmark = pytest.mark.django_db


@pytest.fixture
def records(council_a, lead_a, frontline_a, record_concern):
    """Council A: a lead, spending in 2025-26, two concerns and one adult NRM referral in 2025-26."""
    LeadArrangement.objects.create(
        organisation=council_a, lead_name="Exploitation coordinator", team="Community safety",
        covers_children=True, covers_adults=True, dedicated=False, since=date(2021, 6, 1),
    )  # fmt: skip
    Spend.objects.create(organisation=council_a, financial_year="2025-26", category="posts", amount=Decimal("40000"))
    Spend.objects.create(
        organisation=council_a, financial_year="2025-26", category="emergency_accommodation", amount=Decimal("1250.50")
    )
    case = record_concern(frontline_a, encountered_at=datetime(2025, 5, 1, 10, tzinfo=LONDON), age=33)
    record_concern(frontline_a, encountered_at=datetime(2025, 8, 1, 10, tzinfo=LONDON), age=16)
    nrm_event_record(case=case, actor=lead_a, kind=NrmEventKind.REFERRAL_SENT, occurred_on=date(2025, 5, 2))
    return council_a


def test_seven_themes_with_questions_each():
    assert [t.title for t in THEMES] == [
        "Knowledge and training",
        "Strategic approach",
        "Council structures and processes",
        "Partnership working",
        "Supporting victims",
        "Procurement",
        "Awareness raising",
    ]
    assert all(len(t.questions) >= 3 for t in THEMES)
    assert len(QUESTIONS) == sum(len(t.questions) for t in THEMES)


def test_every_question_of_the_councillor_guide_is_asked_under_its_theme():
    """The guide suggests 26 questions across its seven themes: each is asked here, in that theme."""
    assert list(GUIDE_COVERAGE) == [t.key for t in THEMES]
    assert [len(keys) for keys in GUIDE_COVERAGE.values()] == [4, 3, 5, 2, 4, 6, 2]
    for theme in THEMES:
        asked = {question.key for question in theme.questions}
        assert set(GUIDE_COVERAGE[theme.key]) <= asked, theme.title


def test_foi_answer_uses_records_and_withholds_small_counts(records):
    answer = build_foi_answer(records, [2024, 2025])
    text = "\n".join(f"{item.question} {' '.join(item.answer)}" for item in answer.items)
    assert answer.years == ["2024-25", "2025-26"]
    assert "Community safety" in text
    assert "sits on top of other duties" in text
    assert "Since June 2021" in text
    assert "2025-26: £41,250.50 in all (emergency accommodation £1,250.50; posts (staff time on" in text
    # Spending was first recorded for 2025-26: the year before is not held, not nothing.
    assert "2024-25: not held. The council's records of this begin on 1 April 2025." in text
    # An FOI answer goes to the world: the public's threshold, 10 unless the council chose otherwise.
    assert "2025-26: fewer than 10 adults, 0 children." in text
    assert "No course the council records is marked as covering survivors' rights to housing" in text
    assert answer.withheld
    assert "section 40(2)" in answer.exemption and "Freedom of Information Act 2000" in answer.exemption


def test_foi_answer_without_a_lead_says_so(council_a):
    answer = build_foi_answer(council_a, [2025])
    assert answer.items[0].answer == ["No, not at present."]
    assert answer.items[1].answer[0].startswith("Not applicable: the council has no specialist lead")


def test_foi_page_and_docx_for_the_lead(records, lead_a, client_for):
    client = client_for(lead_a)
    page = client.get(reverse("scrutiny:foi"))  # every question, the last three financial years
    assert page.status_code == 200
    assert "fewer than 10" in page.content.decode()
    assert "section 40(2)" in page.content.decode()
    response = client.get(reverse("scrutiny:foi-docx"))
    assert response.status_code == 200
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Q1." in text and "fewer than 10" in text and "between 1 and 9" in text
    assert_accessible_docx(response.content, title="Freedom of Information request: modern slavery, Council A")
    questions = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert questions[0].startswith("Q1. ") and questions[-1] == "Information withheld"
    assert AuditEvent.objects.filter(object_type="scrutiny.foi").count() == 2


def test_officer_only_pages_refuse_councillors_and_frontline(records, councillor_a, frontline_a, client_for):
    for user in (councillor_a, frontline_a):
        client = client_for(user)
        for name in ("scrutiny:foi", "scrutiny:foi-docx", "scrutiny:arrangements", "scrutiny:spend"):
            assert client.get(reverse(name)).status_code == 403, (user.role, name)


def test_lead_records_spending_and_another_council_gets_404(records, lead_a, lead_b, client_for):
    client = client_for(lead_a)
    response = client.post(
        reverse("scrutiny:spend"), {"financial_year": "2024-25", "category": "training", "amount": "900", "note": ""}
    )
    assert response.status_code == 302
    spend = Spend.objects.get(financial_year="2024-25")
    assert spend.organisation == records
    bad = client.post(reverse("scrutiny:spend"), {"financial_year": "2024", "category": "training", "amount": "9"})
    assert "Enter the financial year like 2025-26" in bad.content.decode()
    other = client_for(lead_b)
    assert other.get(reverse("scrutiny:spend-edit", args=[spend.uuid])).status_code == 404
    arrangement = LeadArrangement.objects.get()
    assert other.get(reverse("scrutiny:arrangement-edit", args=[arrangement.uuid])).status_code == 404
    assert client.get(reverse("scrutiny:arrangement-edit", args=[arrangement.uuid])).status_code == 200


def test_evidence_proposals_come_from_records(records):
    proposals = proposals_for(records, 2025)
    assert proposals["strategy_lead"].answer == "yes"
    assert "Exploitation coordinator" in proposals["strategy_lead"].evidence
    assert "fewer than 5 concerns and fewer than 5 NRM referrals" in proposals["strategy_figures"].evidence
    assert proposals["victims_support"].answer == "yes"
    with translation.override("cy"):  # issue 21: the withheld counts and the note in the reader's language
        welsh = proposals_for(records, 2025)["strategy_figures"].evidence
    assert "llai na 5" in welsh and "Mae cyfrifon o 1 i 4 yn darllen" in welsh and "fewer than" not in welsh


def test_councillor_fills_an_assessment_and_sees_the_evidence(records, councillor_a, client_for):
    client = client_for(councillor_a)
    response = client.post(reverse("scrutiny:assessment-new"), {"year": "2025"})
    assessment = Assessment.objects.get()
    assert response.status_code == 302
    form = client.get(reverse("scrutiny:assessment-edit", args=[assessment.uuid]))
    assert form.status_code == 200
    assert form.context["form"].initial["strategy_lead-answer"] == "yes"
    posted = client.post(
        reverse("scrutiny:assessment-edit", args=[assessment.uuid]),
        {"strategy_lead-answer": "yes", "strategy_lead-evidence": "Coordinator named", "awareness_public-answer": "no"},
    )
    assert posted.status_code == 302
    assert Answer.objects.filter(assessment=assessment).count() == 2
    page = client.get(reverse("scrutiny:assessment-detail", args=[assessment.uuid]))
    body = page.content.decode()
    assert "Coordinator named" in body and "Tackle holds:" in body


def test_assessments_compare_side_by_side(records, lead_a, client_for):
    first = assessment_create(actor=lead_a, year=2025)
    second = assessment_create(actor=lead_a, year=2026)
    assessment_answer(assessment=first, actor=lead_a, answers={"strategy_lead": ("no", "")})
    assessment_answer(assessment=second, actor=lead_a, answers={"strategy_lead": ("yes", "Named")})
    page = client_for(lead_a).get(reverse("scrutiny:assessment-compare"))
    assert page.status_code == 200
    rows = [row for theme in page.context["themes"] for row in theme["rows"]]
    row = next(row for row in rows if row["question"].key == "strategy_lead")
    assert row["cells"] == ["No", "Yes"]


def test_report_pdf_names_every_theme(records, lead_a, client_for):
    assessment = assessment_create(actor=lead_a, year=2025)
    assessment_answer(assessment=assessment, actor=lead_a, answers={"strategy_lead": ("yes", "Coordinator named")})
    client = client_for(lead_a)
    assert client.get(reverse("scrutiny:assessment-report", args=[assessment.uuid])).status_code == 200
    response = client.get(reverse("scrutiny:assessment-report-pdf", args=[assessment.uuid]))
    assert response.status_code == 200
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    for theme in THEMES:
        assert str(theme.title) in text
    assert "Coordinator named" in text
    title = f"Scrutiny report {financial_year_label(2025)}: Council A"
    assert_tagged_pdf(response.content, title=title, tables=True)  # each theme's questions head their rows
    assert AuditEvent.objects.filter(object_id=str(assessment.uuid), action="export").exists()


def test_assessment_pages_404_for_another_council_and_403_for_frontline(
    records, lead_a, lead_b, frontline_a, client_for
):
    assessment = assessment_create(actor=lead_a, year=2025)
    names = (
        "scrutiny:assessment-detail",
        "scrutiny:assessment-edit",
        "scrutiny:assessment-report",
        "scrutiny:assessment-report-pdf",
    )
    for name in names:
        assert client_for(lead_b).get(reverse(name, args=[assessment.uuid])).status_code == 404
        assert client_for(frontline_a).get(reverse(name, args=[assessment.uuid])).status_code == 403
    for name in ("scrutiny:index", "scrutiny:assessment-compare", "scrutiny:assessment-new"):
        assert client_for(frontline_a).get(reverse(name)).status_code == 403


def test_demo_loader_is_idempotent(db):
    from tackle.accounts.demo import load as accounts_load
    from tackle.scrutiny.demo import load

    accounts_load(scale="demo")
    load(scale="demo")
    counts = (LeadArrangement.objects.count(), Spend.objects.count(), Answer.objects.count())
    load(scale="demo")
    assert (LeadArrangement.objects.count(), Spend.objects.count(), Answer.objects.count()) == counts
    assert sorted(Assessment.objects.values_list("year", flat=True)) == [2025, 2026]
    assert sorted(set(Spend.objects.values_list("financial_year", flat=True))) == ["2023-24", "2024-25", "2025-26"]
    call_command("check")


def test_sharing_agreements_and_supplier_assessments_propose_answers(council_a, council_b, lead_a, police):
    from tackle.disrupt.models import SharingAgreement
    from tackle.suppliers.models import Contract, ContractTier, Supplier, SupplierAssessment

    assert "partnership_sharing" not in proposals_for(council_a, 2025)
    SharingAgreement.objects.create(
        organisation=council_a,
        partner=police,
        title="Exploitation",
        purpose="Disruption",
        legal_basis="uk_gdpr_6_1_e",
        categories=["summaries"],
        starts_on=date(2025, 1, 1),
        expires_on=date(2026, 12, 31),
        created_by=lead_a,
    )
    SharingAgreement.objects.create(  # lapsed before the year began: not evidence for it
        organisation=council_a,
        partner=council_b,
        title="Old",
        purpose="Old",
        legal_basis="uk_gdpr_6_1_e",
        categories=["summaries"],
        starts_on=date(2023, 1, 1),
        expires_on=date(2024, 3, 31),
        created_by=lead_a,
    )
    supplier = Supplier.objects.create(organisation=council_a, name="Shine Cleaning Ltd")
    contract = Contract.objects.create(
        organisation=council_a,
        supplier=supplier,
        title="Cleaning",
        category="Cleaning",
        value=Decimal("900000"),
        start_on=date(2024, 4, 1),
        end_on=date(2028, 3, 31),
        tier=ContractTier.HIGH_RISK,
    )
    SupplierAssessment.objects.filter(contract=contract).delete()  # only the two below
    SupplierAssessment.objects.create(
        contract=contract, due_on=date(2025, 6, 1), completed_on=date(2025, 5, 20), outcome="satisfactory"
    )
    SupplierAssessment.objects.create(contract=contract, due_on=date(2026, 2, 1))

    proposals = proposals_for(council_a, 2025)
    sharing = proposals["partnership_sharing"]
    assert sharing.answer == "yes" and police.name in sharing.evidence and council_b.name not in sharing.evidence
    contracts = proposals["procurement_contracts"]
    assert contracts.answer == "partly" and contracts.evidence.startswith("1 of 2 annual supplier assessments")


def test_the_foi_answer_counts_a_training_session_on_1_april_in_one_year_only(council_a):
    """It used to count in two years: the year before was read to the next 1 April inclusive."""
    from tackle.training.models import TrainingSession
    from tackle.training.tests.factories import make_course

    TrainingSession.objects.create(
        organisation=council_a,
        course=make_course(council_a, topics=["first_responder"]),
        held_on=date(2026, 4, 1),
        attendee_count=9,
        external_attendee_count=7,
    )
    answer = build_foi_answer(council_a, [2025, 2026])
    training = next(
        item for item in answer.items if item.question.startswith("What training does the council give staff who act")
    )
    # Everyone who attended (9, of whom 7 from other organisations), and how that is counted; the
    # records begin that 1 April, so the year before is not held.
    assert training.answer[:3] == [
        "Course: Course MS-101.",
        "2025-26: not held. The council's records of this begin on 1 April 2026.",
        "2026-27: 1 session held, 9 people trained.",
    ]
    assert training.answer[3].startswith("How this is counted. People trained: everyone who attended")


def test_the_foi_answer_counts_people_identified_not_concerns_about_a_supplier(council_a, frontline_a, record_concern):
    from datetime import datetime

    from tackle.core.periods import LONDON

    when = datetime(2025, 6, 1, 10, tzinfo=LONDON)
    for _ in range(12):
        record_concern(frontline_a, encountered_at=when, age=30)
    record_concern(frontline_a, encountered_at=when, concern_about="supplier", supplier_name="Shine Ltd")
    answer = build_foi_answer(council_a, [2025])
    counts = next(item for item in answer.items if item.question.startswith("How many potential victims"))
    assert counts.answer[0] == "2025-26: 12."
    assert "an encounter with four people is four" in counts.answer[-1]


def test_the_foi_answer_withholds_what_the_published_figures_withhold(council_a, frontline_a, lead_a, record_concern):
    """Twelve adult referrals in 2024-25 and three in 2025-26: the published page by year withholds the 12
    beside the 3 (their total, 15, is shown), so the answer must not give the 12 away."""
    from datetime import datetime

    from tackle.cases.models import NrmEventKind
    from tackle.cases.services.nrm import nrm_event_record
    from tackle.core.periods import LONDON
    from tackle.reporting.selectors import figures_for_user

    for year, count in ((2024, 12), (2025, 3)):
        for _ in range(count):
            case = record_concern(frontline_a, encountered_at=datetime(year, 6, 1, 10, tzinfo=LONDON), age=30)
            nrm_event_record(case=case, actor=lead_a, kind=NrmEventKind.REFERRAL_SENT, occurred_on=date(year, 6, 2))
    published = figures_for_user(lead_a, first_year=2024, last_year=2025, by="year", publication=True)
    adults = dict(next(t for t in published.tables if t.key == "referrals").rows)["Adult"]
    assert adults == ["withheld", "fewer than 10", 15]
    answer = build_foi_answer(council_a, [2024, 2025])
    counts = next(i for i in answer.items if i.question.startswith("How many potential victims did the council refer"))
    assert counts.answer[0] == "2024-25: withheld adults, 0 children."
    assert counts.answer[1] == "2025-26: fewer than 10 adults, 0 children."


def test_the_self_assessments_download_audited_and_only_the_councils_own(
    records, lead_a, lead_b, frontline_a, client_for
):
    assessment = assessment_create(actor=lead_a, year=2025)
    assessment_answer(
        assessment=assessment, actor=lead_a, answers={next(iter(QUESTIONS)): (next(iter(ANSWER_LABELS)), "")}
    )
    assessment_create(actor=lead_b, year=2024)
    client = client_for(lead_a)
    assert "download=xlsx" in client.get(reverse("scrutiny:index")).content.decode()

    response = client.get(reverse("scrutiny:index"), {"download": "csv"})

    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0] == "Year,Started,Last changed,Questions answered"
    assert [(line.split(",")[0], line.split(",")[-1]) for line in lines[1:]] == [("2025-26", "1")]
    assert AuditEvent.objects.filter(object_type="export.assessments", actor=lead_a).exists()
    assert client_for(frontline_a).get(reverse("scrutiny:index"), {"download": "csv"}).status_code == 403
