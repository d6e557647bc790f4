from django import template

register = template.Library()

_CHOICE_KINDS = {"radioselect": "radios", "checkboxselectmultiple": "checkboxes"}


@register.filter
def govuk_choice_kind(widget_type: str) -> str:
    return _CHOICE_KINDS.get(widget_type, "radios")
