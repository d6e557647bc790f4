"""Matching records across lists: hand-made cases with known answers, then properties that must hold
for any input."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tackle.targeting.ranking import rank
from tackle.targeting.resolve import blocking_keys, candidate_pairs, is_match, resolve
from tackle.targeting.sources import SourceRead
from tackle.targeting.tests.factories import record


def test_a_record_is_blocked_by_postcode_company_address_name_and_sector_words():
    keys = set(
        blocking_keys(
            record("Sparkle Hand Car Wash Ltd", postcode="B70 6AB", company_number="01234567", address="12 High St")
        )
    )
    assert keys == {
        ("postcode", "B70 6AB"),
        ("company", "01234567"),
        ("address", "12 high street"),
        ("name", "car hand sparkle wash"),
        ("sector-word", "B70 6|sparkle"),  # "hand", "car" and "wash" say too little to block on
    }


def test_only_records_sharing_a_block_are_compared():
    records = [
        record("Sparkle", postcode="B70 6AB"),
        record("Other", postcode="B70 6AB"),
        record("Far Away", postcode="M1 1AE"),
    ]
    assert candidate_pairs(records) == {(0, 1)}


MATCHES = [
    (
        "abbreviations and a different postcode spacing",
        record("Sparkle Hand Car Wash Ltd", address="12 High St", postcode="B70 6AB"),
        record("SPARKLE HAND CARWASH LIMITED", address="12 High Street", postcode="B70 6AB"),
    ),
    ("a typo in the name", record("Golden Dragon", postcode="B70 9EF"), record("Golden Dargon", postcode="B70 9EF")),
    (
        "words swapped",
        record("Smith & Jones Nails", postcode="B70 9EF"),
        record("Jones and Smith Nails", postcode="B70 9EF"),
    ),
    (
        "a name with the type added, same address",
        record("Golden Dragon", address="4 Mill Lane", postcode="B70 9EF"),
        record("Golden Dragon Takeaway", address="4 Mill Ln", postcode="B70 9EF"),
    ),
    (
        "a missing postcode, same address",
        record("Joes Nails", address="Unit 3 Market Rd", postcode="B70 6GD"),
        record("Joe's Nails", address="Unit 3, Market Road"),
    ),
    (
        "a mistyped postcode in the same sector, same address",
        record("Joes Nails", address="3 Market Road", postcode="B70 6GD"),
        record("Joes Nails", address="3 Market Road", postcode="B70 6CB"),
    ),
    (
        "the same company number, no address on one",
        record("Acme Foods Ltd", company_number="01234567", postcode="B70 6AB"),
        record("ACME FOOD PRODUCTS", company_number="01234567"),
    ),
    (
        "the trading name of one is the name of the other",
        record("Ahmed Holdings Ltd", trading_name="Bubbles Car Wash", postcode="B70 6AB"),
        record("Bubbles Car Wash", postcode="B70 6AB"),
    ),
    (
        "no place but the same town and name",
        record("Green Acres Farm", town="Westbury"),
        record("Green Acres Farm", town="WESTBURY"),
    ),
]
DIFFERENT = [
    (
        "different company numbers",
        record("Acme Ltd", company_number="01234567", postcode="B70 6AB"),
        record("Acme Ltd", company_number="07654321", postcode="B70 6AB"),
    ),
    (
        "different house numbers",
        record("Star Pizza", address="12 High St", postcode="B70 6AB"),
        record("Star Pizza", address="14 High St", postcode="B70 6AB"),
    ),
    (
        "different postcodes in different sectors",
        record("Star Pizza", postcode="B70 6AB"),
        record("Star Pizza", postcode="B71 2CD"),
    ),
    (
        "different businesses at one postcode",
        record("Star Pizza", postcode="B70 6AB"),
        record("Moon Nails", postcode="B70 6AB"),
    ),
    (
        "a name alone, with nothing to say where",
        record("Star Pizza", postcode="B70 6AB"),
        record("Star Pizza", address=""),
    ),
    ("the same name in different towns", record("Star Pizza", town="Westbury"), record("Star Pizza", town="Oldbridge")),
    (
        "addresses that differ, no postcode",
        record("Star Pizza", address="1 Church Road"),
        record("Star Pizza", address="1 Station Road Industrial Estate"),
    ),
]


@pytest.mark.parametrize(("_case", "first", "second"), MATCHES, ids=[case[0] for case in MATCHES])
def test_the_same_business_is_matched(_case, first, second):
    assert is_match(first, second) and is_match(second, first)


@pytest.mark.parametrize(("_case", "first", "second"), DIFFERENT, ids=[case[0] for case in DIFFERENT])
def test_different_businesses_are_kept_apart(_case, first, second):
    assert not is_match(first, second) and not is_match(second, first)


def test_matches_chain_into_one_entity():
    records = [
        record("Sparkle Car Wash", source="a", company_number="01234567", postcode="B70 6AB"),
        record("Sparkle Car Wash Ltd", source="b", company_number="01234567"),
        record("Sparkle Carwash", source="c", postcode="B70 6AB"),
        record("Moon Nails", source="c", line=3, postcode="B70 6AB"),
    ]
    assert sorted(sorted(group) for group in resolve(records)) == [[0, 1, 2], [3]]


# Properties ----------------------------------------------------------------------------------------

NAMES = ["Sparkle Car Wash", "Sparkle Carwash Ltd", "Star Pizza", "Golden Dragon", "Golden Dargon", "Moon Nails"]
records_strategy = st.lists(
    st.builds(
        lambda name, postcode, address, company: (name, postcode, address, company),
        st.sampled_from(NAMES),
        st.sampled_from(["", "B70 6AB", "B70 6AD", "B71 1AA"]),
        st.sampled_from(["", "12 High St", "12 High Street", "14 High St"]),
        st.sampled_from(["", "01234567", "07654321"]),
    ),
    max_size=24,
)


def _reads(rows: list[tuple[str, str, str, str]], sources: int) -> list[SourceRead]:
    """The rows spread over several lists, each record keeping its own line in its list."""
    reads = [SourceRead(name=f"list{n}", header=[], mapping={}) for n in range(sources)]
    for index, (name, postcode, address, company) in enumerate(rows):
        read = reads[index % sources]
        line = len(read.records) + 2
        read.records.append(
            record(name, source=read.name, line=line, postcode=postcode, address=address, company_number=company)
        )
    return reads


def _clusters(reads: list[SourceRead]) -> set[frozenset[str]]:
    return {frozenset(record.key for record in entity.records) for entity in rank(reads).ranked}


@settings(max_examples=60, deadline=None)
@given(rows=records_strategy, sources=st.integers(1, 4), order=st.randoms())
def test_the_order_of_the_files_does_not_change_the_entities(rows, sources, order):
    reads = _reads(rows, sources)
    shuffled = list(reads)
    order.shuffle(shuffled)
    first, second = rank(reads), rank(shuffled)
    assert _clusters(reads) == _clusters(shuffled)
    assert [entity.as_json() for entity in first.ranked] == [entity.as_json() for entity in second.ranked]


@settings(max_examples=60, deadline=None)
@given(rows=records_strategy, sources=st.integers(1, 4))
def test_every_record_is_in_exactly_one_entity(rows, sources):
    reads = _reads(rows, sources)
    keys = [record.key for entity in rank(reads).ranked for record in entity.records]
    assert sorted(keys) == sorted(record.key for read in reads for record in read.records)


@settings(max_examples=60, deadline=None)
@given(rows=records_strategy)
def test_the_match_rule_is_symmetric(rows):
    records = [record(name, postcode=pc, address=address, company_number=co) for name, pc, address, co in rows]
    for first in records:
        for second in records:
            assert is_match(first, second) == is_match(second, first)


@settings(max_examples=40, deadline=None)
@given(rows=records_strategy, sources=st.integers(1, 4), order=st.randoms())
def test_renaming_the_files_changes_only_the_source_names(rows, sources, order):
    reads = _reads(rows, sources)
    names = [read.name for read in reads]
    renamed_to = dict(
        zip(names, order.sample([f"regulator {chr(90 - n)}" for n in range(sources)], sources), strict=True)
    )
    renamed = _reads(rows, sources)
    for read in renamed:
        read.name = renamed_to[read.name]
        for item in read.records:
            item.source = read.name
    back = {new: old for old, new in renamed_to.items()}
    translated = {
        frozenset(f"{back[key.rsplit(':', 1)[0]]}:{key.rsplit(':', 1)[1]}" for key in cluster)
        for cluster in _clusters(renamed)
    }
    assert translated == _clusters(reads)
