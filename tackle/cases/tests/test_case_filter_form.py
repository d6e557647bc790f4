"""The case list's filter form shares its checked fields between requests (once per language): it
checks, answers and shows exactly as a form that builds and checks its own fields each time. A
search reads as a date exactly when one of the date formats reads it."""

from datetime import datetime

from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tackle.cases.forms.case_list import _DATE_FORMATS, CaseFilterForm, _as_date
from tackle.cases.models import AgeGroup, ExploitationType, Stage
from tackle.core.roles import Role


class OwnFieldsForm(CaseFilterForm):
    share_fields = False  # Django's way: every form deep-copies its fields and sets their messages


def _values(*good: str) -> st.SearchStrategy[str]:
    return st.sampled_from(["", *good, "not-a-code", "OPEN", " "])


def test_the_shared_fields_check_and_show_as_the_form_own_would(make_user, council_a):
    workers = [make_user(Role.MODERN_SLAVERY_LEAD, council_a), make_user(Role.SAFEGUARDING_MANAGER, council_a)]
    names = [worker.username for worker in workers]
    queries = st.fixed_dictionaries(
        {},
        optional={
            "status": _values("open", "closed", "all"),
            "stage": _values(Stage.NRM_REFERRED, Stage.POSITIVE_CG),
            "age_group": _values(*AgeGroup.values),
            "exploitation_type": _values(*ExploitationType.values),
            "overdue": _values("true", "false"),
            "allocated_to": _values("none", *names, f" {names[0]} ", "someone-else"),
            "search": st.one_of(st.text(max_size=8), st.text(min_size=199, max_size=202), st.just("25/11/2008")),
        },
    )

    @settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(query=queries, language=st.sampled_from(["en", "cy"]), may_search=st.booleans())
    def same_answer(query, language, may_search):
        with translation.override(language):
            shared, own = (
                kind(query, workers=workers, may_search=may_search) for kind in (CaseFilterForm, OwnFieldsForm)
            )
            assert shared.is_valid() == own.is_valid()
            assert shared.errors.get_json_data() == own.errors.get_json_data()
            if own.is_valid():
                assert shared.filters(default_status="open") == own.filters(default_status="open")
            assert str(shared) == str(own)  # the panel, its choices and its messages

    same_answer()
    with_workers = CaseFilterForm({}, workers=workers, may_search=True)
    CaseFilterForm({}, workers=[], may_search=False)  # another request's choices stay its own
    assert [value for value, _ in with_workers.fields["allocated_to"].widget.choices] == ["", "none", *names]
    assert "search" in with_workers.fields
    with translation.override("en"):
        refused = CaseFilterForm({"search": "ab", "allocated_to": "someone-else"}, workers=workers, may_search=True)
        assert not refused.is_valid()
    assert refused.errors == {
        "search": ["Enter at least 3 characters to search"],
        "allocated_to": ["No case worker of your organisation has the username someone-else"],
    }


def _parsed_by_any_format(text):
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


@given(
    st.text(alphabet="0123456789٣/-. Oabc", max_size=12) | st.sampled_from(["25/11/2008", " 5/11/2008", "2008-11-25"])
)
def test_a_search_reads_as_a_date_exactly_when_a_date_format_reads_it(text):
    assert _as_date(text) == _parsed_by_any_format(text)
