"""The annual disruption report as its page, its PDF and the API show it: one financial year's
figures (figures.py), its counts of people shown as to the public, because the report is published."""

from typing import Any

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext

from tackle.accounts.selectors import disclosure_for
from tackle.core.charts import bar_chart
from tackle.core.disclosure import Audience
from tackle.core.documents import document_language, tagged_pdf
from tackle.core.periods import financial_year_label, financial_year_of
from tackle.disrupt.figures import AnnualFigures, annual_figures, annual_people_shown


def _shown(rows: list[tuple[Any, Any]]) -> list[tuple[str, Any]]:
    """Rows labelled in English (figures keep English keys) read in the reader's language."""
    return [(gettext(str(label)), value) for label, value in rows]


def _charts(figures: AnnualFigures, arrests: list[tuple[str, Any]]) -> dict[str, Any]:
    return {
        "exploitation": bar_chart(_shown(figures.by_exploitation)),
        "agencies": bar_chart([(row.name, row.interventions) for row in figures.agencies]),
        "arrests": bar_chart(arrests),
    }


def report_context(user: Any, year: int) -> dict[str, Any]:
    """Everything the report shows for the user's organisation and the financial year from `year`."""
    figures = annual_figures(user.organisation_id, year)
    disclosure = disclosure_for(user.organisation_id, Audience.PUBLIC)
    people = annual_people_shown(figures, disclosure)
    arrests = _shown([(offence, people[f"arrests:{offence}"]) for offence in figures.arrests])
    this_year = financial_year_of(timezone.localdate())
    return {
        "figures": figures,
        "people": people,
        "by_exploitation": _shown(figures.by_exploitation),
        "arrests": arrests,
        "people_note": disclosure.note(),
        "charts": _charts(figures, arrests),
        "organisation": user.organisation,
        "years": [financial_year_label(y) for y in range(this_year, this_year - 5, -1)],
    }


def report_pdf(context: dict[str, Any]) -> HttpResponse:
    """The report as a tagged PDF in the reader's language, to download."""
    label = context["figures"].label
    context["document_title"] = gettext("Disruption report %(year)s: %(organisation)s") % {
        "year": label,
        "organisation": context["organisation"].name,
    }
    context["document_language"] = document_language()
    html = render_to_string("disrupt/annual_report_print.html", context)
    response = HttpResponse(
        tagged_pdf(html, title=context["document_title"], language=context["document_language"]),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = f'attachment; filename="disruption-report-{label}.pdf"'
    return response
