from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from tackle.core.templatetags.tackle import money


@pytest.mark.parametrize(
    ("value", "places", "written"),
    [
        (Decimal("12000"), 2, "£12,000.00"),
        (Decimal("1234567.891"), 2, "£1,234,567.89"),
        (12000, 0, "£12,000"),
        ("41250.5", 2, "£41,250.50"),
        (Decimal("-5"), 2, "-£5.00"),
        (0, 2, "£0.00"),
        (None, 2, ""),
        ("", 2, ""),
    ],
)
def test_money_is_written_in_pounds_with_a_thousands_comma(value, places, written):
    assert money(value, places) == written


def test_something_that_is_not_an_amount_is_shown_as_it_is():
    assert money("not known") == "not known"


def test_disclosed_counts_and_task_text_read_in_the_readers_language():
    page = Template("{% load tackle %}{{ small|disclosed }}; {{ count|disclosed }}; {{ message|task_text }}")
    values = Context({"small": "fewer than 5", "count": 7, "message": "Starting"})
    with translation.override("cy"):
        assert page.render(values) == "llai na 5; 7; Yn dechrau"
    assert page.render(values) == "fewer than 5; 7; Starting"
