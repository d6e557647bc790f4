"""`{{ reject.reason|in_language }}`: a sentence a screening run stored in English, shown in the
reader's language (screening/wording.py)."""

from django import template

from tackle.spend.screening import wording

register = template.Library()


@register.filter
def in_language(stored: str) -> str:
    return wording.in_language(str(stored or ""))
