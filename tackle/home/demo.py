"""Demo data loaders. Later modules add theirs here; each must be idempotent."""

from django.utils.module_loading import import_string

DEMO_LOADERS = [
    "tackle.accounts.demo.load",
    "tackle.cases.demo.load",
    "tackle.training.demo.load",
    "tackle.statements.demo.load",
    "tackle.scrutiny.demo.load",
    "tackle.suppliers.demo.load",
    "tackle.spend.demo.load",
    "tackle.disrupt.demo.load",
    "tackle.targeting.demo.load",
    "tackle.statement_reader.demo.load",
]


def demo_load(*, scale: str, out=None) -> None:  # type: ignore[no-untyped-def]
    from tackle.audit.models import AuditAction
    from tackle.audit.services import audit_record

    for dotted in DEMO_LOADERS:
        import_string(dotted)(scale=scale, out=out)
    audit_record(action=AuditAction.CREATE, object_type="demo", note=f"Demo data loaded ({scale})")
