"""More words that settle a payment's sector, and phrases that only look like sector words.

The first rules (screening/payment_sectors.py) left two thirds of a real council's rows in
"other": most files name only the supplier, and councils' expense types use their own words
("repairs to voids", "accommodation based services"). These rules add three things, measured on
real files by `python -m bench sector_coverage` (figures in docs/spend.md):

- MASKS: phrases that contain a sector's word but are not that sector ("social security
  benefits" is not guarding, "customer care" is not social care). They are blanked out before
  any word is looked for, so a payment named by them falls to whatever else it says.
- MORE_WORDS: councils' expense types and descriptions, read in any field.
- NAME_WORDS: what only a supplier's name says: its trade in its name ("... Tree Surgeons",
  "... Cars Ltd"), and a few large public-sector contractors whose names say nothing of their
  trade. Read only in the supplier name: "Mears" or "cars" in a description means little.

Every pattern matches whole words only (see `_compile`).
"""

import re

# Not the sector they seem to name. Longest first where one contains another.
_MASKS = [
    r"social security(?: benefits?| payments?| contributions?)?",
    r"security (?:deposits?|bonds?|for costs)",
    r"(?:cyber|information|data|it|ict|network|internet|e-?mail|web|email) security",
    r"customer care",
    r"(?:skin|hair|lawn|pet|eye|car|auto) ?care",
    r"clean air(?: zone)?",
    r"clean energy",
    # Public bodies paid fares, grants and levies, not hauliers.
    r"transport for london|department for transport",
    r"waste of (?:time|money)",
]

_MORE_WORDS: list[tuple[str, str]] = [
    ("vehicle_washing", r"carwash(?:es)?|valeters?|car valet\w*|jet wash(?:ing)?"),
    ("agency_labour", r"agency (?:supply|placements?)|temps|(?:interim|temporary) (?:workers?|cover)|umbrella company"),
    (
        "security",
        r"cctv|door entry|cash (?:collection|in transit)|parking (?:enforcement|attendants?)|"
        r"civil enforcement(?: officers?)?|concierge|night watch\w*|static guards?|mobile patrols?",
    ),
    ("waste", r"bulky (?:waste|items?)|clinical waste|grease traps?|drainage (?:clearance|cleaning)|sewage"),
    ("cleaning", r"caretak(?:er|ers|ing)|window clean\w*|deep clean\w*|graffiti removal|carpet clean\w*|wash ?rooms?"),
    ("hospitality_catering", r"refreshments|hospitality|buffets?|lunch(?:es)?|banqueting"),
    (
        "care",
        r"supported (?:housing|accommodation|lodgings?)|supporting people|accommodation based services|"
        r"(?:floating|family|tenancy|housing related) support(?: packages?| services?)?|resettlement(?: services?)?|"
        r"(?:street|homeless(?:ness)?) (?:outreach|services?)|homeless(?:ness)? hostels?|rncc|"
        r"extra care|sheltered (?:housing|accommodation)|personal assistants?|direct payments?|"
        r"care packages?|spot placements?|residential placements?|counselling|mental health|learning disabilit\w*|"
        r"older people|elderly|occupational therap\w*|therapists?|carers?|home ?care|homecare|"
        r"leaving care|looked after children|section 17",
    ),
    (
        "construction",
        r"adaptations?|voids|void (?:repairs?|works?|properties|clearance)|respons(?:e|ive) repairs?|"
        r"(?:day to day|structural|planned) (?:repairs?|maintenance|works?)|"
        r"repairs (?:and|&) (?:alterations|maintenance)|repairs to (?:voids|properties|buildings|dwellings)|"
        r"building contracts?|new build|gas (?:servicing|repairs?)|boilers?|heating (?:repairs?|installations?)|"
        r"carpentry|carpenters?|joiners?|bricklay\w*|plasterers?|electricians?|decent homes|"
        r"kitchens? (?:and|&) bathrooms?|windows? (?:replacement|installation)|disabled facilities grants?|"
        r"contractors? (?:fees|certs?|certificates)|major works|cyclical (?:repairs?|maintenance|decorations?)|"
        r"external (?:repairs?|decorations?|works?)|surfacing|asphalt|kerbs?|footways?|street lighting",
    ),
    (
        "logistics",
        r"hired vehicles?|vehicle (?:rental|leasing)|storage services?|(?:mini ?)?cabs?|private hire|"
        r"chauffeurs?|passenger transport|school transport|escorts?",
    ),
    (
        "agriculture_fishing",
        r"tree surgeons?|tree (?:felling|maintenance)|landscapes|nurser(?:y|ies) plants|allotments?",
    ),
]

