"""Every support page: works for the lead, 404 for another organisation's case, 403 for a role that
may not change the case (or, for councillors, may not use cases at all); bad input shows a GOV.UK
error and saves nothing; every view and change is audited."""

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from tackle.audit.models import AuditAction, AuditEvent
from tackle.cases.models import (
    AccommodationPlacement,
    Case,
    CaseDocument,
    CaseNote,
    CaseStatus,
    MissingEpisode,
    NeedsAssessment,
    OutcomeScore,
    SafetyPlan,
    SafetyPlanReview,
    Stage,
    SupportPhase,
)
from tackle.cases.services import support as services
from tackle.cases.tests.factories import make_case
from tackle.core.models import RecordShare
from tackle.core.roles import Role
from tackle.core.tests.dates import date_answer

TODAY = timezone.localdate
PDF = b"%PDF-1.4\n%%EOF\n"


def _day(days_ago: int = 0) -> str:
    return (TODAY() - timedelta(days=days_ago)).isoformat()


def _moment(hours_ago: int) -> str:
    return (timezone.localtime() - timedelta(hours=hours_ago)).strftime("%Y-%m-%dT%H:%M")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def case(frontline_a):
    """Recorded by the frontline officer, so they can see it but not change it."""
    return make_case(frontline_a.organisation, frontline_a, person_name="Sam Example")


@pytest.fixture
def plan(case, lead_a):
    return services.safety_plan_create(
        case=case, actor=lead_a, summary="Keep away from the car wash", created_on=TODAY() - timedelta(days=20)
    )


@dataclass
class Page:
    name: str
    good: Any  # POST data that saves (a callable, since uploaded files are used up)
    bad: Any  # POST data that must save nothing
    error: str  # GOV.UK wording the bad input shows
    count: Any  # how many records the page has made for the case
    needs_plan: bool = False
    needs_episode: bool = False
    needs_assessment: bool = False  # one requested ten days ago, not completed
    needs_placement: bool = False  # one from ten days ago, ongoing
    closed_case: bool = False


