"""Spend files are read through the kernel's shared table reader, streamed (core.table_stream):
CSV in any usual encoding and separator, or the first sheet of an XLSX or ODS workbook, the header
found below title lines, nothing loaded whole. What is spend's own is the error it raises."""

from tackle.core.table_stream import FIELD_LIMIT

__all__ = ["FIELD_LIMIT", "SpendFileError"]


class SpendFileError(Exception):
    """The file cannot be screened at all; the message says why, in plain words."""
