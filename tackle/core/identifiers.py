"""UK postcodes, Companies House numbers and UPRNs, read one way by every module.

Spend files, regulators' registers, the statement registry and officers' forms all write these
identifiers loosely ("b66 1aa", "SW1A-1AA", "123 4567", "sc 12345"). Matching records across them
only works if every module reads them alike, so this is the one place that does.
"""

import re

# Outward code (area, district) then inward code (sector digit, unit letters). The unit letters never
# use C, I, K, M, O or V; the pattern follows the published format, not the list of live postcodes.
_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][ABD-HJLNP-UW-Z]{2})$")
# Eight digits, or a two-character prefix (letters, or R0 for older Northern Ireland companies) and
# six digits. Spreadsheets drop leading zeros, so shorter digit runs are padded.
_COMPANY_NUMBER = re.compile(r"^(?:([A-Z]{2}|R0)([0-9]{1,6})|([0-9]{1,8}))$")
# The prefixes Companies House gives companies, LLPs and partnerships that officers meet in
# enforcement work. Other bodies (societies, charities) have other prefixes; imports accept any two
# letters, an officer's form only these.
COMPANY_PREFIXES = frozenset(
    {"SC", "NI", "OC", "SO", "NC", "R0", "LP", "SL", "NL", "FC", "SF", "GE", "IP", "SP", "RS", "CE", "CS"}
)
_UPRN = re.compile(r"^[0-9]{1,12}$")
_NOT_ALPHANUMERIC = re.compile(r"[^A-Za-z0-9]")


def normalise_postcode(text: str | None) -> str | None:
    """ "b66 1aa", "B661AA", "SW1A-1AA" -> "B66 1AA", "SW1A 1AA"; None when it is not a UK postcode."""
    compact = _NOT_ALPHANUMERIC.sub("", text or "").upper()
    match = _POSTCODE.match(compact)
    return f"{match.group(1)} {match.group(2)}" if match else None


def normalise_company_number(text: str | None, *, known_prefixes_only: bool = False) -> str | None:
    """Companies House numbers are eight characters: "1234567" -> "01234567", "sc 12345" ->
    "SC012345". None when it is not one, or (known_prefixes_only) its prefix is not in
    COMPANY_PREFIXES."""
    compact = _NOT_ALPHANUMERIC.sub("", text or "").upper()
    match = _COMPANY_NUMBER.match(compact)
    if match is None:
        return None
    prefix, digits, plain = match.groups()
    if plain is not None:
        return plain.zfill(8)
    if known_prefixes_only and prefix not in COMPANY_PREFIXES:
        return None
    return prefix + digits.zfill(6)


def is_uprn(text: str | None) -> bool:
    """A Unique Property Reference Number: up to 12 digits."""
    return bool(_UPRN.match(text or ""))
