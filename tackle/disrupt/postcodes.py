"""UK postcodes and company numbers: pure functions, no database."""

import re

# Outward code (area, district) then inward code (sector digit, unit letters). The unit letters never
# use C, I, K, M, O or V; the pattern follows the published format, not the list of live postcodes.
_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][ABD-HJLNP-UW-Z]{2})$")
_COMPANY_NUMBER = re.compile(r"^([0-9]{8}|(SC|NI|OC|SO|NC|R0|LP|SL|NL|FC|SF|GE)[0-9]{6})$")
_UPRN = re.compile(r"^[0-9]{1,12}$")


def normalise_postcode(text: str) -> str | None:
    """ "b66 1aa", "B661AA" -> "B66 1AA"; None when it is not a UK postcode."""
    compact = re.sub(r"\s+", "", text or "").upper()
    match = _POSTCODE.match(compact)
    if not match:
        return None
    return f"{match.group(1)} {match.group(2)}"


def normalise_company_number(text: str) -> str | None:
    """Companies House numbers: 8 digits, or a two-letter prefix and 6 digits. Short numbers gain
    leading zeros ("123456" -> "00123456"), as Companies House writes them."""
    compact = re.sub(r"\s+", "", text or "").upper()
    if compact.isdigit() and len(compact) < 8:
        compact = compact.zfill(8)
    return compact if _COMPANY_NUMBER.match(compact) else None


def is_uprn(text: str) -> bool:
    """A Unique Property Reference Number: up to 12 digits."""
    return bool(_UPRN.match(text or ""))
