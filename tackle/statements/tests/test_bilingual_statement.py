"""The statement in Welsh, in English, or both side by side (issue 21), in HTML, PDF and Word: the
council's own Welsh text, each version's lang, dates the Welsh way, a missing Welsh section said to
be missing; and who may choose the languages and write the Welsh."""

import io
import re

import pypdf
import pytest
from django.urls import reverse
from docx import Document
from docx.oxml.ns import qn

from tackle.core.roles import Role
from tackle.core.tests.accessible_documents import assert_accessible_docx, assert_tagged_pdf
from tackle.statements.models import Statement, StatementSection
from tackle.statements.outputs import render_statement
from tackle.statements.services.statement import statement_details_update, statement_section_update

WELSH_POLICIES = "Mae ein polisïau yn dweud beth i'w wneud."


@pytest.fixture
def welsh_a(statement_a, lead_a) -> Statement:
    """Council A's statement in Welsh: the policies section has its Welsh version, the others none."""
    statement_details_update(statement=statement_a, actor=lead_a, details={"languages": "cy"})
    statement_section_update(
        statement=statement_a, key="policies", text="Our policies say what to do.", text_cy=WELSH_POLICIES, actor=lead_a
    )
    statement_section_update(statement=statement_a, key="supply_chains", text="We buy care.", actor=lead_a)
    statement_a.refresh_from_db()
    return statement_a


@pytest.fixture
def both_a(welsh_a, lead_a) -> Statement:
    statement_details_update(statement=welsh_a, actor=lead_a, details={"languages": "both"})
    welsh_a.refresh_from_db()
    return welsh_a


def _pdf_languages(pdf: bytes) -> list[str]:
    root = pypdf.PdfReader(io.BytesIO(pdf)).trailer["/Root"]
    found: list[str] = []

    def walk(node) -> None:  # type: ignore[no-untyped-def]
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, list):
            for kid in node:
                walk(kid)
        elif isinstance(node, dict):
            if "/Lang" in node and "/S" in node:
                found.append(str(node["/Lang"]))
            walk(node.get("/K", []))

    walk(root["/StructTreeRoot"])
    return found


