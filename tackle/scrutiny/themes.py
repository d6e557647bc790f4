"""The self-assessment: seven themes from the LGA councillor guide, each with questions in our own
words. A code table, so that answers keep their meaning from year to year; a question that
changes gets a new key."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Question:
    key: str
    text: str


@dataclass(frozen=True)
class Theme:
    key: str
    title: str
    questions: tuple[Question, ...]


THEMES: tuple[Theme, ...] = (
    Theme(
        "knowledge",
        "Knowledge and training",
        (
            Question(
                "knowledge_staff_trained",
                "Have the staff most likely to meet victims been trained to spot the signs and act?",
            ),
            Question(
                "knowledge_first_responders",
                "Do officers who make NRM referrals know the first responder duties and how to use them?",
            ),
            Question(
                "knowledge_councillors",
                "Have councillors been briefed on modern slavery and their role in tackling it?",
            ),
        ),
    ),
    Theme(
        "strategy",
        "Strategic approach",
        (
            Question("strategy_lead", "Is there a named officer who leads on modern slavery for the council?"),
            Question(
                "strategy_plan", "Does a current plan or strategy set out how the council responds to exploitation?"
            ),
            Question(
                "strategy_figures",
                "Can the council say how many potential victims its staff found and how many it referred to the NRM?",
            ),
        ),
    ),
    Theme(
        "structures",
        "Council structures and processes",
        (
            Question(
                "structures_pathway",
                "Is there a written referral pathway that staff follow when they suspect exploitation?",
            ),
            Question(
                "structures_records",
                "Are concerns, referrals and decisions recorded in one place so they can be counted?",
            ),
            Question(
                "structures_services",
                "Do licensing, housing, environmental health and social care know their part in the response?",
            ),
        ),
    ),
    Theme(
        "partnership",
        "Partnership working",
        (
            Question(
                "partnership_forum", "Does the council take part in a local partnership or network on exploitation?"
            ),
            Question(
                "partnership_sharing",
                "Are there agreements for sharing information with the police and other agencies?",
            ),
            Question(
                "partnership_safeguarding", "Do the safeguarding boards for adults and children cover modern slavery?"
            ),
        ),
    ),
    Theme(
        "victims",
        "Supporting victims",
        (
            Question(
                "victims_support",
                "Can the council offer safe accommodation and support to someone who is not in the NRM?",
            ),
            Question("victims_housing", "Do housing staff understand the rights of survivors to housing and help?"),
            Question("victims_outcomes", "Does the council follow what happens to people it has referred?"),
        ),
    ),
    Theme(
        "procurement",
        "Procurement",
        (
            Question(
                "procurement_statement", "Has the council approved and published a modern slavery statement this year?"
            ),
            Question("procurement_staff", "Have procurement and contract staff been trained in supply-chain risk?"),
            Question(
                "procurement_contracts", "Do high-risk contracts include checks and terms on labour exploitation?"
            ),
        ),
    ),
    Theme(
        "awareness",
        "Awareness raising",
        (
            Question(
                "awareness_public",
                "Has the council told residents and businesses how to recognise and report exploitation?",
            ),
            Question(
                "awareness_businesses",
                "Have high-risk businesses, such as car washes and nail bars, been reached directly?",
            ),
            Question("awareness_staff", "Do staff across the council know how to report a concern?"),
        ),
    ),
)

QUESTIONS: dict[str, Question] = {question.key: question for theme in THEMES for question in theme.questions}
QUESTION_KEYS: tuple[str, ...] = tuple(QUESTIONS)

ANSWER_CHOICES = [
    ("yes", "Yes"),
    ("partly", "Partly"),
    ("no", "No"),
    ("not_known", "Not known"),
]
ANSWER_LABELS = dict(ANSWER_CHOICES)
