from decimal import Decimal, InvalidOperation

from django import template

from tackle.core.columns import how_in_language
from tackle.core.disclosure import disclosed_in_language

register = template.Library()

_CHOICE_KINDS = {"radioselect": "radios", "checkboxselectmultiple": "checkboxes"}


@register.filter
def govuk_choice_kind(widget_type: str) -> str:
    return _CHOICE_KINDS.get(widget_type, "radios")


@register.filter
def money(value: object, places: int = 2) -> str:
    """An amount in pounds as every page writes it: £12,000.00, or £12,000 with `money:0`; a
    negative amount -£5.00; nothing for no amount."""
    if value is None or value == "":
        return ""
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    sign = "-" if amount < 0 else ""
    return f"{sign}\u00a3{abs(amount):,.{int(places)}f}"


@register.filter
def task_text(stored: str) -> str:
    """A background task run's stored English name or message, in the reader's language."""
    from tackle.core.tasks import task_run_text  # the task module loads models; filters load first

    return task_run_text(stored)


@register.filter
def column_how(stored: str) -> str:
    """How an importer chose a column (core.columns, stored in English), in the reader's language."""
    return how_in_language(stored)


@register.filter
def disclosed(shown: object) -> object:
    """A count as disclosure control shows it ("fewer than 10", "withheld") or its note, in the
    reader's language; stored and exported values stay English (core.disclosure)."""
    return disclosed_in_language(shown)
