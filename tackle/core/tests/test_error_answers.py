"""Errors answered quietly and in the caller's language (issue 15, defect 14)."""

import logging
from datetime import date

import pytest
from django import forms
from django.test import RequestFactory
from rest_framework.test import APIClient

from tackle.core.forms import GovukForm
from tackle.core.views import server_error


def test_a_refused_request_is_logged_in_one_line_without_a_traceback(client_for, councillor_a, caplog):
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client_for(councillor_a).get("/audit/")
    assert response.status_code == 403
    refusals = [record for record in caplog.records if getattr(record, "status_code", None) == 403]
    assert refusals
    assert all(record.exc_info is None for record in refusals)


@pytest.mark.django_db
def test_api_not_found_answers_json():
    response = APIClient().get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_api_server_error_answers_json_and_pages_html():
    api = server_error(RequestFactory().get("/api/v1/cases/"))
    assert (api.status_code, api["Content-Type"]) == (500, "application/json")
    page = server_error(RequestFactory().get("/cases/"))
    assert page["Content-Type"].startswith("text/html")


class _Dated(GovukForm):
    on = forms.DateField()


@pytest.mark.parametrize(("typed", "ok"), [("0019-05-01", False), ("1899-12-31", False), ("1900-01-01", True)])
def test_dates_before_1900_are_refused_with_a_clear_message(typed, ok):
    form = _Dated(data={"on": typed})
    assert form.is_valid() is ok
    if not ok:
        # The message names the field, as every GOV.UK error does.
        assert form.errors["on"] == ["On must have a year from 1900 onwards, with 4 numbers, such as 2025"]
    else:
        assert form.cleaned_data["on"] == date(1900, 1, 1)
