"""The judgements' names as people read them, in the page's language. rules/areas.py keeps the
English names (AREA_NAMES) for the CLI's output and audit notes, which stay English; both are keyed
by the same judgement names."""

from django.utils.translation import gettext_lazy as _

AREA_LABELS = {
    "structure_business_supply_chains": _("Structure, business and supply chains"),
    "policies": _("Policies"),
    "due_diligence": _("Due diligence"),
    "risk_assessment_management": _("Risk assessment and management"),
    "effectiveness_kpis": _("Effectiveness and key performance indicators"),
    "training": _("Training"),
    "approval": _("Approved by the board"),
    "signature": _("Signed by a director"),
}
