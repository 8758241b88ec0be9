from core.access.roles import Role
from core.cms.views import PortalDashboardView


class DashboardView(PortalDashboardView):
    portal_role = Role.INVESTOR
    template_name = "investor_portal/dashboard.html"
