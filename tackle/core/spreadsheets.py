"""Cell text for every spreadsheet Tackle writes (CSV and XLSX exports).

Two hazards come in with recorded text. A cell starting with "=" and the like is read as a
formula when the file is opened (CSV and XLSX injection), so it is quoted. And openpyxl refuses
the C0 control characters that XML 1.0 forbids (a vertical tab pasted into a nationality), which
made a whole export fail, so XLSX text drops them.
"""

import re
from typing import Any

from django.utils.functional import Promise

# Characters that make a spreadsheet read a cell as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# The characters XML 1.0 cannot hold: C0 controls but tab, line feed and carriage return
# (openpyxl's own ILLEGAL_CHARACTERS_RE, kept here so the kernel need not import openpyxl).
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def formula_safe(value: Any) -> Any:
    """`value`, quoted with a leading apostrophe when a spreadsheet would run it as a formula. A lazy
    translation (a choice's label) is written as the text it reads now."""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def xlsx_cell(value: Any) -> Any:
    """`value` as an XLSX cell may hold it: control characters dropped, formulas defused."""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str):
        value = _XML_ILLEGAL.sub("", value)
    return formula_safe(value)
