"""Reads for the home app: whose service pages a visitor reads, and their text."""

from typing import Any

from django.conf import settings
from django.utils.translation import gettext, gettext_noop

from tackle.home.models import ServicePage
from tackle.home.service_pages import default_text

# Where no one organisation is known; translated where it is put in.
GENERIC_NAME = gettext_noop("the council")


def organisation_for_visitor(user: Any) -> Any:
    """A signed-in person reads their own organisation's pages. A signed-out visitor reads those of the
    organisation whose code is TACKLE_SERVICE_ORGANISATION, else of the only council on this instance
    (or the only organisation); None when that is not one organisation: the default text is shown."""
    from tackle.accounts.selectors import organisation_for_visitors

    if getattr(user, "is_authenticated", False) and user.organisation_id:
        return user.organisation
    return organisation_for_visitors(settings.TACKLE_SERVICE_ORGANISATION)


def service_page_of(organisation: Any, kind: str) -> ServicePage | None:
    if organisation is None:
        return None
    return ServicePage.objects.filter(organisation=organisation, kind=kind).select_related("updated_by").first()


def service_page_text(organisation: Any, kind: str) -> str:
    """The organisation's text for the page, else the default, with the organisation's name put in."""
    stored = service_page_of(organisation, kind)
    text = stored.body if stored else default_text(kind)
    return text.replace("{organisation}", organisation.name if organisation else gettext(GENERIC_NAME))