_NAME_WORDS: list[tuple[str, str]] = [
    (
        "agency_labour",
        r"matrix scm|hays (?:plc|specialist recruitment|social care)|adecco|randstad|manpower|pertemps|"
        r"kelly (?:services|executive)",
    ),
    ("security", r"g4s|securitas|corps security|carlisle security"),
    ("waste", r"veolia|biffa|viridor|suez|sita|cory environmental|grundon"),
    ("cleaning", r"iss|ocs|mitie|rentokil initial"),
    ("hospitality_catering", r"sodexo|compass group|aramark|chartwells|caterlink|elior|taylor shaw|ymca"),
    (
        "care",
        r"\w+care|care(?!er|tak)\w*|mencap|autism|fostering|family placements?(?: agency)?|"
        r"(?:for|services for) children|children'?s services|action for children|barnardo'?s?(?: services)?|"
        r"women'?s aid|homeless(?:ness)?|supported homes|support(?:ing)? people|nursing|crossroads|"
        r"st mungo'?s?|thames reach|centrepoint|nacro|regard partnership|choice support|support trust|rest homes?|"
        r"abbeyfield|leonard cheshire|disabilit(?:y|ies)|rehabilitation|pre-? ?schools?|playgroups?|childminders?",
    ),
    (
        "construction",
        r"mears|kier|carillion|balfour beatty|morgan sindall|willmott dixon|wates|mulalley|breyer|lovell|"
        r"galliford try|isg|interserve|f ?m conway|may gurney|morrison facilities|keepmoat|lakehouse|"
        r"property (?:services|maintenance)|maintenance|build|builds|contractors|electrical (?:services|contractors)|"
        r"plumbing|heating|roofing|scaffolding|glazing|windows|lighting services",
    ),
    ("logistics", r"cars|travel ltd|coaches|removals|couriers|pitney bowes"),
    (
        "agriculture_fishing",
        r"tree surgeons?|landscapes|grounds maintenance|fountains environmental|gardeners?|gardening",
    ),
]


def _compile(pattern: str) -> re.Pattern[str]:
    # Whole words: "carwash" is a word of its own; "security" inside "securityplus" is not ours.
    return re.compile(rf"(?<![a-z0-9])(?:{pattern})(?![a-z0-9])")


MASKS = _compile("|".join(_MASKS))
MORE_WORDS = [(sector, _compile(pattern)) for sector, pattern in _MORE_WORDS]
NAME_WORDS = [(sector, _compile(pattern)) for sector, pattern in _NAME_WORDS]


def mask(text: str) -> str:
    """Lower-case text with the look-alike phrases blanked out."""
    return MASKS.sub(" ", text.lower())


def find(text: str, *, supplier_name: bool = False) -> tuple[str, str] | None:
    """The sector these words settle and the words that settled it, or None. `text` is already
    lower-cased and masked (see mask). Supplier names are read with NAME_WORDS too, first."""
    rules = [*NAME_WORDS, *MORE_WORDS] if supplier_name else MORE_WORDS
    for sector, pattern in rules:
        if match := pattern.search(text):
            return sector, match.group(0)
    return None
