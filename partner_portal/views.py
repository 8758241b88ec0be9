from core.access.roles import Role
from core.cms.views import PortalDashboardView


class DashboardView(PortalDashboardView):
    portal_role = Role.PARTNER
    template_name = "partner_portal/dashboard.html"
