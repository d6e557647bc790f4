"""Template filters for disruption pages."""

from django import template

from tackle.disrupt.choices import ExploitationType

register = template.Library()


@register.filter
def exploitation_labels(codes: list[str] | None) -> str:
    """["labour", "sexual"] -> "Labour, Sexual"; empty -> "None recorded"."""
    labels = [ExploitationType(code).label for code in ExploitationType.values if code in (codes or [])]
    return ", ".join(labels) or "None recorded"
