"""Error messages in the GOV.UK style, made from a field's label: "Enter the due date", "Select the
area", "Number of people must be 120 or less". A form's own message for a field is kept; only
Django's defaults ("This field is required.", "Ensure this value is ...") are replaced.

A model constraint's violation reads as its own violation_error_message where it has one, else as
a sentence naming the fields it is about, never 'Constraint "name" is violated.'.
"""

import re
from functools import lru_cache
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.utils import pretty_name
from django.utils.translation import get_language, gettext, gettext_noop

# A label that is a question ("What will be done?") is used as it stands: "Enter what will be done".
_QUESTIONS = "what which who whom whose when where why how is are was were do does did has have can will should if"
_QUESTION_WORDS = frozenset(_QUESTIONS.split())
# "(optional)" and notes such as "(for other dates only)" qualify the label; the message drops them.
_TRAILING_NOTE = re.compile(r"\s*\([^)]*\)\s*$")
_SELECTED = (forms.ChoiceField, forms.ModelChoiceField, forms.FileField, forms.BooleanField)


def _quoted(text: str) -> str:
    return f"\N{LEFT SINGLE QUOTATION MARK}{text}\N{RIGHT SINGLE QUOTATION MARK}"


def _label(field: forms.Field, name: str) -> str:
    return _trimmed(str(field.label) if field.label else pretty_name(name))


def _trimmed(label: str) -> str:
    return _TRAILING_NOTE.sub("", label).strip().rstrip("?:").strip()


def _is_question(label: str) -> bool:
    return label.split(" ", 1)[0].lower() in _QUESTION_WORDS


def _lower_first(text: str) -> str:
    """'Due date' -> 'due date'; 'NRM reference' keeps its capitals."""
    first = text.split(" ", 1)[0]
    return text if first.isupper() and (len(first) > 1 or first == "I") else text[:1].lower() + text[1:]


def _in_english() -> bool:
    """English fits a label into its sentences. Other languages quote it as it stands: Welsh changes
    a word's first letter by its place in a sentence (mutation), which a label cannot know."""
    return (get_language() or "en").startswith("en")


def field_phrase(field: forms.Field, name: str) -> str:
    """What the field asks for, to follow "Enter" or "Select": 'the due date', 'what will be done'."""
    return _phrase(_label(field, name))


def _phrase(label: str) -> str:
    if not _in_english():
        return _quoted(label)
    return _lower_first(label) if _is_question(label) else f"the {_lower_first(label)}"


def field_subject(field: forms.Field, name: str) -> str:
    """The field as the subject of a sentence: 'Due date', or for a question 'The answer to ...'."""
    return _subject(_label(field, name))


def _subject(label: str) -> str:
    if not _in_english():
        return _quoted(label)
    return f"The answer to {_quoted(label + '?')}" if _is_question(label) else label[:1].upper() + label[1:]


def _say(message: str, label: str) -> str:
    """A message in the reader's language, naming the field by its trimmed `label`: %(phrase)s
    ('the due date') and %(subject)s ('Due date') in English, the quoted label in another language."""
    return gettext(message) % {"phrase": _phrase(label), "subject": _subject(label)}


def required_message(field: forms.Field, name: str) -> str:
    return _required(type(field), _label(field, name))


def _required(kind: type, label: str) -> str:
    if issubclass(kind, forms.BooleanField):  # a tick box that must be ticked, such as a declaration
        return gettext("Select %(quoted)s to continue") % {"quoted": _quoted(label)}
    if issubclass(kind, _SELECTED):
        return _say(gettext_noop("Select %(phrase)s"), label)
    return _say(gettext_noop("Enter %(phrase)s"), label)


def _invalid(kind: type, label: str) -> str:
    if issubclass(kind, forms.DateTimeField):
        return _say(gettext_noop("%(subject)s must be a real date and time"), label)
    if issubclass(kind, forms.DateField):
        return _say(gettext_noop("%(subject)s must be a real date"), label)
    if issubclass(kind, forms.TimeField):
        return _say(gettext_noop("%(subject)s must be a real time"), label)
    if issubclass(kind, forms.IntegerField):
        return _say(gettext_noop("%(subject)s must be a whole number"), label)
    if issubclass(kind, forms.DecimalField | forms.FloatField):
        return _say(gettext_noop("%(subject)s must be a number"), label)
    if issubclass(kind, forms.EmailField):
        return _say(gettext_noop("Enter %(phrase)s in the correct format, like name@example.com"), label)
    if issubclass(kind, forms.URLField):
        return _say(gettext_noop("Enter %(phrase)s in the correct format, like https://www.example.com"), label)
    if issubclass(kind, _SELECTED):
        return _say(gettext_noop("Select %(phrase)s from the list"), label)
    return _say(gettext_noop("Enter %(phrase)s in the correct format"), label)


def _messages(field: forms.Field, name: str) -> dict[str, str]:
    """Every message for `field`. They depend only on its kind, its label (read as text, so a lazy
    label keys each language apart) and the active language, so they are made once for each:
    making them, some twenty translated sentences, was a quarter of the case list's search."""
    kind: type = type(field)  # as `type`: the stubs read a Field class's hash as the instances'
    return _messages_for(kind, _label(field, name), get_language() or "en")


