from tackle.cases.models.case import IDENTIFYING_FIELDS, Case
from tackle.cases.models.choices import (
    AgeGroup,
    CaseStatus,
    ConcernAbout,
    ExploitationLocation,
    ExploitationType,
    Gender,
    Indicator,
    ReferralCode,
    ReferralStatus,
    Stage,
)
from tackle.cases.models.nrm import CG_OUTCOMES, RG_OUTCOMES, NrmEvent, NrmEventKind, NrmOutcome
from tackle.cases.models.pathway_settings import PathwaySettings
from tackle.cases.models.referral import Referral

__all__ = [
    "CG_OUTCOMES",
    "IDENTIFYING_FIELDS",
    "RG_OUTCOMES",
    "AgeGroup",
    "Case",
    "CaseStatus",
    "ConcernAbout",
    "ExploitationLocation",
    "ExploitationType",
    "Gender",
    "Indicator",
    "NrmEvent",
    "NrmEventKind",
    "NrmOutcome",
    "PathwaySettings",
    "Referral",
    "ReferralCode",
    "ReferralStatus",
    "Stage",
]