def _pdf_text(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_an_english_statement_is_built_as_before(statement_a) -> None:
    html = render_statement(statement_a, "html").decode()
    assert '<html lang="en-GB">' in html and 'lang="cy"' not in html
    assert "Our policies say what to do." in html and "1 April 2025" in html


def test_a_welsh_statement_in_html_has_the_councils_welsh_text_and_welsh_dates(welsh_a) -> None:
    html = render_statement(welsh_a, "html").decode()
    assert '<html lang="cy">' in html
    assert WELSH_POLICIES.replace("'", "&#x27;") in html
    assert "Our policies say what to do." not in html  # never the English instead
    assert "1 Ebrill 2025" in html  # the period's start, Django's Welsh month name
    # The supply chains section is written in English only: the Welsh version says it is missing.
    assert 'data-missing-welsh="supply_chains"' in html and "We buy care." not in html
    # The fixed text comes from the Welsh catalogue.
    assert '<h2 class="govuk-heading-m" id="policies-cy">Polisïau</h2>' in html
    assert "Fersiwn Gymraeg ar goll" in html and "Council A: datganiad caethwasiaeth fodern 2025-2026" in html


def test_a_bilingual_statement_in_html_sets_each_column_beside_the_other_welsh_on_the_left(both_a) -> None:
    html = render_statement(both_a, "html").decode()
    columns = re.findall(r'<div class="tackle-side-by-side"><div lang="(\w+(?:-GB)?)">', html)
    assert columns and set(columns) == {"cy"}
    assert html.count('<div lang="en-GB">') == html.count('<div lang="cy">') == len(columns)
    assert html.index(WELSH_POLICIES.replace("'", "&#x27;")) < html.index("Our policies say what to do.")
    assert "1 Ebrill 2025" in html and "1 April 2025" in html
    assert 'data-missing-welsh="supply_chains"' in html and "We buy care." in html


def test_a_welsh_pdf_says_it_is_welsh_and_holds_the_welsh_text(welsh_a) -> None:
    pdf = render_statement(welsh_a, "pdf")
    assert pypdf.PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/Lang"] == "cy"
    text = _pdf_text(pdf)
    assert "polisïau" in text and "Ebrill 2025" in text and "Our policies" not in text
    assert "datganiad caethwasiaeth fodern" in text and "Polisïau" in text


def test_a_bilingual_pdf_is_tagged_and_each_column_carries_its_language(both_a) -> None:
    pdf = render_statement(both_a, "pdf")
    assert_tagged_pdf(pdf, title=_title(both_a), tables=True, language="cy")
    languages = _pdf_languages(pdf)
    assert "cy" in languages and "en-GB" in languages
    text = _pdf_text(pdf)
    assert "polisïau" in text and "Our policies say what to do." in text


def test_a_bilingual_word_file_has_the_welsh_version_first_then_the_english_each_in_its_language(both_a) -> None:
    docx = render_statement(both_a, "docx")
    assert_accessible_docx(docx, title=_title(both_a), language="cy-GB")
    paragraphs = Document(io.BytesIO(docx)).paragraphs
    texts = [paragraph.text for paragraph in paragraphs]
    assert texts.index(WELSH_POLICIES) < texts.index("Our policies say what to do.")
    welsh = next(paragraph for paragraph in paragraphs if paragraph.text == WELSH_POLICIES)
    english = next(paragraph for paragraph in paragraphs if paragraph.text == "Our policies say what to do.")
    assert welsh.runs[0]._r.rPr.find(qn("w:lang")).get(qn("w:val")) == "cy-GB"
    assert english.runs[0]._r.rPr.find(qn("w:lang")).get(qn("w:val")) == "en-GB"
    assert "We buy care." in texts  # in the English version only
    headings = [paragraph.text for paragraph in paragraphs if paragraph.style.name == "Heading 2"]
    assert headings.index("Polisïau") < headings.index("Policies")
    assert texts.count("We buy care.") == 1


def test_a_welsh_word_file_says_where_the_welsh_is_missing(welsh_a) -> None:
    texts = [paragraph.text for paragraph in Document(io.BytesIO(render_statement(welsh_a, "docx"))).paragraphs]
    assert WELSH_POLICIES in texts and "We buy care." not in texts
    assert "Our policies say what to do." not in texts


def _title(statement: Statement) -> str:
    from tackle.statements.outputs import document_title

    return document_title(statement)


# Pages -------------------------------------------------------------------------------------------


def test_the_lead_chooses_both_languages_and_the_section_form_then_asks_for_the_welsh(
    statement_a, lead_a, client_for
) -> None:
    client = client_for(lead_a)
    languages = reverse("statements:languages-edit", args=[statement_a.uuid])
    section = reverse("statements:section-edit", args=[statement_a.uuid, "policies"])
    assert 'name="text_cy"' not in client.get(section).content.decode()
    assert client.post(languages, {"languages": "both"}).status_code == 302
    page = client.get(section).content.decode()
    assert 'name="text_cy"' in page and 'lang="cy"' in page and "In English" in page
    client.post(section, {"text": "Our policies say what to do.", "text_cy": WELSH_POLICIES})
    assert StatementSection.objects.get(statement=statement_a, key="policies").text_cy == WELSH_POLICIES
    detail = client.get(reverse("statements:statement-detail", args=[statement_a.uuid])).content.decode()
    assert 'data-testid="statement-languages">Welsh and English, side by side<' in detail
    assert 'data-testid="welsh-missing"' not in detail  # the only written section has its Welsh


def test_the_statement_page_flags_a_section_without_its_welsh(welsh_a, lead_a, client_for) -> None:
    detail = client_for(lead_a).get(reverse("statements:statement-detail", args=[welsh_a.uuid])).content.decode()
    assert 'data-testid="welsh-missing"' in detail and "Welsh version missing" in detail


def test_no_language_chosen_is_a_clear_error_and_changes_nothing(statement_a, lead_a, client_for) -> None:
    response = client_for(lead_a).post(reverse("statements:languages-edit", args=[statement_a.uuid]), {})
    assert "Select the languages the statement is published in" in response.content.decode()
    statement_a.refresh_from_db()
    assert statement_a.languages == "en"


def test_the_languages_page_keeps_the_statements_permissions(
    statement_a, lead_b, frontline_a, make_user, council_a, client_for
) -> None:
    url = reverse("statements:languages-edit", args=[statement_a.uuid])
    assert client_for(lead_b).get(url).status_code == 404
    assert client_for(frontline_a).get(url).status_code == 403
    assert client_for(make_user(Role.PROCUREMENT_OFFICER, council_a)).post(url, {"languages": "cy"}).status_code == 403
    statement_a.refresh_from_db()
    assert statement_a.languages == "en"


def test_an_approved_statement_keeps_its_languages_and_welsh_in_the_new_draft(both_a, lead_a, approve) -> None:
    approved = approve(both_a, lead_a)
    draft = statement_section_update(
        statement=approved, key="partnerships", text="We work with the police.", actor=lead_a
    )
    assert draft.pk != approved.pk and draft.languages == "both"
    assert draft.sections.get(key="policies").text_cy == WELSH_POLICIES
