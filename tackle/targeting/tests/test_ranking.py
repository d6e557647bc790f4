"""Ranking premises by combined risk, each score with its reasons."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

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


# How real lists record an adverse finding: (header, value). Each regulator uses one of them.
ADVERSE_COLUMNS = [
    ("Notice type", "Enforcement notice"),
    ("Notice type", "Prohibition notice"),
    ("Outcome", "Prosecution"),
    ("Outcome", "Simple caution"),
    ("Outcome", "Licence review"),
    ("Licence status", "Suspended"),
    ("Decision", "Revoked"),
    ("Category 1 hazards", "2"),
    ("Rating", "1"),
    ("Arrears", "£1,500.00"),
]
# The same columns when nothing was found.
CLEAR_VALUES = {
    "Notice type": "",
    "Outcome": "No further action",
    "Licence status": "Current",
    "Decision": "Granted",
    "Category 1 hazards": "0",
    "Rating": "5",
    "Arrears": "",
}
MORE, FEWER = ("Zenith Car Wash", "B70 9EF"), ("Acme Car Wash", "B70 6AB")  # a tie would put FEWER first


def _list(header: str, rows: list[tuple[tuple[str, str], str]]) -> bytes:
    lines = [f"Premises,Postcode,{header}"] + [f'{name},{postcode},"{value}"' for (name, postcode), value in rows]
    return ("\n".join(lines) + "\n").encode()


@given(
    columns=st.lists(st.sampled_from(ADVERSE_COLUMNS), min_size=2, max_size=7),
    data=st.data(),
)
def test_adverse_findings_from_more_regulators_never_rank_lower_than_from_fewer(columns, data):
    fewer = data.draw(st.integers(min_value=1, max_value=len(columns) - 1), label="fewer")
    listed_clear = data.draw(st.booleans(), label="the other premises is on the other lists, found clear")
    reads = []
    for number, (header, value) in enumerate(columns):
        rows = [(MORE, value)]
        if number < fewer:
            rows.append((FEWER, value))
        elif listed_clear:
            rows.append((FEWER, CLEAR_VALUES[header]))
        reads.append(read_source(f"regulator_{number}", _list(header, rows)))
    ranked = [entity.name for entity in rank(reads).ranked]
    assert ranked == [MORE[0], FEWER[0]]


def test_five_regulators_all_adverse_rank_above_three_in_their_own_words():
    five = {
        "fire": ("Notice type", "Prohibition notice"),
        "licensing": ("Outcome", "Licence review"),
        "housing": ("Category 1 hazards", "3"),
        "trading_standards": ("Outcome", "Prosecution"),
        "food": ("Rating", "1"),
    }
    reads = [read_source(name, _list(header, [(MORE, value)])) for name, (header, value) in five.items()]
    three = ["police", "glaa", "hmrc"]
    reads += [read_source(name, _list("Non-compliance", [(FEWER, "Yes")])) for name in three]
    top, second = rank(reads).ranked
    assert (top.name, second.name) == (MORE[0], FEWER[0])
    assert sum(reason.startswith("Non-compliant with ") and "regulators" not in reason for reason in top.reasons) == 5
    assert "Non-compliant with housing: 3 category 1 hazards (+20)" in top.reasons
