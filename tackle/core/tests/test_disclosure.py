from hypothesis import given
from hypothesis import strategies as st

from tackle.core.disclosure import SUPPRESSION_THRESHOLD, suppress_small_counts, suppressed_label

counts = st.integers(min_value=0, max_value=10_000)
tables = st.dictionaries(st.text(min_size=1, max_size=8).filter(lambda key: key != "as_of"), counts, max_size=6)


def test_one_to_four_read_fewer_than_5_and_zero_and_five_are_shown():
    assert SUPPRESSION_THRESHOLD == 5
    masked = suppress_small_counts({"total": 9, "by": {"a": 0, "b": 1, "c": 4, "d": 5}, "as_of": "2025-01-01"})
    assert masked == {
        "total": 9,
        "by": {"a": 0, "b": "fewer than 5", "c": "fewer than 5", "d": 5},
        "as_of": "2025-01-01",
    }


def test_another_threshold_changes_the_words():
    assert suppressed_label(11) == "fewer than 11"
    assert suppress_small_counts({"total": 10}, threshold=11) == {"total": "fewer than 11"}


def test_booleans_are_not_counts():
    assert suppress_small_counts({"flag": True}) == {"flag": True}


@given(total=counts, table=tables, threshold=st.integers(min_value=2, max_value=20))
def test_every_count_below_the_threshold_is_withheld_and_nothing_else_changes(total, table, threshold):
    original = {"total": total, "by": dict(table)}
    masked = suppress_small_counts(original, threshold=threshold)
    assert original == {"total": total, "by": table}  # the figures given are left alone
    for before, after in [(total, masked["total"]), *((table[k], masked["by"][k]) for k in table)]:
        assert after == (suppressed_label(threshold) if 0 < before < threshold else before)
