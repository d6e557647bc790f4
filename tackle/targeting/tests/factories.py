"""Small regulators' lists for tests, each with its own columns, as the regulators send them."""

TRADING_STANDARDS = """Trader Name,Trading As,Address,Town,Post Code,Company No,Business Type,Outcome,Visit Date
Sparkle Hand Car Wash Ltd,,12 High St,Westbury,b70 6ab,1234567,Car wash,Fail - no trading records,01/03/2026
Joe's Nails & Beauty,,Unit 3 Market Rd,Westbury,B70 6GD,,Nail bar,Pass,2026-02-01
Bad Postcode Ltd,,1 Nowhere,Westbury,NOTAPOSTCODE,,,,
"""
ENVIRONMENTAL_HEALTH = """Business,Premises Address,Postcode,Rating,Date of inspection
Sparkle Hand Carwash Limited,12 High Street,B70 6AB,1,2026-01-15
Joes Nails and Beauty,Unit 3 Market Road,B706GD,2,2026-01-10
Golden Dragon Takeaway,4 Mill Lane,B70 9EF,5,2025-12-01
"""
FIRE = """Premises name,Address line 1,Postcode,Company number,Non-compliance,Date
Sparkle Car Wash,12 High Street,B70 6AB,01234567,Yes,2026-04-02
Golden Dragon,4 Mill Ln,B70 9EF,,No,2026-03-03
Green Acres Farm,Long Lane,B71 1AA,,No,2026-03-03
"""

LISTS = {
    "trading_standards.csv": TRADING_STANDARDS,
    "environmental_health.csv": ENVIRONMENTAL_HEALTH,
    "fire.csv": FIRE,
}


def record(name: str, *, source: str = "a", line: int = 2, **extra: object):  # type: ignore[no-untyped-def]
    """A Record as read from a list, with normalised postcode and company number as given."""
    from tackle.targeting.sources import Record

    values = {
        "trading_name": "",
        "address": "",
        "town": "",
        "postcode": "",
        "company_number": "",
        "premises_type": "other",
        "non_compliant": False,
        "finding": "",
        "date": None,
    }
    values.update(extra)
    return Record(source=source, line=line, name=name, **values)  # type: ignore[arg-type]
