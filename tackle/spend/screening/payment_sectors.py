"""Which sector a payment falls in, from the words a council uses to describe it.

Rules are ours: a few word patterns per sector, tried in order from the most specific (a hand car
wash is vehicle washing before it is cleaning). Text from the expense category and description
says what was bought; the supplier's name often says what the supplier does. The SIC synonyms in
the shared reference data, read when the screening starts, add vocabulary for what the rules miss.
"""

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tackle.spend.rules import sector_words
from tackle.suppliers.sectors import HIGH_RISK_SECTORS, Sector

OTHER = Sector.OTHER.value

# Order matters: the first sector whose pattern matches wins.
_RULES: list[tuple[str, str]] = [
    (Sector.VEHICLE_WASHING, r"car ?wash|vehicle wash|hand wash|valet(?:ing)?"),
    (
        Sector.AGENCY_LABOUR,
        r"agency (?:staff|worker|labour|cost|fee|nurs|carer|social work)|temporary (?:staff|worker|labour)|"
        r"temp staff|interim (?:staff|manager)|recruitment|recruiters?|staffing|resourcing|personnel|locums?|"
        r"supply (?:teacher|staff)|labour (?:supply|hire)|employment (?:agenc|business)",
    ),
    (
        Sector.SECURITY,
        r"security|guarding|guards?|door supervis|stewarding|keyholding|patrols?|alarm (?:monitoring|response)",
    ),
    (Sector.WASTE, r"waste|refuse|recycl|rubbish|landfill|skip hire|cleansing|fly ?tipping|clinical disposal"),
    (Sector.CLEANING, r"clean(?:ing|ers?)?|janitor|hygiene|washroom|laundry|launderette|pest control"),
    (
        Sector.HOSPITALITY_CATERING,
        r"cater(?:ing|ers?)|school meals|meals on wheels|canteen|restaurant|hotels?|guest ?houses?|"
        r"bed (?:and|&) breakfast|b ?(?:and|&) ?b|hostels?|nightly paid|catering",
    ),
    (
        Sector.FOOD_PROCESSING,
        r"food|meat|bakery|bakers?|butchers?|provisions|groceries|grocer|dairy|fruit|vegetables?|beverages?|drinks",
    ),
    (
        Sector.CARE,
        r"care|healthcare|nursing|domiciliary|supported living|respite|fostering|foster carers?|"
        r"residential (?:home|placement|school)s?|day centres?|floating support|home support|reablement|"
        r"nurser(?:y|ies)|children'?s homes?|hospice",
    ),
    (
        Sector.TEXTILES_CLOTHING,
        r"textiles?|clothing|clothes|uniforms?|workwear|garments?|apparel|footwear|shoes|fabrics?|tailor",
    ),
    (
        Sector.CONSTRUCTION,
        r"construction|constructors?|builders?|building (?:works?|contractors?|maintenance|repairs?)|"
        r"civil engineering|civils|refurbishment|(?:reactive|planned|responsive|day to day) (?:maintenance|repairs)|"
        r"repairs and maintenance|roofing|roofers?|scaffold(?:ing)?|plumbing|plumbers?|electrical contractors?|"
        r"decorat(?:ing|ors?|ion)|joinery|demolition|groundworks?|paving|highways?|road ?works|resurfacing|"
        r"capital works|glazing|brickwork|damp proofing|lifts?|landscape construction|kitchen (?:and|&) bathroom",
    ),
    (
        Sector.LOGISTICS,
        r"transport|haulage|hauliers?|couriers?|deliver(?:y|ies)|freight|logistics|removals?|distribution|"
        r"warehous(?:e|ing)|taxis?|cabs|minibus(?:es)?|coach(?:es)? hire|vehicle hire|fleet|postage|postal|"
        r"parcels?|shipping",
    ),
    (
        Sector.ELECTRONICS,
        r"electronics?|computers?|laptops?|(?:it|ict|computer) (?:hardware|equipment)|printers|tablets|"
        r"mobile (?:phones?|devices?)|handsets?|audio ?visual|electrical (?:goods|equipment)|solar panels?",
    ),
    (Sector.MINING, r"mining|quarr(?:y|ies|ying)|aggregates|minerals?|coal|gravel|rock salt|road salt|gritting salt"),
    (
        Sector.AGRICULTURE_FISHING,
        r"farms?|farming|farmers?|agricultur\w*|horticultur\w*|fisher(?:y|ies|men)|fishing|seafood|livestock|"
        r"growers?|grounds maintenance|landscap(?:e|ing)|gardening|gardeners?|tree (?:surgery|works?)|arboricultur\w*",
    ),
    (
        Sector.MANUFACTURING,
        r"manufactur\w*|fabrication|furniture|printing|printers ltd|signs|signage|steel|timber|plastics|"
        r"packaging|industries|engineering products",
    ),
]
RULES: list[tuple[str, re.Pattern[str]]] = [
    (str(sector), re.compile(rf"(?<![a-z0-9])(?:{pattern})(?![a-z0-9])")) for sector, pattern in _RULES
]
_WORDS = re.compile(r"[a-z0-9']+")

