"""Procurement hears of a concern about a supplier through a slot: tackle.suppliers, a sibling app
that cases may not import, fills it from its AppConfig.ready().

A provider is called as provider(organisation_id, supplier_name, case_reference, case_uuid, actor)
and answers the supplier it put a task on, or None when no supplier of that organisation matches.
Only the reference travels, never the person's details: procurement needs to act on the contract,
not to know who was exploited."""

from tackle.core.registry import Slot

supplier_concern_raised = Slot("a task on the supplier's record for a concern about it")