@lru_cache(maxsize=4096)  # bounded: a view may set a label made from the record it shows
def _messages_for(kind: type, label: str, language: str) -> dict[str, str]:
    # `language` is only the cache's key: gettext and _in_english read the active one, which it is.
    # %% keeps Django's own placeholders, such as %(limit_value)s, for its validators to fill in.
    choose = _say(gettext_noop("Select %(phrase)s from the list"), label)
    required = _required(kind, label)
    return {
        "required": required,
        "invalid": _invalid(kind, label),
        "max_value": _say(gettext_noop("%(subject)s must be %%(limit_value)s or less"), label),
        "min_value": _say(gettext_noop("%(subject)s must be %%(limit_value)s or more"), label),
        "step_size": _say(gettext_noop("%(subject)s must be a multiple of %%(limit_value)s"), label),
        "max_length": _say(gettext_noop("%(subject)s must be %%(limit_value)d characters or less"), label),
        "min_length": _say(gettext_noop("%(subject)s must be %%(limit_value)d characters or more"), label),
        "max_digits": _say(gettext_noop("%(subject)s must be %%(max)s digits or fewer"), label),
        "max_decimal_places": _say(gettext_noop("%(subject)s must have %%(max)s decimal places or fewer"), label),
        "max_whole_digits": _say(
            gettext_noop("%(subject)s must have %%(max)s digits or fewer before the decimal point"), label
        ),
        "invalid_choice": choose,
        "invalid_list": choose,
        "invalid_pk_value": choose,
        "incomplete": _say(gettext_noop("Enter %(phrase)s in full"), label),
        "parts_missing": _say(gettext_noop("%(subject)s must include %%(missing)s"), label),  # a date input's empty box
        "year_too_early": _say(
            gettext_noop("%(subject)s must have a year from %%(earliest)s onwards, with 4 numbers, such as 2025"),
            label,
        ),
        "missing": required,
        "blank": required,  # the model's own check, after the form's
        "null": required,
        "empty": gettext("The selected file is empty"),
        "invalid_image": _say(gettext_noop("%(subject)s must be a picture, such as a JPEG or PNG"), label),
        "null_characters_not_allowed": _say(gettext_noop("%(subject)s must not contain null characters"), label),
    }


@lru_cache(maxsize=256)
def _framework_defaults(kind: type) -> frozenset[int]:
    """Django's default messages for a kind of field, by identity: a field's error_messages hold
    these very objects (Field.__init__ copies them from the classes, a form's copy of a field keeps
    them), so most are told from a form's own message without translating either."""
    return frozenset(
        id(text) for klass in kind.__mro__ for text in getattr(klass, "default_error_messages", {}).values()
    )


@lru_cache(maxsize=256)
def _framework_texts(kind: type, language: str) -> frozenset[str]:
    return frozenset(
        str(text) for klass in kind.__mro__ for text in getattr(klass, "default_error_messages", {}).values()
    )


def _left_to_us(text: Any, code: str, field: forms.Field, ours: dict[str, str]) -> bool:
    """Whether the field's message for `code` is Django's default or the one we set before."""
    kind: type = type(field)
    if id(text) in _framework_defaults(kind) or (code in ours and text is ours[code]):
        return True
    as_text = str(text)
    return as_text == ours.get(code) or as_text in _framework_texts(kind, get_language() or "en")


def field_messages(field: forms.Field, name: str) -> dict[str, str]:
    """The messages to set on `field`: ours for each code the form left to Django (or to us before,
    as a label may change between checks); a form's own message stays."""
    ours = getattr(field, "_govuk_messages", {})
    kept = {code for code, text in field.error_messages.items() if not _left_to_us(text, code, field, ours)}
    fresh = {code: text for code, text in _messages(field, name).items() if code not in kept}
    field._govuk_messages = fresh  # type: ignore[attr-defined]
    return fresh


# Model constraints ------------------------------------------------------------------------------


def constraint_fields(constraint: models.BaseConstraint) -> list[str]:
    """The model fields a constraint is about, in the order it names them."""
    if isinstance(constraint, models.UniqueConstraint) and constraint.fields:
        return list(constraint.fields)
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, models.Q):
            for child in node.children:
                walk(child)
        elif isinstance(node, tuple) and len(node) == 2:
            found.append(str(node[0]).split("__")[0])
            walk(node[1])
        elif isinstance(node, models.F):
            found.append(str(node.name).split("__")[0])  # type: ignore[attr-defined]
        elif hasattr(node, "get_source_expressions"):
            for source in node.get_source_expressions():
                walk(source)

    walk(getattr(constraint, "condition", None))
    return list(dict.fromkeys(found))


def _joined(phrases: list[str]) -> str:
    if len(phrases) == 1:
        return phrases[0]
    return gettext("%(first)s and %(last)s") % {"first": ", ".join(phrases[:-1]), "last": phrases[-1]}


def constraint_message(
    constraint: models.BaseConstraint | None,
    error: ValidationError,
    fields: dict[str, forms.Field],
    model: type[models.Model],
) -> str:
    """A constraint's own message, or one naming the form's fields it is about. `constraint` None:
    a field's unique=True or unique_together, found by the model's validate_unique."""
    if constraint is not None and constraint.violation_error_message != constraint.default_violation_error_message:
        return str(error.messages[0])
    if constraint is not None and not isinstance(constraint, models.UniqueConstraint):
        names = [name for name in constraint_fields(constraint) if name in fields]
        phrases = [field_phrase(fields[name], name) for name in names]
        if phrases:
            return gettext("Check %(phrases)s") % {"phrases": _joined(phrases)}
        return gettext("Check the %(what)s details") % {"what": model._meta.verbose_name}
    names = list(getattr(constraint, "fields", ()) or (error.params or {}).get("unique_check", ()))
    shown = [_label(fields[name], name).lower() for name in names if name in fields]
    what = model._meta.verbose_name
    if shown:
        return gettext("There is already a %(what)s with this %(fields)s") % {"what": what, "fields": _joined(shown)}
    return gettext("This %(what)s already exists") % {"what": what}
