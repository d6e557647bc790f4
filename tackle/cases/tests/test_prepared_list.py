"""The case list's prepared statements (tackle/cases/prepared_list.py) give exactly the page the ORM
gives: for any filters, search text and page, for users of every scope, on whichever database runs
the suite."""

from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tackle.cases import selectors
from tackle.cases.models import AgeGroup, Case, CaseAlias, CaseStatus, Referral, ReferralCode, Stage
from tackle.cases.prepared_list import is_prepared, prepared_queue
from tackle.cases.selectors import QUEUE_ROW_FIELDS, CaseFilters, case_list_visible_to, cases_filtered, queue_for
from tackle.cases.tests.factories import make_case
from tackle.core.models import RecordShare
from tackle.core.roles import Role

NAMES = [
    "Siân Ŵyn",
    "Ŷr Ŵy Jones",
    "50% Ltd worker",
    "snake_case Smith",
    "O'Brien",
    'say "hi" Ann',
    "Anna Kowalska",
    "",
]
DATE_OF_BIRTH = date(2008, 11, 25)
# Fragments that find something, and text of the letters that need escaping in LIKE, FTS and SQL.
FRAGMENTS = ["Siân", "ŵyn", "50%", "e_c", "O'B", '"hi"', "T-0", "T-00", "Ann", "nobody at all"]
AWKWARD = st.text(alphabet="aânŵŷ%_'\"-T0 ", min_size=3, max_size=6).map(lambda text: " ".join(text.split()))


def _case_data(lead, frontline, manager, partner_org):
    """Cases across every filter's values, some shared with the police (live, expired, revoked)."""
    now = timezone.now()
    stages = [Stage.NRM_REFERRED, Stage.POSITIVE_CG, *Stage.values]
    for i in range(14):
        case = make_case(
            lead.organisation,
            frontline if i % 3 else lead,
            reference=f"T-{i:04d}",
            person_name=NAMES[i % len(NAMES)],
            person_date_of_birth=DATE_OF_BIRTH if i % 5 == 0 else None,
            status=CaseStatus.CLOSED if i % 4 == 3 else CaseStatus.OPEN,
            closed_at=now if i % 4 == 3 else None,
            stage=stages[i % 3],
            age_group=[AgeGroup.CHILD, AgeGroup.ADULT][i % 2],
            exploitation_types=[["criminal"], ["labour", "sexual"], []][i % 3],
            allocated_to=[None, lead, manager][i % 3],
            encountered_at=now - timedelta(days=i),
            triaged_at=None if i % 6 == 0 else now,
        )
        if i % 2:
            Referral.objects.create(
                case=case, code=ReferralCode.NRM_REFERRAL, due_by=now + timedelta(hours=(i % 4) * 10 - 15)
            )
        if i % 7 == 1:
            CaseAlias.objects.create(case=case, name="Dafydd ap Siôn")
        if i % 3 == 0:
            RecordShare.objects.create(
                content_type=ContentType.objects.get_for_model(Case),
                object_uuid=case.uuid,
                organisation=partner_org,
                shared_by=lead,
                reason="Joint safeguarding",
                scope="summary",
                expires_at=now - timedelta(days=1) if i == 9 else None,
                revoked_at=now if i == 6 else None,
            )


def _page(page):
    """What the page shows, field by field."""
    rows = [
        (
            *(getattr(row["case"], name.split("__")[0]) for name in QUEUE_ROW_FIELDS if "__" not in name),
            str(row["case"].allocated_to) if row["case"].allocated_to_id else None,
            row["next_due"],
            row["overdue"],
            row["new"],
        )
        for row in page.rows
    ]
    return rows, page.count, page.number, page.pages


def test_the_prepared_page_is_the_orm_page(
    lead_a, frontline_a, police_partner, lead_b, make_user, council_a, monkeypatch
):
    manager = make_user(Role.SAFEGUARDING_MANAGER, council_a)
    _case_data(lead_a, frontline_a, manager, police_partner.organisation)
    monkeypatch.setattr(selectors, "QUEUE_PAGE_SIZE", 3)  # several pages of a few cases
    users = [lead_a, frontline_a, police_partner, lead_b]
    searches = st.one_of(st.just(""), st.sampled_from(FRAGMENTS), AWKWARD.filter(lambda text: len(text) >= 3))
    filters = st.builds(
        CaseFilters,
        status=st.sampled_from(["", CaseStatus.OPEN, CaseStatus.CLOSED]),
        stage=st.sampled_from(["", Stage.NRM_REFERRED, Stage.POSITIVE_CG]),
        age_group=st.sampled_from(["", AgeGroup.CHILD, AgeGroup.ADULT]),
        exploitation_type=st.sampled_from(["", "criminal", "labour", "sexual"]),
        overdue=st.sampled_from([None, True, False]),
        allocated_to=st.sampled_from([None, lead_a.pk, manager.pk]),
        not_allocated=st.booleans(),
        search=searches,
        born_on=st.sampled_from([None, DATE_OF_BIRTH]),
    )
    seen = {"cases": 0}

    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(user=st.sampled_from(users), filters=filters, page=st.one_of(st.integers(1, 6), st.just("x")))
    def same_page(user, filters, page):
        through_orm = queue_for(user, cases_filtered(case_list_visible_to(user), filters), page=page)
        prepared = prepared_queue(user, filters, page=page)
        assert _page(prepared) == _page(through_orm)
        seen["cases"] += len(through_orm.rows)

    same_page()
    assert seen["cases"] > 0  # the examples found cases, not only empty pages
    # Every scope's list is prepared; a search too on SQLite, where its SQL does not depend on the
    # data (on PostgreSQL the matching aliases are read first, so it goes through the ORM).
    assert all(is_prepared(user, CaseFilters(status=CaseStatus.OPEN, overdue=True)) for user in users)
    searched = CaseFilters(search="Ann", born_on=DATE_OF_BIRTH, exploitation_type="labour")
    assert is_prepared(lead_a, searched) == (connection.vendor == "sqlite")
