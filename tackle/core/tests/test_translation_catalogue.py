"""Issue 21: the Welsh catalogue is complete for every app already translated (docs/i18n.md).

(a) every template's visible text is marked for translation; (b) every string of theirs in
locale/cy/LC_MESSAGES/django.po has a Welsh translation and none is fuzzy; (c) every form field's
label and help text, and every model field's explicit verbose name and choice label, is a lazy
translation. What is not translated yet is listed once, in NOT_YET_TRANSLATED, which shrinks to
nothing as each app is done: take an app out of it when its strings are marked and translated.
"""

import importlib
import inspect
import re
from pathlib import Path

import pytest
from django import forms
from django.apps import apps
from django.conf import settings
from django.db import models
from django.template.base import Lexer, TokenType
from django.utils.functional import Promise

from tackle.core.catalogue import catalogue_path, read_catalogue

TEMPLATES = Path(settings.BASE_DIR) / "templates"

# Apps whose templates (templates/<app>/) and Python strings are not translated yet. Shrink it.
NOT_YET_TRANSLATED: list[str] = []

# Names that stay as they are in Welsh. Keep it short: a word here is never checked anywhere.
PROPER_NAMES = ["GOV.UK", "Tackle", "OpenAPI", "JSON", "HMAC-SHA256", "tk_", "whsec_"]

# Choices shown as they are: each language's name is written in that language (the switch's pattern).
SHOWN_AS_THEY_ARE = {("accounts.user", "language")}

# Attributes a reader hears or sees, checked like text.
_READ_ATTRIBUTES = re.compile(r'\b(?:aria-label|alt|title|placeholder)="([^"]*)"')
_TAG = re.compile(r"<[^>]*>")
_HIDDEN_ELEMENTS = re.compile(r"<(script|style|svg|code)\b.*?</\1>", re.S)
_ENTITY = re.compile(r"&#?\w+;")
# A filter's quoted argument, except a date's or time's format.
_LITERAL_ARGUMENT = re.compile(r"""(?<!date)(?<!time):\s*"([^"]*)"|(?<!date)(?<!time):\s*'([^']*)'""")
_HOLE = "\x01"  # where a template tag or variable stood


def _translated_template_dirs() -> list[Path]:
    return sorted(folder for folder in TEMPLATES.iterdir() if folder.is_dir() and folder.name not in NOT_YET_TRANSLATED)


def _translated_templates() -> list[Path]:
    found = [TEMPLATES / "base.html"]
    for folder in _translated_template_dirs():
        found += sorted(folder.rglob("*.html"))
    return found


def unmarked_text(source: str) -> list[str]:
    """The visible text of a template that is not marked for translation."""
    visible: list[str] = []
    unmarked: list[str] = []
    skipping = ""  # the tag whose end we wait for: inside a comment or a blocktranslate
    for token in Lexer(source).tokenize():
        if token.token_type == TokenType.BLOCK:
            name = token.contents.split(" ", 1)[0]
            if skipping and name == skipping:
                skipping = ""
            elif not skipping and name in ("comment", "blocktranslate", "blocktrans"):
                skipping = "endcomment" if name == "comment" else "end" + name
            visible.append(_HOLE)
        elif token.token_type == TokenType.VAR:
            # A word in a filter's argument, such as default:"Never", is shown too.
            for match in _LITERAL_ARGUMENT.finditer(token.contents):
                words = match.group(1) or match.group(2) or ""
                if re.search(r"[^\W\d_]", words) and not token.contents.startswith("_("):
                    unmarked.append(words)
            visible.append(_HOLE)
        elif token.token_type == TokenType.TEXT and not skipping:
            visible.append(token.contents)
        else:
            visible.append(_HOLE)
    page = _HIDDEN_ELEMENTS.sub(_HOLE, "".join(visible))
    pieces = [*_READ_ATTRIBUTES.findall(page), *_TAG.split(page)]
    for piece in pieces:
        text = _ENTITY.sub(" ", piece)
        for name in PROPER_NAMES:
            text = text.replace(name, " ")
        for part in text.split(_HOLE):
            if re.search(r"[^\W\d_]", part):
                unmarked.append(part.strip())
    return unmarked


