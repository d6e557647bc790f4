"""Normalisers: the same business written by two regulators should come out the same.

Pure functions over strings, no database. Matching compares what these return, never the raw
text, so "A & B Hand Car Wash Ltd." and "A and B Hand Carwash Limited" meet in the middle.
"""

import re
from datetime import date, datetime
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

_PUNCTUATION = re.compile(r"[^\w\s]")
_APOSTROPHE = re.compile("['\u2019`]")
_SPACES = re.compile(r"\s+")

# Spellings in business names that mean the same thing.
_NAME_WORDS = {
    "ltd": "limited",
    "co": "company",
    "coy": "company",
    "bros": "brothers",
    "intl": "international",
    "svcs": "services",
    "servs": "services",
    "svc": "service",
    "mgmt": "management",
    "assoc": "associates",
    "ctr": "centre",
    "center": "centre",
    "carwash": "car wash",
    "handwash": "hand wash",
    "takeaway": "take away",
    "tkwy": "take away",
    "nails": "nail",
    "grp": "group",
    "hldgs": "holdings",
    "dept": "department",
    "st": "saint",
}
# Words that say what kind of legal entity it is, not which one: left out when matching.
_LEGAL_WORDS = frozenset({"limited", "plc", "llp", "lp", "company", "the", "and", "of", "t", "a", "ta", "cic"})

# Spellings in addresses that mean the same thing.
_ADDRESS_WORDS = {
    "st": "street",
    "str": "street",
    "rd": "road",
    "ave": "avenue",
    "av": "avenue",
    "ln": "lane",
    "dr": "drive",
    "cres": "crescent",
    "ct": "court",
    "pl": "place",
    "sq": "square",
    "gdns": "gardens",
    "tce": "terrace",
    "terr": "terrace",
    "pde": "parade",
    "hwy": "highway",
    "cl": "close",
    "gr": "grove",
    "gro": "grove",
    "pk": "park",
    "bldgs": "buildings",
    "bldg": "building",
    "ind": "industrial",
    "est": "estate",
    "nth": "north",
    "sth": "south",
    "apt": "unit",
    "apartment": "unit",
    "flat": "unit",
    "fl": "unit",
    "suite": "unit",
    "ste": "unit",
    "shop": "unit",
    "units": "unit",
    "mkt": "market",
    "ctr": "centre",
    "center": "centre",
    "yd": "yard",
    "wy": "way",
    "wk": "walk",
    "bvd": "boulevard",
}
_ADDRESS_DROP = frozenset({"no", "number", "the", "and"})

PREMISES_TYPES: dict[str, "StrOrPromise"] = {
    "hand_car_wash": _("Hand car wash"),
    "nail_bar": _("Nail bar"),
    "takeaway": _("Takeaway"),
    "restaurant": _("Restaurant"),
    "hmo": _("House in multiple occupation"),
    "farm": _("Farm"),
    "factory": _("Factory"),
    "warehouse": _("Warehouse"),
    "care_home": _("Care home"),
    "other": _("Other"),
}
# First match wins, so the more specific phrases come first. Words are matched on normalised text.
_TYPE_CLUES: list[tuple[str, tuple[str, ...]]] = [
    ("hand_car_wash", ("hand car wash", "car wash", "hand wash", "valet", "valeting", "car valet")),
    ("nail_bar", ("nail bar", "nail salon", "nail", "manicure", "beauty")),
    ("hmo", ("hmo", "multiple occupation", "house in multiple", "shared house", "bedsit")),
    ("care_home", ("care home", "nursing home", "residential care", "domiciliary")),
    ("takeaway", ("take away", "kebab", "pizza", "fish and chips", "chippy", "fried chicken", "chicken", "burger")),
    ("restaurant", ("restaurant", "cafe", "diner", "bistro", "food service", "catering")),
    ("farm", ("farm", "agricultur", "horticultur", "nursery", "packhouse", "grower")),
    ("warehouse", ("warehouse", "distribution", "logistics", "storage", "depot")),
    ("factory", ("factory", "manufactur", "processing", "textile", "garment", "recycling")),
]


def _clean(raw: str) -> list[str]:
    text = raw.lower().replace("&", " and ").replace("+", " and ")
    text = _APOSTROPHE.sub("", text)
    text = _PUNCTUATION.sub(" ", text).replace("_", " ")
    return text.split()


def normalise_name(raw: str) -> str:
    """Lower case, '&' as 'and', no punctuation, common abbreviations spelled out."""
    words: list[str] = []
    for word in _clean(raw):
        words.extend(_NAME_WORDS.get(word, word).split())
    return " ".join(words)


def name_key(raw: str) -> str:
    """The name for matching: normalised, without the words that only say it is a company."""
    words = [word for word in normalise_name(raw).split() if word not in _LEGAL_WORDS]
    return " ".join(words)


def normalise_address(raw: str) -> str:
    """Lower case, street words spelled out (St as Street, Rd as Road), flats and units alike."""
    words: list[str] = []
    for word in _clean(raw):
        word = _ADDRESS_WORDS.get(word, word)
        if word not in _ADDRESS_DROP:
            words.append(word)
    return " ".join(words)


def address_numbers(address: str) -> frozenset[str]:
    """The numbers in a normalised address (house, flat, unit), e.g. {"2", "10a"}."""
    return frozenset(word for word in address.split() if word[0].isdigit())


def postcode_sector(postcode: str) -> str:
    """'B70 6AB' -> 'B70 6': a few thousand addresses, used to find candidate matches."""
    return postcode[:-2]


def premises_type(*texts: str) -> str:
    """The premises type these words describe (a type column first, then the name), or 'other'."""
    for text in texts:
        normal = f" {normalise_name(text)} "
        if not normal.strip():
            continue
        for kind, clues in _TYPE_CLUES:
            if any(f" {clue}" in normal for clue in clues):
                return kind
    return "other"


_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d")


def parse_date(raw: str) -> date | None:
    """A date in the shapes regulators' systems export (ISO, UK day first, '3 March 2026')."""
    text = _SPACES.sub(" ", raw.strip())
    text = text.split("T")[0] if re.match(r"^\d{4}-\d{2}-\d{2}T", text) else text
    text = text.split(" ")[0] if re.match(r"^\d{4}-\d{2}-\d{2} \d", text) else text
    for shape in _DATE_FORMATS:
        try:
            return datetime.strptime(text, shape).date()
        except ValueError:
            continue
    return None