# SIC 2007 divisions (the first two digits of a code) and the sector each falls in. Ours: the
# reference files list codes and synonyms but say nothing about forced-labour risk.
_DIVISIONS: dict[str, str] = {
    **dict.fromkeys(["01", "02", "03"], Sector.AGRICULTURE_FISHING),
    **dict.fromkeys(["05", "06", "07", "08", "09"], Sector.MINING),
    **dict.fromkeys(["10", "11", "12"], Sector.FOOD_PROCESSING),
    **dict.fromkeys(["13", "14", "15"], Sector.TEXTILES_CLOTHING),
    **dict.fromkeys([f"{n}" for n in range(16, 34) if n != 26], Sector.MANUFACTURING),
    "26": Sector.ELECTRONICS,
    **dict.fromkeys(["37", "38", "39"], Sector.WASTE),
    **dict.fromkeys(["41", "42", "43"], Sector.CONSTRUCTION),
    **dict.fromkeys(["49", "50", "51", "52", "53"], Sector.LOGISTICS),
    **dict.fromkeys(["55", "56"], Sector.HOSPITALITY_CATERING),
    "78": Sector.AGENCY_LABOUR,
    "80": Sector.SECURITY,
    **dict.fromkeys(["86", "87", "88"], Sector.CARE),
}
_GROUPS: dict[str, str] = {"812": Sector.CLEANING, "9601": Sector.CLEANING}