CHANGE_PAGES = [
    Page(
        "support-phase-add",
        lambda: {"phase": "immediate", **date_answer("started_on", _day())},
        lambda: {"phase": "", "started_on-day": "31", "started_on-month": "2", "started_on-year": "2026"},
        "Select a phase",
        lambda case: SupportPhase.objects.filter(case=case).count(),
    ),
    Page(
        "needs-assessment-add",
        lambda: {"kind": "housing", **date_answer("requested_on", _day(2))},
        lambda: {"kind": "care_act", **date_answer("requested_on", _day()), **date_answer("completed_on", _day(3))},
        "The completion date must be the same as or after the request date",
        lambda case: NeedsAssessment.objects.filter(case=case).count(),
    ),
    Page(
        "placement-add",
        lambda: {"accommodation_type": "safe_house", "provider": "Refuge Trust", **date_answer("start_on", _day())},
        lambda: {
            "accommodation_type": "safe_house",
            "provider": "Refuge",
            **date_answer("start_on", _day()),
            **date_answer("end_on", _day(5)),
        },
        "The end date must be the same as or after the start date",
        lambda case: AccommodationPlacement.objects.filter(case=case).count(),
    ),
    Page(
        "needs-assessment-complete",
        lambda: {**date_answer("completed_on", _day()), "outcome": "Eligible; a package of care agreed"},
        lambda: {**date_answer("completed_on", _day(30)), "outcome": "Eligible"},
        "The completion date must be the same as or after the request date",
        lambda case: NeedsAssessment.objects.filter(case=case, completed_on__isnull=False).count(),
        needs_assessment=True,
    ),
    Page(
        "placement-end",
        lambda: date_answer("end_on", _day()),
        lambda: date_answer("end_on", _day(30)),
        "The end date must be the same as or after the start date",
        lambda case: AccommodationPlacement.objects.filter(case=case, end_on__isnull=False).count(),
        needs_placement=True,
    ),
    Page(
        "safety-plan-add",
        lambda: {"summary": "Daily check-in", **date_answer("created_on", _day()), "review_every_days": "14"},
        lambda: {"summary": "Daily check-in", **date_answer("created_on", _day()), "review_every_days": "0"},
        "How often the plan is reviewed must be between 1 and 365 days",
        lambda case: SafetyPlan.objects.filter(case=case).count(),
    ),
    Page(
        "safety-plan-review",
        lambda: {**date_answer("reviewed_on", _day()), "what_changed": "New school, new route home"},
        lambda: {**date_answer("reviewed_on", _day(-3)), "what_changed": "Nothing"},
        "The date of the review must be today or in the past",
        lambda case: SafetyPlanReview.objects.filter(plan__case=case).count(),
        needs_plan=True,
    ),
    Page(
        "missing-episode-add",
        lambda: {
            **date_answer("went_missing_at", _moment(30)),
            **date_answer("returned_at", _moment(2)),
            "reported_to_police": "yes",
        },
        lambda: {
            **date_answer("went_missing_at", _moment(2)),
            **date_answer("returned_at", _moment(30)),
            "reported_to_police": "no",
        },
        "The return must be the same as or after the time they went missing",
        lambda case: MissingEpisode.objects.filter(case=case).count(),
    ),
    Page(
        "missing-episode-return",
        lambda: {**date_answer("returned_at", _moment(2)), "notes": "Came back to the placement"},
        lambda: {**date_answer("returned_at", _moment(40)), "notes": "Came back to the placement"},
        "The return must be the same as or after the time they went missing",
        lambda case: MissingEpisode.objects.filter(case=case, returned_at__isnull=False).count(),
        needs_episode=True,
    ),
    Page(
        "outcome-scores-add",
        lambda: {**date_answer("assessed_on", _day()), "risk_of_harm": "2", "stable_accommodation": "4"},
        lambda: date_answer("assessed_on", _day()),
        "Score at least one area",
        lambda case: OutcomeScore.objects.filter(case=case).values("assessed_on").distinct().count(),
    ),
    Page(
        "note-add",
        lambda: {"body": "Met at the library; wants to talk about college"},
        lambda: {"body": "   "},
        "Enter the note",
        lambda case: CaseNote.objects.filter(case=case).count(),
    ),
    Page(
        "document-add",
        lambda: {"title": "Housing letter", "file": SimpleUploadedFile("letter.pdf", PDF)},
        lambda: {"title": "Housing letter", "file": SimpleUploadedFile("letter.pdf", b"MZ not a pdf")},
        "The selected file must be a PDF, DOCX, JPG, PNG or TXT",
        lambda case: CaseDocument.objects.filter(case=case).count(),
    ),
    Page(
        "case-close",
        lambda: {"reason": "Moved on to long-term accommodation"},
        lambda: {"reason": ""},
        "Enter why the case is being closed",
        lambda case: Case.objects.filter(pk=case.pk, status=CaseStatus.CLOSED).count(),
    ),
    Page(
        "case-reopen",
        lambda: {"reason": "Back in touch"},
        lambda: {"reason": ""},
        "Enter why the case is being reopened",
        lambda case: Case.objects.filter(pk=case.pk, status=CaseStatus.OPEN).count(),
        closed_case=True,
    ),
]
PAGE_IDS = [page.name for page in CHANGE_PAGES]


@pytest.fixture
def page_url(case, lead_a):
    def url_for(page: Page) -> str:
        if page.closed_case:
            services.case_close(case=case, actor=lead_a, reason="No contact")
        args = [case.uuid]
        if page.needs_plan:
            args.append(services.safety_plan_create(case=case, actor=lead_a, summary="Plan", created_on=TODAY()).uuid)
        if page.needs_episode:
            went = timezone.now() - timedelta(hours=30)
            args.append(services.missing_episode_record(case=case, actor=lead_a, went_missing_at=went).uuid)
        if page.needs_assessment:
            requested = TODAY() - timedelta(days=10)
            args.append(
                services.needs_assessment_record(case=case, actor=lead_a, kind="care_act", requested_on=requested).uuid
            )
        if page.needs_placement:
            args.append(
                services.accommodation_placement_record(
                    case=case, actor=lead_a, accommodation_type="safe_house", provider="Refuge Trust",
                    start_on=TODAY() - timedelta(days=10),
                ).uuid
            )  # fmt: skip
        return reverse(f"cases:{page.name}", args=args)

    return url_for


