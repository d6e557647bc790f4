"""Suppliers, their contracts and the due diligence the council does on them.

A supplier belongs to one organisation (the council that buys from it). The latest assessment of a
supplier's modern slavery statement lives in tackle.statement_reader (a model with a foreign key to
Supplier); this app only reads it through that app's selector.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from tackle.accounts.models import Organisation
from tackle.suppliers.sectors import Sector


class TurnoverBand(models.TextChoices):
    UNKNOWN = "unknown", _("Not known")
    UNDER_10M = "under_10m", _("Under £10 million")
    FROM_10M_TO_36M = "10m_to_36m", _("£10 million to under £36 million")
    FROM_36M_TO_100M = "36m_to_100m", _("£36 million to under £100 million")
    FROM_100M_TO_500M = "100m_to_500m", _("£100 million to under £500 million")
    FROM_500M = "500m_or_more", _("£500 million or more")


# Section 54 of the Modern Slavery Act 2015: turnover of £36 million or more must publish a statement.
STATEMENT_REQUIRED_BANDS: frozenset[str] = frozenset(
    {TurnoverBand.FROM_36M_TO_100M, TurnoverBand.FROM_100M_TO_500M, TurnoverBand.FROM_500M}
)


class Supplier(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="suppliers")
    name = models.CharField(max_length=200)
    company_number = models.CharField(
        max_length=8, blank=True, help_text=_("Companies House number, 8 characters, for example 01234567 or SC123456")
    )
    other_names = models.JSONField(
        default=list, blank=True, help_text=_("Trading names and former names, used to match payments")
    )
    turnover_band = models.CharField(max_length=20, choices=TurnoverBand.choices, default=TurnoverBand.UNKNOWN)
    sectors = models.JSONField(default=list, blank=True, help_text=_("Sector codes from tackle.suppliers.sectors"))
    statement_url = models.URLField(_("Modern slavery statement web address"), max_length=500, blank=True)
    statement_checked_on = models.DateField(_("Statement last checked"), null=True, blank=True)
    statement_file_name = models.CharField(
        _("Modern slavery statement file"),
        max_length=255,
        blank=True,
        help_text=_("A statement read from a file, not a web page"),
    )
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="supplier_name_unique"),
            models.UniqueConstraint(
                fields=["organisation", "company_number"],
                condition=~models.Q(company_number=""),
                name="supplier_company_number_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(turnover_band__in=TurnoverBand.values), name="supplier_turnover_band_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def must_publish_statement(self) -> bool:
        return self.turnover_band in STATEMENT_REQUIRED_BANDS

    @property
    def has_statement(self) -> bool:
        return bool(self.statement_url or self.statement_file_name)

    def sector_labels(self) -> list[str]:
        labels = dict(Sector.choices)
        return [labels.get(code, code) for code in self.sectors]


class SupplierContact(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    supplier = models.ForeignKey(Supplier, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=200)
    job_title = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    is_modern_slavery_contact = models.BooleanField(
        _("Responsible for modern slavery"), default=False, help_text=_("The person to contact about a concern")
    )
    # The retention period of a named contact runs from updated_at (suppliers/retention.py).
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.supplier})"


class ContractTier(models.TextChoices):
    """Risk-based contract management: the three upper tiers get annual supplier assessments."""

    STANDARD = "standard", _("Standard")
    HIGH_VALUE = "high_value", _("High value")
    HIGH_RISK = "high_risk", _("High risk")
    BUSINESS_CRITICAL = "business_critical", _("Business critical")


HIGH_TIERS: frozenset[str] = frozenset(
    {ContractTier.HIGH_VALUE, ContractTier.HIGH_RISK, ContractTier.BUSINESS_CRITICAL}
)


class ContractStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    ENDED = "ended", _("Ended")
    TERMINATED = "terminated", _("Terminated")


class TerminationReason(models.TextChoices):
    MODERN_SLAVERY_FOUND = "modern_slavery_found", _("Modern slavery or forced labour found")
    ACTION_PLAN_NOT_MET = "action_plan_not_met", _("Action plan not carried out")
    REFUSED_COOPERATION = "refused_cooperation", _("Refused to cooperate with due diligence")
    FALSE_INFORMATION = "false_information", _("Gave false information")
    OTHER = "other", _("Other")


class Contract(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="contracts")
    supplier = models.ForeignKey(Supplier, on_delete=models.PROTECT, related_name="contracts")
    reference = models.CharField(max_length=50, blank=True, help_text=_("The council's contract reference, if any"))
    title = models.CharField(max_length=200)
    category = models.CharField(
        max_length=30, choices=Sector.choices, default=Sector.OTHER, help_text=_("The sector the work falls in")
    )
    value = models.DecimalField(
        _("Total value (£)"), max_digits=14, decimal_places=2, help_text=_("Whole-life value, in pounds")
    )
    start_on = models.DateField(_("Start date"))
    end_on = models.DateField(_("End date"))
    contract_manager = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="managed_contracts", null=True, blank=True
    )
    tier = models.CharField(max_length=20, choices=ContractTier.choices, default=ContractTier.STANDARD)
    labour_intensive = models.BooleanField(
        default=False, help_text=_("Most of the price pays for people's time (cleaning, care, security...)")
    )
    overseas_supply_chain = models.BooleanField(default=False, help_text=_("Goods or labour come from outside the UK"))
    subcontracted = models.BooleanField(default=False, help_text=_("The supplier subcontracts or uses agency workers"))
    status = models.CharField(max_length=12, choices=ContractStatus.choices, default=ContractStatus.ACTIVE)
    terminated_on = models.DateField(null=True, blank=True)
    termination_reason = models.CharField(max_length=30, choices=TerminationReason.choices, blank=True)
    termination_details = models.TextField(blank=True)
    # The OCDS contracting process it was imported from: a later import of the same process updates
    # this contract rather than adding another (suppliers/services.py contracts_import_ocds).
    ocid = models.CharField(_("OCDS process (ocid)"), max_length=100, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(condition=models.Q(value__gte=0), name="contract_value_not_negative"),
            models.CheckConstraint(condition=models.Q(end_on__gte=models.F("start_on")), name="contract_dates_order"),
            models.CheckConstraint(condition=models.Q(tier__in=ContractTier.values), name="contract_tier_valid"),
            models.CheckConstraint(
                condition=~models.Q(status=ContractStatus.TERMINATED)
                | (models.Q(terminated_on__isnull=False) & ~models.Q(termination_reason="")),
                name="contract_termination_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_high_tier(self) -> bool:
        return self.tier in HIGH_TIERS


class MsaAnswer(models.TextChoices):
    """The outcome of the Modern Slavery Act section of the selection questionnaire."""

    NOT_RELEVANT = "not_relevant", _("Not a relevant commercial organisation")
    COMPLIANT = "compliant", _("Compliant")
    NOT_COMPLIANT = "not_compliant", _("Not compliant, explained")


class SelectionResponse(models.Model):
    """A bidder's answers to the Modern Slavery Act section of the selection questionnaire."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="selection_responses")
    supplier = models.ForeignKey(Supplier, on_delete=models.PROTECT, related_name="selection_responses")
    procurement = models.CharField(max_length=200, help_text=_("The procurement or lot the bid was for"))
    answered_on = models.DateField()
    is_relevant_organisation = models.BooleanField()
    is_compliant = models.BooleanField(null=True, blank=True)
    statement_url = models.URLField(max_length=500, blank=True)
    explanation = models.TextField(blank=True)
    outcome = models.CharField(max_length=20, choices=MsaAnswer.choices)
    recorded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+", null=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-answered_on"]
        constraints = [
            # The same rules as tackle.suppliers.rules.questionnaire, kept by the database too.
            models.CheckConstraint(
                condition=models.Q(is_relevant_organisation=True) | models.Q(is_compliant__isnull=True),
                name="selection_compliance_only_if_relevant",
            ),
            models.CheckConstraint(
                condition=~models.Q(is_compliant=True) | ~models.Q(statement_url=""),
                name="selection_compliant_has_url",
            ),
            models.CheckConstraint(
                condition=~models.Q(is_compliant=False) | ~models.Q(explanation=""),
                name="selection_not_compliant_explained",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.supplier} for {self.procurement}"


class AssessmentOutcome(models.TextChoices):
    SATISFACTORY = "satisfactory", _("Satisfactory")
    IMPROVEMENT_NEEDED = "improvement_needed", _("Improvement needed")
    SERIOUS_CONCERNS = "serious_concerns", _("Serious concerns")


class SupplierAssessment(models.Model):
    """The annual assessment of a supplier on a high-tier contract: scheduled, then completed."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="assessments")
    due_on = models.DateField()
    completed_on = models.DateField(null=True, blank=True)
    completed_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+", null=True)
    outcome = models.CharField(max_length=20, choices=AssessmentOutcome.choices, blank=True)
    findings = models.TextField(blank=True)
    last_reminded_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_on"]
        constraints = [
            models.UniqueConstraint(fields=["contract", "due_on"], name="assessment_one_per_due_date"),
            models.CheckConstraint(
                condition=models.Q(completed_on__isnull=True) | ~models.Q(outcome=""),
                name="assessment_completed_has_outcome",
            ),
        ]

    def __str__(self) -> str:
        return f"Assessment of {self.contract} due {self.due_on}"


class ContractRisk(models.Model):
    """One entry in the contract risk register: a named risk, how likely and how bad, and what is done."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="risks")
    description = models.CharField(max_length=300)
    likelihood = models.PositiveSmallIntegerField(help_text=_("1 (rare) to 5 (almost certain)"))
    impact = models.PositiveSmallIntegerField(help_text=_("1 (minor) to 5 (severe)"))
    mitigation = models.TextField(blank=True)
    owner = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+", null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(likelihood__gte=1, likelihood__lte=5), name="risk_likelihood_1_5"
            ),
            models.CheckConstraint(condition=models.Q(impact__gte=1, impact__lte=5), name="risk_impact_1_5"),
        ]

    def __str__(self) -> str:
        return self.description

    @property
    def score(self) -> int:
        return self.likelihood * self.impact


