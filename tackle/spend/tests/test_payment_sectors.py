import pytest

from tackle.spend.screening.payment_sectors import EMPTY_LEXICON, classify, load_lexicon, sector_of_sic_code


@pytest.mark.parametrize(
    ("category", "description", "supplier", "sector"),
    [
        ("RESIDENTIAL CARE PRIVATE SPOT", "", "229 Mitcham Lane Ltd", "care"),
        ("HOME TO SCHOOL TRANSPORT", "", "A*Transport Ltd.", "logistics"),
        ("Agency Staff", "", "Hays", "agency_labour"),
        ("", "Hand car wash for pool cars", "", "vehicle_washing"),
        ("", "", "MJF Corporate Guarding Ltd", "security"),
        ("", "", "Veolia Waste Services", "waste"),
        ("", "", "Harrison Catering Services Ltd", "hospitality_catering"),
        ("REACTIVE MAINTENANCE", "", "A.N.D Projects LLP", "construction"),
        ("Uniforms", "", "", "textiles_clothing"),
        ("Street cleansing", "", "", "waste"),
        ("Office cleaning", "", "", "cleaning"),
        ("Laptops", "", "", "electronics"),
        ("Rock salt", "", "", "mining"),
        ("Grounds maintenance", "", "", "agriculture_fishing"),
        ("Stationery", "", "Deloitte LLP", "other"),
    ],
)
def test_payments_are_classified_from_their_words(category, description, supplier, sector):
    found = classify(category=category, description=description, supplier=supplier, lexicon=EMPTY_LEXICON)
    assert found.sector == sector
    assert found.high_risk == (sector != "other")


def test_what_was_bought_speaks_before_the_suppliers_name():
    found = classify(category="Security services", description="", supplier="Bright Care Ltd", lexicon=EMPTY_LEXICON)
    assert found.sector == "security"
    assert found.reason == "'security' in the expense category"


def test_the_register_decides_when_the_words_say_nothing_risky():
    found = classify(
        category="Consultancy", description="", supplier="Acme", register_sectors=("cleaning",), lexicon=EMPTY_LEXICON
    )
    assert (found.sector, found.reason) == ("cleaning", "supplier register")


def test_the_register_confirms_a_sector_the_words_also_give():
    found = classify(
        category="Catering",
        description="",
        supplier="Acme",
        register_sectors=("security", "hospitality_catering"),
        lexicon=EMPTY_LEXICON,
    )
    assert found.sector == "hospitality_catering"
    assert found.reason.endswith("(and the supplier register)")


def test_sic_codes_fall_in_our_sectors():
    assert sector_of_sic_code("01110") == "agriculture_fishing"
    assert sector_of_sic_code("81210") == "cleaning"
    assert sector_of_sic_code("80100") == "security"
    assert sector_of_sic_code("26200") == "electronics"
    assert sector_of_sic_code("62020") == "other"


@pytest.mark.shared_data
def test_the_sic_synonyms_add_words_the_rules_do_not_know(shared_data):
    lexicon = load_lexicon(shared_data / "reference")
    assert lexicon.phrases.get("headhunters") == "agency_labour"
    found = classify(category="", description="Bouncers for the festival", supplier="", lexicon=lexicon)
    assert found.sector == "security"
    assert "SIC synonyms" in found.reason


def test_a_missing_reference_folder_means_no_extra_words(tmp_path):
    assert load_lexicon(tmp_path).phrases == {}
    assert load_lexicon(None).phrases == {}
