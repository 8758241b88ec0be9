from .deals import DealConflict, DealEvent, DealLine, DealQuerySet, DealRegistration
from .mdf import ClaimProof, FundRequest, MdfBudget
from .programme import ApplicationContact, AutoApprovalRule, PartnerApplication, Product

__all__ = [
    "ApplicationContact",
    "AutoApprovalRule",
    "ClaimProof",
    "DealConflict",
    "DealEvent",
    "DealLine",
    "DealQuerySet",
    "DealRegistration",
    "FundRequest",
    "MdfBudget",
    "PartnerApplication",
    "Product",
]
