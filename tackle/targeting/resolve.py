"""Find the records that are the same business at the same premises, across regulators' lists.

Comparing every record with every other is out of reach at 200,000 records, so records are first
put into blocks that share something specific (postcode, company number, postcode sector and a
name word, the whole name). Only records sharing a block are compared; pairs that match are
joined with union-find, so A=B and B=C put A, B and C in one entity.

The match rule is symmetric and the blocks are sets, so the entities do not depend on the order
of the files or of their lines.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz

from tackle.targeting.sources import Record

# A block bigger than this says too little (a common word in a busy sector); it is skipped.
MAX_BLOCK = 150
# Name similarity (0-100) needed, by how sure we are that the location is the same.
NAME_SAME_POSTCODE = 80
NAME_SAME_ADDRESS = 86
NAME_ONLY = 93
ADDRESS_SIMILAR = 85
# Words too common in business names to say which business it is.
COMMON_WORDS = frozenset(
    {"car", "wash", "hand", "nail", "bar", "take", "away", "services", "service", "group", "uk", "kitchen", "food"}
)


def blocking_keys(record: Record) -> Iterable[tuple[str, str]]:
    """The blocks a record goes into: two records are compared only when they share one."""
    if record.postcode:
        yield ("postcode", record.postcode)
    if record.company_number:
        yield ("company", record.company_number)
    if record.address_key:
        yield ("address", record.address_key)
    for key in {record.name_key, record.trading_key} - {""}:
        yield ("name", " ".join(sorted(key.split())))
        if record.postcode:
            for word in set(key.split()) - COMMON_WORDS:
                if len(word) > 2:
                    yield ("sector-word", f"{record.sector}|{word}")


def candidate_pairs(records: Sequence[Record]) -> set[tuple[int, int]]:
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, record in enumerate(records):
        for key in blocking_keys(record):
            blocks[key].append(index)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if 1 < len(members) <= MAX_BLOCK:
            for i, first in enumerate(members):
                for second in members[i + 1 :]:
                    pairs.add((first, second) if first < second else (second, first))
    return pairs


def _similar(left: str, right: str) -> float:
    # Words in any order ("Jones and Smith"), and words run together ("takeaway", "take away").
    return max(fuzz.token_sort_ratio(left, right), fuzz.ratio(left.replace(" ", ""), right.replace(" ", "")))


def name_similarity(a: Record, b: Record, *, same_place: bool = False) -> float:
    """The best similarity (0-100) between any name of one and any name of the other.

    At the same address, a name that is the other with words added ("Golden Dragon" and "Golden
    Dragon Takeaway") counts as the same, provided they share a word that is not a common one."""
    best = 0.0
    for left in (a.name_key, a.trading_key):
        for right in (b.name_key, b.trading_key):
            if left and right:
                best = max(best, _similar(left, right))
                if same_place and best < 100 and (set(left.split()) & set(right.split())) - COMMON_WORDS:
                    best = max(best, fuzz.token_set_ratio(left, right) - 5)
    return best


def address_similarity(a: Record, b: Record) -> float | None:
    """0-100, or None when either has no address. A flat or unit given by one only still matches."""
    if not (a.address_key and b.address_key):
        return None
    return max(
        fuzz.token_sort_ratio(a.address_key, b.address_key), fuzz.token_set_ratio(a.address_key, b.address_key) - 5
    )


def is_match(a: Record, b: Record) -> bool:
    """Same business at the same premises? Symmetric: is_match(a, b) == is_match(b, a)."""
    same_company = bool(a.company_number) and a.company_number == b.company_number
    if a.company_number and b.company_number and not same_company:
        return False
    if a.numbers and b.numbers and not (a.numbers & b.numbers):
        return False  # 12 High Street is not 14 High Street
    address = address_similarity(a, b)
    same_place = False
    if a.postcode and b.postcode and a.postcode != b.postcode:
        # A mistyped postcode: same sector and clearly the same address.
        if a.sector != b.sector or address is None or address < ADDRESS_SIMILAR + 5:
            return False
        needed = NAME_SAME_ADDRESS
    elif a.postcode and b.postcode:
        needed = NAME_SAME_POSTCODE
        same_place = address is not None and address >= ADDRESS_SIMILAR
    elif address is not None:
        if address < ADDRESS_SIMILAR:
            return False
        needed = NAME_SAME_ADDRESS
        same_place = True
    elif same_company:
        return True
    elif not (a.town_key and a.town_key == b.town_key):
        return False  # a name alone, with nothing to say where, is too often another business
    else:
        needed = NAME_ONLY
    return same_company or name_similarity(a, b, same_place=same_place) >= needed


class UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        parent = self.parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, first: int, second: int) -> bool:
        """Join the two groups; False when they were already one."""
        a, b = self.find(first), self.find(second)
        if a == b:
            return False
        self.parent[max(a, b)] = min(a, b)
        return True


def resolve(records: Sequence[Record]) -> list[list[int]]:
    """Groups of record indexes, each group one business at one premises; every record in one group."""
    groups = UnionFind(len(records))
    for first, second in sorted(candidate_pairs(records)):
        if groups.find(first) != groups.find(second) and is_match(records[first], records[second]):
            groups.union(first, second)
    clusters: dict[int, list[int]] = defaultdict(list)
    for index in range(len(records)):
        clusters[groups.find(index)].append(index)
    return list(clusters.values())