def sector_of_sic_code(code: str) -> str:
    """The sector of a five-digit SIC 2007 code (leading zero included), `other` if none."""
    for prefix in (code[:4], code[:3]):
        if prefix in _GROUPS:
            return str(_GROUPS[prefix])
    return str(_DIVISIONS.get(code[:2], OTHER))


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Phrases from the SIC synonyms list, each pointing at the one sector it names."""

    phrases: dict[str, str]
    longest: int

    def find(self, text: str) -> tuple[str, str] | None:
        words = _WORDS.findall(text)
        for size in range(min(self.longest, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                phrase = " ".join(words[start : start + size])
                if phrase in self.phrases:
                    return self.phrases[phrase], phrase
        return None


EMPTY_LEXICON = Lexicon(phrases={}, longest=0)


def load_lexicon(reference_folder: Path | None) -> Lexicon:
    """Read `MSU-SicSectorSynonyms.csv` from the reference folder; no file, no extra vocabulary.
    A phrase that names two sectors, or only `other`, tells us nothing and is left out."""
    if reference_folder is None:
        return EMPTY_LEXICON
    path = reference_folder / "MSU-SicSectorSynonyms.csv"
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return _lexicon_from(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error):
        return EMPTY_LEXICON


def _lexicon_from(rows: Iterable[dict[str, str]]) -> Lexicon:
    seen: dict[str, set[str]] = {}
    for row in rows:
        code = (row.get("LeadingZeroSicCodeId") or "").strip()
        sector = sector_of_sic_code(code) if len(code) == 5 else OTHER
        for synonym in (row.get("ListOfSynonyms") or "").split(","):
            phrase = " ".join(_WORDS.findall(synonym.lower()))
            if len(phrase) >= 4:
                seen.setdefault(phrase, set()).add(sector)
    phrases = {
        phrase: next(iter(sectors)) for phrase, sectors in seen.items() if len(sectors) == 1 and OTHER not in sectors
    }
    return Lexicon(phrases=phrases, longest=max((p.count(" ") + 1 for p in phrases), default=0))


@dataclass(frozen=True, slots=True)
class Classification:
    sector: str
    high_risk: bool
    reason: str


class Classifier:
    """Classifies payments, remembering what each distinct text gave: a spend file repeats the same
    categories and supplier names thousands of times. more_words=False reads with the first rules
    alone (no masks, no rules.sector_words), so the bench can show what the later words settle."""

    def __init__(self, lexicon: Lexicon = EMPTY_LEXICON, *, more_words: bool = True) -> None:
        self.lexicon = lexicon
        self.more_words = more_words
        self._found: dict[tuple[str, str], tuple[str, str] | None] = {}
        self._words: dict[tuple[str, str], tuple[str, str] | None] = {}

    def classify(
        self, *, category: str, description: str, supplier: str, register_sectors: tuple[str, ...] = ()
    ) -> Classification:
        """The sector of one payment and why. What the council bought speaks first (category, then
        description); then what the register says the supplier does; then the supplier's name;
        then the SIC synonyms, in the same order of fields."""
        found = self._rule("expense category", category) or self._rule("description", description)
        if register_sectors:
            known = [sector for sector in register_sectors if sector in Sector.values]
            if found and found[0] in known:
                return _result(found[0], f"{found[1]} (and the supplier register)")
            if known and (found is None or found[0] not in HIGH_RISK_SECTORS):
                return _result(known[0], "supplier register")
        found = (
            found
            or self._rule("supplier name", supplier)
            or self._synonym("expense category", category)
            or self._synonym("description", description)
            or self._synonym("supplier name", supplier)
        )
        if found is None:
            return _result(OTHER, "no sector words found")
        return _result(*found)

    def without_description(
        self, *, category: str, supplier: str, register_sectors: tuple[str, ...] = ()
    ) -> Classification | None:
        """The classification when the category alone settles it (the description is never read
        then), or None when the description must be looked at."""
        if self._rule("expense category", category) is None:
            return None
        return self.classify(category=category, description="", supplier=supplier, register_sectors=register_sectors)

    def description_key(self, description: str) -> tuple[object, ...]:
        """What a description contributes to a classification: two descriptions with the same key
        classify the same way, whatever else they say."""
        return (self._rule("description", description), self._synonym("description", description))

    def _rule(self, field: str, text: str) -> tuple[str, str] | None:
        key = (field, text)
        if key in self._found:
            return self._found[key]
        if len(self._found) > 500_000:
            self._found.clear()
        lowered = sector_words.mask(text) if self.more_words else text.lower()
        result = None
        for sector, pattern in RULES:
            if match := pattern.search(lowered):
                result = (sector, f"'{match.group(0)}' in the {field}")
                break
        if result is None and self.more_words:
            more = sector_words.find(lowered, supplier_name=field == "supplier name")
            result = (more[0], f"'{more[1]}' in the {field}") if more else None
        self._found[key] = result
        return result

    def _synonym(self, field: str, text: str) -> tuple[str, str] | None:
        if not self.lexicon.phrases or not text:
            return None
        key = (field, text)
        if key in self._words:
            return self._words[key]
        if len(self._words) > 500_000:
            self._words.clear()
        hit = self.lexicon.find(sector_words.mask(text) if self.more_words else text.lower())
        result = (hit[0], f"'{hit[1]}' in the {field} (SIC synonyms)") if hit else None
        self._words[key] = result
        return result


def classify(
    *, category: str, description: str, supplier: str, register_sectors: tuple[str, ...] = (), lexicon: Lexicon
) -> Classification:
    """One payment, without a cache: for tests and single look-ups."""
    return Classifier(lexicon).classify(
        category=category, description=description, supplier=supplier, register_sectors=register_sectors
    )


def _result(sector: str, reason: str) -> Classification:
    return Classification(sector=sector, high_risk=sector in HIGH_RISK_SECTORS, reason=reason)
