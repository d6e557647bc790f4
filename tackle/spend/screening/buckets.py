"""A screening run's buckets (one per payee and sector) and its memory of which row goes to which.

A row's category, supplier, company number and description form its key. The first row with a
key pays for matching the payee to the register and classifying the payment, and learns its
bucket; every later row with that key finds it in a dict. Both ways of screening a file
(filepass.py and columnar.py) share one Buckets for the whole run, so buckets are made, and their
years listed, in the order the run first meets them.
"""

from collections.abc import Iterable
from operator import itemgetter
from typing import Any

from tackle.spend.screening.matching import Register, RegisterEntryLike, is_redacted, normalise_name
from tackle.spend.screening.payment_sectors import Classification, Classifier, Lexicon
from tackle.spend.screening.results import Payee
from tackle.spend.screening.rows import CACHE_LIMIT, ODD, TOTAL_LINE, YEARS_PER_BUCKET, is_total, year_of
from tackle.spend.screening.sums import PendingSums


class RowBuckets(dict[tuple[str, str, str, str], int]):
    """(category, supplier, company number, description) -> bucket index, or TOTAL_LINE; filled
    on first sight by the buckets, so looking a row up is one C-level dict access."""

    def __init__(self, buckets: "Buckets") -> None:
        super().__init__()
        self.buckets = buckets

    def __missing__(self, key: tuple[str, str, str, str]) -> int:
        if len(self) >= CACHE_LIMIT:
            self.clear()
        found = self[key] = self.buckets._bucket_of(*key)
        return found


class Buckets:
    """The buckets of one run, with the register and vocabulary that decide them."""

    def __init__(self, *, register: Iterable[RegisterEntryLike], lexicon: Lexicon, quick_lookup: bool) -> None:
        """quick_lookup=False looks every row up with all four key cells (see GroupCodes)."""
        self.register = Register(register)
        self.classifier = Classifier(lexicon)
        self.quick_lookup = quick_lookup
        # Batches whose buckets were looked up the quick way (category, supplier and company number
        # first) and with all four key cells at once, in this process, so the choice can be checked.
        self.lookup_batches = {"quick": 0, "full": 0}
        # Keys met in files screened by columns, with their codes (a Polars frame; see columnar).
        self.known_keys: Any = None
        self.row_buckets = RowBuckets(self)
        # Files with the same key fields share their key -> code memory (see KeyCodes).
        self.key_codes: dict[tuple[int | None, ...], KeyCodes] = {}
        self.group_codes: dict[tuple[int | None, ...], GroupCodes] = {}  # likewise (see GroupCodes)
        # One bucket per (payee, sector): [payee, classification, {financial year: [rows, sum in
        # millionths, most decimal places]}] (see sums.to_decimal). Bounded by suppliers x sectors,
        # whatever the number of rows.
        self.bucket_list: list[list[Any]] = []
        self.pending = PendingSums()  # amounts not yet added to bucket_list, from any file
        self._bucket_index: dict[tuple[str | None, str], int] = {}
        self._payees: dict[tuple[str, str], Payee] = {}
        self._groups: dict[tuple[str, str, str], int | dict[tuple[object, ...], int]] = {}
        self._description_keys: dict[str, tuple[object, ...]] = {}

    def fold(self) -> None:
        """Add the amounts waiting in `pending` to their buckets' yearly totals, which are kept as
        [rows, sum in millionths, most decimal places] (see sums.to_decimal) until the run ends."""
        buckets = self.bucket_list
        for key, count, millionths, places in self.pending.drain():
            bucket, code = divmod(key, YEARS_PER_BUCKET)
            by_year = buckets[bucket][2]
            year = year_of(code)
            slot = by_year.get(year)
            if slot is None:
                by_year[year] = [count, millionths, places]
            else:
                slot[0] += count
                slot[1] += millionths
                if places > slot[2]:
                    slot[2] = places

    def bucket_for(self, payee: Payee, info: Classification) -> int:
        key = (payee.key, info.sector)
        index = self._bucket_index.get(key)
        if index is None:
            index = self._bucket_index[key] = len(self.bucket_list)
            self.bucket_list.append([payee, info, {}])
        return index

    def known_group(self, category: str, supplier: str, number: str) -> int | dict[tuple[object, ...], int] | None:
        """What `_group` gave for these cells, if they have been seen (and not forgotten since)."""
        return self._groups.get((category, supplier, number))

    def is_total_key(self, supplier: str, number: str) -> bool:
        """Whether rows with this payee are a total line rather than a payment (see _group)."""
        return self._payee(supplier, number).key is None and is_total(supplier)

    # Per distinct key ------------------------------------------------------------------------

    def _bucket_of(self, category: str, supplier: str, number: str, description: str) -> int:
        """The bucket of rows with these cells, or TOTAL_LINE. The description is looked at only
        when the category did not settle the sector (see Classifier.without_description)."""
        group = self._groups.get((category, supplier, number))
        if group is None:
            if len(self._groups) >= CACHE_LIMIT:
                self._groups.clear()
            group = self._groups[(category, supplier, number)] = self._group(category, supplier, number)
        if isinstance(group, int):
            return group
        found = self._description_keys.get(description)
        if found is None:
            if len(self._description_keys) >= CACHE_LIMIT:
                self._description_keys.clear()
            found = self._description_keys[description] = self.classifier.description_key(description)
        index = group.get(found)
        if index is None:
            payee = self._payee(supplier, number)
            info = self.classifier.classify(
                category=category,
                description=description,
                supplier=payee.name if payee.key is not None else "",
                register_sectors=payee.sectors,
            )
            index = group[found] = self.bucket_for(payee, info)
        return index

    def _group(self, category: str, supplier: str, number: str) -> int | dict[tuple[object, ...], int]:
        """A bucket when the category settles the sector, else an empty map from what a
        description contributes to the bucket."""
        if self.is_total_key(supplier, number):
            return TOTAL_LINE
        payee = self._payee(supplier, number)
        info = self.classifier.without_description(
            category=category, supplier=payee.name if payee.key is not None else "", register_sectors=payee.sectors
        )
        return {} if info is None else self.bucket_for(payee, info)

    def _payee(self, supplier: str, number: str) -> Payee:
        found = self._payees.get((supplier, number))
        if found is not None:
            return found
        if len(self._payees) >= CACHE_LIMIT:
            self._payees.clear()
        name = " ".join(supplier.split()).strip("\"' ")
        if not name or is_redacted(name) or is_total(name):
            payee = Payee(key=None, name=name or "(blank)")
        elif match := (self.register.match(name, number) if self.register else None):
            payee = Payee(
                key=f"register:{match.entry.supplier_id}",
                name=match.entry.name,
                register_id=match.entry.supplier_id,
                match_how=match.how,
                has_statement=match.entry.has_statement,
                sectors=tuple(match.entry.sectors),
            )
        else:
            payee = Payee(key=f"name:{normalise_name(name) or name.lower()}", name=name)
        self._payees[(supplier, number)] = payee
        return payee


