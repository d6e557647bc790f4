"""Ranking premises by combined risk, each score with its reasons."""

from datetime import date

from tackle.targeting.ranking import entity_id, rank, source_names
from tackle.targeting.rules.risk import Signals, score
from tackle.targeting.sources import read_source
from tackle.targeting.tests.factories import LISTS, record


def _reads():
    names = source_names(list(LISTS))
    return [read_source(name, text.encode()) for name, text in zip(names, LISTS.values(), strict=True)]


def test_sources_are_named_after_their_files_and_repeats_are_told_apart():
    assert source_names(["in/fire.csv", "housing.CSV", "other/fire.csv"]) == ["fire", "housing", "fire (2)"]


def test_the_premises_non_compliant_with_three_regulators_ranks_first():
    ranking = rank(_reads())
    top = ranking.ranked[0]
    assert (top.name, top.postcode, top.sources) == (
        "Sparkle Hand Carwash Limited",
        "B70 6AB",
        ["environmental_health", "fire", "trading_standards"],
    )
    assert top.reasons == [
        "Non-compliant with environmental_health: rating 1, 2026-01-15 (+20)",
        "Non-compliant with fire: non-compliance recorded, 2026-04-02 (+20)",
        "Non-compliant with trading_standards: Fail - no trading records, 2026-03-01 (+20)",
        "Non-compliant with 3 regulators (+20)",
        "Known to 3 regulators (+3)",
        "High-risk premises type: hand car wash (+25)",
    ]
    assert top.score == 108
    assert (ranking.records, len(ranking.ranked)) == (8, 4)


def test_the_scores_fall_down_the_ranking_and_every_reason_adds_up():
    ranked = rank(_reads()).ranked
    assert [entity.score for entity in ranked] == sorted((entity.score for entity in ranked), reverse=True)
    for entity in ranked:
        assert entity.score == sum(int(reason.rsplit("(+", 1)[1].rstrip(")")) for reason in entity.reasons)


def test_a_premises_with_nothing_against_it_has_no_reasons():
    scored = score([record("Corner Shop", premises_type="other")])
    assert (scored.points, scored.reasons) == (0, [])


def test_the_riskiest_type_any_regulator_gives_counts():
    scored = score([record("Flats", premises_type="other"), record("Flats", source="b", premises_type="hmo")])
    assert scored.reasons == ["High-risk premises type: house in multiple occupation (+20)"]


def test_the_latest_finding_of_a_regulator_is_the_one_named():
    records = [
        record("Acme", non_compliant=True, finding="Old", date=date(2025, 1, 1)),
        record("Acme", line=3, non_compliant=True, finding="New", date=date(2026, 1, 1)),
    ]
    assert score(records).reasons == ["Non-compliant with a: New, 2026-01-01 (+20)"]


def test_intelligence_and_past_operations_count_up_to_three_each():
    signals = Signals(intelligence=("one", "two", "three", "four"), operations=("Operation Alpha, 1 May 2026",))
    assert score([record("Acme")], signals).reasons == [
        "4 intelligence reports: one; two; three (+45)",
        "1 past operation: Operation Alpha, 1 May 2026 (+10)",
    ]


def test_signals_are_found_by_postcode_and_normalised_name():
    signals = {("B70 9EF", "golden dragon"): Signals(intelligence=("received 1 May 2026, graded 1A",))}
    ranked = rank(_reads(), signals).ranked
    dragon = next(entity for entity in ranked if entity.postcode == "B70 9EF")
    assert "1 intelligence report: received 1 May 2026, graded 1A (+15)" in dragon.reasons


def test_an_entity_id_depends_on_its_records_not_their_order():
    first, second = record("A", source="x", line=2), record("A", source="y", line=5)
    assert entity_id([first, second]) == entity_id([second, first])
    assert entity_id([first]) != entity_id([second])


def test_the_json_has_exactly_the_published_keys():
    data = rank(_reads()).as_json()
    assert set(data) == {"entities", "records", "ranked"}
    assert set(data["ranked"][0]) == {"entity_id", "name", "postcode", "sources", "score", "reasons"}
    assert data["entities"] == len(data["ranked"])
