"""Guessing which column holds which field from each regulator's own header."""

from tackle.targeting.list_columns import guess_mapping, header_words, mapping_problems


def test_headers_are_compared_as_plain_words():
    assert header_words(" Post-Code ") == "post code"
    assert header_words("TradingName") == "trading name"


def test_a_trading_standards_header_is_mapped():
    header = ["Trader Name", "Trading As", "Address", "Town", "Post Code", "Company No", "Business Type", "Outcome"]
    assert guess_mapping(header) == {
        "business_name": "Trader Name",
        "trading_name": "Trading As",
        "address_1": "Address",
        "town": "Town",
        "postcode": "Post Code",
        "company_number": "Company No",
        "premises_type": "Business Type",
        "result": "Outcome",
    }


def test_a_food_hygiene_header_is_mapped():
    header = ["FHRSID", "BusinessName", "AddressLine1", "AddressLine2", "PostCode", "RatingValue", "RatingDate"]
    assert guess_mapping(header) == {
        "business_name": "BusinessName",
        "address_1": "AddressLine1",
        "address_2": "AddressLine2",
        "postcode": "PostCode",
        "result": "RatingValue",
        "date": "RatingDate",
    }


def test_a_header_containing_a_known_name_is_mapped_when_nothing_matches_exactly():
    mapping = guess_mapping(["Licensed premises postcode", "Name of licence holder", "Breaches recorded"])
    assert mapping["postcode"] == "Licensed premises postcode"
    assert mapping["business_name"] == "Name of licence holder"
    assert mapping["non_compliance"] == "Breaches recorded"


def test_one_column_is_given_to_one_field_only():
    mapping = guess_mapping(["Name", "Premises name"])
    assert mapping == {"business_name": "Name", "trading_name": "Premises name"}


def test_unknown_columns_are_left_out():
    assert guess_mapping(["Officer", "Notes"]) == {}


def test_a_mapping_without_a_name_column_cannot_be_used():
    assert mapping_problems({"postcode": "Postcode"}, ["Postcode"]) == [
        "No column holds the business name or trading name"
    ]


def test_a_mapping_to_a_column_the_file_lacks_is_named():
    problems = mapping_problems({"business_name": "Name", "postcode": "Zip"}, ["Name", "Postcode"])
    assert problems == ["Postcode: the file has no column called “Zip”"]
