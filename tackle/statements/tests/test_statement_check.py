"""The draft's text checked against section 54(5) by the statement reader, before publishing."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from tackle.statement_reader.rules.areas import AREA_NAMES, AREAS
from tackle.statements import statement_check
from tackle.statements.services.statement import statement_section_update
from tackle.statements.statement_check import area_state, check_draft, draft_text

reading = pytest.importorskip("tackle.statement_reader.reading")
rules = pytest.importorskip("tackle.statement_reader.rules.areas")

TRAINED = "All procurement staff completed training on exploitation in 2025."
TRAINED_AGAIN = "Licensing officers were trained to spot the signs of forced labour."
POLICY = "Our whistleblowing policy covers modern slavery."
PROMISE = "We will introduce supplier audits in the coming year."


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    """Readings are cached by text; each test reads afresh."""
    cache.clear()


def fake_labeller(sentences: list[str]) -> list[dict[str, float]]:
    """Every sentence reads as risk mitigation; the reader's own words decide the area."""
    return [{rules.MITIGATION: 1.0} for _ in sentences]


@pytest.mark.parametrize(
    "covered, count, promised_only, expected",
    [
        (True, 3, False, "covered"),
        (True, 2, False, "covered"),
        (True, 1, False, "weak"),
        (False, 2, True, "promised"),
        (False, 0, False, "missing"),
    ],
)
def test_each_area_is_covered_weak_promised_or_missing(covered, count, promised_only, expected) -> None:
    assert area_state(covered=covered, evidence_count=count, promised_only=promised_only) == expected


def test_the_draft_is_read_section_by_section(statement_a, lead_a) -> None:
    statement_section_update(statement=statement_a, key="training_and_awareness", text=TRAINED, actor=lead_a)
    text = draft_text(statement_a)
    assert text.index("Our policies say what to do.") < text.index(TRAINED)


def test_training_twice_is_covered_policies_once_is_weak_and_audits_only_promised(statement_a, lead_a) -> None:
    statement_section_update(
        statement=statement_a, key="training_and_awareness", text=f"{TRAINED}\n\n{TRAINED_AGAIN}", actor=lead_a
    )
    statement_section_update(statement=statement_a, key="policies", text=POLICY, actor=lead_a)
    statement_section_update(statement=statement_a, key="due_diligence", text=PROMISE, actor=lead_a)
    check = check_draft(statement_a, labeller=fake_labeller)
    states = {area.key: area for area in check.areas}
    assert list(states) == list(AREAS)
    assert states["training"].state == "covered" and TRAINED in states["training"].sentences
    assert states["policies"].state == "weak" and states["policies"].sentences == [POLICY]
    assert states["due_diligence"].state == "promised" and states["due_diligence"].sentences == [PROMISE]
    assert states["effectiveness_kpis"].state == "missing" and states["effectiveness_kpis"].sentences == []


def test_an_empty_draft_asks_for_text_first(period_a, lead_a) -> None:
    from tackle.statements.services.statement import statement_create

    check = check_draft(statement_create(period=period_a, actor=lead_a), labeller=fake_labeller)
    assert not check.areas and "Write the sections first" in check.message


def test_a_failing_reader_does_not_break_the_statement_page(statement_a, lead_a, client_for, monkeypatch) -> None:
    def broken(text: str, **_: object) -> None:
        raise RuntimeError("model missing")

    monkeypatch.setattr(statement_check, "read_text", broken)
    page = client_for(lead_a).get(reverse("statements:statement-detail", args=[statement_a.uuid]))
    assert page.status_code == 200 and "could not run this time" in page.content.decode()


def test_the_statement_page_shows_each_area_next_to_the_checklist(statement_a, lead_a, client_for, monkeypatch) -> None:
    real = reading.read_text
    monkeypatch.setattr(statement_check, "read_text", lambda text: real(text, labeller=fake_labeller))
    page = client_for(lead_a).get(reverse("statements:statement-detail", args=[statement_a.uuid])).content.decode()
    assert page.index('data-testid="checklist"') < page.index('data-testid="text-check"')
    for area in AREAS:
        assert AREA_NAMES[area] in page
    assert "Weak: one sentence only" in page  # "Our policies say what to do." is one policy sentence
