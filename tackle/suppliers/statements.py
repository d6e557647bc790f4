"""The latest assessment of a supplier's modern slavery statement.

The statement reader owns the assessments and sits above suppliers, so it registers its selector
here from its AppConfig.ready(); with none registered there is no assessment.
"""

from typing import Any

from tackle.core.slots import Slot
from tackle.suppliers.models import Supplier

# Each provider takes a Supplier and answers its latest statement assessment, or None.
statement_assessment_of = Slot("the latest assessment of a supplier's statement")


def latest_statement_assessment(supplier: Supplier) -> Any:
    return statement_assessment_of.first(supplier)
