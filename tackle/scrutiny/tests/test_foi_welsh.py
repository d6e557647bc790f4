"""An FOI answer in the language the request was made in (Welsh Language Standards, issue 21): a
council offering the Welsh service may answer in Cymraeg, page and Word document; the counts it
releases stay keyed in English, so a Welsh answer's release is an English answer's, cell for cell.
Expected Welsh is read from the catalogue under translation.override, not copied here."""

import io
from datetime import date, datetime

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext
from docx import Document
from docx.oxml.ns import qn

from tackle.accounts.models import OrganisationSettings
from tackle.core.disclosure import FEWER_THAN
from tackle.core.periods import LONDON
from tackle.reporting.models import Release
from tackle.scrutiny.foi import FOI_TITLE, FoiRequest, PeriodKind, build_foi_answer
from tackle.scrutiny.foi.request import request_periods
from tackle.scrutiny.models import LeadArrangement

pytestmark = pytest.mark.django_db
ASKED = {"kind": "calendar", "first_year": "2025", "last_year": "2025", "before_records": "not_held",
         "q1": "lead_groups", "q2": "potential_victims", "q3": "training_first_responders"}  # fmt: skip


def in_welsh(text: str, **values) -> str:
    with translation.override("cy"):
        welsh = gettext(text) % values if values else gettext(text)
    assert welsh != (text % values if values else text), f"no Welsh for {text!r}"
    return welsh


@pytest.fixture
def welsh_council(council_a, lead_a, frontline_a, record_concern):
    OrganisationSettings.objects.create(organisation=council_a, welsh_language_service=True)
    LeadArrangement.objects.create(
        organisation=council_a, lead_name="Exploitation lead", team="Adult social care", covers_children=False,
        covers_adults=True, dedicated=True, since=date(2024, 1, 8),
    )  # fmt: skip
    for _ in range(3):  # three people in 2025: "fewer than 10" to the public
        record_concern(frontline_a, encountered_at=datetime(2025, 5, 2, 10, tzinfo=LONDON), age=30)
    return council_a


def draft_of(page) -> str:
    return page.content.decode().split('data-testid="foi-draft"', 1)[1]


def test_a_welsh_answer_reads_in_welsh_on_the_page(client_for, welsh_council, lead_a):
    page = client_for(lead_a).get(reverse("scrutiny:foi"), {**ASKED, "language": "cy"})
    assert page.status_code == 200 and not page.context["form"].errors
    draft = draft_of(page)
    assert '<div lang="cy" data-testid="foi-draft">' in page.content.decode()
    question = "How many potential victims did the council identify?"
    assert in_welsh(question) in draft and question not in draft
    assert in_welsh("Adults only.") in draft and "Adults only." not in draft
    fewer = in_welsh(FEWER_THAN, threshold=10)
    assert f"2025: {fewer}." in draft and "fewer than 10" not in draft
    assert in_welsh("Information withheld") in draft  # the section 40(2) wording, headed in Welsh
    assert "section 40(2)" not in draft and "adran 40(2)" in draft


def test_a_welsh_answer_reads_in_welsh_in_the_word_document(client_for, welsh_council, lead_a):
    response = client_for(lead_a).get(reverse("scrutiny:foi-docx"), {**ASKED, "language": "cy"})
    document = Document(io.BytesIO(response.content))
    text = [p.text for p in document.paragraphs]
    assert text[0] == in_welsh(FOI_TITLE)
    assert in_welsh("Q%(number)d. %(question)s", number=1, question=in_welsh(
        "Does the lead cover both children and adults, or only one?")) in text  # fmt: skip
    assert in_welsh("Adults only.") in text and "Adults only." not in text
    assert document.core_properties.language == "cy-GB"
    assert document.styles.element.find(f"{qn('w:docDefaults')}//{qn('w:lang')}").get(qn("w:val")) == "cy-GB"


def test_the_english_answer_of_a_welsh_council_is_english_and_tagged_so(client_for, welsh_council, lead_a):
    response = client_for(lead_a).get(reverse("scrutiny:foi-docx"), {**ASKED, "language": "en-gb"})
    document = Document(io.BytesIO(response.content))
    assert "Adults only." in [p.text for p in document.paragraphs]
    assert document.core_properties.language == "en-GB"


