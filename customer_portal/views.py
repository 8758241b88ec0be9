from core.access.roles import Role
from core.cms.views import PortalDashboardView


class DashboardView(PortalDashboardView):
    portal_role = Role.CUSTOMER
    template_name = "customer_portal/dashboard.html"
