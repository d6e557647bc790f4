"""Any input to a representative form of each app gives a page, never a server error (issue 16,
section 7): long unbroken text, Unicode, control characters, numbers and dates where they do not
belong, a file of any bytes. The form's fields are read from its own page, so a field added later
is posted to as well."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tackle.home.tests.form_fields import form_fields

FORMS = [
    "cases:concern-new",
    "suppliers:supplier-new",
    "suppliers:contract-new",
    "training:course-new",
    "training:completion-import",
    "disrupt:premises-new",
    "targeting:list-import",
    "statement_reader:reading-new",
    "statements:period-new",
    "scrutiny:assessment-new",
]
ANY_TEXT = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=12),
    st.sampled_from(["x" * 20_000, "\x00", "\u202e\u0000\ufeff", "-1", "1e309", "2026-02-30", "<b>Hi</b>", "NaN", " "]),
    st.integers().map(str),
)
SOME = settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _value(draw, field):
    if field.kind == "file":
        return SimpleUploadedFile(
            draw(st.sampled_from(["a.csv", "b.xlsx", "c.ods", "d.pdf"])), draw(st.binary(max_size=300))
        )
    if field.kind == "choice" and field.options and draw(st.booleans()):
        return draw(st.sampled_from(field.options))
    return draw(ANY_TEXT)


@pytest.mark.parametrize("url_name", FORMS)
@SOME
@given(data=st.data())
def test_any_input_to_a_form_gives_a_page(client_for, lead_a, url_name, data):
    client = client_for(lead_a)
    url = reverse(url_name)
    page = client.get(url)
    assert page.status_code == 200, f"{url_name} is not a form the lead can open"
    fields = form_fields(page.content.decode())
    assert fields, f"{url_name} has no fields to post to"
    posted = {field.name: _value(data.draw, field) for field in fields if data.draw(st.integers(0, 9)) > 0}
    response = client.post(url, posted)
    assert response.status_code in {200, 302, 400}, f"{url_name} answered {response.status_code} to {posted!r}"
