"""Duty to Notify anonymity (s.52 Modern Slavery Act 2015): an adult who declined the NRM is reported
by Duty to Notify, which is anonymous, so their record may hold nothing that identifies them unless
they consented to their details being shared. A case at the Duty to Notify stage is held to the
same rule. The database carries this rule as the constraint case_duty_to_notify_is_anonymous; a
test holds the two together.
"""

from tackle.cases.models.choices import Stage

# Fields that could identify the person: empty on an anonymous record.
IDENTIFYING_FIELDS = ("person_name", "person_date_of_birth", "person_contact", "person_address")


def must_be_anonymous(
    *, stage: str, consent_to_nrm: bool | None, treated_as_child: bool, consent_to_share: bool
) -> bool:
    """True when nothing identifying may be kept, shown or exported. Consent not yet asked (None)
    is not a refusal."""
    declined_the_nrm = consent_to_nrm is False and not treated_as_child
    return (stage == Stage.DUTY_TO_NOTIFY or declined_the_nrm) and not consent_to_share


# Where they are now, the only places a Duty to Notify carries.
CURRENT_PLACE_FIELDS = ("current_town", "current_county")


def no_finer_than_a_town(place: str) -> bool:
    """A town, city, county or region and nothing more precise: a number (a house, a postcode) or a
    comma (a street before the town) says more than a Duty to Notify may."""
    return not any(character.isdigit() or character == "," for character in place)