@pytest.mark.parametrize("page", CHANGE_PAGES, ids=PAGE_IDS)
class TestChangePages:
    def test_the_lead_sees_the_form_and_saves_with_an_audit_event(self, page, page_url, case, lead_a, client_for):
        url = page_url(page)
        client = client_for(lead_a)
        assert client.get(url).status_code == 200
        before, events = page.count(case), AuditEvent.objects.count()
        response = client.post(url, page.good())
        assert response.status_code == 302, response.content.decode()[:2000]
        assert response["Location"] == reverse("cases:support", args=[case.uuid])
        assert page.count(case) == before + 1
        new_events = AuditEvent.objects.order_by("-sequence")[: AuditEvent.objects.count() - events]
        assert {event.action for event in new_events} & {AuditAction.CREATE, AuditAction.UPDATE}
        assert all(event.actor == lead_a for event in new_events)

    def test_bad_input_shows_a_govuk_error_and_saves_nothing(self, page, page_url, case, lead_a, client_for):
        url = page_url(page)
        before = page.count(case)
        response = client_for(lead_a).post(url, page.bad())
        html = response.content.decode()
        assert response.status_code == 200
        assert "govuk-error-summary" in html and "There is a problem" in html
        assert page.error in html
        assert "<title>Error:" in html
        assert page.count(case) == before

    def test_another_organisations_lead_gets_404(self, page, page_url, case, lead_b, client_for):
        url = page_url(page)
        before = page.count(case)
        client = client_for(lead_b)
        assert client.get(url).status_code == 404
        assert client.post(url, page.good()).status_code == 404
        assert page.count(case) == before

    def test_the_frontline_officer_who_recorded_it_gets_403(self, page, page_url, case, frontline_a, client_for):
        url = page_url(page)
        before = page.count(case)
        client = client_for(frontline_a)
        assert client.get(url).status_code == 403
        assert client.post(url, page.good()).status_code == 403
        assert page.count(case) == before

    def test_a_councillor_gets_403(self, page, page_url, case, councillor_a, client_for):
        url = page_url(page)
        before = page.count(case)
        client = client_for(councillor_a)
        assert client.get(url).status_code == 403
        assert client.post(url, page.good()).status_code == 403
        assert page.count(case) == before


def test_a_safeguarding_manager_may_change_support_too(case, make_user, council_a, client_for):
    manager = make_user(Role.SAFEGUARDING_MANAGER, council_a)
    response = client_for(manager).post(
        reverse("cases:support-phase-add", args=[case.uuid]),
        {"phase": "short_term", **date_answer("started_on", _day())},
    )
    assert response.status_code == 302
    assert case.support_phases.get().recorded_by == manager


def test_a_closed_case_takes_no_new_support_and_says_why(case, lead_a, client_for):
    services.case_close(case=case, actor=lead_a, reason="Done")
    client = client_for(lead_a)
    url = reverse("cases:support-phase-add", args=[case.uuid])
    assert "This case is closed" in client.get(url).content.decode()
    response = client.post(url, {"phase": "immediate", **date_answer("started_on", _day())})
    assert response.status_code == 200
    assert "Reopen it before adding support records" in response.content.decode()
    assert not case.support_phases.exists()


def test_the_note_and_document_forms_warn_about_identifying_details_on_anonymous_cases(frontline_a, lead_a, client_for):
    anonymous = make_case(frontline_a.organisation, frontline_a, stage=Stage.DUTY_TO_NOTIFY, consent_to_share=False)
    client = client_for(lead_a)
    for name in ("note-add", "document-add"):
        html = client.get(reverse(f"cases:{name}", args=[anonymous.uuid])).content.decode()
        assert 'data-testid="anonymous-warning"' in html, name


def test_named_cases_get_no_anonymity_warning(case, lead_a, client_for):
    html = client_for(lead_a).get(reverse("cases:note-add", args=[case.uuid])).content.decode()
    assert "anonymous-warning" not in html


def _share_for_support(case, lead, partner) -> None:
    RecordShare.objects.create(
        content_type=ContentType.objects.get_for_model(Case), object_uuid=case.uuid,
        organisation=partner.organisation, shared_by=lead, reason="Joint safeguarding", scope="support",
    )  # fmt: skip


