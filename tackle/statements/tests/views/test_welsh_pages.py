"""The statement builder's own pages in Welsh (issue 21): a lead who reads Cymraeg sees the action
plan, the statement and its errors in Welsh, while what the council wrote stays as written."""

from datetime import date
from html import unescape

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from tackle.accounts.models import OrganisationSettings
from tackle.statements.charter import COOP_CHARTER_SOURCE
from tackle.statements.services.commitments import charter_adopt, commitment_evidence_accept


@pytest.fixture
def welsh_lead(council_a, lead_a):
    OrganisationSettings.objects.create(organisation=council_a, welsh_language_service=True)
    lead_a.language = "cy"
    lead_a.save(update_fields=["language"])
    return lead_a


def test_the_action_plan_is_in_welsh_with_the_councils_own_words_as_written(client_for, welsh_lead, action_a):
    page = unescape(client_for(welsh_lead).get(reverse("statements:index")).content.decode())
    assert '<html lang="cy"' in page
    assert "Cynllun gweithredu caethwasiaeth fodern" in page and "Ychwanegu cam gweithredu" in page
    assert "Modern slavery action plan" not in page and "Add an action" not in page
    assert action_a.title in page


def test_the_statement_page_and_its_checklist_are_in_welsh(client_for, welsh_lead, statement_a):
    url = reverse("statements:statement-detail", args=[statement_a.uuid])
    page = unescape(client_for(welsh_lead).get(url).content.decode())
    assert "Gwirio cyn cyhoeddi" in page and "Wedi\u2019i lofnodi gan o leiaf un person" in page
    assert "Check before publishing" not in page and "Signed by at least one person" not in page


def test_a_form_error_on_a_welsh_page_is_in_welsh(client_for, welsh_lead):
    page = unescape(client_for(welsh_lead).post(reverse("statements:period-new"), {}).content.decode())
    assert "Dewiswch flwyddyn ariannol, neu ddyddiadau eraill" in page
    assert "Select a financial year, or other dates" not in page


def test_tackles_evidence_proposal_and_the_evidence_recorded_from_it_read_in_welsh(
    client_for, welsh_lead, council_a, statement_a, approve
):
    approve(statement_a, welsh_lead, on=date(2025, 7, 1))
    (commitment,) = [
        c
        for c in charter_adopt(organisation=council_a, actor=welsh_lead, adopted_on=date(2024, 7, 18), adopted_by="")
        if c.charter_key == "coop_report_annually"
    ]
    url = reverse("statements:commitment-detail", args=[commitment.uuid])
    english = "The modern slavery statement for 2025-2026 (version 1) was approved"
    page = unescape(client_for(welsh_lead).get(url).content.decode())
    assert 'data-testid="proposals"' in page and english not in page
    assert "Cymeradwywyd y datganiad caethwasiaeth fodern ar gyfer 2025-2026 (fersiwn 1)" in page

    evidence = commitment_evidence_accept(commitment=commitment, actor=welsh_lead, key="annual_statement")
    assert evidence.text.startswith(english)  # stored as the English record
    page = unescape(client_for(welsh_lead).get(url).content.decode())
    assert 'data-testid="proposals"' not in page and english not in page
    assert "Cymeradwywyd y datganiad caethwasiaeth fodern ar gyfer 2025-2026 (fersiwn 1)" in page


def test_the_charters_own_words_read_in_welsh_and_the_councils_rewording_as_written(client_for, welsh_lead, council_a):
    adopted = charter_adopt(organisation=council_a, actor=welsh_lead, adopted_on=date(2024, 7, 18), adopted_by="")
    reworded = next(c for c in adopted if c.charter_key == "coop_refer_concerns")
    reworded.title = "Refer every concern to the MASH"
    reworded.save(update_fields=["title"])
    page = unescape(client_for(welsh_lead).get(reverse("statements:commitment-list")).content.decode())
    with translation.override("cy"):
        welsh_title, welsh_source = gettext("Train procurement staff"), gettext(COOP_CHARTER_SOURCE)
    assert welsh_title != "Train procurement staff" and welsh_source != COOP_CHARTER_SOURCE
    assert welsh_title in page and welsh_source in page
    assert "Train procurement staff" not in page and COOP_CHARTER_SOURCE not in page
    assert "Refer every concern to the MASH" in page  # the council's own words, as written
