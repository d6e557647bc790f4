"""Template filters for disruption pages."""

from django import template
from django.utils.translation import gettext

from tackle.disrupt.choices import ExploitationType, SharingCategory

register = template.Library()


@register.filter
def exploitation_labels(codes: list[str] | None) -> str:
    """["labour", "sexual"] -> "Labour, Sexual"; empty -> "None recorded"."""
    labels = [ExploitationType(code).label for code in ExploitationType.values if code in (codes or [])]
    return ", ".join(str(label) for label in labels) or gettext("None recorded")


@register.filter
def sharing_labels(codes: list[str] | None) -> str:
    """["premises", "operations"] -> "Premises and businesses, Operations and their outcomes"."""
    return ", ".join(str(SharingCategory(code).label) for code in SharingCategory.values if code in (codes or []))
