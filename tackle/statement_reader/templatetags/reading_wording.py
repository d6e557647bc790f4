"""`{{ pending.failure|in_language }}`: why a statement could not be read, or what the background
reading says of itself, stored in English and shown in the reader's language (wording.py)."""

from django import template

from tackle.statement_reader import wording

register = template.Library()


@register.filter
def in_language(stored: str) -> str:
    return wording.in_language(str(stored or ""))
