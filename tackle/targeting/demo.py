"""Demo regulators' lists for Demo Borough Council: five lists, each with its own columns and its
own way of writing the same businesses, so the ranking joins them. Some premises are those the
disruption demo holds intelligence and operations on. Safe to run twice: a list already imported
is left alone. Postcodes use the made-up DM area."""

import csv
import io
import random

from tackle.accounts.demo import DEMO_COUNCIL_CODE, demo_username
from tackle.accounts.models import Organisation, User
from tackle.core.roles import Role
from tackle.targeting.models import RegulatorList
from tackle.targeting.services import Upload, regulator_lists_import

# (name, address, postcode, company number, type): the premises as the council knows them.
PREMISES = [
    ("Shine Hand Car Wash", "Unit 3, Canal Side Trading Estate", "DM1 4QT", "12345678", "Hand car wash"),
    ("Polished Nails", "27 Market Street", "DM2 1AB", "SC654321", "Nail bar"),
    ("Golden Dragon Takeaway", "112 Station Road", "DM3 7HX", "", "Takeaway"),
    ("Victoria Lettings", "45 Victoria Terrace", "DM3 8LP", "", "HMO"),
    ("Hollybank Farm", "Hollybank Lane, Lower Marston", "DM9 2RS", "", "Farm"),
    ("Sparkle Auto Valet", "2 Forge Road", "DM1 5BB", "09876543", "Hand car wash"),
    ("Luxe Nails & Spa", "14 High Street", "DM2 3GD", "", "Nail bar"),
    ("Bella Pizza", "9 Church Lane", "DM4 1EF", "", "Takeaway"),
    ("Marston Packhouse Ltd", "Unit 7, Marston Business Park", "DM9 4GH", "07654321", "Factory"),
    ("Riverside Kitchen", "3 Quay Street", "DM5 2JL", "", "Restaurant"),
    ("Oakwood House", "8 Oakwood Avenue", "DM6 1LN", "", "HMO"),
    ("Express Hand Wash", "Former petrol station, London Road", "DM7 3NP", "", "Hand car wash"),
    ("Crown Fried Chicken", "61 Queen Street", "DM3 2QR", "", "Takeaway"),
    ("Northgate Logistics", "Unit 12, Northgate Park", "DM8 5ST", "11223344", "Warehouse"),
    ("Tip Top Nails", "5 Bridge Street", "DM2 4UW", "", "Nail bar"),
    ("Green Valley Growers", "Valley Farm, Mill Road", "DM9 7WX", "", "Farm"),
    ("Corner Convenience Store", "1 Park Road", "DM4 3YZ", "", "Retail"),
    ("Brightwell Care Home", "8 Elm Grove", "DM4 6TW", "", "Care home"),
]
ABBREVIATIONS = [(" Street", " St"), (" Road", " Rd"), (" Lane", " Ln"), (" & ", " and "), (" Avenue", " Ave")]
# (source, header for: name, trading name, address, postcode, company, type, result, date; None: not kept)
LISTS: list[tuple[str, tuple[str | None, ...]]] = [
    (
        "trading_standards",
        ("Trader Name", "Trading As", "Address", "Post Code", "Company No", "Business Type", "Outcome", "Visit Date"),
    ),
    ("environmental_health", ("Business", None, "Premises Address", "Postcode", None, None, "Rating", "Date")),
    ("licensing", ("Licensee", "Premises Name", "Address Line 1", "Postcode", None, "Licence Type", "Status", None)),
    ("housing", ("Name", None, "Property Address", "Postcode", None, "Property Type", "Compliance", "Date checked")),
    ("hmrc_minimum_wage", ("Employer Name", None, "Address 1", "Post code", "CRN", "Sector", "Result", "Date")),
]
FAILS = {
    "trading_standards": ["Fail - no trading records", "Improvement notice", "Pass"],
    "environmental_health": ["1", "2", "4", "5"],
    "licensing": ["Licence suspended", "Granted", "Granted"],
    "housing": ["Non-compliant: overcrowding", "Compliant", "Compliant"],
    "hmrc_minimum_wage": ["Non-compliant - arrears found", "Compliant"],
}
# Premises each list names, by index in PREMISES: a regulator only knows some of them.
NAMED = {
    "trading_standards": [0, 1, 2, 5, 6, 7, 11, 12, 14, 16],
    "environmental_health": [2, 7, 9, 12, 16, 17],
    "licensing": [2, 7, 9, 12, 16],
    "housing": [3, 10, 2, 12],
    "hmrc_minimum_wage": [0, 1, 4, 5, 8, 11, 13, 15],
}
# Premises where the regulators found trouble (the rest mostly pass).
TROUBLED = {0, 1, 2, 3, 5, 11, 12}


def _as_written(place: tuple[str, ...], rng: random.Random) -> tuple[str, str]:
    name, address = place[0], place[1]
    for long, short in ABBREVIATIONS:
        if rng.random() < 0.5:
            name, address = name.replace(long, short), address.replace(long, short)
    if rng.random() < 0.3:
        name = name.upper()
    return name, address


def _csv(source: str, header: tuple[str | None, ...], rng: random.Random) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([column for column in header if column])
    for index in NAMED[source]:
        place = PREMISES[index]
        name, address = _as_written(place, rng)
        outcomes = FAILS[source]
        result = outcomes[0] if index in TROUBLED and rng.random() < 0.8 else outcomes[-1]
        when = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2025"
        trading = name if source == "licensing" else ""
        values = [name, trading, address, place[2], place[3], place[4], result, when]
        writer.writerow([value for value, column in zip(values, header, strict=True) if column])
    return buffer.getvalue().encode()


def load(*, scale: str = "demo", out=None) -> None:  # type: ignore[no-untyped-def]
    organisation = Organisation.objects.filter(code=DEMO_COUNCIL_CODE).first()
    actor = User.objects.filter(username=demo_username(Role.COMMUNITY_SAFETY_MANAGER)).first()
    if organisation is None or actor is None:
        return
    rng = random.Random(2026)  # noqa: S311  (made-up demo data, not security)
    uploads = [Upload(f"{source}.csv", _csv(source, header, rng)) for source, header in LISTS]
    known = set(RegulatorList.objects.filter(organisation=organisation).values_list("source", flat=True))
    missing = [upload for upload in uploads if upload.filename.removesuffix(".csv") not in known]
    if missing:
        regulator_lists_import(organisation=organisation, actor=actor, uploads=missing)
    if out is not None:
        out.write(f"Targeting: {len(missing)} regulators' lists imported\n")
