"""Vocabularies for cases. Values are stable codes; labels are what people read."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# Exploitation types are shared with disruption, so they live in the kernel; re-exported here.
from tackle.core.vocabulary import ExploitationType as ExploitationType


class Stage(models.TextChoices):
    """Workflow stage, in workflow order. Kept apart from open/closed status."""

    CONCERN = "concern", _("Concern recorded")
    DUTY_TO_NOTIFY = "duty_to_notify", _("Duty to Notify sent")
    NRM_REFERRED = "nrm_referred", _("Referred to the NRM")
    POSITIVE_RG = "positive_rg", _("Positive reasonable grounds")
    NEGATIVE_RG = "negative_rg", _("Negative reasonable grounds")
    POSITIVE_CG = "positive_cg", _("Positive conclusive grounds")
    NEGATIVE_CG = "negative_cg", _("Negative conclusive grounds")


class CaseStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class AgeGroup(models.TextChoices):
    ADULT = "adult", _("Adult (18 or over)")
    CHILD = "child", _("Child (17 or under)")
    UNKNOWN = "unknown", _("Not specified or unknown")


class Gender(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    OTHER = "other", _("Other")
    UNKNOWN = "unknown", _("Not known")


class ExploitationLocation(models.TextChoices):
    UK = "uk", _("UK")
    OVERSEAS = "overseas", _("Overseas")
    UK_AND_OVERSEAS = "uk_and_overseas", _("UK and Overseas")
    UNKNOWN = "unknown", _("Not specified or unknown")


class AgeAssessmentOutcome(models.TextChoices):
    ADULT = "adult", _("Assessed as an adult")
    CHILD = "child", _("Assessed as a child")
    NOT_COMPLETED = "not_completed", _("Started, not completed")


class InterpreterMode(models.TextChoices):
    NONE = "", _("No interpreter")
    IN_PERSON = "in_person", _("In person")
    PHONE = "phone", _("By phone")
    VIDEO = "video", _("By video")


class ConcernAbout(models.TextChoices):
    PERSON = "person", _("A person who may be exploited")
    SUPPLIER = "supplier", _("A supplier or contractor of the council")
    COUNCIL = "council", _("The council's own staff or activity")


class Indicator(models.TextChoices):
    """Signs of exploitation, in our own words. Not exhaustive: officers can add free text."""

    DOCUMENTS_HELD = "documents_held", _("Someone else holds their passport or ID")
    SPOKEN_FOR = "spoken_for", _("Someone else speaks for them or coaches their answers")
    DECEIVED_ABOUT_JOB = "deceived_about_job", _("Recruited for one job, made to do another")
    DEBT = "debt", _("Owes a debt for travel or recruitment that work pays off")
    LITTLE_OR_NO_PAY = "little_or_no_pay", _("Little or no pay, or someone else controls their money")
    MOVEMENT_CONTROLLED = "movement_controlled", _("Not free to come and go; dropped off and collected")
    FRIGHTENED = "frightened", _("Withdrawn, frightened or anxious")
    THREATS = "threats", _("Threats against them or their family")
    BONDED = "bonded", _("Believes they are bound to work by a debt")
    HARM_OR_DEPRIVATION = "harm_or_deprivation", _("Injuries, or kept short of food, sleep or medical care")
    ISOLATED = "isolated", _("Little contact with family or anyone outside")
    POOR_HOUSING = "poor_housing", _("Living where they work, overcrowded, or in a shed or outbuilding")
    NO_PROTECTIVE_EQUIPMENT = "no_protective_equipment", _("Working without safety equipment or proper clothing")


class ReferralCode(models.TextChoices):
    """The actions the pathway can call for; each becomes a tracked referral on a case."""

    CALL_POLICE = "call_police", _("Call the police")
    CHILDREN_SAFEGUARDING_REFERRAL = "children_safeguarding_referral", _("Children's safeguarding referral (MASH)")
    AGE_ASSESSMENT = "age_assessment", _("Age assessment")
    ICTG_REFERRAL = "ictg_referral", _("Independent Child Trafficking Guardian referral")
    NRM_REFERRAL = "nrm_referral", _("NRM referral")
    DUTY_TO_NOTIFY = "duty_to_notify", _("Duty to Notify")
    SEEK_NRM_CONSENT = "seek_nrm_consent", _("Ask for consent to an NRM referral")
    ADULT_SAFEGUARDING_REFERRAL = "adult_safeguarding_referral", _("Adult safeguarding referral (Care Act s.42)")
    EMERGENCY_ACCOMMODATION = "emergency_accommodation", _("Emergency accommodation tonight")
    PROCUREMENT_REFERRAL = "procurement_referral", _("Refer to procurement")
    WHISTLEBLOWING_REPORT = "whistleblowing_report", _("Report under the whistleblowing policy")


class ReferralStatus(models.TextChoices):
    """In workflow order."""

    TO_DO = "to_do", _("To do")
    SENT = "sent", _("Sent")
    DONE = "done", _("Done")
    NOT_NEEDED = "not_needed", _("Not needed")
