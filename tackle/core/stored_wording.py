"""Sentences stored in English, shown in the reader's language (issue 21).

Some text is written once and read by many: a screening run's rejected rows, a release's table and
row names. It is stored in English (a record, or a key later releases are matched by), made from a
known template; `StoredWording` recognises the template in the stored text and gives it back
translated, with the same values. Text made from none of its templates comes back as it is.
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.translation import gettext, ngettext

# A template, or a plural's English pair (singular, plural), counted by a %(...)d named in `counted`.
Template = str | tuple[str, str]

_PLACEHOLDER = re.compile(r"%\((\w+)\)([sd])")


@dataclass(frozen=True)
class _Known:
    singular: str
    plural: str  # the same as singular for a sentence without a counted number
    pattern: re.Pattern[str]
    numbers: frozenset[str]


def _pattern(template: str) -> re.Pattern[str]:
    parts, at = [], 0
    for match in _PLACEHOLDER.finditer(template):
        # "%%" in a template is a "%" in the stored text.
        parts.append(re.escape(template[at : match.start()].replace("%%", "%")))
        name, kind = match.groups()
        parts.append(rf"(?P<{name}>-?\d+)" if kind == "d" else rf"(?P<{name}>.+?)")
        at = match.end()
    parts.append(re.escape(template[at:].replace("%%", "%")))
    return re.compile("".join(parts), re.S)


class StoredWording:
    """`inside`: values that are themselves stored sentences; `values`: how to show other values
    (by name) in the active language, such as a month's name; `otherwise`: what becomes of text
    made from none of the templates (by default, nothing)."""

    def __init__(
        self,
        templates: Iterable[Template],
        *,
        counted: str = "count",
        inside: Iterable[str] = (),
        values: dict[str, Callable[[str], str]] | None = None,
        otherwise: Callable[[str], str] = str,
    ) -> None:
        self.otherwise = otherwise
        self.counted = counted
        self.inside = frozenset(inside)
        self.values = values or {}
        self.exact: set[str] = set()
        self.known: list[_Known] = []
        for template in templates:
            forms = template if isinstance(template, tuple) else (template, template)
            if not _PLACEHOLDER.search(forms[0]):
                self.exact.add(forms[0])
                continue
            numbers = frozenset(name for name, kind in _PLACEHOLDER.findall(forms[0]) if kind == "d")
            self.known += [_Known(forms[0], forms[1], _pattern(form), numbers) for form in dict.fromkeys(forms)]

    def in_language(self, stored: str) -> str:
        found = self.recognised(stored)
        return self.otherwise(stored) if found is None else found

    def recognised(self, stored: str) -> str | None:
        """The stored text in the active language, or None when no template made it."""
        if stored in self.exact:
            return gettext(stored)
        for known in self.known:
            match = known.pattern.fullmatch(stored)
            if match is not None:
                return self._translated(known, match.groupdict())
        return None

    def _translated(self, known: _Known, found: dict[str, str]) -> str:
        values: dict[str, object] = {}
        for name, value in found.items():
            if name in known.numbers:
                values[name] = int(value)
            elif name in self.inside:
                values[name] = self.in_language(value)
            else:
                values[name] = self.values.get(name, str)(value)
        if known.singular == known.plural:
            return gettext(known.singular) % values
        count = values.get(self.counted, 0)
        return ngettext(known.singular, known.plural, count if isinstance(count, int) else 0) % values
