"""The self-assessment: seven themes from the LGA councillor guide, each with questions in our own
words. A code table, so that answers keep their meaning from year to year; a question that
changes gets a new key."""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class Question:
    key: str
    text: "StrOrPromise"  # lazy: read in the page's language


@dataclass(frozen=True)
class Theme:
    key: str
    title: "StrOrPromise"
    questions: tuple[Question, ...]


THEMES: tuple[Theme, ...] = (
    Theme(
        "knowledge",
        _("Knowledge and training"),
        (
            Question(
                "knowledge_staff_trained",
                _("Have the staff most likely to meet victims been trained to spot the signs and act?"),
            ),
            Question(
                "knowledge_first_responders",
                _("Do officers who make NRM referrals know the first responder duties and how to use them?"),
            ),
            Question(
                "knowledge_councillors",
                _("Have councillors been briefed on modern slavery and their role in tackling it?"),
            ),
            Question(
                "knowledge_understanding",
                _("Can the council show that its staff understand what modern slavery and human trafficking are?"),
            ),
            Question(
                "knowledge_obligations",
                _(
                    "Does the council know its duties to victims under the Modern Slavery Act 2015, safeguarding law "
                    "and human rights law?"
                ),
            ),
        ),
    ),
    Theme(
        "strategy",
        _("Strategic approach"),
        (
            Question(
                "strategy_plan", _("Does a current plan or strategy set out how the council responds to exploitation?")
            ),
            Question(
                "strategy_safeguarding_plan",
                _("Do the strategic plans for safeguarding adults and children include modern slavery?"),
            ),
            Question(
                "strategy_needs_assessment",
                _("Has a joint strategic needs assessment looked at modern slavery locally?"),
            ),
        ),
    ),
    Theme(
        "structures",
        _("Council structures and processes"),
        (
            Question(
                "structures_pathway",
                _("Is there a written referral pathway that staff follow when they suspect exploitation?"),
            ),
            Question(
                "structures_records",
                _("Are concerns, referrals and decisions recorded in one place so they can be counted?"),
            ),
            Question(
                "structures_services",
                _("Do licensing, housing, environmental health and social care know their part in the response?"),
            ),
            # The lead and the figures were first asked under the strategy theme; the guide asks them
            # here, so they moved, keeping their keys (and so their answers).
            Question("strategy_lead", _("Is there a named officer who leads on modern slavery for the council?")),
            Question(
                "strategy_figures",
                _(
                    "Can the council say how many potential victims its staff found and how many it referred "
                    "to the NRM?"
                ),
            ),
            Question(
                "structures_staff_refer",
                _("Can the council show that staff know how to spot modern slavery and pass it to the right people?"),
            ),
        ),
    ),
    Theme(
        "partnership",
        _("Partnership working"),
        (
            Question(
                "partnership_forum", _("Does the council take part in a local partnership or network on exploitation?")
            ),
            Question(
                "partnership_sharing",
                _("Are there agreements for sharing information with the police and other agencies?"),
            ),
            Question(
                "partnership_safeguarding",
                _("Do the safeguarding boards for adults and children cover modern slavery?"),
            ),
            Question(
                "partnership_departments",
                _(
                    "Which officers and services take part in local partnerships, and is what they learn passed on "
                    "across the council's departments?"
                ),
            ),
            Question(
                "partnership_impact",
                _("Is joint working being strengthened, and is the partnership's impact assessed?"),
            ),
        ),
    ),
    Theme(
        "victims",
        _("Supporting victims"),
        (
            Question(
                "victims_support",
                _("Can the council offer safe accommodation and support to someone who is not in the NRM?"),
            ),
            Question("victims_housing", _("Do housing staff understand the rights of survivors to housing and help?")),
            Question("victims_outcomes", _("Does the council follow what happens to people it has referred?")),
            Question(
                "victims_procedures",
                _("Are there written procedures for handling the cases of potential and confirmed victims?"),
            ),
            Question("victims_records", _("Does the council keep a record of the victims it supports?")),
            Question("victims_needs_met", _("Is there evidence that the needs of the victims it meets are being met?")),
            Question(
                "victims_learning_needs",
                _("Are staff's learning needs on modern slavery reviewed regularly for safeguarding work?"),
            ),
        ),
    ),
    Theme(
        "procurement",
        _("Procurement"),
        (
            Question(
                "procurement_statement",
                _("Has the council approved and published a modern slavery statement this year?"),
            ),
            Question("procurement_staff", _("Have procurement and contract staff been trained in supply-chain risk?")),
            Question(
                "procurement_contracts", _("Do high-risk contracts include checks and terms on labour exploitation?")
            ),
            Question(
                "procurement_assurance",
                _("Does the council ask suppliers for assurance about their own suppliers and subcontractors?"),
            ),
            Question(
                "procurement_risk_assessment",
                _("Has the council assessed the modern slavery risk across its supply chains?"),
            ),
            Question(
                "procurement_tools",
                _(
                    "Does the council use the free tools available, such as the government's statement registry "
                    "and its supply chain assessment tool?"
                ),
            ),
        ),
    ),
    Theme(
        "awareness",
        _("Awareness raising"),
        (
            Question(
                "awareness_public",
                _("Has the council told residents and businesses how to recognise and report exploitation?"),
            ),
            Question(
                "awareness_businesses",
                _("Have high-risk businesses, such as car washes and nail bars, been reached directly?"),
            ),
            Question("awareness_staff", _("Do staff across the council know how to report a concern?")),
            Question(
                "awareness_victims",
                _("Has the council made or used materials that tell potential victims where they can get help?"),
            ),
        ),
    ),
)

QUESTIONS: dict[str, Question] = {question.key: question for theme in THEMES for question in theme.questions}

# Each question the LGA councillor guide suggests asking, theme by theme in its order, as the key of
# the question here that asks it (in our words). Some questions here go further than the guide.
GUIDE_COVERAGE: dict[str, tuple[str, ...]] = {
    "knowledge": (
        "knowledge_staff_trained", "knowledge_councillors", "knowledge_understanding", "knowledge_obligations",
    ),
    "strategy": ("strategy_plan", "strategy_safeguarding_plan", "strategy_needs_assessment"),
    "structures": (
        "structures_staff_refer", "strategy_lead", "structures_records", "structures_pathway", "strategy_figures",
    ),
    "partnership": ("partnership_departments", "partnership_impact"),
    "victims": ("victims_procedures", "victims_records", "victims_needs_met", "victims_learning_needs"),
    "procurement": (
        "procurement_statement", "procurement_staff", "procurement_contracts", "procurement_assurance",
        "procurement_risk_assessment", "procurement_tools",
    ),
    "awareness": ("awareness_public", "awareness_victims"),
}  # fmt: skip
QUESTION_KEYS: tuple[str, ...] = tuple(QUESTIONS)

ANSWER_CHOICES = [
    ("yes", _("Yes")),
    ("partly", _("Partly")),
    ("no", _("No")),
    ("not_known", _("Not known")),
]
ANSWER_LABELS = dict(ANSWER_CHOICES)