class TestSupportPage:
    def _url(self, case):
        return reverse("cases:support", args=[case.uuid])

    def test_the_lead_sees_it_with_links_to_add_and_the_view_is_audited(self, case, lead_a, client_for):
        response = client_for(lead_a).get(self._url(case))
        html = response.content.decode()
        assert response.status_code == 200
        assert reverse("cases:support-phase-add", args=[case.uuid]) in html
        assert reverse("cases:case-close", args=[case.uuid]) in html
        event = AuditEvent.objects.get(object_id=str(case.uuid), action=AuditAction.VIEW)
        assert event.actor == lead_a

    def test_the_recording_officer_gets_403_and_no_link_from_the_case_page(self, case, frontline_a, client_for):
        client = client_for(frontline_a)
        assert client.get(self._url(case)).status_code == 403
        assert self._url(case) not in client.get(reverse("cases:case-detail", args=[case.uuid])).content.decode()

    def test_a_partner_reads_it_only_when_the_case_is_shared_with_them(self, case, lead_a, police_partner, client_for):
        client = client_for(police_partner)
        assert client.get(self._url(case)).status_code == 404
        _share_for_support(case, lead_a, police_partner)
        assert client.get(self._url(case)).status_code == 200

    def test_waiting_assessments_and_ongoing_placements_link_to_record_what_came_after(
        self, case, lead_a, police_partner, client_for
    ):
        earlier = TODAY() - timedelta(days=5)
        waiting = services.needs_assessment_record(case=case, actor=lead_a, kind="nrpf", requested_on=earlier)
        done = services.needs_assessment_record(
            case=case, actor=lead_a, kind="housing", requested_on=earlier, completed_on=TODAY()
        )
        ongoing, ended = (
            services.accommodation_placement_record(
                case=case, actor=lead_a, accommodation_type="safe_house", provider="Refuge", start_on=earlier,
                end_on=end_on,
            )
            for end_on in (None, TODAY())
        )  # fmt: skip
        links = {
            "waiting": reverse("cases:needs-assessment-complete", args=[case.uuid, waiting.uuid]),
            "done": reverse("cases:needs-assessment-complete", args=[case.uuid, done.uuid]),
            "ongoing": reverse("cases:placement-end", args=[case.uuid, ongoing.uuid]),
            "ended": reverse("cases:placement-end", args=[case.uuid, ended.uuid]),
        }
        html = client_for(lead_a).get(self._url(case)).content.decode()
        assert {name for name, link in links.items() if link in html} == {"waiting", "ongoing"}
        # A partner reading a support share may not change it: no links.
        _share_for_support(case, lead_a, police_partner)
        shared = client_for(police_partner).get(self._url(case)).content.decode()
        assert not any(link in shared for link in links.values())
        services.case_close(case=case, actor=lead_a, reason="Moved away")
        closed = client_for(lead_a).get(self._url(case)).content.decode()
        assert not any(link in closed for link in links.values())

    def test_another_organisation_gets_404_and_a_councillor_403(self, case, lead_b, councillor_a, client_for):
        assert client_for(lead_b).get(self._url(case)).status_code == 404
        assert client_for(councillor_a).get(self._url(case)).status_code == 403

    def test_it_shows_the_last_review_what_changed_missing_episodes_and_scores_over_time(
        self, case, plan, lead_a, client_for
    ):
        services.safety_plan_review(
            plan=plan, actor=lead_a, reviewed_on=TODAY() - timedelta(days=18), what_changed="Changed school"
        )
        services.missing_episode_record(
            case=case, actor=lead_a, went_missing_at=timezone.now() - timedelta(days=3), reported_to_police=True
        )
        services.outcome_scores_record(
            case=case, actor=lead_a, assessed_on=TODAY() - timedelta(days=30), scores={"risk_of_harm": 1}
        )
        services.outcome_scores_record(
            case=case, actor=lead_a, assessed_on=TODAY(), scores={"risk_of_harm": 3, "awareness_of_rights": 4}
        )
        services.support_phase_start(case=case, actor=lead_a, phase="medium_term", started_on=TODAY())
        html = client_for(lead_a).get(self._url(case)).content.decode()
        assert "Changed school" in html
        assert "Overdue" in html  # Reviewed 18 days ago, every 14 days.
        assert "Not returned" in html
        assert "Medium term (a place of safety" in html
        table = html[html.index('data-testid="outcome-scores"') :]
        table = table[: table.index("</table>")]
        assert table.count('scope="row"') == 8  # Every area is a row...
        assert table.count('scope="col"') == 3  # ...and each assessment date a column.
        assert (TODAY() - timedelta(days=30)).strftime("%-d %b %Y") in table

    def test_a_plan_reviewed_on_time_is_not_overdue(self, case, plan, lead_a, client_for):
        services.safety_plan_review(plan=plan, actor=lead_a, reviewed_on=TODAY(), what_changed="Nothing new")
        html = client_for(lead_a).get(self._url(case)).content.decode()
        assert "Overdue" not in html

    def test_a_closed_case_shows_why_and_offers_to_reopen(self, case, lead_a, client_for):
        services.case_close(case=case, actor=lead_a, reason="Resettled in another area")
        html = client_for(lead_a).get(self._url(case)).content.decode()
        assert "Resettled in another area" in html
        assert reverse("cases:case-reopen", args=[case.uuid]) in html


