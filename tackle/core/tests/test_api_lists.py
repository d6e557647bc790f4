"""The API's shared helpers for a client's body and a form's data."""

from datetime import date

import pytest
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import JSONParser
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from tackle.core.api_lists import body_or_400, known_filters_or_400, merged
from tackle.core.models import TaskRun


class _Sent(serializers.Serializer):
    name = serializers.CharField(max_length=5)
    due_on = serializers.DateField()


def _request(body: dict) -> Request:
    return Request(APIRequestFactory().post("/", body, format="json"), parsers=[JSONParser()])


def test_body_or_400_answers_the_checked_values() -> None:
    assert body_or_400(_Sent, _request({"name": "Ann", "due_on": "2026-04-01"})) == {
        "name": "Ann",
        "due_on": date(2026, 4, 1),
    }


def test_body_or_400_names_each_refused_field() -> None:
    with pytest.raises(ValidationError) as refused:
        body_or_400(_Sent, _request({"name": "Annabel"}))
    assert set(refused.value.detail) == {"name", "due_on"}


def test_body_or_400_partial_leaves_out_what_was_not_sent() -> None:
    assert body_or_400(_Sent, _request({"name": "Ann"}), partial=True) == {"name": "Ann"}


def test_merged_reads_a_record_under_what_was_sent() -> None:
    record = TaskRun(name="import", message="old", done=3)
    assert merged(record, {"message": "new"}, ["name", "message", "done"]) == {
        "name": "import",
        "message": "new",
        "done": "3",
    }
    assert merged({"name": "import"}, {}, ["name", "message"]) == {"name": "import", "message": ""}


def _query(params: dict) -> Request:
    return Request(APIRequestFactory().get("/", params))


def test_known_filters_or_400_refuses_a_filter_the_list_lacks_by_name() -> None:
    with pytest.raises(ValidationError) as refused:
        known_filters_or_400(_Sent, _query({"nmae": "Ann", "page": "2"}))
    assert refused.value.detail == {"nmae": ["Not a filter of this list"]}


def test_known_filters_or_400_answers_the_checked_filters_and_allows_page() -> None:
    assert known_filters_or_400(_Sent, _query({"name": "Ann", "due_on": "2026-04-01", "page": "2"})) == {
        "name": "Ann",
        "due_on": date(2026, 4, 1),
    }
