"""The abnormally-low-tender rules, by hand-worked examples and by properties."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tackle.core.uploads import UploadError
from tackle.suppliers.rules.living_wage import rate_for_year, rate_on
from tackle.suppliers.rules.tenders import (
    BELOW_WAGE_FLOOR,
    FAR_BELOW_MEDIAN,
    MAX_BIDS_FILE_BYTES,
    MAX_TYPED_CHARS,
    Bid,
    BidFileError,
    check_bids,
    parse_bids,
    parse_threshold,
    parse_typed_bids,
)

TODAY = date(2026, 11, 29)


def bids(*prices: str | int) -> list[Bid]:
    return [Bid(line=n + 2, bidder=f"Bidder {n}", price=Decimal(str(price))) for n, price in enumerate(prices)]


def flags(report) -> list[tuple[str, ...]]:
    return [result.flags for result in report.results]


def test_a_bid_far_below_the_median_of_the_others_is_flagged():
    # Others of 60,000 are 100,000, 110,000, 120,000: median 110,000; 70% of it is 77,000.
    report = check_bids(bids(100000, 110000, 120000, 60000), today=TODAY)
    assert flags(report) == [(), (), (), (FAR_BELOW_MEDIAN,)]
    assert report.median == Decimal(105000)
    assert report.results[3].other_median == Decimal(110000)


def test_the_threshold_is_strict_and_configurable():
    # Others of 70 are 100 and 100: 70 is exactly 70% and is not below it.
    assert flags(check_bids(bids(100, 100, 70), today=TODAY))[2] == ()
    assert flags(check_bids(bids(100, 100, Decimal("69.99")), today=TODAY))[2] == (FAR_BELOW_MEDIAN,)
    assert flags(check_bids(bids(100, 100, 79), threshold=Decimal("0.8"), today=TODAY))[2] == (FAR_BELOW_MEDIAN,)


def test_the_median_of_an_even_number_of_others_is_the_mean_of_the_middle_two():
    report = check_bids(bids(100, 200, 300, 400, 150), today=TODAY)
    assert report.results[4].other_median == Decimal(250)
    assert report.median == Decimal(200)


def test_a_single_bid_has_nothing_to_compare_with():
    report = check_bids(bids(5), today=TODAY)
    assert flags(report) == [()]
    assert report.median == Decimal(5)
    assert "nothing to compare" in report.results[0].explanation


def test_a_price_that_cannot_pay_the_living_wage_of_its_year_is_flagged():
    # 1,000 hours at the 2024 rate of £11.44 cost £11,440.
    low = Bid(line=2, bidder="Low", price=Decimal("11439.99"), labour_hours=Decimal(1000), year=2024)
    enough = Bid(line=3, bidder="Enough", price=Decimal("11440"), labour_hours=Decimal(1000), year=2024)
    report = check_bids([low, enough], today=TODAY)
    assert flags(report) == [(BELOW_WAGE_FLOOR,), ()]
    assert report.results[0].wage_floor == Decimal("11440.00")
    assert "£11.44 an hour" in report.results[0].explanation


def test_without_a_year_the_rate_in_force_today_applies():
    bid = Bid(line=2, bidder="A", price=Decimal(1200), labour_hours=Decimal(100))
    # 100 hours at £12.21 (April 2025) = 1,221; at £12.71 (April 2026) = 1,271.
    assert flags(check_bids([bid], today=date(2026, 3, 31))) == [(BELOW_WAGE_FLOOR,)]
    assert check_bids([bid], today=date(2026, 3, 31)).results[0].wage_floor == Decimal("1221.00")
    assert check_bids([bid], today=date(2026, 4, 1)).results[0].wage_floor == Decimal("1271.00")


def test_both_flags_can_apply_to_one_bid():
    cheap = Bid(line=4, bidder="Cheap", price=Decimal(500), labour_hours=Decimal(100), year=2023)
    report = check_bids([*bids(2000, 2100), cheap], today=TODAY)
    assert report.results[2].flags == (FAR_BELOW_MEDIAN, BELOW_WAGE_FLOOR)


@pytest.mark.parametrize(
    ("year", "rate"),
    [
        (2016, "7.20"),
        (2019, "8.21"),
        (2021, "8.91"),
        (2023, "10.42"),
        (2024, "11.44"),
        (2025, "12.21"),
        (2026, "12.71"),
    ],
)
def test_the_living_wage_table_has_the_published_rates(year, rate):
    assert rate_for_year(year) == Decimal(rate)


def test_rates_change_on_the_first_of_april():
    assert rate_on(date(2024, 3, 31)) == Decimal("10.42")
    assert rate_on(date(2024, 4, 1)) == Decimal("11.44")
    assert rate_on(date(2016, 3, 31)) is None
    assert rate_for_year(2015) is None
    assert rate_for_year(2030) == Decimal("12.71")


def test_the_json_keeps_decimals_as_strings():
    report = check_bids(bids("1000.50", "999.5"), today=TODAY)
    out = report.as_json()
    assert out["median"] == "1000.00"
    assert out["bids"][0] == {
        "bidder": "Bidder 0",
        "price": "1000.50",
        "flags": [],
        "explanation": out["bids"][0]["explanation"],
    }
    assert set(out) == {"median", "bids"}


@pytest.mark.parametrize(
    ("text", "value"), [("0.7", "0.7"), ("70", "0.7"), ("70%", "0.7"), ("1", "1"), ("85.5", "0.855")]
)
def test_a_threshold_may_be_a_fraction_or_a_percentage(text, value):
    assert parse_threshold(text) == Decimal(value)


@pytest.mark.parametrize("text", ["0", "-5", "101", "abc", ""])
def test_a_nonsense_threshold_is_refused(text):
    with pytest.raises(ValueError):
        parse_threshold(text)


# Reading the file -------------------------------------------------------------------------------


def test_a_file_with_messy_but_readable_values_is_read():
    data = '\ufeffBidder , Price,Labour Hours,YEAR\n"Acme, Ltd","£1,200.50",100,2024\n\nBeta,900,,\n'
    found = parse_bids(data.encode())
    assert [(bid.line, bid.bidder, bid.price, bid.labour_hours, bid.year) for bid in found] == [
        (2, "Acme, Ltd", Decimal("1200.50"), Decimal(100), 2024),
        (4, "Beta", Decimal(900), None, None),
    ]


@pytest.mark.parametrize(
    ("data", "line", "words"),
    [
        ("", 1, "empty"),
        ("notes,other\nA,1\n", 1, "no column for the bidder or the price (found: notes, other)"),
        ("company,notes\nA,1\n", 1, "no column for the price"),
        ("bidder,price\n", 1, "no bids"),
        ("bidder,price\nA,100\nB,ten\n", 3, "'ten' is not a number"),
        ("bidder,price\nA,100\n,50\n", 3, "bidder is empty"),
        ("bidder,price\nA,-5\n", 2, "more than zero"),
        ("bidder,price\nA,\n", 2, "price is empty"),
        ("bidder,price,labour_hours\nA,100,-1\n", 2, "cannot be negative"),
        ("bidder,price,year\nA,100,24\n", 2, "four-digit year"),
        ("bidder,price,year\nA,100,2010\n", 2, "before the National Living Wage began"),
        ("bidder,price\nA,100,extra\n", 2, "3 values but only 2 columns"),
        ("bidder,price\nA,NaN\n", 2, "not a number"),
        ("bidder,price\nA,1e3\n", 2, "not a number"),
        ("bidder,price\nA,10.005\n", 2, "not a number"),
        ("bidder,price\nA,99999999999999\n", 2, "too large"),
        ("bidder,price,price\nA,1,2\n", 1, "more than once"),
        ('bidder,price\n"A,100\n', 2, "could not be read as CSV"),
    ],
)
def test_a_bad_file_names_the_line_and_the_problem(data, line, words):
    with pytest.raises(BidFileError) as caught:
        parse_bids(data.encode())
    assert caught.value.problems[0][0] == line
    assert words in caught.value.problems[0][1]


def test_every_bad_line_is_reported_not_just_the_first():
    with pytest.raises(BidFileError) as caught:
        parse_bids(b"bidder,price\nA,x\nB,100\nC,y\n")
    assert [line for line, _ in caught.value.problems] == [2, 4]


def test_a_file_saved_as_windows_1252_is_read():
    # Refused as "not UTF-8 text" before the one upload reader; Excel on a UK PC saves CSV this way.
    bids = parse_bids("bidder,price\nA,100\nCafé Société,200\n".encode("cp1252"))
    assert [bid.bidder for bid in bids] == ["A", "Café Société"]


def test_a_file_neither_utf8_nor_windows_1252_is_read_as_latin_1():
    assert [bid.bidder for bid in parse_bids(b"bidder,price\nA,100\nB\xe9\x81,200\n")] == ["A", "B\xe9\x81"]


def test_a_file_over_2_mb_is_refused():
    data = b"bidder,price\n" + b"A,100\n" * (MAX_BIDS_FILE_BYTES // 6)
    with pytest.raises(UploadError, match="The file must be smaller than 2 MB"):
        parse_bids(data)


# Properties -------------------------------------------------------------------------------------

prices = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("10000000"), places=2)


@given(st.lists(prices, min_size=2, max_size=30))
def test_the_highest_bid_is_never_far_below_the_median(values):
    report = check_bids(bids(*values), today=TODAY)
    top = max(range(len(values)), key=lambda i: values[i])
    assert FAR_BELOW_MEDIAN not in report.results[top].flags


@given(st.lists(prices, min_size=2, max_size=30), st.decimals(min_value=Decimal("0.01"), max_value=1, places=2))
def test_a_flag_means_below_the_threshold_times_the_median_of_the_others(values, threshold):
    report = check_bids(bids(*values), threshold=threshold, today=TODAY)
    for position, result in enumerate(report.results):
        others = sorted(values[:position] + values[position + 1 :])
        middle = len(others) // 2
        med = others[middle] if len(others) % 2 else (others[middle - 1] + others[middle]) / 2
        assert (FAR_BELOW_MEDIAN in result.flags) == (values[position] < threshold * med)


@given(st.lists(prices, min_size=1, max_size=20), st.decimals(min_value=Decimal("0.1"), max_value=1000, places=1))
def test_scaling_every_price_by_the_same_factor_changes_no_median_flag(values, factor):
    before = [FAR_BELOW_MEDIAN in r.flags for r in check_bids(bids(*values), today=TODAY).results]
    scaled = [value * factor for value in values]
    after = [FAR_BELOW_MEDIAN in r.flags for r in check_bids(bids(*scaled), today=TODAY).results]
    assert before == after


@given(prices, st.decimals(min_value=0, max_value=100000, places=1), st.integers(min_value=2016, max_value=2030))
def test_the_wage_flag_is_exactly_price_below_hours_times_rate(price, hours, year):
    bid = Bid(line=2, bidder="A", price=price, labour_hours=hours, year=year)
    rate = rate_for_year(year)
    assert rate is not None
    assert (BELOW_WAGE_FLOOR in check_bids([bid], today=TODAY).results[0].flags) == (price < hours * rate)


@given(st.binary(max_size=300))
def test_any_bytes_are_either_read_or_refused_with_line_numbers(data):
    try:
        found = parse_bids(data)
    except BidFileError as error:
        assert error.problems and all(line >= 1 and reason for line, reason in error.problems)
    else:
        assert found and all(bid.price > 0 and bid.bidder for bid in found)


# Headers as people write them, and bids typed on the page ----------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        "Company,Bid value (£)",
        "Tenderer name,Total price",
        "Supplier , Tender Sum",
        "BIDDER NAME,Price (£)",
        "Bidder,Bid valeu",  # a typing slip, close enough to a known name
        "Name of bidder,Amount",
    ],
)
def test_a_bids_file_with_its_own_header_is_read(header):
    bids = parse_bids(f'{header}\nAcme Cleaning Ltd,"£12,500.00"\nBeta,900\n'.encode())
    assert [(bid.line, bid.bidder, bid.price) for bid in bids] == [
        (2, "Acme Cleaning Ltd", Decimal("12500.00")),
        (3, "Beta", Decimal(900)),
    ]


def test_labour_hours_and_year_are_found_under_other_names_too():
    (bid,) = parse_bids(b"Company,Bid value,Hours of labour,Financial year\nAcme,100,5,2024\n")
    assert (bid.labour_hours, bid.year) == (Decimal(5), 2024)


def test_bids_typed_one_a_line_are_read_with_names_that_hold_commas():
    bids = parse_typed_bids("Acme Ltd, 12500\nSmith, Jones & Co, £12,500.50\n\nBeta\t300\n")
    assert [(bid.line, bid.bidder, bid.price) for bid in bids] == [
        (1, "Acme Ltd", Decimal(12500)),
        (2, "Smith, Jones & Co", Decimal("12500.50")),
        (4, "Beta", Decimal(300)),
    ]


def test_every_bad_typed_line_is_named_by_its_number():
    with pytest.raises(BidFileError) as caught:
        parse_typed_bids("Acme 1200\nBeta, 900\n, 100\nGamma, lots\nDelta, -5\n")
    assert [(line, reason.split(" ")[0]) for line, reason in caught.value.problems] == [
        (1, "write"),
        (3, "bidder"),
        (4, "price"),
        (5, "price"),
    ]


@pytest.mark.parametrize("text", ["", "  \n\n", "x" * (MAX_TYPED_CHARS + 1)])
def test_nothing_typed_or_too_much_is_refused(text):
    with pytest.raises(BidFileError):
        parse_typed_bids(text)


@given(st.text(max_size=300))
def test_anything_typed_gives_bids_or_line_numbered_problems(text):
    try:
        bids = parse_typed_bids(text)
    except BidFileError as error:
        assert error.problems and all(line >= 1 and reason for line, reason in error.problems)
    else:
        assert all(bid.price > 0 and bid.bidder for bid in bids)