def test_a_welsh_answer_releases_the_same_cells_as_an_english_one(client_for, welsh_council, lead_a):
    periods = request_periods(PeriodKind.CALENDAR, first_year=2025, last_year=2025)
    asked = FoiRequest(("potential_victims", "nrm_referrals"), PeriodKind.CALENDAR, periods)
    english, welsh = build_foi_answer(welsh_council, asked), build_foi_answer(welsh_council, asked, "cy")
    assert welsh.items[0].answer != english.items[0].answer  # written in Welsh ...
    assert welsh.cells == english.cells and "fewer than 10" in str(english.cells)  # ... released in English
    issued = client_for(lead_a).post(
        reverse("scrutiny:foi-issue"), {**ASKED, "q2": "", "q3": "", "q1": "potential_victims", "language": "cy"}
    )
    assert issued.status_code == 302
    release = Release.objects.get(organisation=welsh_council)
    assert release.period_label == "2025"
    assert release.cells == [cell for cell in english.cells]


def test_the_page_language_is_the_default_answer_language(client_for, welsh_council, lead_a):
    lead_a.language = "cy"
    lead_a.save()
    page = client_for(lead_a).get(reverse("scrutiny:foi"), ASKED)
    assert in_welsh("Adults only.") in draft_of(page)
    assert page.context["form"].fields["language"].initial == "cy"
    assert '<span lang="en-gb">English</span>' in page.content.decode()  # each language named in itself


def test_the_choice_is_not_offered_without_the_welsh_service(client_for, council_a, lead_a):
    LeadArrangement.objects.create(
        organisation=council_a, lead_name="Exploitation lead", covers_children=False, covers_adults=True,
        dedicated=True, since=date(2024, 1, 8),
    )  # fmt: skip
    page = client_for(lead_a).get(reverse("scrutiny:foi"), {**ASKED, "language": "cy"})
    assert "language" not in page.context["form"].fields and 'id="id_language' not in page.content.decode()
    assert "Adults only." in draft_of(page)  # a language asked for anyway is not taken


def test_a_language_not_offered_is_refused_naming_the_field(client_for, welsh_council, lead_a):
    page = client_for(lead_a).get(reverse("scrutiny:foi"), {**ASKED, "language": "fr"})
    assert page.status_code == 200 and page.context["answer"] is None
    assert page.context["form"].errors["language"] == ["Select English or Cymraeg for the language of the answer"]
    assert 'href="#id_language' in page.content.decode()  # the error summary links to the field
    issued = client_for(lead_a).post(reverse("scrutiny:foi-issue"), {**ASKED, "language": "fr"})
    assert issued.status_code == 200 and not Release.objects.exists()


def test_a_span_of_days_is_named_in_welsh_and_released_under_its_english_name(welsh_council):
    periods = request_periods(PeriodKind.DATES, starts_on=date(2025, 6, 1), ends_on=date(2025, 7, 31))
    welsh = build_foi_answer(welsh_council, FoiRequest(("potential_victims",), PeriodKind.DATES, periods), "cy")
    with translation.override("cy"):
        span = in_welsh("%(first)s to %(last)s", first=date_format(date(2025, 6, 1), "j F Y"),
                        last=date_format(date(2025, 7, 31), "j F Y"))  # fmt: skip
    assert span.startswith("1 Mehefin 2025 i 31 ") and welsh.shown_years == [span]  # June, in Welsh
    assert welsh.items[0].answer[0].startswith(f"{span}: ")
    assert welsh.years == ["1 June 2025 to 31 July 2025"]  # the release's and the audit note's name
    assert {cell[2] for cell in welsh.cells} == {"1 June 2025 to 31 July 2025"}


def test_before_a_request_is_entered_the_draft_is_in_the_pages_language(client_for, welsh_council, lead_a):
    lead_a.language = "cy"
    lead_a.save()
    page = client_for(lead_a).get(reverse("scrutiny:foi"))
    assert in_welsh("Adults only.") in draft_of(page)