class TestDocumentDownload:
    @pytest.fixture
    def document(self, case, lead_a):
        return services.case_document_upload(
            case=case, actor=lead_a, title="Housing letter", upload=SimpleUploadedFile("x.pdf", PDF)
        )

    def _url(self, case, document):
        return reverse("cases:document-download", args=[case.uuid, document.uuid])

    def test_the_lead_downloads_it_as_an_attachment_and_the_download_is_audited(
        self, case, document, lead_a, client_for
    ):
        response = client_for(lead_a).get(self._url(case, document))
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == PDF
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == 'attachment; filename="Housing letter.pdf"'
        assert "no-store" in response["Cache-Control"]
        event = AuditEvent.objects.get(object_id=str(document.uuid), action=AuditAction.VIEW)
        assert event.actor == lead_a and event.object_type == "cases.casedocument"

    def test_the_recording_officer_gets_403(self, case, document, frontline_a, client_for):
        assert client_for(frontline_a).get(self._url(case, document)).status_code == 403

    def test_another_organisation_gets_404_and_nothing_is_logged_as_downloaded(
        self, case, document, lead_b, client_for
    ):
        assert client_for(lead_b).get(self._url(case, document)).status_code == 404
        assert not AuditEvent.objects.filter(object_id=str(document.uuid), action=AuditAction.VIEW).exists()

    def test_a_councillor_gets_403(self, case, document, councillor_a, client_for):
        assert client_for(councillor_a).get(self._url(case, document)).status_code == 403

    def test_a_document_of_another_case_cannot_be_reached_through_this_one(
        self, case, document, frontline_a, lead_a, client_for
    ):
        other = make_case(frontline_a.organisation, frontline_a)
        assert client_for(lead_a).get(self._url(other, document)).status_code == 404

    def test_the_support_page_links_to_the_download_view_only(self, case, document, lead_a, client_for, media):
        html = client_for(lead_a).get(reverse("cases:support", args=[case.uuid])).content.decode()
        assert self._url(case, document) in html
        assert "case-documents/" not in html


def test_a_missing_episode_reported_to_the_police_is_saved_as_reported(case, lead_a, client_for):
    client_for(lead_a).post(
        reverse("cases:missing-episode-add", args=[case.uuid]),
        {**date_answer("went_missing_at", _moment(5)), "reported_to_police": "yes", "notes": "Found at the station"},
    )
    episode = case.missing_episodes.get()
    assert episode.reported_to_police and episode.returned_at is None


