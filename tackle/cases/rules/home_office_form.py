"""The Home Office referral form (NRM and Duty to Notify), declared once as data: its sections in the
form's order, and each question's key, our wording, its type and choices, which form and which age
branch asks it, and whether it must be answered.

A question marked `held` is one Tackle already keeps (on the case record or in the organisation's
settings): it is read from there and never asked again. The rest are answered section by section
and stored by key. Branching, what is missing and how an answer reads are in
rules/home_office_check.py.
"""

from dataclasses import dataclass
from enum import StrEnum

from tackle.cases.rules.pick_lists import NATIONALITIES, POLICE_FORCES, as_choices

NRM = "nrm"
DUTY_TO_NOTIFY = "duty_to_notify"
CHILD = "child"  # under 18, or not sure and treated as a child until assessed
ADULT = "adult"
BOTH_FORMS = frozenset({NRM, DUTY_TO_NOTIFY})
NRM_ONLY = frozenset({NRM})
DTN_ONLY = frozenset({DUTY_TO_NOTIFY})
EVERY_AGE = frozenset({CHILD, ADULT})
ADULTS = frozenset({ADULT})
CHILDREN = frozenset({CHILD})


class Kind(StrEnum):
    TEXT = "text"
    LONG_TEXT = "long_text"
    CHOICE = "choice"  # one of `choices`
    CHOICES = "choices"  # any of `choices`
    NUMBER = "number"
    EMAIL = "email"
    DOCUMENTS = "documents"  # any of the case's own documents, by uuid; the choices are the case's


YES_NO = (("yes", "Yes"), ("no", "No"))
YES_NO_NOT_SURE = (*YES_NO, ("not_sure", "Not sure"))


@dataclass(frozen=True)
class Question:
    key: str
    label: str
    kind: Kind = Kind.LONG_TEXT
    choices: tuple[tuple[str, str], ...] = ()
    forms: frozenset[str] = BOTH_FORMS
    ages: frozenset[str] = EVERY_AGE
    required: bool = True
    when: tuple[str, tuple[str, ...]] | None = None  # asked only when that answer is one of these
    held: bool = False  # read from the case record or the organisation's settings, never asked here
    hint: str = ""
    required_with: str = ""  # optional, but required once that question is answered


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    questions: tuple[Question, ...]
    forms: frozenset[str] = BOTH_FORMS
    ages: frozenset[str] = EVERY_AGE


Q, K = Question, Kind

