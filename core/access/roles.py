"""The vocabulary of access: roles, the portal each role opens, and staff duties.

This is the one place that names them. Models store the values, policies decide with them.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CUSTOMER = "customer", _("Customer")
    PARTNER = "partner", _("Partner")
    EMPLOYEE = "employee", _("Employee")
    INVESTOR = "investor", _("Investor")


class OrganisationKind(models.TextChoices):
    CUSTOMER = "customer", _("Customer account")
    PARTNER = "partner", _("Partner firm")
    OWN_COMPANY = "own", _("Our company")
    INVESTOR = "investor", _("Investing entity")


# A role is held at an organisation of one kind; investors may also hold it as individuals.
ORGANISATION_KIND_FOR_ROLE = {
    Role.CUSTOMER: OrganisationKind.CUSTOMER,
    Role.PARTNER: OrganisationKind.PARTNER,
    Role.EMPLOYEE: OrganisationKind.OWN_COMPANY,
    Role.INVESTOR: OrganisationKind.INVESTOR,
}
ROLES_WITHOUT_ORGANISATION = frozenset({Role.INVESTOR})


class Duty(models.TextChoices):
    """Staff sub-roles. Each is a Django group of that name, so permissions attach to it."""

    AGENT = "Support agents", _("Support agent")
    CHANNEL_MANAGER = "Channel managers", _("Channel manager")
    IR_OFFICER = "IR officers", _("Investor relations officer")
    CONTENT_EDITOR = "Content editors", _("Content editor")


@dataclass(frozen=True)
class Portal:
    role: Role
    namespace: str
    label: str
    description: str
    requires_mfa: bool = False

    @property
    def home_url_name(self) -> str:
        return f"{self.namespace}:dashboard"


PORTALS: dict[Role, Portal] = {
    Role.CUSTOMER: Portal(
        Role.CUSTOMER,
        "customer",
        _("Customer portal"),
        _("Open and follow support tickets, search help articles, manage your team."),
    ),
    Role.PARTNER: Portal(
        Role.PARTNER,
        "partner",
        _("Partner portal"),
        _("Register deals, take leads, request marketing funds, train and certify."),
    ),
    Role.EMPLOYEE: Portal(
        Role.EMPLOYEE,
        "employee",
        _("Employee portal"),
        _("Training, company news, the directory and the shared work queues."),
        requires_mfa=True,
    ),
    Role.INVESTOR: Portal(
        Role.INVESTOR,
        "investor",
        _("Investor portal"),
        _("Reports and filings, events, e-mail alerts and your information requests."),
    ),
}
PORTAL_BY_NAMESPACE = {portal.namespace: portal for portal in PORTALS.values()}
