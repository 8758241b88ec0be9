from .deals import DealConflict, DealEvent, DealLine, DealQuerySet, DealRegistration
from .leads import Lead, LeadOffer, PartnerProfile
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
    "Lead",
    "LeadOffer",
    "MdfBudget",
    "PartnerApplication",
    "PartnerProfile",
    "Product",
]
