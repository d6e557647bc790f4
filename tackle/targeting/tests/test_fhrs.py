"""The Food Standards Agency's ratings XML, read as it is published: the real files, and bad XML."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tackle.targeting.sources import SourceError, read_source

FHRS_FILES = ["FHRS185en-GB.xml", "FHRS266en-GB.xml", "FHRS508en-GB.xml"]


@pytest.mark.shared_data
@pytest.mark.parametrize("filename", FHRS_FILES)
def test_every_establishment_of_a_real_ratings_file_is_read(shared_data, filename):
    text = (shared_data / "regulators" / "fhrs" / filename).read_text(encoding="utf-8")
    read = read_source(filename, text.encode())
    item_count = int(re.search(r"<ItemCount>(\d+)</ItemCount>", text).group(1))
    assert len(read.records) + len(read.rejects) == item_count
    assert len(read.rejects) <= 2  # a postcode cut short ("SW1"), named with its establishment
    assert read.mapping["business_name"] == "BusinessName" and read.mapping["result"] == "RatingValue"
    assert read.unfamiliar == {}  # Exempt and AwaitingInspection are known, not left to classify


@pytest.mark.shared_data
@pytest.mark.parametrize("filename", FHRS_FILES)
def test_ratings_0_to_2_in_a_real_file_are_adverse_findings_and_the_rest_are_not(shared_data, filename):
    text = (shared_data / "regulators" / "fhrs" / filename).read_text(encoding="utf-8")
    low = re.findall(r"<BusinessName>([^<]*)</BusinessName>(?:(?!</EstablishmentDetail>).)*<RatingValue>[0-2]<", text)
    read = read_source(filename, text.encode())
    adverse = [record for record in read.records if record.non_compliant]
    assert {record.finding for record in adverse} <= {"rating 0", "rating 1", "rating 2"}
    assert len(adverse) == len(low)  # none of the low ratings was rejected
    assert sorted(record.name for record in adverse) == sorted(name.replace("&amp;", "&") for name in low)


@pytest.mark.shared_data
def test_a_real_ratings_file_is_ranked_with_its_low_ratings_first(shared_data):
    from tackle.targeting.ranking import rank

    data = (shared_data / "regulators" / "fhrs" / "FHRS266en-GB.xml").read_bytes()
    ranking = rank([read_source("food_hygiene", data)])
    top = ranking.ranked[0]
    assert any(reason.startswith("Non-compliant with food_hygiene: rating ") for reason in top.reasons)


ONE = (
    '<?xml version="1.0"?><FHRSEstablishment><EstablishmentCollection><EstablishmentDetail>'
    "<BusinessName>Sparkle Cafe</BusinessName><PostCode>B70 6AB</PostCode><RatingValue>{rating}</RatingValue>"
    "<RatingDate>2026-01-15</RatingDate><Scores><Hygiene>20</Hygiene></Scores>"
    "</EstablishmentDetail></EstablishmentCollection></FHRSEstablishment>"
)


def test_a_ratings_file_is_read_into_the_same_records_as_a_csv_list():
    read = read_source("food", ONE.format(rating="1").encode())
    (record,) = read.records
    assert (record.name, record.postcode, record.non_compliant, record.finding, str(record.date)) == (
        "Sparkle Cafe",
        "B70 6AB",
        True,
        "rating 1",
        "2026-01-15",
    )
    assert "Hygiene" in read.header  # a nested score is a column too


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('<?xml version="1.0"?><FHRSEstablishment><Header>', "The XML file cannot be read"),
        ("<root><item>1</item></root>", "The XML file holds no food hygiene ratings"),
        (
            '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>',
            "The XML file declares a document type",
        ),
        ("<!DOCTYPE html><html><body>Ratings</body></html>", "The file is XML or HTML, not CSV"),
    ],
)
def test_xml_that_is_not_a_ratings_file_is_refused_with_a_reason(text, message):
    with pytest.raises(SourceError) as raised:
        read_source("food", text.encode())
    assert raised.value.message.startswith(message)


_PIECES = st.sampled_from(
    [
        "<EstablishmentDetail>",
        "</EstablishmentDetail>",
        "<BusinessName>",
        "</BusinessName>",
        "<PostCode>B70 6AB</PostCode>",
        "<RatingValue>1</RatingValue>",
        "<Scores><Hygiene>5</Hygiene></Scores>",
        "&amp;",
        "&nope;",
        "<!DOCTYPE x>",
        "<![CDATA[x]]>",
        "Café",
        "\x00",
        "<",
        ">",
    ]
)


@given(st.lists(st.one_of(_PIECES, st.text(max_size=20)), max_size=30))
def test_any_xml_gives_records_or_one_clear_reason(pieces):
    text = '<?xml version="1.0"?><FHRSEstablishment>' + "".join(pieces) + "</FHRSEstablishment>"
    try:
        read = read_source("food", text.encode("utf-8", "surrogatepass"))
    except SourceError as error:
        assert error.message
    else:
        assert all(record.name for record in read.records)
