"""The latest assessment of a supplier's modern slavery statement, read from tackle.statement_reader.

That app owns the assessments; until it offers `latest_assessment_for_supplier`, there is none.
"""

from typing import Any

from tackle.suppliers.models import Supplier


def latest_statement_assessment(supplier: Supplier) -> Any:
    try:
        from tackle.statement_reader.selectors import latest_assessment_for_supplier  # type: ignore[attr-defined]
    except ImportError:
        return None
    return latest_assessment_for_supplier(supplier)
