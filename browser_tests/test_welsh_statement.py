"""Issue 21: the modern slavery lead of a Welsh council switches to Cymraeg in the header and builds
the council's statement in Welsh and English side by side, from a new period to the three downloads.
Every page is in Welsh (lang="cy", axe-clean: conftest); the council's English text inside it says
lang="en-GB". The Welsh is read from the catalogue, so the test follows the translation."""

import io
import re

import pypdf
import pytest
from docx import Document
from docx.oxml.ns import qn
from pages import BasePage
from playwright.sync_api import Page, expect
from welsh import cy

from tackle.accounts import demo as accounts_demo
from tackle.accounts.models import User

pytestmark = pytest.mark.browser

ENGLISH = "Our policies tell staff and suppliers what to do about exploitation."
WELSH = "Mae ein polisïau yn dweud wrth staff a chyflenwyr beth i'w wneud am gamfanteisio."


def _in_welsh(page: Page, english_heading: str) -> None:
    here = BasePage(page)
    expect(here.heading).to_contain_text(cy(english_heading))
    here.expect_language("cy")


def _save(page: Page, timeout: float = 10_000) -> None:
    page.get_by_role("button", name=cy("Save")).click(timeout=timeout)


def _download(page: Page, url: str) -> bytes:
    """A download the signed-in browser asks for (its cookies), read whole."""
    response = page.request.get(url)
    assert response.ok, f"{url} answered {response.status}"
    return response.body()


def _pdf_text(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def _docx_languages_of(docx: bytes, text: str) -> set[str]:
    """The w:lang of every run in the paragraphs that hold `text`."""
    found: set[str] = set()
    for paragraph in Document(io.BytesIO(docx)).paragraphs:
        if text in paragraph.text:
            for run in paragraph.runs:
                lang = run._r.find(f"{qn('w:rPr')}/{qn('w:lang')}")
                found.add(lang.get(qn("w:val")) if lang is not None else "")
    return found


def test_the_welsh_lead_builds_the_statement_in_welsh_and_english(page: Page, sign_in_browser) -> None:
    accounts_demo.load()
    lead = User.objects.get(username="demo-welsh-modern_slavery_lead")
    lead.language = ""  # not chosen yet: the browser's English until the lead switches in the header
    lead.save(update_fields=["language"])
    sign_in_browser(lead)

    page.goto("/statements/periods/new")
    BasePage(page).expect_language("en-gb")
    BasePage(page).choose_language("cy")
    _in_welsh(page, "Add a period")
    page.locator("input[name='year']").first.check()
    _save(page)
    period = page.locator(".govuk-caption-l").inner_text().strip()

    page.goto("/statements/statement/")
    _in_welsh(page, "Modern slavery statement")
    page.get_by_label(cy("Period")).select_option(label=period)
    # The statement page reads its text with the statement reader's model: seconds on a busy machine.
    page.get_by_role("button", name=cy("Start")).click(timeout=30_000)
    _in_welsh(page, "Modern slavery statement")
    expect(page.get_by_test_id("statement-languages")).to_have_text(cy("English"))

    page.locator("a[href$='/languages']").click()
    _in_welsh(page, "Languages")
    page.get_by_label(cy("Welsh and English, side by side")).check()
    _save(page)
    expect(page.get_by_test_id("statement-languages")).to_have_text(cy("Welsh and English, side by side"))

    page.locator("a[href$='/sections/policies']").click()
    _in_welsh(page, "Policies")
    english = page.get_by_label(cy("In English"))
    welsh = page.get_by_label(cy("In Welsh (Cymraeg)"))
    expect(english).to_have_attribute("lang", "en-GB")  # English typed into a Welsh page
    expect(welsh).to_have_attribute("lang", "cy")
    english.fill(ENGLISH)
    welsh.fill(WELSH)
    _save(page, timeout=30_000)  # the statement page checks the new text again
    _in_welsh(page, "Modern slavery statement")
    expect(page.get_by_test_id("sections")).to_contain_text("Our policies tell staff and suppliers")

    links = {fmt: page.locator(f"a[href$='.{fmt}']").get_attribute("href") for fmt in ("html", "pdf", "docx")}
    expect(page.get_by_role("link", name=cy("Web page (HTML)"))).to_be_visible()

    # The preview: the web page, Welsh column beside the English, each in its own language.
    page.goto(str(links["html"]))
    BasePage(page).expect_language("cy")
    welsh_column = page.locator('.tackle-side-by-side > div[lang="cy"]')
    english_column = page.locator('.tackle-side-by-side > div[lang="en-GB"]')
    expect(welsh_column.filter(has_text=WELSH)).to_have_count(1)
    expect(english_column.filter(has_text=ENGLISH)).to_have_count(1)
    expect(welsh_column.filter(has_text=ENGLISH)).to_have_count(0)
    expect(welsh_column.get_by_role("heading", name=cy("Policies"))).to_be_visible()

    html = _download(page, str(links["html"])).decode()
    assert re.search(r'<html lang="cy"', html)
    assert 'lang="en-GB"' in html and ENGLISH in html

    pdf_text = _pdf_text(_download(page, str(links["pdf"])))
    assert " ".join(WELSH.split()) in pdf_text and ENGLISH in pdf_text

    docx = _download(page, str(links["docx"]))
    assert _docx_languages_of(docx, WELSH) == {"cy-GB"}
    assert _docx_languages_of(docx, ENGLISH) == {"en-GB"}