class TestMissingEpisodeReturn:
    @pytest.fixture
    def episode(self, case, lead_a):
        went = timezone.now() - timedelta(hours=30)
        return services.missing_episode_record(case=case, actor=lead_a, went_missing_at=went, notes="Left at night")

    def _url(self, case, episode):
        return reverse("cases:missing-episode-return", args=[case.uuid, episode.uuid])

    def test_the_support_page_links_each_episode_not_returned_to_its_return_page(
        self, case, episode, lead_a, client_for
    ):
        back = services.missing_episode_record(
            case=case,
            actor=lead_a,
            went_missing_at=timezone.now() - timedelta(days=9),
            returned_at=timezone.now() - timedelta(days=8),
        )
        html = client_for(lead_a).get(reverse("cases:support", args=[case.uuid])).content.decode()
        assert self._url(case, episode) in html
        assert self._url(case, back) not in html

    def test_no_return_link_for_a_partner_who_only_reads_or_on_a_closed_case(
        self, case, episode, lead_a, police_partner, client_for
    ):
        _share_for(case, lead_a, police_partner, "support")
        assert (
            self._url(case, episode)
            not in client_for(police_partner).get(reverse("cases:support", args=[case.uuid])).content.decode()
        )
        services.case_close(case=case, actor=lead_a, reason="Moved away")
        html = client_for(lead_a).get(reverse("cases:support", args=[case.uuid])).content.decode()
        assert self._url(case, episode) not in html

    def test_the_page_shows_the_episode_and_opening_it_is_audited(self, case, episode, lead_a, client_for):
        response = client_for(lead_a).get(self._url(case, episode))
        html = response.content.decode()
        assert "Record their return" in html and "Left at night" in html
        event = AuditEvent.objects.get(object_id=str(episode.uuid), action=AuditAction.VIEW)
        assert event.actor == lead_a

    def test_a_saved_return_shows_on_the_support_page(self, case, episode, lead_a, client_for):
        client = client_for(lead_a)
        client.post(self._url(case, episode), {**date_answer("returned_at", _moment(1))})
        html = client.get(reverse("cases:support", args=[case.uuid])).content.decode()
        assert "Not returned" not in html

    @pytest.mark.parametrize(
        ("answer", "error"),
        [
            ({}, "Enter the date and time they returned"),
            (date_answer("returned_at", _moment(-3)), "The time they returned must be now or in the past"),
        ],
        ids=["empty", "in-the-future"],
    )
    def test_bad_input_is_named_and_nothing_changes(self, case, episode, lead_a, client_for, answer, error):
        response = client_for(lead_a).post(self._url(case, episode), {**answer, "notes": "Found"})
        html = response.content.decode()
        assert response.status_code == 200 and error in html
        assert 'href="#id_returned_at-day"' in html  # the error summary links to the field
        episode.refresh_from_db()
        assert episode.returned_at is None and episode.notes == "Left at night"

    def test_a_second_return_is_refused_with_a_message_and_the_first_kept(self, case, episode, lead_a, client_for):
        first = timezone.now() - timedelta(hours=4)
        services.missing_episode_returned(episode=episode, actor=lead_a, returned_at=first)
        response = client_for(lead_a).post(self._url(case, episode), date_answer("returned_at", _moment(1)))
        assert response.status_code == 200
        assert "Their return from this missing episode is already recorded" in response.content.decode()
        episode.refresh_from_db()
        assert episode.returned_at == first

    def test_an_episode_of_another_case_cannot_be_reached_through_this_one(
        self, case, episode, frontline_a, lead_a, client_for
    ):
        other = make_case(frontline_a.organisation, frontline_a)
        url = reverse("cases:missing-episode-return", args=[other.uuid, episode.uuid])
        assert client_for(lead_a).post(url, date_answer("returned_at", _moment(1))).status_code == 404
        episode.refresh_from_db()
        assert episode.returned_at is None

    @pytest.mark.parametrize("scope", [None, "summary", "referral", "support"])
    def test_a_partner_is_refused_exactly_as_on_the_add_page(
        self, case, episode, lead_a, police_partner, client_for, scope
    ):
        if scope:
            _share_for(case, lead_a, police_partner, scope)
        client = client_for(police_partner)
        add = client.post(reverse("cases:missing-episode-add", args=[case.uuid]), {})
        returned = client.post(self._url(case, episode), date_answer("returned_at", _moment(1)))
        assert returned.status_code == add.status_code
        assert returned.status_code in {403, 404}
        episode.refresh_from_db()
        assert episode.returned_at is None


def _share_for(case, lead, partner, scope: str) -> None:
    RecordShare.objects.create(
        content_type=ContentType.objects.get_for_model(Case),
        object_uuid=case.uuid,
        organisation=partner.organisation,
        shared_by=lead,
        reason="Joint safeguarding",
        scope=scope,
    )
