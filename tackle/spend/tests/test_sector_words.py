"""The later sector words (rules/sector_words.py) and their edges, through the classifier that
uses them: whole words only, look-alike phrases masked, supplier-name words read only in names."""

import pytest

from tackle.spend.rules import sector_words
from tackle.spend.screening.payment_sectors import EMPTY_LEXICON, Classifier, classify


def _sector(category: str = "", description: str = "", supplier: str = "") -> str:
    return classify(category=category, description=description, supplier=supplier, lexicon=EMPTY_LEXICON).sector


@pytest.mark.parametrize(
    ("category", "supplier", "sector"),
    [
        ("SUPPORTED HOUSING - PRIVATE", "", "care"),
        ("ACCOMMODATION BASED SERVICES", "", "care"),
        ("REPAIRS TO VOIDS", "", "construction"),
        ("DAY TO DAY & RESPONSE REPAIRS", "", "construction"),
        ("HIRED VEHICLES", "", "logistics"),
        ("CCTV AND DOOR ENTRY - PLANNED", "", "security"),
        ("", "Bright Carwash", "vehicle_washing"),
        ("", "Sherwood Cars Ltd.", "logistics"),
        ("", "City Suburban Tree Surgeons", "agriculture_fishing"),
        ("", "Veolia ES (UK) Ltd", "waste"),
        ("", "Curocare Ltd", "care"),
        ("", "Caretech Community Services Ltd", "care"),
        ("", "Lambeth Mencap", "care"),
        ("", "EPS Maintenance", "construction"),
    ],
)
def test_more_rows_are_settled(category, supplier, sector):
    assert _sector(category=category, supplier=supplier) == sector


def test_car_wash_is_found_written_as_one_word_or_two():
    assert _sector(description="car wash") == "vehicle_washing"
    assert _sector(description="carwash") == "vehicle_washing"


@pytest.mark.parametrize(
    "text",
    [
        "Social security benefits overpaid",
        "Security deposit refund",
        "Cyber security audit",
        "Information security consultancy",
    ],
)
def test_security_words_that_are_not_guarding_settle_nothing(text):
    assert _sector(category=text) == "other"


def test_a_masked_phrase_leaves_the_rest_of_the_text_to_speak():
    assert _sector(category="Security deposit for guarding contract") == "security"


@pytest.mark.parametrize(
    "text", ["Customer care training", "Skincare products", "Careers fair stand", "Clean air zone"]
)
def test_care_and_cleaning_look_alikes_settle_nothing(text):
    assert _sector(category=text) == "other"


def test_a_sector_word_inside_another_word_does_not_match():
    # "isg" is a contractor's name, "risg" is not; "build" is a trade, "buildbase" a word of its own.
    assert _sector(supplier="Risgate Holdings") == "other"
    assert _sector(supplier="Buildbase Ltd") == "other"
    assert _sector(supplier="ISG Jackson Limited") == "construction"


def test_supplier_name_words_are_read_only_in_supplier_names():
    # "cars" names a minicab firm; in a description it says nothing about the trade.
    assert _sector(description="Parking permits for pool cars") == "other"
    assert _sector(supplier="Sherwood Cars") == "logistics"


def test_what_was_bought_still_speaks_before_the_suppliers_name():
    assert _sector(category="Legal fees", supplier="Veolia ES (UK) Ltd") == "waste"  # nothing bought said
    assert _sector(category="Hired vehicles", supplier="Veolia ES (UK) Ltd") == "logistics"


def test_the_first_rules_alone_can_still_be_asked():
    old = Classifier(EMPTY_LEXICON, more_words=False)
    new = Classifier(EMPTY_LEXICON)
    assert old.classify(category="", description="", supplier="Veolia ES (UK) Ltd").sector == "other"
    assert new.classify(category="", description="", supplier="Veolia ES (UK) Ltd").sector == "waste"
    # Without the masks, the first rules take social security for guarding.
    assert old.classify(category="Social security benefits", description="", supplier="").sector == "security"


def test_mask_blanks_look_alikes_and_lowers_the_rest():
    assert sector_words.mask("Social Security Benefits paid").split() == ["paid"]
    assert sector_words.find("hired vehicles") == ("logistics", "hired vehicles")
    assert sector_words.find("sherwood cars") is None
    assert sector_words.find("sherwood cars", supplier_name=True) == ("logistics", "cars")


def test_a_caretaker_is_cleaning_not_care():
    assert _sector(supplier="Borough Caretaking Services Ltd") == "cleaning"
    assert _sector(category="Caretakers") == "cleaning"
    assert _sector(supplier="Careline Homecare Ltd") == "care"