class ContractAction(models.Model):
    """A step in a supplier's action plan, with a due date; closed when done."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="actions")
    description = models.CharField(max_length=300)
    due_on = models.DateField()
    closed_on = models.DateField(null=True, blank=True)
    closing_note = models.TextField(blank=True)
    created_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+", null=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_on"]

    def __str__(self) -> str:
        return self.description


class SanctionKind(models.TextChoices):
    WARNING = "warning", _("Formal warning")
    IMPROVEMENT_NOTICE = "improvement_notice", _("Improvement notice")
    PAYMENT_WITHHELD = "payment_withheld", _("Payment withheld")
    SUSPENSION = "suspension", _("Work suspended")
    OTHER = "other", _("Other")


class Sanction(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="sanctions")
    kind = models.CharField(max_length=30, choices=SanctionKind.choices)
    imposed_on = models.DateField()
    reason = models.TextField()
    recorded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+", null=True)

    class Meta:
        ordering = ["-imposed_on"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.contract}"


class TenderCheck(models.Model):
    """One run of the abnormally-low-tender check over the bids for one lot."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="tender_checks")
    lot = models.CharField(max_length=200)
    median = models.DecimalField(max_digits=16, decimal_places=2, null=True)
    threshold = models.DecimalField(max_digits=4, decimal_places=3)
    checked_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+", null=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.lot


