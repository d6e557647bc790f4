"""The scrutiny report for a committee: its contents and its PDF, shared by the report's page, its
PDF download and the API. The report shows answers and evidence, never Tackle's proposals."""

from typing import Any

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from tackle.accounts.selectors import disclosure_for
from tackle.core.disclosure import Audience, disclosed_in_language
from tackle.core.documents import document_language, tagged_pdf
from tackle.core.periods import financial_year_label
from tackle.scrutiny.models import Assessment
from tackle.scrutiny.themes import ANSWER_LABELS, THEMES
from tackle.statements.selectors.commitments import organisation_commitment_progress


def assessment_rows(assessment: Assessment, proposals: dict[str, Any]) -> list[dict[str, Any]]:
    answers = {answer.question: answer for answer in assessment.answers.all()}
    themes = []
    for theme in THEMES:
        rows = []
        for question in theme.questions:
            answer = answers.get(question.key)
            rows.append(
                {
                    "question": question,
                    "answer": ANSWER_LABELS.get(answer.answer, "") if answer else "",
                    "evidence": answer.evidence if answer else "",
                    "proposal": proposals.get(question.key),
                }
            )
        themes.append({"theme": theme, "rows": rows})
    return themes


def report_context(assessment: Assessment) -> dict[str, Any]:
    """The council's adopted commitments and their progress come from the statements layer, below."""
    return {
        "commitments": organisation_commitment_progress(assessment.organisation_id),
        "assessment": assessment,
        "organisation": assessment.organisation,
        "themes": assessment_rows(assessment, {}),
        "year_label": financial_year_label(assessment.year),
        "figures_note": disclosed_in_language(
            disclosure_for(assessment.organisation_id, Audience.COUNCILLORS).small_counts_note()
        ),
    }


def report_pdf(assessment: Assessment) -> HttpResponse:
    """The report as a tagged PDF in the active language, as an attachment."""
    context = report_context(assessment)
    context["document_title"] = _("Scrutiny report %(year)s: %(organisation)s") % {
        "year": context["year_label"],
        "organisation": context["organisation"].name,
    }
    html = render_to_string("scrutiny/report_print.html", context)
    pdf = tagged_pdf(html, title=context["document_title"], language=document_language())
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="scrutiny-report-{assessment.year}.pdf"'
    return response