@pytest.mark.parametrize("template", _translated_templates(), ids=lambda path: str(path.relative_to(TEMPLATES)))
def test_every_visible_word_of_a_translated_template_is_marked(template):
    assert unmarked_text(template.read_text()) == []


def test_the_check_finds_unmarked_text_and_passes_marked_text():
    sample = (
        '{% load i18n %}<h1 class="govuk-heading-l">{% translate "Users" %}</h1>'
        "{% comment %}Not shown{% endcomment %}{# nor this #}"
        '<p aria-label="Numbers">{% blocktranslate %}Hello {{ name }}{% endblocktranslate %} Tackle 12 &ndash;</p>'
        '<td>{{ when|date:"j M Y"|default:"Never" }}</td><button>Save</button>'
    )
    assert unmarked_text(sample) == ["Never", "Numbers", "Save"]


def _entries_of_translated_apps():
    not_yet = tuple(f"templates/{app}/" for app in NOT_YET_TRANSLATED) + tuple(
        f"tackle/{app}/" for app in NOT_YET_TRANSLATED
    )
    return [
        entry
        for entry in read_catalogue(catalogue_path())
        if any(not place.startswith(not_yet) for place in entry.files)
    ]


def test_every_string_of_a_translated_app_has_its_welsh_and_none_is_fuzzy():
    entries = _entries_of_translated_apps()
    assert entries, "the Welsh catalogue has none of the translated apps' strings: run `make messages`"
    missing = [(entry.files, entry.msgid) for entry in entries if not entry.translated]
    assert missing == []


def test_every_marked_string_of_a_translated_template_is_in_the_catalogue():
    """A string marked after the catalogue was last extracted: `make messages` was not run."""
    known = {entry.msgid for entry in read_catalogue(catalogue_path())}
    marked = re.compile(r"""{%\s*translate\s+"([^"]+)"\s*(?:%}|as\b|context\b|noop\b)""")
    absent = [
        (str(path.relative_to(TEMPLATES)), msgid)
        for path in _translated_templates()
        for msgid in marked.findall(path.read_text())
        if msgid not in known
    ]
    assert absent == []


def _translated_apps():
    return [
        config
        for config in apps.get_app_configs()
        if config.name.startswith("tackle.") and config.label not in NOT_YET_TRANSLATED
    ]


def _forms_of(config) -> list[type[forms.BaseForm]]:
    found = []
    for module_name in ("forms",):
        try:
            module = importlib.import_module(f"{config.name}.{module_name}")
        except ModuleNotFoundError:
            continue
        found += [
            value
            for value in vars(module).values()
            if inspect.isclass(value) and issubclass(value, forms.BaseForm) and value.__module__ == module.__name__
        ]
    return found


def _not_lazy(value) -> bool:
    return isinstance(value, str) and bool(value) and not isinstance(value, Promise)


@pytest.mark.parametrize("config", _translated_apps(), ids=lambda config: config.label)
def test_form_labels_and_help_texts_are_lazy_translations(config):
    plain = [
        f"{form.__name__}.{name}.{what}: {getattr(field, what)!r}"
        for form in _forms_of(config)
        for name, field in form.base_fields.items()
        for what in ("label", "help_text")
        if _not_lazy(getattr(field, what))
    ]
    assert plain == []


@pytest.mark.parametrize("config", _translated_apps(), ids=lambda config: config.label)
def test_model_verbose_names_and_choice_labels_are_lazy_translations(config):
    plain = []
    for model in config.get_models():
        for field in model._meta.get_fields():
            if not isinstance(field, models.Field) or field.model is not model or field.auto_created:
                continue
            if _not_lazy(field._verbose_name):
                plain.append(f"{model.__name__}.{field.name} verbose name: {field._verbose_name!r}")
            if _not_lazy(field.help_text):
                plain.append(f"{model.__name__}.{field.name} help text: {field.help_text!r}")
            if (model._meta.label_lower, field.name) in SHOWN_AS_THEY_ARE:
                continue
            plain += [
                f"{model.__name__}.{field.name} choice: {label!r}"
                for _, label in (field.choices or [])
                if _not_lazy(label)
            ]
    assert plain == []