class TenderBid(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    check_run = models.ForeignKey(TenderCheck, on_delete=models.CASCADE, related_name="bids")
    line = models.PositiveIntegerField()
    bidder = models.CharField(max_length=200)
    price = models.DecimalField(max_digits=16, decimal_places=2)
    labour_hours = models.DecimalField(max_digits=12, decimal_places=2, null=True)
    year = models.PositiveSmallIntegerField(null=True)
    flags = models.JSONField(default=list)
    explanation = models.TextField(blank=True)

    class Meta:
        ordering = ["line"]

    def __str__(self) -> str:
        return f"{self.bidder}: {self.price}"


class ClarificationTask(models.Model):
    """A flagged bid: the procurement officer asks the bidder to explain its price before award."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="clarification_tasks")
    bid = models.OneToOneField(TenderBid, on_delete=models.CASCADE, related_name="clarification")
    assigned_to = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+", null=True)
    created_at = models.DateTimeField(auto_now_add=True)
    closed_on = models.DateField(null=True, blank=True)
    closed_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+", null=True)
    outcome = models.TextField(blank=True, help_text=_("What the bidder said and what was decided"))

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Clarify {self.bid}"


class SupplierConcernTask(models.Model):
    """A concern about exploitation at a supplier, passed from casework: procurement reviews the
    contract and closes the task with what it did. It keeps the case's reference only: procurement
    acts on the contract and need not know who the workers are."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    supplier = models.ForeignKey(Supplier, on_delete=models.PROTECT, related_name="concern_tasks")
    case_reference = models.CharField(max_length=20)
    case_uuid = models.UUIDField(help_text=_("One task for each case and supplier"))
    created_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+", null=True)
    created_at = models.DateTimeField(auto_now_add=True)
    closed_on = models.DateField(null=True, blank=True)
    closed_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+", null=True, blank=True)
    outcome = models.TextField(blank=True, help_text=_("What procurement did about the contract"))

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # A case corrected to name another supplier puts a task on that one too.
            models.UniqueConstraint(fields=["case_uuid", "supplier"], name="supplier_concern_task_one_per_case"),
            models.CheckConstraint(
                condition=models.Q(closed_on__isnull=True) | ~models.Q(outcome=""),
                name="supplier_concern_task_closed_with_outcome",
            ),
        ]

    def __str__(self) -> str:
        return f"Concern {self.case_reference} about {self.supplier}"


class StatementFollowUp(models.Model):
    """Something to do about what a modern slavery statement says (ask for a missing area, check a
    promise was kept), raised by a reviewer from its reading, with an owner and a due date. Kept here,
    below the statement reader, so the supplier's page lists it; the council's own statement has none."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    supplier = models.ForeignKey(
        Supplier, on_delete=models.PROTECT, related_name="statement_follow_ups", null=True, blank=True
    )
    reading_uuid = models.UUIDField(help_text=_("The statement reading it was raised from"))
    description = models.CharField(max_length=300)
    owner = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    due_on = models.DateField()
    created_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    # Marked as done, with what was done: kept and listed as done, never deleted.
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+", null=True, blank=True)
    outcome = models.TextField(blank=True, help_text=_("What was done"))
    last_reminded_on = models.DateField(null=True, blank=True)  # its owner is told once a week while overdue

    class Meta:
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(description=""), name="follow_up_has_description"),
            models.CheckConstraint(
                condition=models.Q(closed_at__isnull=True) | ~models.Q(outcome=""),
                name="follow_up_closed_with_outcome",
            ),
        ]

    def __str__(self) -> str:
        return self.description