class KeyCodes(dict[Any, int]):
    """A row's key cells, as picked by one itemgetter (a tuple, one cell, or `None` when a file has
    none of the key columns), -> bucket * YEARS_PER_BUCKET, or ODD for a total line. Shared by the
    files that have the same key fields (see `for_file`), so a payee is looked up once per run. A
    miss asks the run's RowBuckets, which does the real work once per distinct key."""

    def __init__(self, buckets: "Buckets", places: tuple[int | None, ...]) -> None:
        super().__init__()
        self.row_buckets = buckets.row_buckets
        self.places = places
        self.single = places.count(None) == len(places) - 1

    @staticmethod
    def for_file(buckets: "Buckets", key_columns: list[int | None]) -> tuple["KeyCodes", Any]:
        """The codes for a file with these key columns, and the getter that picks its key cells."""
        present = [column for column in key_columns if column is not None]
        # Where each of the four key fields sits in what the getter returns (None: not in the file).
        places = tuple(None if column is None else present.index(column) for column in key_columns)
        codes = buckets.key_codes.get(places)
        if codes is None:
            codes = buckets.key_codes[places] = KeyCodes(buckets, places)
        return codes, itemgetter(*present) if present else None

    def __missing__(self, picked: Any) -> int:
        if len(self) >= CACHE_LIMIT:
            self.clear()
        cells = (picked,) if self.single else picked
        key = tuple("" if place is None else cells[place] for place in self.places)
        bucket = self.row_buckets[key]  # type: ignore[index]
        code = self[picked] = ODD if bucket == TOTAL_LINE else bucket * YEARS_PER_BUCKET
        return code


# GroupCodes' answers for rows it cannot settle: the description has a say, or the cells are new.
LOOK_FURTHER = -1
NEW_CELLS = -2


class GroupCodes(dict[Any, int]):
    """A row's category, supplier and company number cells, as one itemgetter picks them, ->
    bucket * YEARS_PER_BUCKET (ODD for a total line) where those cells settle the bucket whatever
    the description, else LOOK_FURTHER. Rows settled so are spared hashing their description (the
    longest key cell, a new string on every row) and comparing it.

    A miss only reads what the buckets already know and makes nothing: cells not seen before
    give NEW_CELLS, unremembered. The rows that get LOOK_FURTHER or NEW_CELLS are then looked up
    in KeyCodes, in line order; as only those can make a bucket, buckets are made in the same
    order as when every row is looked up in KeyCodes. Used for files with a description column
    (see FilePass._buckets for when a file stops using it)."""

    def __init__(self, buckets: "Buckets", places: tuple[int | None, ...]) -> None:
        super().__init__()
        self.buckets = buckets
        self.places = places
        self.single = places.count(None) == len(places) - 1

    @staticmethod
    def for_file(buckets: "Buckets", key_columns: list[int | None]) -> tuple["GroupCodes | None", Any]:
        """As KeyCodes.for_file, for the first three key fields; (None, None) where there is no
        description column, or none of the other three, so KeyCodes alone is the shorter way."""
        *fields, description = key_columns
        present = [column for column in fields if column is not None]
        if description is None or not present:
            return None, None
        places = tuple(None if column is None else present.index(column) for column in fields)
        codes = buckets.group_codes.get(places)
        if codes is None:
            codes = buckets.group_codes[places] = GroupCodes(buckets, places)
        return codes, itemgetter(*present)

    def __missing__(self, picked: Any) -> int:
        cells = (picked,) if self.single else picked
        category, supplier, number = ("" if place is None else cells[place] for place in self.places)
        group = self.buckets.known_group(category, supplier, number)
        if group is None:
            return NEW_CELLS
        if len(self) >= CACHE_LIMIT:
            self.clear()
        if isinstance(group, dict):  # the description has a say
            code = self[picked] = LOOK_FURTHER
        else:
            code = self[picked] = ODD if group == TOTAL_LINE else group * YEARS_PER_BUCKET
        return code
