"""Scrutiny's pages in Welsh (issue 21): the self-assessment's themes and questions, the evidence
Tackle proposes and the posts table read in Welsh for a lead who chose Cymraeg in a council that
offers it; what was recorded stays as written."""

import io
from datetime import date

import pytest
from django.urls import reverse
from pypdf import PdfReader

from tackle.accounts.models import OrganisationSettings
from tackle.scrutiny.models import LeadArrangement
from tackle.scrutiny.services import assessment_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def welsh_lead_a(lead_a, council_a):
    OrganisationSettings.objects.create(organisation=council_a, welsh_language_service=True)
    lead_a.language = "cy"
    lead_a.save()
    LeadArrangement.objects.create(
        organisation=council_a, lead_name="Exploitation coordinator", team="Community safety",
        covers_children=True, covers_adults=False, dedicated=True, since=date(2021, 6, 1),
    )  # fmt: skip
    return lead_a


def test_the_self_assessment_and_its_evidence_read_in_welsh(client_for, welsh_lead_a):
    assessment = assessment_create(actor=welsh_lead_a, year=2025)
    client = client_for(welsh_lead_a)
    page = client.get(reverse("scrutiny:assessment-detail", args=[assessment.uuid])).content.decode()
    assert '<html lang="cy"' in page
    assert "Gwybodaeth a hyfforddiant" in page and "Knowledge and training" not in page  # a theme
    assert "A oes swyddog a enwir sy\u2019n arwain ar gaethwasiaeth fodern ar ran y cyngor?" in page  # a question
    # The evidence proposed for it: the post's name and team as recorded, the date in Welsh.
    assert (
        "Exploitation coordinator sy\u2019n arwain ar gaethwasiaeth fodern (Community safety) ers 1 Mehefin 2021."
        in page
    )


def test_the_posts_table_and_its_form_read_in_welsh(client_for, welsh_lead_a):
    page = client_for(welsh_lead_a).get(reverse("scrutiny:arrangements")).content.decode()
    assert "Swyddi a rolau" in page and "Teitl y swydd" in page  # the table's caption, the form's label
    assert ">Plant<" in page and "Yn parhau" in page  # covers children only; continuing
    assert "Exploitation coordinator" in page


def test_the_foi_form_offers_the_questions_in_welsh_and_the_draft_keeps_the_requesters_language(
    client_for, welsh_lead_a
):
    LeadArrangement.objects.create(
        organisation=welsh_lead_a.organisation, lead_name="", team="Housing", covers_children=False,
        covers_adults=True, dedicated=False, since=date(2019, 4, 1), ended_on=date(2021, 3, 31),
    )  # fmt: skip
    client = client_for(welsh_lead_a)
    page = client.get(reverse("scrutiny:foi")).content.decode()
    form, draft = page.split('data-testid="foi-answer"', 1)
    assert "Faint o ddioddefwyr posibl a nododd y cyngor?" in form  # How many potential victims did it identify?
    assert "Faint o ddioddefwyr posibl a nododd y cyngor?" in draft  # answered in the page's language by default
    assert "Heb ei enwi" in draft  # a post recorded without a name
    # A request made in English is answered in English, words from other modules included.
    query = {"kind": "financial", "first_year": "2020", "last_year": "2020", "before_records": "not_held",
             "q1": "potential_victims", "q2": "lead", "language": "en-gb"}  # fmt: skip
    draft = client.get(reverse("scrutiny:foi"), query).content.decode().split('data-testid="foi-answer"', 1)[1]
    assert "How many potential victims did the council identify?" in draft
    assert "Not named" in draft and "Heb ei enwi" not in draft


def test_the_scrutiny_report_pdf_is_written_in_welsh_for_a_welsh_reader(client_for, welsh_lead_a):
    assessment = assessment_create(actor=welsh_lead_a, year=2025)
    response = client_for(welsh_lead_a).get(reverse("scrutiny:assessment-report-pdf", args=[assessment.uuid]))
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Gwybodaeth a hyfforddiant" in text and "Knowledge and training" not in text
    assert str(reader.trailer["/Root"]["/Lang"]) == "cy"