SECTIONS: tuple[Section, ...] = (
    Section("referral", "About the referral", (
        Q("fr_organisation", "Your organisation", K.TEXT, held=True),
        Q("fr_location", "Where are you making this report?", K.CHOICE, (
            ("england", "England"), ("wales", "Wales"), ("scotland", "Scotland"),
            ("northern_ireland", "Northern Ireland"),
        )),
        Q("under_18", "Is the person under 18?", K.CHOICE, YES_NO_NOT_SURE, held=True),
        Q("under_18_during_exploitation", "Were they under 18 at any time while they were exploited?", K.CHOICE,
          YES_NO_NOT_SURE, ages=ADULTS),
    )),
    Section("local_authority", "The council contacted about the child", (
        Q("la_name", "Which council have you contacted about the child?", K.TEXT, held=True),
        Q("la_phone", "The council's phone number for the child", K.TEXT, held=True),
        Q("la_email", "The council's email address for the child", K.EMAIL, held=True),
        Q("la_first_name", "First name of your contact at the council", K.TEXT, required=False),
        Q("la_last_name", "Last name of your contact at the council", K.TEXT, required=False),
    ), ages=CHILDREN),
    Section("background", "Their background", (
        Q("birthplace", "Where were they born?", K.TEXT),
        Q("family", "What do you know about their family?"),
        Q("education", "What do you know about their education?"),
        Q("employment_history", "What work have they done before?"),
    )),
    Section("exploitation", "How the exploitation happened", (
        Q("account", "What was seen when the concern was recorded", held=True),
        Q("more_than_one_situation", "Were they exploited in more than one situation?", K.CHOICE,
          (*YES_NO, ("dont_know", "I don't know"))),
        Q("exploitation_dates", "When did the exploitation take place?", K.TEXT,
          hint="Give dates for each situation if there was more than one"),
        Q("how_it_started", "How did the exploitation start?"),
        Q("taken_somewhere", "Did their exploiter take them somewhere?", K.CHOICE, YES_NO),
        Q("journey_details", "Tell us about the journey", when=("taken_somewhere", ("yes",))),
    )),
    Section("treatment", "What they had to do and how they were treated", (
        Q("required_to_do", "What were they made to do?", hint="Describe an ordinary day"),
        Q("living_conditions", "What were their living conditions?"),
        Q("how_treated", "How were they treated?"),
    )),
    Section("situation_now", "Their situation now", (
        Q("still_exploited", "Are they still in the exploitative situation?", K.CHOICE, YES_NO),
        Q("what_keeps_them", "What is keeping them there?", when=("still_exploited", ("yes",))),
        Q("how_they_left", "How and why did they leave?", when=("still_exploited", ("no",))),
        Q("last_contact", "When were they last in contact with their exploiters?", K.CHOICE, (
            ("within_week", "In the last week"), ("within_month", "In the last month"),
            ("within_3_months", "In the last 3 months"), ("within_6_months", "In the last 6 months"),
            ("within_year", "6 to 12 months ago"), ("over_a_year", "Over a year ago"), ("not_sure", "Not sure"),
        )),
        Q("last_contact_details", "Anything more about that contact", required=False),
    )),
    Section("reporting", "Reporting and your assessment", (
        Q("reported_before", "Have they reported this before?", K.CHOICE, YES_NO_NOT_SURE),
        Q("reported_before_details", "Tell us about the earlier report", when=("reported_before", ("yes", "not_sure"))),
        Q("why_report_now", "Why are they reporting it now?", when=("reported_before", ("no",))),
        Q("indicators", "Signs of modern slavery you noticed", held=True),
        Q("interview", "Where and how did you speak with them?"),
        Q("professional_insight", "Your professional view of their situation"),
        Q("dishonesty", "Is there any evidence they have not told the truth?", K.CHOICE, YES_NO),
        Q("dishonesty_details", "What is that evidence?", when=("dishonesty", ("yes",))),
        Q("others_involved", "Are other professionals involved?", K.CHOICE, YES_NO),
        Q("others_involved_details", "Who are they, and what is their part?", when=("others_involved", ("yes",))),
    )),
    Section("places", "Where it happened and where they are now", (
        Q("exploitation_location", "Where did the exploitation happen?", K.CHOICE, (
            ("uk", "In the UK"), ("overseas", "Overseas"), ("uk_and_overseas", "In the UK and overseas"),
        ), held=True),
        Q("uk_towns", "Which UK towns or cities?", K.TEXT, when=("exploitation_location", ("uk", "uk_and_overseas")),
          hint="Up to 10, separated by commas"),
        Q("uk_place_details", "The address or place in the UK", required=False, forms=NRM_ONLY,
          when=("exploitation_location", ("uk", "uk_and_overseas"))),
        Q("countries", "Which countries?", K.TEXT, when=("exploitation_location", ("overseas", "uk_and_overseas")),
          hint="Up to 10, separated by commas"),
        Q("overseas_place_details", "The address or place overseas", required=False, forms=NRM_ONLY,
          when=("exploitation_location", ("overseas", "uk_and_overseas"))),
        Q("current_town", "Which town or city are they in now?", K.TEXT, held=True),
        Q("current_county", "Which county or region are they in now?", K.TEXT, held=True),
    )),
    Section("exploiters", "The exploiters", (
        Q("who_exploited", "Who exploited them?"),
        Q("exploiters_whereabouts_known", "Do you know where the exploiters are?", K.CHOICE, YES_NO),
        Q("exploiters_in_uk", "Are the exploiters in the UK?", K.CHOICE, YES_NO,
          when=("exploiters_whereabouts_known", ("yes",))),
        Q("exploiters_whereabouts", "What do you know about where they are?",
          when=("exploiters_whereabouts_known", ("yes",))),
    )),
    Section("kinds", "How they were exploited", (
        Q("exploitation_types", "Types of exploitation", K.TEXT, held=True),
        Q("other_victims", "Are there other potential victims?", K.CHOICE, YES_NO_NOT_SURE),
        Q("other_victims_details", "What do you know about them?", when=("other_victims", ("yes", "not_sure"))),
        Q("future_exploitation", "Are you worried they will be exploited again?", K.CHOICE, YES_NO),
        Q("future_exploitation_reasons", "Why are you worried?", when=("future_exploitation", ("yes",))),
    )),
    Section("police", "The police and investigations", (
        Q("crime_reference_held", "Is there a crime reference for a modern slavery crime against them?", K.CHOICE,
          YES_NO),
        Q("police_force", "Which police force?", K.CHOICE, as_choices(POLICE_FORCES),
          when=("crime_reference_held", ("yes",))),
        Q("crime_reference", "The crime or incident reference", K.TEXT, when=("crime_reference_held", ("yes",))),
        Q("willing_to_help", "Are they willing to help an investigation or prosecution?", K.CHOICE, YES_NO),
        Q("willing_to_help_details", "Anything more about that", required=False),
    )),
    Section("consent", "Consent", (
        Q("consent", "Do they consent to an NRM referral?", K.CHOICE, (
            ("yes", "Yes"), ("no", "No: a Duty to Notify instead"),
            ("not_needed", "Not needed: a child is referred without consent"),
        ), held=True),
        Q("refusal_reason", "Why do they not want to be referred?", forms=DTN_ONLY, held=True),
    )),
    Section("duty_to_notify", "About the person (Duty to Notify)", (
        Q("gender", "Gender", K.CHOICE, (
            ("female", "Female"), ("male", "Male"), ("other", "They do not identify as male or female"),
        ), held=True),
        Q("nationality", "Nationality", K.TEXT, held=True),
        Q("second_nationality", "Second nationality", K.CHOICE, as_choices(NATIONALITIES), required=False),
        Q("name", "Name", K.TEXT, held=True, when=("shared", ("yes",))),
        Q("contact", "How to contact them", K.TEXT, held=True, when=("shared", ("yes",))),
    ), forms=DTN_ONLY),
    Section("person", "The potential victim", (
        Q("needs_support", "Do they want support?", K.CHOICE, YES_NO, ages=ADULTS),
        Q("support_contact", "How can a support provider reach them?", K.CHOICE, (
            ("own_phone", "On their own phone"), ("other_phone", "On someone else's phone"),
            ("none", "They cannot give contact details"),
        ), ages=ADULTS, when=("needs_support", ("yes",))),
        Q("support_phone", "Their phone number", K.TEXT, held=True, ages=ADULTS,
          when=("support_contact", ("own_phone",))),
        Q("other_phone", "The other phone number", K.TEXT, ages=ADULTS, when=("support_contact", ("other_phone",))),
        Q("other_phone_relationship", "Whose number is it, to them?", K.TEXT, ages=ADULTS,
          when=("support_contact", ("other_phone",))),
        Q("no_contact_reason", "Why can they not give contact details?", ages=ADULTS,
          when=("support_contact", ("none",))),
        Q("name", "Name", K.TEXT, held=True),
        Q("date_of_birth", "Date of birth", K.TEXT, held=True, required=False),
        Q("gender", "Gender", K.CHOICE, (
            ("female", "Female"), ("male", "Male"), ("other", "They do not identify as male or female"),
        ), held=True),
        Q("has_children", "Do they have children?", K.CHOICE, YES_NO),
        Q("children_count", "How many children?", K.NUMBER, when=("has_children", ("yes",))),
        Q("nationality", "Nationality", K.TEXT, held=True),
        Q("second_nationality", "Second nationality", K.CHOICE, as_choices(NATIONALITIES), required=False),
        Q("interpreter_needed", "Do they need an interpreter?", K.CHOICE, YES_NO, held=True),
        Q("language", "Which language?", K.TEXT, held=True, when=("interpreter_needed", ("yes",))),
        Q("communication_help", "Do they need other help to communicate?", K.CHOICE, YES_NO),
        Q("communication_aid", "What help?", K.TEXT, when=("communication_help", ("yes",))),
        Q("home_office_reference_held", "Do they have a Home Office reference?", K.CHOICE, YES_NO),
        Q("home_office_reference", "The reference and what kind it is", K.TEXT,
          when=("home_office_reference_held", ("yes",))),
    ), forms=NRM_ONLY),
    Section("decision_letter", "Who receives the decision", (
        Q("decision_to", "Who should the Home Office send its decision to?", K.CHOICE, (
            ("person", "The person themselves"), ("someone_else", "Someone else"),
        )),
        Q("decision_by", "How should it be sent?", K.CHOICES, (("email", "By email"), ("post", "By post"))),
        Q("decision_email", "Email address", K.EMAIL, when=("decision_by", ("email",))),
        Q("decision_address", "Postal address", when=("decision_by", ("post",))),
        Q("safe_to_write", "Is it safe to write to them there?", K.CHOICE, YES_NO, when=("decision_to", ("person",))),
        Q("someone_else_name", "The name of that person", K.TEXT, required=False,
          when=("decision_to", ("someone_else",))),
        Q("someone_else_allowed", "Did they agree to the decision going to that person?", K.CHOICE, YES_NO,
          when=("decision_to", ("someone_else",))),
    ), forms=NRM_ONLY, ages=ADULTS),
    Section("first_responder", "You, the first responder", (
        Q("fr_name", "Your name", K.TEXT, held=True),
        Q("fr_role", "Your role", K.TEXT, held=True),
        Q("fr_phone", "Your phone number", K.TEXT, held=True),
        Q("fr_email", "Another email address the Home Office can use", K.EMAIL, held=True),
    ), forms=NRM_ONLY),
    Section("evidence", "Evidence", (
        Q("evidence_documents", "Which of the case's documents will you attach?", K.DOCUMENTS, required=False,
          hint="Select all that apply. Documents are added on the case's support page"),
        Q("evidence", "What evidence will you send with the referral?", required=False,
          required_with="evidence_documents"),
    ), forms=NRM_ONLY),
)  # fmt: skip

SECTION_BY_KEY: dict[str, Section] = {section.key: section for section in SECTIONS}

# Facts of the case that decide a branch but are not questions of their own.
CONDITION_FACTS = frozenset({"shared"})
