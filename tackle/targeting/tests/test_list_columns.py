"""Guessing which column holds which field from each regulator's own header."""

import json

import pytest

from tackle.targeting.forms import answered_columns, answered_columns_json
from tackle.targeting.list_columns import VOCABULARY, guess_mapping, header_words, mapping_problems


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


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (  # a premises licence register
            ["Premises", "Address", "Postcode", "Licence type", "Licence status"],
            {"business_name": "Premises", "premises_type": "Licence type", "result": "Licence status"},
        ),
        (  # the same with the holder: the holder is the business, the premises its trading name
            ["Licence holder", "Premises", "Postcode", "Review outcome", "Hearing date"],
            {
                "business_name": "Licence holder",
                "trading_name": "Premises",
                "result": "Review outcome",
                "date": "Hearing date",
            },
        ),
        (  # a fire enforcement register
            ["Premises name", "Address", "Postcode", "Notice type", "Date issued"],
            {"business_name": "Premises name", "non_compliance": "Notice type", "date": "Date issued"},
        ),
        (  # an HMO and housing enforcement register
            ["Licence holder", "Property address", "Postcode", "Number of Category 1 hazards"],
            {
                "business_name": "Licence holder",
                "address_1": "Property address",
                "hazards": "Number of Category 1 hazards",
            },
        ),
        (  # a national minimum wage naming list
            ["Employer name", "Employer trading name", "Postcode", "Total arrears", "Date named"],
            {"business_name": "Employer name", "non_compliance": "Total arrears", "date": "Date named"},
        ),
        (  # GLAA licence decisions
            ["Licence holder", "Postcode", "Licence decision", "Date of decision"],
            {"business_name": "Licence holder", "result": "Licence decision", "date": "Date of decision"},
        ),
        (  # food hygiene ratings, as the Food Standards Agency's XML names its fields
            ["FHRSID", "BusinessName", "BusinessType", "PostCode", "RatingValue", "RatingKey", "RatingDate"],
            {
                "business_name": "BusinessName",
                "premises_type": "BusinessType",
                "result": "RatingValue",
                "date": "RatingDate",
            },
        ),
    ],
)
def test_the_headers_of_published_registers_are_mapped(header, expected):
    mapping = guess_mapping(header)
    assert {key: mapping[key] for key in expected} == expected


def test_a_close_spelling_is_guessed_with_the_shared_confidence():
    guesses = VOCABULARY.assign(["Busines name", "Adress", "Post-code", "Outcome of reveiw"])
    found = {key: (column, guess.score, guess.how) for key, (column, guess) in guesses.items()}
    assert found == {
        "business_name": (0, 96, "close to 'business name'"),
        "address_1": (1, 92, "close to 'address'"),
        "postcode": (2, 100, "known name"),
        "result": (3, 94, "close to 'outcome of review'"),
    }


def test_a_known_name_beats_a_close_spelling_and_a_close_spelling_a_word_within():
    """'Name' is the business's name; 'Tradng name' is close to the trading name, though it holds
    the known word 'name' too; 'Licensed premises postcode' only holds 'postcode'."""
    guesses = VOCABULARY.assign(["Tradng name", "Name", "Licensed premises postcode"])
    found = {key: (column, guess.score) for key, (column, guess) in guesses.items()}
    assert found == {"business_name": (1, 100), "trading_name": (0, 95), "postcode": (2, 60)}


def test_answers_carried_between_tries_come_back_as_given_and_anything_else_is_dropped():
    answers = {("Shop", "Postcod"): {"business_name": 0, "postcode": None}}
    assert answered_columns(answered_columns_json(answers)) == answers
    carried = [
        {"header": ["Shop"], "columns": {"business_name": 5}},  # no such column
        {"header": ["Shop"], "columns": {"owner": 0}},  # no such field
        {"header": ["Shop"], "columns": {"business_name": "0"}},  # not a number
        {"header": "Shop", "columns": {}},
        "Shop",
    ]
    assert answered_columns(json.dumps(carried)) == {}
    assert answered_columns("{not json") == {}
