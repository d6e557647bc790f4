"""Statement periods: a label written the usual way ("2026/27") breaks no page, and a period can be
corrected and deleted (issue 18)."""

from datetime import date

from django.urls import reverse

from tackle.audit.models import AuditEvent
from tackle.core.roles import Role
from tackle.statements.models import StatementPeriod
from tackle.statements.services.statement import period_create, statement_create


def _slashed_period(council, lead) -> StatementPeriod:
    return period_create(
        organisation=council, label="2026/27", starts_on=date(2026, 4, 1), ends_on=date(2027, 3, 31), actor=lead
    )


def test_a_label_with_a_slash_breaks_no_list_page(council_a, lead_a, make_user, client_for) -> None:
    period = _slashed_period(council_a, lead_a)
    statement_create(period=period, actor=lead_a)
    officer = make_user(Role.PROCUREMENT_OFFICER, council_a)
    for user in (lead_a, officer):
        client = client_for(user)
        for url in (
            reverse("statements:index"),
            reverse("statements:index") + f"?period={period.uuid}",
            reverse("statements:statement-list"),
            reverse("statements:period-list"),
        ):
            response = client.get(url)
            assert response.status_code == 200, url
            assert "2026/27" in response.content.decode(), url


def test_an_address_saved_with_a_label_still_opens_its_period(period_a, lead_a, client_for) -> None:
    client = client_for(lead_a)
    page = client.get(reverse("statements:index") + "?period=2025-2026")
    assert page.status_code == 200 and page.context["period"] == period_a
    assert client.get(reverse("statements:index") + "?period=no-such-period").status_code == 404


def test_a_period_with_a_slash_in_its_label_can_be_renamed_and_deleted(council_a, lead_a, client_for) -> None:
    period = _slashed_period(council_a, lead_a)
    client = client_for(lead_a)
    response = client.post(
        reverse("statements:period-edit", args=[period.uuid]),
        {"label": "2026-27", "starts_on": "2026-04-01", "ends_on": "2027-03-31"},
    )
    assert response.status_code == 302
    period.refresh_from_db()
    assert period.label == "2026-27"

    response = client.post(reverse("statements:period-delete", args=[period.uuid]))
    assert response.status_code == 302
    assert not StatementPeriod.objects.filter(pk=period.pk).exists()


def test_adding_a_period_from_the_financial_years(lead_a, client_for) -> None:
    client = client_for(lead_a)
    page = client.get(reverse("statements:period-new")).content.decode()
    assert "2025-26" in page and "2026-27" in page

    response = client.post(reverse("statements:period-new"), {"year": "2026"}, follow=True)

    period = StatementPeriod.objects.get()
    assert (period.label, period.starts_on, period.ends_on) == ("2026-27", date(2026, 4, 1), date(2027, 3, 31))
    assert response.status_code == 200 and "Period 2026-27 added" in response.content.decode()


def test_adding_a_period_with_custom_dates_and_a_slashed_label(lead_a, client_for) -> None:
    client = client_for(lead_a)
    response = client.post(
        reverse("statements:period-new"),
        {"year": "custom", "label": "2026/27", "starts_on": "2026-04-01", "ends_on": "2027-03-31"},
        follow=True,
    )
    assert response.status_code == 200 and "Period 2026/27 added" in response.content.decode()
    assert StatementPeriod.objects.get().label == "2026/27"


def test_an_empty_period_form_asks_for_a_year(lead_a, client_for) -> None:
    page = client_for(lead_a).post(reverse("statements:period-new"), {}).content.decode()
    assert "Select a financial year, or other dates" in page and "This field is required" not in page


def test_custom_dates_need_a_label_and_an_end_after_the_start(lead_a, client_for) -> None:
    response = client_for(lead_a).post(
        reverse("statements:period-new"), {"year": "custom", "starts_on": "2026-04-01", "ends_on": "2026-03-01"}
    )
    page = response.content.decode()
    assert response.status_code == 200 and not StatementPeriod.objects.exists()
    assert "Enter the label" in page
    assert "The end date must be after the start date" in page


def test_a_financial_year_already_added_is_refused_on_the_field(period_a, lead_a, client_for) -> None:
    period_a.label = "2025-26"
    period_a.save()
    response = client_for(lead_a).post(reverse("statements:period-new"), {"year": "2025"})
    assert "A period with this label already exists" in response.content.decode()
    assert StatementPeriod.objects.count() == 1


def test_a_period_with_actions_is_not_deleted_and_says_why(period_a, action_a, lead_a, client_for) -> None:
    client = client_for(lead_a)
    response = client.post(reverse("statements:period-delete", args=[period_a.uuid]), follow=True)
    assert StatementPeriod.objects.filter(pk=period_a.pk).exists()
    assert "This period has 1 action" in response.content.decode()


def test_correcting_a_period_refuses_an_end_before_the_start(period_a, lead_a, client_for) -> None:
    response = client_for(lead_a).post(
        reverse("statements:period-edit", args=[period_a.uuid]),
        {"label": "2025-26", "starts_on": "2025-04-01", "ends_on": "2025-03-01"},
    )
    page = response.content.decode()
    assert "The end date must be after the start date" in page and "Constraint" not in page
    period_a.refresh_from_db()
    assert period_a.ends_on == date(2026, 3, 31)


def _period_pages(period) -> list[tuple[str, str]]:
    return [
        (reverse("statements:period-list"), "get"),
        (reverse("statements:period-edit", args=[period.uuid]), "get"),
        (reverse("statements:period-delete", args=[period.uuid]), "get"),
    ]


def test_period_pages_for_each_role(period_a, lead_a, lead_b, frontline_a, make_user, council_a, client_for) -> None:
    officer = client_for(make_user(Role.PROCUREMENT_OFFICER, council_a))
    for url, method in _period_pages(period_a):
        changes = not url.endswith("/periods/")
        assert getattr(client_for(lead_a), method)(url).status_code == 200, url
        assert getattr(client_for(lead_b), method)(url).status_code == (404 if changes else 200), url
        assert getattr(client_for(frontline_a), method)(url).status_code == 403, url
        assert getattr(officer, method)(url).status_code == (403 if changes else 200), url


def test_the_periods_download_as_csv_and_xlsx(council_a, council_b, lead_a, lead_b, make_user, client_for) -> None:
    _slashed_period(council_a, lead_a)
    period_create(
        organisation=council_b, label="=Other", starts_on=date(2026, 4, 1), ends_on=date(2027, 3, 31), actor=lead_b
    )
    url = reverse("statements:period-list")
    officer = make_user(Role.PROCUREMENT_OFFICER, council_a)
    client = client_for(officer)
    assert "download=csv" in client.get(url).content.decode()

    rows = b"".join(client.get(url, {"download": "csv"}).streaming_content).decode().splitlines()

    assert rows == ["Period,From,To,Closed", "2026/27,2026-04-01,2027-03-31,No"]
    assert AuditEvent.objects.filter(object_type="export.periods", actor=officer).exists()
    assert client.get(url, {"download": "xlsx"})["Content-Type"].startswith("application/vnd.openxmlformats")
    frontline = make_user(Role.FRONTLINE_OFFICER, council_a)
    assert client_for(frontline).get(url, {"download": "csv"}).status_code == 403
