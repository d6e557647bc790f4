"""`{{ table.title|figures_text }}`: a Figures table's English name or note in the reader's
language (reporting/wording.py); numbers pass through as they are."""

from typing import Any

from django import template

from tackle.reporting.wording import in_language

register = template.Library()


@register.filter
def figures_text(value: Any) -> Any:
    return in_language(value)
