"""Welsh and bilingual statements (issue 21): the command, the reading's page and the API say which
language a statement is in; the English part of a bilingual one is read; a Welsh-only one is not
scored as if it were English but left for a person to judge."""

import json
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from rest_framework.test import APIClient

from tackle.statement_reader.models import StatementReading
from tackle.statement_reader.selectors import reviewer_overrides_for_training
from tackle.statement_reader.services import judgement_override, statement_read
from tackle.statement_reader.tests.factories import (
    STATEMENT_PARAGRAPHS,
    WELSH_PARAGRAPHS,
    bilingual_docx,
    bilingual_text,
    statement_text,
    welsh_text,
)


def _assess(path, *extra):
    out = StringIO()
    call_command("statements", "assess", str(path), *extra, stdout=out)
    return out.getvalue()


def test_an_english_statement_keeps_every_key_and_says_it_is_english(tmp_path, fake_labeller):
    path = tmp_path / "s.txt"
    path.write_text(statement_text())
    result = json.loads(_assess(path, "--json"))
    assert {"sentences", "areas", "approval", "signature", "period", "future_only", "score", "language"} <= set(result)
    assert result["language"] == {"statement": "en", "read": "en", "welsh_sentences": 0, "english_sentences": 9}
    assert result["score"] == 6


def test_a_welsh_statement_is_reported_as_welsh_and_not_scored(tmp_path, monkeypatch):
    from tackle.statement_reader import reading

    def never(sentences):
        raise AssertionError("the English labeller must not read Welsh")

    monkeypatch.setattr(reading, "default_labeller", never)
    path = tmp_path / "datganiad.txt"
    path.write_text(welsh_text())
    result = json.loads(_assess(path, "--json"))
    assert result["language"] == {"statement": "cy", "read": None, "welsh_sentences": 9, "english_sentences": 0}
    assert result["sentences"] == 10 and result["score"] == 0
    assert not any(area["evidence"] for area in result["areas"].values())
    summary = _assess(path)
    assert "Language: Welsh; the areas cannot be judged automatically: a person must review it" in summary


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("side.txt", lambda: bilingual_text(side_by_side=True).encode()),
        ("after.txt", lambda: bilingual_text(side_by_side=False).encode()),
        ("table.docx", bilingual_docx),
    ],
)
def test_of_a_bilingual_statement_the_english_part_is_read_and_scored(tmp_path, fake_labeller, name, data):
    path = tmp_path / name
    path.write_bytes(data())
    result = json.loads(_assess(path, "--json"))
    assert result["language"] == {"statement": "both", "read": "en", "welsh_sentences": 9, "english_sentences": 9}
    # The ten English lines and the Welsh title, which says no language on its own.
    assert result["sentences"] == 11
    assert result["score"] == 6 and result["future_only"] == ["training"]
    assert result["period"] == {"start": "2024-04-01", "end": "2025-03-31"}
    assert "Language: Welsh and English; the English part was read" in _assess(path)


def test_the_reading_page_says_a_welsh_statement_needs_a_person(client_for, buyer_a, supplier_a):
    reading = statement_read(actor=buyer_a, supplier=supplier_a, data=welsh_text().encode(), file_name="cy.txt")
    page = client_for(buyer_a).get(reading.get_absolute_url()).content.decode()
    assert 'data-testid="reading-language-welsh"' in page
    assert "cannot be judged automatically" in page
    assert page.count("Needs review by a person") == 8
    assert 'govuk-tag--grey">Not found' not in page  # no area is called missing: none was judged
    assert WELSH_PARAGRAPHS[2] in page  # the text is shown, for the reviewer


def test_a_reviewers_decision_on_a_welsh_statement_replaces_needs_review(client_for, buyer_a, supplier_a):
    reading = statement_read(actor=buyer_a, supplier=supplier_a, data=welsh_text().encode(), file_name="cy.txt")
    judgement_override(
        actor=buyer_a, reading=reading, judgement="policies", covered=True, reason="Cod ymddygiad", evidence_added=[5]
    )
    page = client_for(buyer_a).get(reading.get_absolute_url()).content.decode()
    assert page.count("Needs review by a person") == 7
    reading.refresh_from_db()
    assert reading.score == 1
    # Welsh sentences do not become training data for the English labeller.
    assert reviewer_overrides_for_training() == []


def test_the_reading_page_says_the_english_part_of_a_bilingual_statement_was_read(client_for, buyer_a, fake_labeller):
    data = bilingual_text(side_by_side=True).encode()
    reading = statement_read(actor=buyer_a, supplier=None, data=data, file_name="both.txt")
    page = client_for(buyer_a).get(reading.get_absolute_url()).content.decode()
    assert "Tackle read the English part; 9 Welsh sentences were set aside." in page
    assert '<dd class="govuk-summary-list__value" data-testid="reading-language">Welsh and English</dd>' in page
    assert STATEMENT_PARAGRAPHS[3] in page and WELSH_PARAGRAPHS[3] not in page
    assert "6 of 8" in page


def test_the_api_reading_says_which_language_was_read(buyer_a, supplier_a, fake_labeller):
    reading = statement_read(actor=buyer_a, supplier=supplier_a, data=welsh_text().encode(), file_name="cy.txt")
    client = APIClient()
    client.force_authenticate(buyer_a)
    body = client.get(f"/api/v1/statement-readings/{reading.uuid}").json()
    assert body["language"] == {"statement": "cy", "read": None, "welsh_sentences": 9, "english_sentences": 0}


def test_a_reading_made_before_languages_were_told_apart_is_english(buyer_a, supplier_a, fake_labeller):
    reading = statement_read(actor=buyer_a, supplier=supplier_a, data=statement_text().encode(), file_name="s.txt")
    result = dict(reading.result)
    del result["language"]
    StatementReading.objects.filter(pk=reading.pk).update(result=result)
    reading.refresh_from_db()
    assert reading.language["statement"] == "en" and reading.language["read"] == "en"
    assert reading.language_name == "English"


def test_the_queued_reading_says_a_welsh_statement_needs_a_person(client_for, buyer_a, settings, tmp_path):
    from tackle.statement_reader.tasks import read_statement

    settings.MEDIA_ROOT = tmp_path / "media"
    client = client_for(buyer_a)
    upload = SimpleUploadedFile("cy.txt", welsh_text().encode())
    queued = client.post("/statement-reader/new", {"whose": "council", "file": upload})
    from tackle.statement_reader.models import ReadingRequest

    pending = ReadingRequest.objects.get()
    read_statement.call(run_uuid=str(pending.task_run.uuid), request_uuid=str(pending.uuid))
    page = client.get(queued["Location"], follow=True).content.decode()
    assert "Statement read: it is in Welsh, so a person must judge its areas" in page
